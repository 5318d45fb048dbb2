/**
 * CRD structure and control-total rules (rules.md CTL-*, AMT-*). Ids are stable; `cisac` names the
 * working-set rule each one implements.
 */
import { defineRule, type Params } from '../../validation/rule.js';

const s = (p: Params, k: string): string => String(p[k] ?? '');

export const HDR_FIRST = defineRule({
  id: 'crd-hdr-first',
  level: 'file',
  cisac: 'CRD rules.md CTL-01',
  summary: 'A CRD file starts with one HDR.',
  message: (p) => `the first record must be HDR, found "${s(p, 'found')}"`,
});

export const TRL_MISSING = defineRule({
  id: 'crd-truncated',
  level: 'file',
  cisac: 'CRD rules.md CTL-01',
  summary: 'The file ends without a TRL: it was cut short.',
  message: (p) => `the file ends after line ${s(p, 'last')} without a TRL record: truncated`,
});

export const AFTER_TRL = defineRule({
  id: 'crd-after-trl',
  level: 'file',
  cisac: 'CRD rules.md CTL-01',
  summary: 'Nothing may follow the TRL.',
  message: (p) => `a ${s(p, 'found')} record after the TRL`,
});

export const GRH_EXPECTED = defineRule({
  id: 'crd-grh-expected',
  level: 'group',
  cisac: 'CRD rules.md CTL-02',
  summary: 'Records between groups: a group must open with GRH.',
  message: (p) => `a ${s(p, 'found')} record outside any group (expected GRH)`,
});

export const GRT_MISSING = defineRule({
  id: 'crd-grt-missing',
  level: 'group',
  cisac: 'CRD rules.md CTL-02',
  summary: 'A group is not closed by its GRT.',
  message: (p) => `group ${s(p, 'group')} has no GRT before ${s(p, 'found')}`,
});

export const GROUP_ID = defineRule({
  id: 'crd-group-id',
  level: 'group',
  cisac: 'CRD rules.md CTL-02',
  summary: 'Group ids run 1, 2, 3 ... and each GRT repeats its GRH id.',
  message: (p) => `group id ${s(p, 'found')}, expected ${s(p, 'expected')}`,
});

export const GRT_TRANSACTIONS = defineRule({
  id: 'crd-grt-transaction-count',
  level: 'group',
  cisac: 'CRD rules.md CTL-04',
  summary: 'GRT transaction count must equal the transactions in the group.',
  message: (p) => `GRT says ${s(p, 'declared')} transactions, the group has ${s(p, 'counted')}`,
});

export const GRT_RECORDS = defineRule({
  id: 'crd-grt-record-count',
  level: 'group',
  cisac: 'CRD rules.md CTL-05',
  summary: 'GRT record count must equal the records of the group, GRH and GRT included.',
  message: (p) => `GRT says ${s(p, 'declared')} records, the group has ${s(p, 'counted')}`,
});

export const GRT_TOTAL = defineRule({
  id: 'crd-grt-total',
  level: 'group',
  severity: 'warning',
  cisac: 'CRD rules.md CTL-08',
  summary: 'A GRT monetary total differs from the sum of the group\'s payable amounts (decimals unverified: warning).',
  message: (p) => `GRT total ${s(p, 'declared')} ${s(p, 'currency')} differs from the group's payable amounts ${s(p, 'computed')}`,
});

export const TRL_GROUPS = defineRule({
  id: 'crd-trl-group-count',
  level: 'file',
  cisac: 'CRD rules.md CTL-06',
  summary: 'TRL group count must equal the groups in the file.',
  message: (p) => `TRL says ${s(p, 'declared')} groups, the file has ${s(p, 'counted')}`,
});

export const TRL_TRANSACTIONS = defineRule({
  id: 'crd-trl-transaction-count',
  level: 'file',
  cisac: 'CRD rules.md CTL-06',
  summary: 'TRL transaction count must equal the transactions in the file.',
  message: (p) => `TRL says ${s(p, 'declared')} transactions, the file has ${s(p, 'counted')}`,
});

