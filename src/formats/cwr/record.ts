/** One physical record of a CWR file: its line, its text and its layout; fields decoded lazily. */
import { decodeOne, decodeRecord, fieldText, type DecodedRecord } from '../../fixed-width/codec.js';
import type { FieldValue } from '../../fixed-width/field-types.js';
import type { RecordLayout } from '../../fixed-width/layout.js';
import type { LineEnding } from '../../io/line-reader.js';

export class CwrRecord {
  #decoded: DecodedRecord | undefined;

  constructor(
    /** Record type: the first three characters of the line. */
    readonly type: string,
    /** 1-based line number in the file. */
    readonly line: number,
    /** The line as read, without its line ending (possibly shorter than the layout). */
    readonly text: string,
    /** The layout for this record type in the file's version; undefined for unknown types. */
    readonly layout: RecordLayout | undefined,
    readonly eol: LineEnding = 'CRLF',
  ) {}

  /** All fields, decoded once on first access. */
  get decoded(): DecodedRecord | undefined {
    if (this.#decoded === undefined && this.layout !== undefined) {
      this.#decoded = decodeRecord(this.layout, this.text);
    }
    return this.#decoded;
  }

  get values(): Readonly<Record<string, FieldValue>> {
    return this.decoded?.values ?? {};
  }

  /** One field's value, without decoding the whole record when it has not been decoded yet. */
  get(name: string): FieldValue {
    if (this.#decoded !== undefined) return this.#decoded.values[name] ?? null;
    return this.layout === undefined ? null : decodeOne(this.layout, this.text, name);
  }

  /** A field's raw text with its 1-based column and length, or undefined if the layout lacks it. */
  raw(name: string): { text: string; column: number; length: number } | undefined {
    const field = this.layout?.byName.get(name);
    if (field === undefined) return undefined;
    return { text: fieldText(this.text, field), column: field.start, length: field.length };
  }

  /** A field's value as a trimmed string ('' when empty). */
  str(name: string): string {
    const v = this.get(name);
    return v === null ? '' : String(v);
  }

  /** Transaction sequence number from the record prefix (columns 4-11), or null. */
  get transactionSequence(): number | null {
    return prefixNumber(this.text, 3);
  }

  /** Record sequence number from the record prefix (columns 12-19), or null. */
  get recordSequence(): number | null {
    return prefixNumber(this.text, 11);
  }
}

function prefixNumber(text: string, from: number): number | null {
  if (text.length < from + 8) return null;
  let n = 0;
  for (let i = from; i < from + 8; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n;
}
