/**
 * An ACK transaction -> what the society said about our original transaction: its reference
 * (group, transaction sequence, type), the status, the society's work number, the ISWC, the
 * messages, and the echoed work (the NWR/REV/WRK the ACK carries, as a domain Work).
 */
import { normaliseIswc } from '../../domain/identifiers.js';
import type { Work } from '../../domain/work.js';
import type { CwrRecord } from './record.js';
import type { Transaction } from './structure.js';
import { toWork, WORK_TRANSACTION_TYPES } from './to-work.js';

export interface AckMessage {
  readonly type: string | null;
  readonly level: string | null;
  readonly recordType: string | null;
  readonly validation: string | null;
  readonly text: string | null;
}

export interface AckModel {
  /** Group id and transaction sequence of the transaction being acknowledged. */
  readonly originalGroup: number | null;
  readonly originalTransaction: number | null;
  readonly originalType: string | null;
  readonly title: string | null;
  /** Our (the submitter's) work number. */
  readonly submitterWorkNumber: string | null;
  /** The society's work number (recipient creation number). */
  readonly societyWorkNumber: string | null;
  /** CISAC transaction status (AS, AC, RA, CO, DU, RJ, NP ...). */
  readonly status: string;
  readonly processingDate: string | null;
  readonly iswc: string | null;
  readonly messages: readonly AckMessage[];
  /** The echoed work transaction, if the ACK carries one. */
  readonly work: Work | null;
}

function txt(rec: CwrRecord, name: string): string | null {
  const v = rec.get(name);
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

function int(rec: CwrRecord, name: string): number | null {
  const v = rec.get(name);
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null;
}

/** `submitter`: to whom the echoed work belongs (the ACK's addressee), used for Work.submitter. */
export function ackToModel(tx: Transaction, submitter = ''): AckModel {
  const h = tx.header;
  const messages: AckMessage[] = [];
  let echoed: { header: CwrRecord; records: CwrRecord[] } | null = null;
  for (const rec of tx.records) {
    if (rec.type === 'MSG') {
      messages.push({
        type: txt(rec, 'message_type'),
        level: txt(rec, 'message_level'),
        // The MSG layout names both its first field and the referenced record type (column 29)
        // record_type, so the latter is read by position.
        recordType: rec.text.slice(28, 31).trim() || null,
        validation: txt(rec, 'validation_number'),
        text: txt(rec, 'message_text'),
      });
    } else if (echoed === null && WORK_TRANSACTION_TYPES.has(rec.type)) {
      echoed = { header: rec, records: [] };
    } else if (echoed !== null) {
      echoed.records.push(rec);
    }
  }
  const work = echoed ? toWork(echoed.header, echoed.records, submitter) : null;
  const iswcText = echoed ? txt(echoed.header, 'iswc') : null;
  return {
    originalGroup: int(h, 'original_group_id'),
    originalTransaction: int(h, 'original_transaction_sequence_number'),
    originalType: txt(h, 'original_transaction_type'),
    title: txt(h, 'creation_title'),
    submitterWorkNumber: txt(h, 'submitter_creation_number') ?? work?.submitterWorkNumber ?? null,
    societyWorkNumber: txt(h, 'recipient_creation_number'),
    status: txt(h, 'transaction_status') ?? '',
    processingDate: txt(h, 'processing_date'),
    iswc: iswcText === null ? null : normaliseIswc(iswcText),
    messages,
    work,
  };
}
