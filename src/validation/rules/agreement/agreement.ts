/** AGR transactions (AGR-1): territories, parties, shares, dates and statuses, number of works. */
import type { Transaction } from '../../../formats/cwr/structure.js';
import type { CheckContext, FileFacts } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { FULL, RIGHTS, RIGHT_NAME, TOLERANCE, pct, reportAt, s, strAt } from '../support.js';

export const AGR_TERRITORY_MISSING = defineRule({
  id: 'agr-territory-missing',
  level: 'transaction',
  cisac: 'CWR 2.2 AGR transaction edit 2 (AGR-1)',
  msg: { record: 'AGR', number: '002' },
  summary: 'An agreement has no TER record.',
  message: () => 'the agreement has no territory (TER) record: the transaction is rejected',
});

export const AGR_PARTIES = defineRule({
  id: 'agr-parties',
  level: 'transaction',
  cisac: 'CWR 2.2 AGR transaction edit 3; IPA record edit 2 (AGR-1)',
  msg: { record: 'AGR', number: '003' },
  summary: 'An agreement needs one assignor (AS) and at least one acquirer (AC) IPA record.',
  message: (p) => `the agreement has ${s(p, 'assignors')} assignor(s) and ${s(p, 'acquirers')} acquirer(s); it needs one assignor and at least one acquirer: the transaction is rejected`,
});

export const AGR_SHARES_TOTAL = defineRule({
  id: 'agr-shares-total',
  level: 'transaction',
  cisac: 'CWR 2.2 AGR transaction edit 5 (AGR-1)',
  msg: { record: 'AGR', number: '005' },
  summary: 'Assignor and acquirer shares add up to 100% (±0.06%) for each right the agreement covers.',
  message: (p) => `${s(p, 'right')} shares of the agreement's parties add up to ${s(p, 'total')}, not 100%: the transaction is rejected`,
});

export const AGR_DATES = defineRule({
  id: 'agr-dates',
  level: 'transaction',
  cisac: 'CWR 2.2 AGR field edits 7, 9, 10, 12-17, 20 (AGR-1)',
  summary: 'Agreement dates and statuses disagree (prior royalty, post-term collection, retention end, sales/manufacture clause).',
  message: (p) => `${s(p, 'why')}: the transaction is rejected`,
});

export const AGR_NUMBER_OF_WORKS = defineRule({
  id: 'agr-number-of-works',
  level: 'transaction',
  cisac: 'CWR 2.2 AGR transaction edit 4 (AGR-1)',
  msg: { record: 'AGR', number: '004' },
  summary: 'More works in the file refer to an agreement than its number of works.',
  message: (p) => `${s(p, 'count')} works in this file refer to agreement ${s(p, 'agreement')}, but it covers only ${s(p, 'declared')}: the agreement is rejected`,
});

interface AgrState {
  declared: Map<string, { line: number; n: number; rec: import('../../../formats/cwr/record.js').CwrRecord }>;
  refs: Map<string, Set<string>>;
}
const state = new WeakMap<CheckContext, AgrState>();
function st(ctx: CheckContext): AgrState {
  let x = state.get(ctx);
  if (!x) state.set(ctx, (x = { declared: new Map(), refs: new Map() }));
  return x;
}

export function checkAgreement(tx: Transaction, ctx: CheckContext): void {
  const h = tx.header;
  if (h.type === 'NWR' || h.type === 'REV') {
    // Remember which agreements the works refer to (AGR edit 4 is checked at the end).
    let work: string | null = null;
    for (const r of tx.records) {
      if (r.type !== 'SPU') continue;
      const a = strAt(r, 'submitter_agreement_number');
      if (a === '') continue;
      work ??= strAt(h, 'submitter_work_number') || String(h.line);
      const refs = st(ctx).refs;
      let set = refs.get(a);
      if (!set) refs.set(a, (set = new Set()));
      set.add(work);
    }
    return;
  }
  if (h.type !== 'AGR') return;
  const ters = tx.records.filter((r) => r.type === 'TER');
  const ipas = tx.records.filter((r) => r.type === 'IPA');
  if (ters.length === 0) reportAt(ctx, AGR_TERRITORY_MISSING, h, null);
  const as = ipas.filter((r) => r.str('agreement_role_code') === 'AS');
  const ac = ipas.filter((r) => r.str('agreement_role_code') === 'AC');
  if (as.length !== 1 || ac.length === 0) reportAt(ctx, AGR_PARTIES, h, null, { assignors: as.length, acquirers: ac.length });
  RIGHTS.forEach((right) => {
    let total = 0;
    for (const r of ipas) {
      const v = r.get(`${right}_share`);
      if (typeof v === 'number') total += v;
    }
    if (total !== 0 && Math.abs(total - FULL) > TOLERANCE) reportAt(ctx, AGR_SHARES_TOTAL, h, null, { right: RIGHT_NAME[right], total: pct(total) });
  });
  const why = (field: string, text: string, num: string): void => reportAt(ctx, AGR_DATES, h, field, { why: text, msgRecord: 'AGR', msgLevel: 'F', msgNumber: num });
  const prior = h.str('prior_royalty_status');
  const priorDate = h.str('prior_royalty_start_date');
  const start = h.str('agreement_start_date');
  if (prior === 'D' && (priorDate === '' || (start !== '' && priorDate >= start))) why('prior_royalty_start_date', 'prior royalty status D needs a prior royalty start date before the agreement start date', '009');
  if (prior !== 'D' && priorDate !== '') why('prior_royalty_start_date', `prior royalty status ${prior || 'blank'} does not allow a prior royalty start date`, prior === 'N' || prior === 'A' ? '010' : '012');
  const post = h.str('post_term_collection_status');
  const postDate = h.str('post_term_collection_end_date');
  if (post === 'D' && postDate === '') why('post_term_collection_end_date', 'post-term collection status D needs a post-term collection end date', '014');
  if (post !== 'D' && postDate !== '') why('post_term_collection_end_date', `post-term collection status ${post || 'blank'} does not allow an end date`, post === 'N' || post === 'O' ? '015' : '017');
  const end = h.str('agreement_end_date');
  const retention = h.str('retention_end_date');
  if (retention !== '' && end !== '' && retention < end) why('retention_end_date', 'the retention end date is before the agreement end date', '007');
  if (postDate !== '' && ((retention !== '' && postDate <= retention) || (end !== '' && postDate <= end))) why('post_term_collection_end_date', 'the post-term collection end date is not after the retention/agreement end date', '013');
  const type = h.str('agreement_type');
  if ((type === 'OS' || type === 'PS') && h.str('sales_manufacture_clause') === '') why('sales_manufacture_clause', `agreement type ${type} needs a sales/manufacture clause (S or M)`, '020');
  const n = h.get('number_of_works');
  const id = h.str('submitter_agreement_number');
  if (id !== '' && typeof n === 'number') st(ctx).declared.set(id, { line: h.line, n, rec: h });
}

export function checkAgreementsAtEnd(_file: FileFacts, ctx: CheckContext): void {
  const x = state.get(ctx);
  if (!x) return;
  for (const [id, d] of x.declared) {
    const count = x.refs.get(id)?.size ?? 0;
    if (d.n > 0 && count > d.n) reportAt(ctx, AGR_NUMBER_OF_WORKS, d.rec, 'number_of_works', { count, agreement: id, declared: d.n });
  }
}
