/**
 * Writes an ACK transmission line by line through CwrBuilder: HDR (the society as sender), one
 * ACK group, per original transaction an ACK record, its MSG records and the echoed transaction,
 * then file-level ACKs (HDR/TRL problems), GRT and TRL with correct counts. Lines go to a sink
 * as they are made; nothing is kept per transaction.
 *
 * MSG records follow the ACK record, in line order, before the echoed transaction: the grammar of
 * CWR 2.2 §6 (ACK [{MSG}] NWR|REV|AGR) and the ACK files societies send (PRS, BMI samples) put
 * them there; each names the original record by its record sequence number and type.
 */
import type { FieldValue } from '../../../fixed-width/field-types.js';
import type { Diagnostic } from '../../../validation/diagnostic.js';
import { CwrBuilder, type Values } from '../builder.js';
import type { CwrRecord } from '../record.js';
import type { Transaction } from '../structure.js';
import { isV3, type CwrVersion } from '../versions.js';
import { echoRecords, safeValues } from './echo.js';
import { ackLayouts } from './layouts.js';
import { msgContent, reportable } from './messages.js';
import type { AckStatus } from './status.js';

export interface AckHeaderOptions {
  readonly version: CwrVersion;
  /** CISAC code of the society sending the ACK (3 digits). */
  readonly society: string;
  /** The name the HDR carries (upper case, from the society table). */
  readonly societyName: string;
  /** Creation (and processing) date and time of the ACK; written in UTC. */
  readonly now: Date;
  /** Character set to declare in the HDR (the input's, so Cyrillic text survives). */
  readonly charset?: string;
  /** 3.x HDR file name field (written only when it fits its 27 characters). */
  readonly fileName?: string;
  readonly software?: { readonly name: string; readonly version: string };
}

/** Facts of the original file every ACK record repeats. */
export interface OriginalFile {
  readonly creationDate: FieldValue;
  readonly creationTime: FieldValue;
}

export function originalFile(hdr: CwrRecord | null): OriginalFile {
  return { creationDate: hdr?.get('creation_date') ?? null, creationTime: hdr?.get('creation_time') ?? null };
}

function ymd(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function hms(d: Date): string {
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}:${String(d.getUTCSeconds()).padStart(2, '0')}`;
}

const TITLE_FIELD: Readonly<Record<string, string>> = { NWR: 'work_title', REV: 'work_title', WRK: 'work_title', ISW: 'work_title', EXC: 'work_title', ISR: 'work_title' };
const NUMBER_FIELD: Readonly<Record<string, string>> = { AGR: 'submitter_agreement_number' };

export class AckWriter {
  readonly builder: CwrBuilder;
  #started = false;
  #processingDate: string;

  constructor(
    readonly options: AckHeaderOptions,
    sink: (line: string) => void,
  ) {
    this.builder = new CwrBuilder(options.version, sink, ackLayouts(options.version));
    this.#processingDate = ymd(options.now);
  }

  /** Writes HDR and the GRH of the ACK group (once). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    const o = this.options;
    const common: Record<string, FieldValue> = {
      sender_type: 'SO',
      sender_name: o.societyName.slice(0, 45),
      creation_date: ymd(o.now),
      creation_time: hms(o.now),
      transmission_date: ymd(o.now),
    };
    if (o.charset) common['character_set'] = o.charset.slice(0, 15);
    if (isV3(o.version)) {
      common['sender_code'] = o.society;
      if (o.fileName !== undefined && o.fileName.length <= 27) common['file_name'] = o.fileName;
    } else {
      common['sender_id'] = Number(o.society);
    }
    if (o.version !== '2.1' && o.software) {
      common['software_package'] = o.software.name.slice(0, 30);
      common['software_package_version'] = o.software.version.slice(0, 30);
    }
    this.builder.header(common).group('ACK');
  }

  /** The ACK of one original transaction, its MSG records and the echoed transaction. */
  transaction(
    tx: Transaction,
    status: AckStatus,
    diagnostics: readonly Diagnostic[],
    original: OriginalFile,
    recipientCreationNumber: string | null = null,
  ): void {
    this.start();
    const h = tx.header;
    const titleField = TITLE_FIELD[h.type];
    const numberField = NUMBER_FIELD[h.type] ?? 'submitter_work_number';
    const values: Values = {
      creation_date: original.creationDate,
      creation_time: original.creationTime,
      original_group_id: tx.group ?? 0,
      original_transaction_sequence_number: h.transactionSequence ?? tx.index,
      original_transaction_type: h.type,
      creation_title: titleField !== undefined ? h.str(titleField).slice(0, 60) : null,
      submitter_creation_number: h.str(numberField).slice(0, 20),
      recipient_creation_number: status === 'RJ' || recipientCreationNumber === null ? null : recipientCreationNumber.slice(0, 20),
      processing_date: this.#processingDate,
      transaction_status: status,
    };
    this.builder.transaction('ACK', safeValues(values));
    const records = [h, ...tx.records];
    const inOrder = diagnostics.filter(reportable).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    for (const d of inOrder) {
      let index = records.findIndex((r) => r.line === d.line);
      if (index < 0) index = 0;
      const rec = records[index] ?? h;
      this.#msg(d, rec.recordSequence ?? index, rec.type);
    }
    if (status === 'RJ') return;
    const layouts = this.builder.layouts;
    for (const e of echoRecords(tx, this.options.version, layouts, diagnostics)) this.builder.record(e.type, e.values);
  }

  /** An ACK for problems of the file itself: original transaction type HDR or TRL, ids zero. */
  fileLevel(kind: 'HDR' | 'TRL', status: AckStatus, diagnostics: readonly Diagnostic[], original: OriginalFile): void {
    this.start();
    this.builder.transaction('ACK', {
      creation_date: original.creationDate,
      creation_time: original.creationTime,
      original_group_id: 0,
      original_transaction_sequence_number: 0,
      original_transaction_type: kind,
      processing_date: this.#processingDate,
      transaction_status: status,
    });
    for (const d of diagnostics) if (reportable(d)) this.#msg(d, 0, kind);
  }

  #msg(d: Diagnostic, recordSequence: number, recordType: string): void {
    const m = msgContent(d, recordSequence, recordType);
    this.builder.record('MSG', { ...m });
  }

  /** GRT and TRL. */
  end(): void {
    this.start();
    this.builder.end();
  }
}
