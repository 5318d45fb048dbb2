/**
 * Writes a statement as a CRD file that readCrd reads back into the same statement: HDR, an SDN
 * group, an MWN group (work -> right -> party -> usage lines), TRL, with sequence numbers, counts
 * and control totals computed from the records actually written (rules.md GEN-01).
 *
 * Sign convention (rules.md AMT-03, docs/crd.md): amount fields are unsigned. A line with a
 * negative amount, or one that corrects an earlier line (adjustmentRef), is written as an ADJ
 * record whose `adjustment_sign` is '-' or '+'; WER amounts are never negative.
 */
import { encodeRecord } from '../../fixed-width/codec.js';
import type { FieldValue } from '../../fixed-width/field-types.js';
import type { LayoutSet, RecordLayout } from '../../fixed-width/layout.js';
import { formatUnits, pow10 } from '../../domain/money.js';
import type { Right, StatementLine } from '../../statements/model.js';
import type { StatementHeader } from '../../statements/intake.js';
import { crdLayouts } from './layouts.js';

export interface CrdWriteOptions {
  /** Society receiving the file (3 digits). */
  readonly toSociety: string;
  readonly senderName?: string;
  /** Creation time (defaults to now, UTC). */
  readonly now?: Date;
  /** Value of the HDR character-set field; 'UTF-8' by default (blank would mean ASCII). */
  readonly characterSet?: string;
  readonly layouts?: LayoutSet;
}

export class CrdWriteError extends Error {
  override readonly name = 'CrdWriteError';
}

const RIGHT_CATEGORY: Readonly<Record<Right, string>> = { PR: 'PER', MR: 'MEC', SR: 'SYN' };
const MAX_AMOUNT = 10n ** 18n;

function layoutOf(set: LayoutSet, type: string): RecordLayout {
  const l = set.records.get(type);
  if (l === undefined) throw new CrdWriteError(`no layout for ${type}`);
  return l;
}

/** Cuts text values to their field length so an over-long title never stops a file being written. */
function fit(layout: RecordLayout, values: Record<string, FieldValue | undefined>): Record<string, FieldValue | undefined> {
  for (const f of layout.fields) {
    const v = values[f.name];
    if (typeof v === 'string' && (f.type === 'A' || f.type === 'L') && v.length > f.length) values[f.name] = v.slice(0, f.length);
  }
  return values;
}

function workKey(l: StatementLine): string {
  return `${l.societyWorkCode ?? ''}\u0000${l.iswc ?? ''}\u0000${l.title ?? ''}`;
}
function partyKey(l: StatementLine): string {
  return `${l.ipNumber ?? ''}\u0000${l.ipiNameNumber ?? ''}\u0000${l.partyName ?? ''}\u0000${l.role ?? ''}\u0000${l.share ?? ''}`;
}
function isAdjustment(l: StatementLine): boolean {
  return l.net < 0n || l.adjustmentRef !== null;
}

