/** File, group and sequence structure rules (what the reader itself can see). */
import { defineRule } from '../rule.js';

const s = (p: Readonly<Record<string, unknown>>, k: string): string => String(p[k] ?? '');

export const FILE_EMPTY = defineRule({
  id: 'file-empty',
  level: 'file',
  cisac: 'CWR 2.2 §3.4.1 (unreadable file)',
  summary: 'The file holds no records.',
  message: () => 'the file is empty: a CWR file starts with an HDR record',
});

export const FILE_BINARY = defineRule({
  id: 'file-binary',
  level: 'file',
  cisac: 'CWR 2.2 §3.4.1 (unreadable file)',
  summary: 'The file contains binary data (NUL or control bytes), not fixed-width text.',
  message: () => 'the file contains binary data (NUL or control bytes): it is not a CWR text file',
});

export const FILE_NOT_CWR = defineRule({
  id: 'file-not-cwr',
  level: 'file',
  cisac: 'CWR 2.2 §3.4.2 (first record must be HDR)',
  summary: 'The first line is not a CWR record at all.',
  message: (p) => `this is not a CWR file: the first line starts with "${s(p, 'start')}", not HDR`,
});

export const HDR_FIRST = defineRule({
  id: 'hdr-first',
  level: 'file',
  cisac: 'CWR 2.2 §3.4.2 (first record must be HDR)',
  summary: 'The first record must be HDR.',
  message: (p) => `the first record must be HDR, found ${s(p, 'found')}`,
});

export const HDR_DUPLICATE = defineRule({
  id: 'hdr-duplicate',
  level: 'file',
  cisac: 'CWR 2.2 §3.4.3 (one HDR per file)',
  summary: 'Only one HDR record is allowed.',
  message: () => 'a second HDR record: a file has exactly one',
});

export const GRH_EXPECTED = defineRule({
  id: 'grh-expected',
  level: 'file',
  cisac: 'CWR 2.2 §3.4.4, §3.4.6 (GRH follows HDR or GRT)',
  summary: 'After HDR or GRT the next record must be GRH (or TRL after a GRT).',
  message: (p) => `expected GRH after ${s(p, 'after')}, found ${s(p, 'found')}`,
});

export const GRT_MISSING = defineRule({
  id: 'grt-missing',
  level: 'file',
  cisac: 'CWR 2.2 §3.4.6-3.4.7 (every group ends with GRT)',
  summary: 'A group is not closed by a GRT before the next GRH or the TRL.',
  message: (p) => `group ${s(p, 'group')} has no GRT before ${s(p, 'found')}`,
});

export const TRL_MISSING = defineRule({
  id: 'trl-missing',
  level: 'file',
  cisac: 'CWR 2.2 §3.4.5, §3.4.8 (last record must be TRL)',
  summary: 'The file does not end with a TRL record (it may be truncated).',
  message: (p) => `the file ends at line ${s(p, 'last')} without a TRL record: it may be truncated`,
});

export const AFTER_TRL = defineRule({
  id: 'after-trl',
  level: 'file',
  cisac: 'CWR 2.2 §3.4.8 (TRL is the last record)',
  summary: 'Records follow the TRL record.',
  message: (p) => `${s(p, 'found')} after the TRL record: TRL must be the last record`,
});

export const GROUP_ID_SEQUENCE = defineRule({
  id: 'group-id-sequence',
  level: 'group',
  cisac: 'CWR 2.2 §3.6 GRH edit 2',
  summary: 'Group ids start at 00001 and go up by one.',
  message: (p) => `group id ${s(p, 'found')} should be ${s(p, 'expected')}`,
});

export const GRT_GROUP_ID = defineRule({
  id: 'grt-group-id',
  level: 'group',
  cisac: 'CWR 2.2 §3.7 GRT edit 1',
  summary: 'The GRT repeats the group id of its GRH.',
  message: (p) => `GRT group id ${s(p, 'found')} does not match its GRH (${s(p, 'expected')})`,
});

export const GRT_TRANSACTION_COUNT = defineRule({
  id: 'grt-transaction-count',
  level: 'group',
  cisac: 'CWR 2.2 §3.7 GRT edit 2',
  summary: 'The GRT transaction count equals the transactions in the group.',
  message: (p) => `GRT says ${s(p, 'declared')} transactions, the group has ${s(p, 'actual')}`,
});

export const GRT_RECORD_COUNT = defineRule({
  id: 'grt-record-count',
  level: 'group',
  cisac: 'CWR 2.2 §3.7 GRT edit 3',
  summary: 'The GRT record count equals the records of the group, GRH and GRT included.',
  message: (p) => `GRT says ${s(p, 'declared')} records, the group has ${s(p, 'actual')} (GRH and GRT included)`,
});

export const TRL_GROUP_COUNT = defineRule({
  id: 'trl-group-count',
  level: 'file',
  cisac: 'CWR 2.2 §3.8 TRL edit 1',
  summary: 'The TRL group count equals the groups in the file.',
  message: (p) => `TRL says ${s(p, 'declared')} groups, the file has ${s(p, 'actual')}`,
});

