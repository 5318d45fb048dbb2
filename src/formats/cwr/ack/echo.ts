/**
 * The original transaction as the society processed it, echoed inside the ACK (CWR 2.2 §4.6):
 * an NWR, REV or AGR and its detail records, re-encoded from their decoded values. A field that
 * could not be read (an FR finding) is written as its default (blanks, zeros), as the ACK
 * reports; a record of unknown type or one rejected at record level (RR) is left out. A
 * rejected transaction (RJ) was not processed, so it is not echoed (the MSGs say why). 3.x
 * technical acknowledgements (ACK1) carry no echo (user manual §5: only ACK2 returns the WRK).
 */
import { encodeRecord } from '../../../fixed-width/codec.js';
import type { FieldValue } from '../../../fixed-width/field-types.js';
import type { LayoutSet } from '../../../fixed-width/layout.js';
import type { Diagnostic } from '../../../validation/diagnostic.js';
import type { CwrRecord } from '../record.js';
import type { Transaction } from '../structure.js';
import { isV3, type CwrVersion } from '../versions.js';

/** Transaction types an ACK is followed by (CWR 2.2 ACK edit 2). */
export const ECHOED_TYPES: ReadonlySet<string> = new Set(['NWR', 'REV', 'AGR']);

export interface EchoRecord {
  readonly type: string;
  readonly values: Readonly<Record<string, FieldValue>>;
}

const PREFIX = new Set(['record_type', 'transaction_sequence_number', 'record_sequence_number']);

/** Control characters (C0, DEL, C1) make a file look binary to readers; undecodable bytes (shown
 * as U+FFFD) are not text either. In text we write they become a blank and "?" respectively. */
export function safeText(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\ufffd/g, '?');
}

/** The same values with every string made safe (see safeText). */
export function safeValues<T extends Readonly<Record<string, FieldValue | undefined>>>(values: T): T {
  const out: Record<string, FieldValue | undefined> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' ? safeText(v) : v;
  return out as T;
}

export function echoesTransaction(tx: Transaction, version: CwrVersion): boolean {
  return !isV3(version) && ECHOED_TYPES.has(tx.header.type);
}

/** The records to echo, or none when the transaction type is not echoed. */
export function echoRecords(tx: Transaction, version: CwrVersion, layouts: LayoutSet, diagnostics: readonly Diagnostic[]): EchoRecord[] {
  if (!echoesTransaction(tx, version)) return [];
  const droppedLines = new Set(diagnostics.filter((d) => d.level === 'record' && d.severity === 'error' && d.line !== null).map((d) => d.line));
  const out: EchoRecord[] = [];
  const all: CwrRecord[] = [tx.header, ...tx.records];
  for (const rec of all) {
    const layout = layouts.records.get(rec.type);
    if (layout === undefined || rec.layout === undefined) continue;
    if (rec !== tx.header && droppedLines.has(rec.line)) continue;
    if (rec.type === 'ACK' || rec.type === 'MSG') continue;
    const values: Record<string, FieldValue> = {};
    for (const [k, v] of Object.entries(rec.values)) if (!PREFIX.has(k)) values[k] = typeof v === 'string' ? safeText(v) : v;
    try {
      encodeRecord(layout, values);
    } catch {
      continue; // cannot be written back: left out like a rejected record
    }
    out.push({ type: rec.type, values });
  }
  return out;
}