export const TRL_RECORDS = defineRule({
  id: 'crd-trl-record-count',
  level: 'file',
  cisac: 'CRD rules.md CTL-06',
  summary: 'TRL record count must equal the records in the file, HDR and TRL included.',
  message: (p) => `TRL says ${s(p, 'declared')} records, the file has ${s(p, 'counted')}`,
});

export const RECORD_UNKNOWN = defineRule({
  id: 'crd-record-unknown',
  level: 'record',
  severity: 'warning',
  cisac: 'CRD rules.md CTL-12',
  summary: 'A record type without a layout is kept as a raw line and reported.',
  message: (p) => `record type "${s(p, 'found')}" has no layout: kept as a raw line, not read`,
});

export const RECORD_TRUNCATED = defineRule({
  id: 'crd-record-truncated',
  level: 'record',
  cisac: 'CRD rules.md CTL-09',
  summary: 'A line stops inside a mandatory field.',
  message: (p) => `${s(p, 'record')} line is ${s(p, 'length')} characters and stops inside the mandatory field ${s(p, 'field')}`,
});

export const FIELD_INVALID = defineRule({
  id: 'crd-field-invalid',
  level: 'record',
  cisac: 'CRD rules.md CTL-10',
  summary: 'A field the statement needs does not fit its type.',
  message: (p) => `${s(p, 'field')} "${s(p, 'text')}" is not a valid ${s(p, 'type')}`,
});

export const AMOUNT_SIGNED = defineRule({
  id: 'crd-amount-signed',
  level: 'record',
  cisac: 'CRD rules.md AMT-03',
  summary: 'An amount field holds a sign: CRD amounts are unsigned; corrections come as ADJ records.',
  message: (p) => `${s(p, 'field')} "${s(p, 'text')}" carries a sign: CRD amounts are unsigned (negative corrections are ADJ records with a sign)`,
});

export const SDN_MISSING = defineRule({
  id: 'crd-sdn-missing',
  level: 'transaction',
  cisac: 'CRD example-notes.md (SDN before the works)',
  summary: 'Usage lines before any SDN: their decimals and currency are unknown.',
  message: (p) => `${s(p, 'record')} before any SDN: the amount decimals and currency are unknown`,
});

export const CONTEXT_MISSING = defineRule({
  id: 'crd-context-missing',
  level: 'record',
  cisac: 'CRD rules.md WRK-05',
  summary: 'A usage or adjustment line outside a work (MWN) and party (MIP).',
  message: (p) => `${s(p, 'record')} outside a ${s(p, 'missing')}: the line cannot be attributed`,
});

export const CURRENCY_DIFFERS = defineRule({
  id: 'crd-currency-differs',
  level: 'field',
  cisac: 'CRD rules.md AMT-02',
  summary: 'A usage line currency differs from the SDN currency.',
  message: (p) => `line currency ${s(p, 'line')} differs from the SDN currency ${s(p, 'sdn')}`,
});

export const SENDER_DIFFERS = defineRule({
  id: 'crd-sender-differs',
  level: 'file',
  severity: 'warning',
  cisac: 'CRD rules.md CTL-11',
  summary: 'The HDR sender is not the society given with --from.',
  message: (p) => `the HDR sender is society ${s(p, 'found')}, not ${s(p, 'expected')} as given with --from`,
});

export const SEQUENCE = defineRule({
  id: 'crd-sequence',
  level: 'record',
  severity: 'warning',
  cisac: 'CRD rules.md CTL-07 (unconfirmed for CRD: warning)',
  summary: 'Transaction sequence numbers run 0, 1, 2 ... per group; record sequence numbers 0, 1, 2 ... per transaction.',
  message: (p) => `${s(p, 'field')} is ${s(p, 'found')}, expected ${s(p, 'expected')}`,
});
