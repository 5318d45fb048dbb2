/**
 * What the import's writer needs from a validated file, as plain data: the import splits into a
 * reading side (read, validate, toWork, snapshot JSON, SHA-256: no database) and a writing side
 * (SQL). The reading side runs in a worker thread for big files (see source.ts), so everything
 * here is structured-clone friendly: objects, arrays, strings, numbers, no class instances.
 * The writing side consumes ops in file order, exactly as the validation hooks fire.
 */
import { ackToModel, type AckModel } from '../../formats/cwr/ack-to-model.js';
import type { CwrRecord } from '../../formats/cwr/record.js';
import type { Transaction } from '../../formats/cwr/structure.js';
import { toWork } from '../../formats/cwr/to-work.js';
import { versionFromHeader } from '../../formats/cwr/versions.js';
import { canonicalSender, normaliseSender, type SenderRow } from '../../catalogue/repositories/senders.js';
import { snapshotOf } from '../../catalogue/snapshot.js';
import { workRows, type SentParties, type WorkRows } from '../../catalogue/work-rows.js';

/** Where a transaction sits in its file (history rows record it). */
export interface TxRef {
  readonly group: number | null;
  readonly seq: number | null;
  readonly type: string;
  readonly line: number;
}

export interface HdrSender {
  readonly type: string | null;
  readonly code: string;
  readonly name: string | null;
  readonly created: string | null;
}

/** The parts of an ACK the import uses (no messages or echoed work: ops cross to the writer). */
export type AckFacts = Omit<AckModel, 'messages' | 'work'>;

/** The agreements row of an AGR (null number: nothing to store). */
export interface AgreementFacts {
  readonly number: string | null;
  readonly society: string | null;
  readonly isac: string | null;
  readonly type: string | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly details: string;
}

export type TxOp =
  /** NWR / REV / WRK: the work's rows and its snapshot (JSON + SHA-256; parseSnapshot gives the Work). */
  | { readonly kind: 'registration'; readonly ref: TxRef; readonly rows: WorkRows; readonly json: string; readonly hash: string }
  /** ISW / EXC: the notice's submitter work number, ISWC and title. */
  | { readonly kind: 'isw' | 'exc'; readonly ref: TxRef; readonly number: string; readonly iswc: string | null; readonly title: string }
  | { readonly kind: 'ack'; readonly ref: TxRef; readonly ack: AckFacts }
  | { readonly kind: 'agr'; readonly ref: TxRef; readonly agreement: AgreementFacts }
  /** Any other accepted transaction: counted, nothing stored. */
  | { readonly kind: 'other'; readonly ref: TxRef };

export interface HdrOp {
  readonly kind: 'hdr';
  readonly sender: HdrSender;
  readonly version: string | undefined;
}

export type ImportOp =
  | HdrOp
  | { readonly kind: 'grh' }
  | { readonly kind: 'group-end'; readonly rejected: boolean }
  | TxOp;

/** The HDR's sender fields, trimmed (empty -> null), the code normalised. */
export function hdrSender(hdr: CwrRecord | null): HdrSender {
  if (!hdr) return { type: null, code: '', name: null, created: null };
  const v = (n: string): string | null => {
    const x = hdr.get(n);
    if (x === null || x === undefined) return null;
    const s = String(x).trim();
    return s === '' ? null : s;
  };
  return { type: v('sender_type'), code: normaliseSender(v('sender_code') ?? v('sender_id') ?? ''), name: v('sender_name'), created: v('creation_date') };
}

/** The hdr op: the sender under its registered code, and the version the HDR declares. */
export function hdrOp(hdr: CwrRecord, senders: ReadonlyArray<Pick<SenderRow, 'code' | 'ipi'>>): HdrOp {
  const sender = hdrSender(hdr);
  return { kind: 'hdr', sender: { ...sender, code: canonicalSender(sender.code, senders) }, version: versionFromHeader(hdr.text) };
}

const txRef = (tx: Transaction): TxRef => ({ group: tx.group, seq: tx.header.transactionSequence, type: tx.header.type, line: tx.header.line });

function agreementFacts(tx: Transaction): AgreementFacts {
  const h = tx.header;
  const v = (n: string): string | null => {
    const x = h.get(n);
    return x === null || x === undefined || String(x).trim() === '' ? null : String(x).trim();
  };
  const number = v('submitter_agreement_number');
  return {
    number,
    society: v('society_assigned_agreement_number'),
    isac: v('international_standard_agreement_code'),
    type: v('agreement_type'),
    start: v('agreement_start_date'),
    end: v('agreement_end_date'),
    details: number === null ? '' : JSON.stringify([h, ...tx.records].map((r) => ({ type: r.type, values: r.values }))),
  };
}

/** The op of an accepted transaction from a file whose (canonical) sender is `sender`. */
export function txOp(tx: Transaction, sender: string, sent?: SentParties): TxOp {
  const ref = txRef(tx);
  switch (ref.type) {
    case 'NWR':
    case 'REV':
    case 'WRK': {
      const work = toWork(tx.header, tx.records, sender);
      const snap = snapshotOf(work);
      return { kind: 'registration', ref, rows: workRows(work, undefined, sent), json: snap.json, hash: snap.hash };
    }
    case 'ISW':
    case 'EXC': {
      const w = toWork(tx.header, tx.records, sender);
      return { kind: ref.type === 'ISW' ? 'isw' : 'exc', ref, number: w.submitterWorkNumber, iswc: w.iswc, title: w.title };
    }
    case 'ACK': {
      const { messages: _messages, work: _work, ...ack } = ackToModel(tx);
      return { kind: 'ack', ref, ack };
    }
    case 'AGR':
      return { kind: 'agr', ref, agreement: agreementFacts(tx) };
    default:
      return { kind: 'other', ref };
  }
}
