/**
 * Ownership shares (TX-2..TX-5): totals per right, publisher and writer caps, per-record ranges.
 * Shares are integers (10000 = 100.00%); the CWR tolerance is ±6 (0.06%).
 */
import type { Transaction } from '../../../formats/cwr/structure.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import type { CwrRecord } from '../../../formats/cwr/record.js';
import { FULL, RIGHTS, RIGHT_NAME, TOLERANCE, pct, reportAt, s } from '../support.js';
import { REGISTRATION_TYPES, workModel } from './work-model.js';

export const OWNERSHIP_TOTAL = defineRule({
  id: 'ownership-total',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edit 11 (TX-3); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '011' },
  summary: 'For each right, writer plus publisher ownership shares add up to 100% (±0.06%) or to 0%.',
  message: (p) => `${s(p, 'right')} ownership shares add up to ${s(p, 'total')}, not 100% (or 0%): the transaction is rejected`,
});

export const PUBLISHER_OWNERSHIP_CAP = defineRule({
  id: 'publisher-ownership-cap',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edit 4 (TX-4); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '004' },
  summary: 'Publishers (SPU+OPU) own at most 50% of PR and 100% of MR and SR (±0.06%).',
  message: (p) => `publishers own ${s(p, 'total')} of ${s(p, 'right')}, more than the ${s(p, 'cap')} allowed: the transaction is rejected`,
});

export const WRITER_OWNERSHIP = defineRule({
  id: 'writer-ownership',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edit 9 (TX-4); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '009' },
  summary: 'Writers (SWR+OWR) own 0% or at least 50% of PR, and at most 100% of any right (±0.06%).',
  message: (p) => `writers own ${s(p, 'total')} of ${s(p, 'right')}: ${s(p, 'why')}; the transaction is rejected`,
});

export const SHARE_RANGE = defineRule({
  id: 'share-range',
  level: 'transaction',
  cisac: 'CWR 2.2 SPU field edits 13, 16, 18; SWR field edits 11, 13, 15; SPT field edits 6-8; SWT field edits 3-5 (TX-5); v3 WRK where the layout has the fields: unverified',
  summary: 'A single share is out of its range (SPU PR and SPT PR 0-50%, everything else 0-100%).',
  message: (p) => `${s(p, 'field')} is ${s(p, 'value')}, outside 0-${s(p, 'max')}: the transaction is rejected`,
});

const RANGE: Readonly<Record<string, readonly [string, number, string, readonly string[]]>> = {
  // record -> [field suffix, PR max, msg record, msg numbers PR/MR/SR]
  SPU: ['ownership_share', 5000, 'SPU', ['013', '016', '018']],
  OPU: ['ownership_share', 5000, 'SPU', ['013', '016', '018']],
  SWR: ['ownership_share', FULL, 'SWR', ['011', '013', '015']],
  OWR: ['ownership_share', FULL, 'SWR', ['011', '013', '015']],
  SPT: ['collection_share', 5000, 'SPT', ['006', '007', '008']],
  OPT: ['collection_share', 5000, 'SPT', ['006', '007', '008']],
  SWT: ['collection_share', FULL, 'SWT', ['003', '004', '005']],
  OWT: ['collection_share', FULL, 'SWT', ['003', '004', '005']],
};

const OWNERSHIP_FIELDS = ['pr_ownership_share', 'mr_ownership_share', 'sr_ownership_share'] as const;
const COLLECTION_FIELDS = ['pr_collection_share', 'mr_collection_share', 'sr_collection_share'] as const;

export function checkShares(tx: Transaction, ctx: CheckContext): void {
  const w = workModel(tx);
  if (!w) return;
  const range = (rec: CwrRecord, values: readonly number[], fields: readonly string[]): void => {
    const r = RANGE[rec.type];
    if (!r) return;
    for (let i = 0; i < 3; i++) {
      const v = values[i] ?? 0;
      const max = i === 0 ? r[1] : FULL;
      if (v > max) {
        const field = fields[i] ?? '';
        reportAt(ctx, SHARE_RANGE, rec, field, { field, value: pct(v), max: pct(max), msgRecord: r[2], msgLevel: 'F', msgNumber: r[3][i] ?? '' });
      }
    }
  };
  for (const p of w.parties) {
    if (p.own) range(p.rec, p.own, OWNERSHIP_FIELDS);
    for (const t of p.territories) range(t.rec, t.shares, COLLECTION_FIELDS);
  }
  if (!REGISTRATION_TYPES.has(tx.header.type)) return;
  let any = false;
  const pub = [0, 0, 0];
  const wri = [0, 0, 0];
  for (const p of w.parties) {
    const o = p.own;
    if (!o) continue;
    any = true;
    const acc = p.publisher ? pub : wri;
    for (let i = 0; i < 3; i++) acc[i] = (acc[i] ?? 0) + (o[i] ?? 0);
  }
  if (!any) return;
  RIGHTS.forEach((right, i) => {
    const name = RIGHT_NAME[right];
    const p = pub[i] ?? 0;
    const wr = wri[i] ?? 0;
    const total = p + wr;
    if (total !== 0 && Math.abs(total - FULL) > TOLERANCE) reportAt(ctx, OWNERSHIP_TOTAL, tx.header, null, { right: name, total: pct(total) });
    const cap = i === 0 ? 5000 : FULL;
    if (p > cap + TOLERANCE) reportAt(ctx, PUBLISHER_OWNERSHIP_CAP, tx.header, null, { right: name, total: pct(p), cap: pct(cap) });
    if (wr > FULL + TOLERANCE) reportAt(ctx, WRITER_OWNERSHIP, tx.header, null, { right: name, total: pct(wr), why: 'more than 100%' });
    else if (i === 0 && wr > 0 && wr < 5000 - TOLERANCE) reportAt(ctx, WRITER_OWNERSHIP, tx.header, null, { right: name, total: pct(wr), why: 'more than 0% but less than 50%' });
  });
}