/** Writes the statement; `lines` is called twice (totals first, then records), so it may stream. */
export function* crdRecords(header: StatementHeader, lines: () => Iterable<StatementLine>, options: CrdWriteOptions): Generator<string> {
  const set = options.layouts ?? crdLayouts();
  const L = (t: string): RecordLayout => layoutOf(set, t);
  const decimals = header.decimals;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 9) throw new CrdWriteError(`CRD carries 0 to 9 amount decimals, not ${decimals}`);
  const currency = header.currency;
  if (currency === null) throw new CrdWriteError('the statement has no currency');
  const now = options.now ?? new Date();
  const date = now.toISOString().slice(0, 10);
  const time = now.toISOString().slice(11, 19);

  // Pass 1: the control total for the SDN.
  let total = 0n;
  for (const l of lines()) {
    if (l.currency !== currency) throw new CrdWriteError(`line ${l.lineRef ?? ''} is in ${l.currency}, the statement in ${currency}: one currency per CRD file`);
    total += l.net;
  }

  const rec = (type: string, values: Record<string, FieldValue | undefined>): string => {
    const layout = L(type);
    return encodeRecord(layout, fit(layout, { record_type: type, ...values }));
  };
  const unsigned = (v: bigint, what: string): bigint => {
    const a = v < 0n ? -v : v;
    if (a >= MAX_AMOUNT) throw new CrdWriteError(`${what} ${formatUnits(v, decimals)} does not fit 18 digits`);
    return a;
  };

  yield rec('HDR', {
    sender_type: 'SO',
    sender_id: Number(header.fromSociety),
    sender_name: options.senderName ?? `SOCIETY ${header.fromSociety}`,
    edi_standard_version_number: '01.10',
    creation_date: date,
    creation_time: time,
    transmission_date: date,
    character_set: options.characterSet ?? 'UTF-8',
  });
  let fileRecords = 1;
  let groupCount = 0;
  let txCount = 0;

  // Group 1: the distribution.
  yield rec('GRH', { transaction_type: 'SDN', group_id: 1, version_number_for_transaction_type: '02.00' });
  yield rec('SDN', {
    transaction_sequence_number: 0,
    record_sequence_number: 0,
    remitting_society_code: Number(header.fromSociety),
    receiving_society_code: Number(options.toSociety),
    distribution_period_start: header.period.start,
    distribution_period_end: header.period.end,
    distribution_identifier: header.distributionId,
    total_remitted_amount: unsigned(total, 'statement total'),
    total_remitted_sign: total < 0n ? '-' : '',
    amount_decimal_places: decimals,
    currency_code: currency,
  });
  yield rec('GRT', { group_id: 1, transaction_count: 1, record_count: 3 });
  fileRecords += 3;
  groupCount = 1;
  txCount = 1;

  // Group 2: the works.
  let groupRecords = 0;
  let works = -1;
  let seq = 0;
  let lastWork: string | null = null;
  let lastRight: Right | null | undefined;
  let lastParty: string | null = null;
  let groupTotal = 0n;
  for (const l of lines()) {
    if (groupRecords === 0) {
      yield rec('GRH', { transaction_type: 'MWN', group_id: 2, version_number_for_transaction_type: '02.00' });
      groupRecords = 1;
    }
    const wk = workKey(l);
    if (wk !== lastWork) {
      works++;
      seq = 0;
      yield rec('MWN', { transaction_sequence_number: works, record_sequence_number: seq++, society_work_identifier: l.societyWorkCode, work_title: l.title, iswc: l.iswc });
      groupRecords++;
      lastWork = wk;
      lastRight = undefined;
      lastParty = null;
    }
    if (l.right !== lastRight) {
      yield rec('MDR', { transaction_sequence_number: works, record_sequence_number: seq++, right_code: l.right ?? '', right_category: l.right ? RIGHT_CATEGORY[l.right] : '' });
      groupRecords++;
      lastRight = l.right;
      lastParty = null;
    }
    const pk = partyKey(l);
    if (pk !== lastParty) {
      yield rec('MIP', {
        transaction_sequence_number: works,
        record_sequence_number: seq++,
        interested_party_number: l.ipNumber,
        share_numerator: l.share ?? 0,
        share_denominator: l.share === null ? 0 : 10000,
        ipi_name_number: l.ipiNameNumber,
        ip_name: l.partyName,
        role: l.role,
      });
      groupRecords++;
      lastParty = pk;
    }
    const prefix = { transaction_sequence_number: works, record_sequence_number: seq++ };
    if (isAdjustment(l)) {
      yield rec('ADJ', {
        ...prefix,
        original_reference_identifier: l.adjustmentRef,
        original_interested_party_number: l.ipNumber,
        original_ip_name: l.partyName,
        original_distribution_category: l.distributionCategory,
        currency_code: l.currency,
        adjustment_amount: unsigned(l.net, 'amount'),
        adjustment_sign: l.net < 0n ? '-' : '+',
        reference_identifier: l.lineRef,
        territory_code: l.territory === null ? null : Number(l.territory),
      });
    } else {
      yield rec('WER', {
        ...prefix,
        reference_identifier: l.lineRef,
        distribution_category: l.distributionCategory,
        territory_code: l.territory === null ? null : Number(l.territory),
        usage_period_start: l.usagePeriod?.start ?? null,
        usage_period_end: l.usagePeriod?.end ?? null,
        currency_code: l.currency,
        gross_amount: unsigned(l.gross ?? 0n, 'gross amount'),
        remitted_amount: unsigned(l.net, 'amount'),
      });
    }
    groupRecords++;
    groupTotal += l.net;
  }
  if (groupRecords > 0) {
    groupRecords++;
    // The 10-digit GRT total is given only when it fits and is not negative (CTL-08).
    const fits = groupTotal >= 0n && groupTotal < 10_000_000_000n;
    yield rec('GRT', {
      group_id: 2,
      transaction_count: works + 1,
      record_count: groupRecords,
      currency_indicator: fits ? currency : '',
      total_monetary_value: fits ? groupTotal : 0,
    });
    fileRecords += groupRecords;
    groupCount++;
    txCount += works + 1;
  }
  fileRecords++;
  yield rec('TRL', { group_count: groupCount, transaction_count: txCount, record_count: fileRecords });
}

/** The whole file as text (CR LF after every record). */
export function crdText(header: StatementHeader, lines: readonly StatementLine[], options: CrdWriteOptions): string {
  let out = '';
  for (const r of crdRecords(header, () => lines, options)) out += r + '\r\n';
  return out;
}

/** Converts amounts of a statement at `from` decimals to `to` decimals; refuses to drop digits. */
export function scaleAmount(v: bigint, from: number, to: number): bigint {
  if (to >= from) return v * pow10(to - from);
  const f = pow10(from - to);
  if (v % f !== 0n) throw new CrdWriteError(`amount ${formatUnits(v, from)} has more than ${to} decimals`);
  return v / f;
}

/**
 * cwrkit's CRD file name, modelled on the CWR convention (rules.md FILE-1; no CRD convention is
 * confirmed): CD + 2-digit year + 4-digit sequence + sender society + '_' + receiver society + '.CRD'.
 */
export function crdFileName(year: number, sequence: number, sender: string, receiver: string): string {
  return `CD${String(year % 100).padStart(2, '0')}${String(sequence).padStart(4, '0')}${sender}_${receiver}.CRD`;
}
