/**
 * Transaction content (SEQ-5): which record types each transaction type may hold, per version,
 * and the order they come in. Follower records (NPN, SPT, NWN, SWT, PWR, NET, NOW...) take the
 * position of the record they follow; their exact placement is checked by their own rules.
 */
import type { CwrRecord } from '../../../formats/cwr/record.js';
import type { Transaction } from '../../../formats/cwr/structure.js';
import type { CwrVersion } from '../../../formats/cwr/versions.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { reportAt, s } from '../support.js';

export const RECORD_NOT_ALLOWED = defineRule({
  id: 'record-not-allowed',
  level: 'record',
  cisac: 'CWR 2.2 NWR transaction edit 8 (only records listed in the transaction format); §4 transaction formats; v3 WRK where the layout has the fields: unverified',
  // The CISAC table lists it as NWR T 008 (a transaction-level edit whose consequence is RR).
  msg: { record: 'NWR', number: '008', messageLevel: 'T' },
  summary: 'A record type that the transaction type may not contain (e.g. TER in an NWR, OPT in a 2.1 file).',
  message: (p) => `a ${s(p, 'record')} record cannot be part of a ${s(p, 'transaction')} transaction in CWR ${s(p, 'version')}: the record is dropped`,
});

export const RECORD_ORDER = defineRule({
  id: 'record-order',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edit 49 (record order); §4.2 transaction format; v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '049' },
  summary: 'Detail records are not in the order of the transaction format (SPU chains, OPU, SWR, OWR, ALT, NAT, EWT, VER, PER, REC, ORN, INS, COM, ARI, XRF).',
  message: (p) => `${s(p, 'record')} comes after ${s(p, 'after')}; in a ${s(p, 'transaction')} it must come before it: the transaction is rejected`,
});

const WORK_21 = ['SPU', 'NPN', 'SPT', 'OPU', 'SWR', 'NWN', 'SWT', 'PWR', 'OWR', 'ALT', 'NAT', 'EWT', 'NET', 'NOW', 'VER', 'NVT', 'PER', 'NPR', 'REC', 'ORN', 'INS', 'IND', 'COM', 'NCT', 'ARI'];
const WORK_22 = [...WORK_21, 'OPT', 'OWT', 'XRF'];
const WORK_V3 = ['SPU', 'OPU', 'SPT', 'OPT', 'SWR', 'OWR', 'SWT', 'OWT', 'PWR', 'ALT', 'OWK', 'PER', 'REC', 'ORN', 'XRF', 'INS', 'IND'];
const AGR = ['TER', 'IPA', 'NPA'];

const allowedCache = new Map<string, ReadonlySet<string> | undefined>();
/** The last answer: transactions of a group share their type, so most calls ask it again. */
let last: { version: CwrVersion; type: string; set: ReadonlySet<string> | undefined } | null = null;

/** Allowed detail records per transaction type and version family (cached). */
function allowed(version: CwrVersion, type: string): ReadonlySet<string> | undefined {
  if (last !== null && last.version === version && last.type === type) return last.set;
  const set = allowedKeyed(version, type);
  last = { version, type, set };
  return set;
}

function allowedKeyed(version: CwrVersion, type: string): ReadonlySet<string> | undefined {
  const key = `${version}/${type}`;
  if (allowedCache.has(key)) return allowedCache.get(key);
  const set = allowedUncached(version, type);
  allowedCache.set(key, set);
  return set;
}

function allowedUncached(version: CwrVersion, type: string): ReadonlySet<string> | undefined {
  const v3 = version === '3.0' || version === '3.1';
  if (v3) {
    if (type === 'WRK') return new Set(WORK_V3);
    if (type === 'ISR') return new Set(['WRI']);
    return undefined; // ISA, DRW, ACK, LIC: layouts not available, unverified
  }
  const work = version === '2.2' ? WORK_22 : WORK_21;
  if (type === 'NWR' || type === 'REV' || type === 'ISW' || type === 'EXC') return new Set(work);
  if (type === 'AGR') return new Set(AGR);
  if (type === 'ACK') return new Set(['MSG', 'NWR', 'REV', 'AGR', 'EXC', 'ISW', ...work, ...AGR]);
  return undefined;
}

/** Rank of each record in the work transaction format; followers are absent (they inherit). */
const RANK: Readonly<Record<string, number>> = {
  SPU: 1, OPU: 2, SWR: 3, OWR: 4, ALT: 5, NAT: 6, EWT: 7, VER: 8, OWK: 8, PER: 9, NPR: 9, REC: 10, ORN: 11, INS: 12, IND: 12, COM: 13, ARI: 14, XRF: 15,
};
const TX_HEADERS = new Set(['NWR', 'REV', 'ISW', 'EXC', 'AGR', 'WRK']);

function checkOrder(records: readonly CwrRecord[], txType: string, ctx: CheckContext): void {
  let rank = 0;
  let last: CwrRecord | null = null;
  for (const rec of records) {
    if (TX_HEADERS.has(rec.type)) {
      rank = 0; // a new work inside an ACK starts over
      last = rec;
      continue;
    }
    const r = RANK[rec.type];
    if (r === undefined) continue;
    // Controlled and other publishers/writers may alternate by chain in practice; only their
    // section (publishers before writers before the rest) is enforced.
    const effective = r <= 2 ? 1 : r <= 4 ? 3 : r;
    if (effective < rank && last) {
      reportAt(ctx, RECORD_ORDER, rec, null, { record: rec.type, after: last.type, transaction: txType });
      return;
    }
    if (effective > rank) {
      rank = effective;
      last = rec;
    }
  }
}

export function checkContent(tx: Transaction, ctx: CheckContext): void {
  const version = ctx.info.version;
  const type = tx.header.type;
  const ok = allowed(version, type);
  if (!ok) return;
  for (const rec of tx.records) {
    if (!rec.layout) continue; // unknown types are reported by the reader
    if (!ok.has(rec.type)) reportAt(ctx, RECORD_NOT_ALLOWED, rec, null, { record: rec.type, transaction: type, version });
  }
  if (type === 'AGR') return;
  checkOrder(tx.records, type, ctx);
}
