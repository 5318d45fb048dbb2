/** How a stored or fresh distribution is shown: one JSON shape and one text form for `distribute` and `distributions`. */
import type { DistributeResult } from '../../app/distribute.js';
import { formatUnits } from '../../domain/money.js';

/** A distribution as made (DistributeResult) or as stored, with its id and money per society. */
export type DistributionView = Pick<DistributeResult, 'currency' | 'scale' | 'amount' | 'allocated' | 'unallocated' | 'lines' | 'matched' | 'works' | 'unmatched'> & {
  readonly id: number;
  readonly societies: readonly { society: string | null; amount: bigint; parties: number }[];
};

export function distributionJson(r: DistributionView): Record<string, unknown> {
  const fmt = (v: bigint): string => formatUnits(v, r.scale);
  return {
    schemaVersion: 1,
    id: r.id,
    currency: r.currency,
    amount: fmt(r.amount),
    allocated: fmt(r.allocated),
    unallocated: fmt(r.unallocated),
    lines: r.lines,
    matched: r.matched,
    works: r.works.map((w) => ({ work: w.workId, title: w.title, iswc: w.iswc, uses: w.uses, amount: fmt(w.amount), unallocated: fmt(w.unallocated) })),
    societies: r.societies.map((s) => ({ society: s.society, parties: s.parties, amount: fmt(s.amount) })),
    unmatched: r.unmatched.map((u) => ({ line: u.line, work: u.workRef, title: u.title, uses: u.uses, held: fmt(u.amount) })),
  };
}

export function distributionText(r: DistributionView): string {
  const fmt = (v: bigint): string => formatUnits(v, r.scale);
  let text = `distribution ${r.id}: ${fmt(r.amount)} ${r.currency} over ${r.works.length} works (${r.matched} of ${r.lines} usage lines matched)\n`;
  text += `  paid to parties ${fmt(r.allocated)}, held ${fmt(r.unallocated)}\n`;
  for (const s of r.societies) text += `  society ${s.society ?? '(none)'}: ${s.parties} parties, ${fmt(s.amount)} ${r.currency}\n`;
  for (const u of r.unmatched) text += `  unmatched line ${u.line}: ${u.workRef}${u.title ? ` "${u.title}"` : ''}, ${u.uses} uses, ${fmt(u.amount)} held\n`;
  return text;
}
