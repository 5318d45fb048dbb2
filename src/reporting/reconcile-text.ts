/** Human text of a reconciliation summary (what `cwrkit reconcile` prints). */
import type { ChalkInstance } from 'chalk';

export interface SummaryJson {
  statement: number;
  currency: string;
  lines: number;
  matched: { total: number; byMethod: Record<string, number> };
  review: number;
  unmatched: number;
  discrepancies: number;
  claims: number;
  total: string | null;
  charges: string | null;
  allocated: string | null;
  unallocated: string | null;
  unallocatedByReason: Record<string, string | null>;
  members: { ipi: string | null; name: string; amount: string | null; local?: string | null }[];
  local: { currency: string; rate: string | null; total: string | null; allocated: string | null; unallocated: string | null } | null;
}

/** `ofSeveral`: the statement has lines in several currencies (the heading names this one). */
export function renderReconcileSummary(s: SummaryJson, c: ChalkInstance, maxMembers = 20, ofSeveral = false): string {
  const lines: string[] = [];
  const methods = Object.entries(s.matched.byMethod)
    .filter(([, n]) => n > 0)
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
  lines.push(c.bold(`statement ${s.statement}${ofSeveral ? ` (${s.currency})` : ''}`) + `: ${s.lines} lines, ${c.green(`${s.matched.total} matched`)}${methods ? ` (${methods})` : ''}, ${s.review > 0 ? c.yellow(`${s.review} to review`) : '0 to review'}, ${s.unmatched > 0 ? c.red(`${s.unmatched} unmatched`) : '0 unmatched'}`);
  lines.push(`  discrepancies ${s.discrepancies}, claim candidates ${s.claims}`);
  lines.push(`  total ${s.total} ${s.currency}${s.charges !== '0.00' && s.charges !== null && !/^0(\.0+)?$/.test(s.charges) ? `, bank charges ${s.charges}` : ''}, allocated ${s.allocated}, unallocated ${s.unallocated}`);
  for (const [reason, amount] of Object.entries(s.unallocatedByReason)) lines.push(`    unallocated ${reason}: ${amount}`);
  if (s.local) lines.push(`  ${s.local.currency}${s.local.rate ? ` at ${s.local.rate}` : ''}: total ${s.local.total}, allocated ${s.local.allocated}, unallocated ${s.local.unallocated}`);
  if (s.members.length > 0) {
    lines.push('  members paid:');
    for (const m of s.members.slice(0, maxMembers)) lines.push(`    ${m.name.padEnd(32)} ${(m.ipi ?? '').padEnd(11)} ${String(m.amount).padStart(14)} ${s.currency}${m.local != null && s.local ? ` ${String(m.local).padStart(14)} ${s.local.currency}` : ''}`);
    if (s.members.length > maxMembers) lines.push(c.dim(`    ... and ${s.members.length - maxMembers} more (use --json or --csv)`));
  }
  return lines.join('\n');
}
