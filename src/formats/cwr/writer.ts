/**
 * Writes CWR records back to bytes. A record read from a file is written from its own text,
 * padded to its layout length, so parse -> write in the same version gives the same bytes
 * (line endings normalised to CR LF). Records built in memory are encoded from their values.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { encodeRecord, padLine } from '../../fixed-width/codec.js';
import type { FieldValue } from '../../fixed-width/field-types.js';
import type { RecordLayout } from '../../fixed-width/layout.js';
import { encodeText } from '../../io/encoding.js';
import type { CwrRecord } from './record.js';
import type { Transmission } from './structure.js';

export const CRLF = '\r\n';

/** The text of a record as it is written: its line padded to the layout length. */
export function recordText(rec: CwrRecord): string {
  return rec.layout ? padLine(rec.layout, rec.text) : rec.text;
}

/** Encodes a new record from values; `record_type` is filled from the layout. */
export function buildRecord(layout: RecordLayout, values: Readonly<Record<string, FieldValue | undefined>>): string {
  return encodeRecord(layout, { record_type: layout.type, ...values });
}

/** Every record of a transmission in file order. */
export function* transmissionRecords(t: Transmission): Generator<CwrRecord> {
  const all: CwrRecord[] = [];
  if (t.header) all.push(t.header);
  for (const g of t.groups) {
    all.push(g.info.header);
    for (const tx of g.transactions) {
      all.push(tx.header, ...tx.records);
    }
    all.push(...g.stray);
    if (g.info.trailer) all.push(g.info.trailer);
  }
  all.push(...t.stray);
  if (t.trailer) all.push(t.trailer);
  all.sort((a, b) => a.line - b.line);
  yield* all;
}

/** The whole transmission as text with CR LF after every record. */
export function transmissionText(t: Transmission): string {
  let out = '';
  for (const rec of transmissionRecords(t)) out += recordText(rec) + CRLF;
  return out;
}

/** Writes lines to a file through a stream, encoding each chunk; resolves when flushed. A write
 * error (disk full, folder removed) is kept and rethrown by the next write, flush or close
 * instead of crashing the process. */
export class LineWriter {
  #out: WriteStream;
  #buffer: string[] = [];
  #size = 0;
  #error: Error | null = null;

  constructor(
    path: string,
    private readonly encoding: string,
    mode = 0o644,
  ) {
    this.#out = createWriteStream(path, { mode });
    this.#out.on('error', (e) => {
      this.#error ??= e;
    });
  }

  #check(): void {
    if (this.#error) throw this.#error;
  }

  async write(line: string): Promise<void> {
    this.#check();
    this.#buffer.push(line, CRLF);
    this.#size += line.length + 2;
    if (this.#size >= 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    this.#check();
    if (this.#buffer.length === 0) return;
    const chunk = encodeText(this.#buffer.join(''), this.encoding);
    this.#buffer = [];
    this.#size = 0;
    if (!this.#out.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.#out.off('drain', done);
          this.#out.off('error', done);
          resolve();
        };
        this.#out.once('drain', done);
        this.#out.once('error', done);
      });
    }
    this.#check();
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      if (this.#error) {
        reject(this.#error);
        return;
      }
      this.#out.once('error', reject);
      this.#out.end(() => resolve());
    });
  }
}