export const TRL_TRANSACTION_COUNT = defineRule({
  id: 'trl-transaction-count',
  level: 'file',
  cisac: 'CWR 2.2 §3.8 TRL edit 2',
  summary: 'The TRL transaction count equals the transactions in the file.',
  message: (p) => `TRL says ${s(p, 'declared')} transactions, the file has ${s(p, 'actual')}`,
});

export const TRL_RECORD_COUNT = defineRule({
  id: 'trl-record-count',
  level: 'file',
  cisac: 'CWR 2.2 §3.8 TRL edit 3',
  summary: 'The TRL record count equals all records of the file, HDR and TRL included.',
  message: (p) => `TRL says ${s(p, 'declared')} records, the file has ${s(p, 'actual')} (HDR and TRL included)`,
});

export const TRANSACTION_SEQUENCE = defineRule({
  id: 'transaction-sequence',
  level: 'file',
  cisac: 'CWR 2.2 §2.1.4 record prefix edits 2, 3, 7',
  summary: 'Transaction sequence numbers start at 0 in each group and go up by one.',
  message: (p) => `transaction sequence number ${s(p, 'found')} should be ${s(p, 'expected')}`,
});

export const DETAIL_TRANSACTION_SEQUENCE = defineRule({
  id: 'detail-transaction-sequence',
  level: 'file',
  cisac: 'CWR 2.2 §2.1.4 record prefix edits 4, 8',
  summary: "A detail record repeats its transaction header's sequence number.",
  message: (p) => `transaction sequence number ${s(p, 'found')} should repeat the header's ${s(p, 'expected')}`,
});

export const RECORD_SEQUENCE = defineRule({
  id: 'record-sequence',
  level: 'file',
  cisac: 'CWR 2.2 §2.1.4 record prefix edits 5, 6',
  summary: 'Record sequence numbers are 0 on the transaction header and go up by one.',
  message: (p) => `record sequence number ${s(p, 'found')} should be ${s(p, 'expected')}`,
});

export const RECORD_TYPE_UNKNOWN = defineRule({
  id: 'record-type-unknown',
  level: 'record',
  cisac: 'CWR 2.2 §4.2 transaction format; NWR edit 8',
  summary: 'The record type does not exist in the file’s CWR version.',
  message: (p) => `"${s(p, 'found')}" is not a record type of CWR ${s(p, 'version')}`,
});

export const RECORD_OUTSIDE_TRANSACTION = defineRule({
  id: 'record-outside-transaction',
  level: 'record',
  cisac: 'CWR 2.2 §3.4.4 (a GRH is followed by a transaction header)',
  summary: 'A detail record appears before any transaction header of its group.',
  message: (p) => `${s(p, 'found')} record outside a transaction: a group must start with a transaction header`,
});

export const GROUP_TYPE_MISMATCH = defineRule({
  id: 'group-type-mismatch',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR edit 22 (transaction type equals the group type)',
  summary: 'A transaction header of another type than its group’s.',
  message: (p) => `${s(p, 'found')} transaction in a ${s(p, 'group')} group`,
});

export const RECORD_TOO_LONG = defineRule({
  id: 'record-too-long',
  level: 'record',
  cisac: 'CWR 2.2 §2.1.4 record prefix edit 9 (record length)',
  summary: 'A line holds text beyond the length of its record layout.',
  message: (p) => `${s(p, 'record')} is ${s(p, 'length')} characters, longer than its ${s(p, 'expected')}-character layout`,
});

export const TRAILING_BLANKS = defineRule({
  id: 'trailing-blanks',
  level: 'record',
  severity: 'info',
  cisac: 'CWR 2.2 §2.1.4 record prefix edit 9 (record length)',
  summary: 'A line has blanks beyond its layout length (ignored).',
  message: (p) => `${s(p, 'record')} has ${s(p, 'extra')} blank characters beyond its ${s(p, 'expected')}-character layout`,
});

export const LINE_PADDED = defineRule({
  id: 'line-padded',
  level: 'record',
  severity: 'info',
  cisac: 'CWR 2.2 §2.1.4 record prefix edit 9 (record length); trimmed blanks are common in practice',
  summary: 'Lines shorter than their layout were padded with blanks.',
  message: (p) => `${s(p, 'count')} lines shorter than their layout were padded with blanks (first at line ${s(p, 'first')})`,
});

export const LINE_ENDINGS = defineRule({
  id: 'line-endings',
  level: 'file',
  severity: 'info',
  cisac: 'CWR 2.2 §2.1 (records end with CR LF)',
  summary: 'Records should end with CR LF.',
  message: (p) => `${s(p, 'count')} lines end with ${s(p, 'ending')} instead of CR LF (first at line ${s(p, 'first')})`,
});

export const ENCODING_INVALID = defineRule({
  id: 'encoding-invalid',
  level: 'record',
  cisac: 'CWR 2.2 §3.5 HDR edit 14 (character set)',
  summary: 'Bytes that are not valid in the file’s character encoding.',
  message: (p) => `bytes that are not valid ${s(p, 'encoding')} text (shown as �)`,
});

export const BLANK_LINE = defineRule({
  id: 'blank-line',
  level: 'record',
  severity: 'info',
  cisac: 'CWR 2.2 §2.1 (every line is a record)',
  summary: 'An empty line (ignored; it is not a record).',
  message: () => 'empty line ignored: it is not a record',
});
