/** Group rules (GRP-1, GRP-3, GRP-4); GRP-2, GRP-5 and GRP-6 are structure rules of the reader. */
import type { CwrRecord } from '../../../formats/cwr/record.js';
import { GROUP_VERSION } from '../../../formats/cwr/versions.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { blankAt, numAt, reportAt, s } from '../support.js';

export const GRH_TRANSACTION_TYPE = defineRule({
  id: 'grh-transaction-type',
  level: 'group',
  cisac: 'CWR 2.2 §3.6 GRH field edit 1 (GRP-1); v3 types from the User Manual, unverified',
  msg: { record: 'GRH', number: '001', messageLevel: 'F' },
  summary: 'The group’s transaction type is not a transaction type of the file’s CWR version.',
  message: (p) => `"${s(p, 'value')}" is not a transaction type of CWR ${s(p, 'version')} (${s(p, 'allowed')}): the group is rejected`,
});

export const GRH_VERSION_NUMBER = defineRule({
  id: 'grh-version-number',
  level: 'group',
  cisac: 'CWR 2.2 §3.6 GRH field edit 4 (GRP-3)',
  msg: { record: 'GRH', number: '004', messageLevel: 'F' },
  summary: 'The GRH version number for the transaction type does not match the file’s version (02.10, 02.20, 03.00, 03.10).',
  message: (p) => `group version "${s(p, 'value')}" does not match CWR ${s(p, 'version')} (expected ${s(p, 'expected')}): the group is rejected`,
});

export const GROUP_TYPE_REPEATED = defineRule({
  id: 'group-type-repeated',
  level: 'group',
  cisac: 'CWR 2.2 §3.6 GRH edit 5 (GRP-4: one group per transaction type)',
  summary: 'A second group of the same transaction type in one file.',
  message: (p) => `a second ${s(p, 'value')} group (the first is at line ${s(p, 'first')}): each transaction type has one group per file; the group is rejected`,
});

export const GRT_CURRENCY = defineRule({
  id: 'grt-currency',
  level: 'group',
  cisac: 'CWR 2.2 §3.7 GRT field edit 4 (GRP-5)',
  msg: { record: 'GRT', number: '004', messageLevel: 'F' },
  summary: 'A GRT gives a total monetary value without a currency indicator.',
  message: (p) => `the GRT gives a total monetary value of ${s(p, 'value')} but no currency indicator: the group is rejected`,
});

const TYPES_2X = ['AGR', 'NWR', 'REV', 'ISW', 'EXC', 'ACK', 'COP'];
const TYPES_3X = ['WRK', 'ISR', 'ISA', 'DRW', 'EXC', 'ACK', 'LIC'];

const seen = new WeakMap<CheckContext, Map<string, number>>();

export function checkGroupHeader(rec: CwrRecord, ctx: CheckContext): void {
  if (rec.type === 'GRT') {
    const total = numAt(rec, 'total_monetary_value');
    if (total > 0 && blankAt(rec, 'currency_indicator')) reportAt(ctx, GRT_CURRENCY, rec, 'currency_indicator', { value: total });
    return;
  }
  if (rec.type !== 'GRH') return;
  const version = ctx.info.version;
  const v3 = version === '3.0' || version === '3.1';
  const type = rec.str('transaction_type');
  const allowed = v3 ? TYPES_3X : TYPES_2X;
  if (type !== '' && !allowed.includes(type)) reportAt(ctx, GRH_TRANSACTION_TYPE, rec, 'transaction_type', { value: type, version, allowed: allowed.join(', ') });
  const vn = rec.str('version_number_for_transaction_type');
  const expected = GROUP_VERSION[version];
  if (vn !== '' && vn !== expected) reportAt(ctx, GRH_VERSION_NUMBER, rec, 'version_number_for_transaction_type', { value: vn, version, expected });
  let map = seen.get(ctx);
  if (!map) seen.set(ctx, (map = new Map()));
  const first = map.get(type);
  if (first !== undefined) reportAt(ctx, GROUP_TYPE_REPEATED, rec, 'transaction_type', { value: type, first });
  else map.set(type, rec.line);
}
