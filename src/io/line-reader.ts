/**
 * Streams a file (or any byte source) as numbered lines in bounded memory. Handles CRLF, LF and
 * lone CR endings, a UTF-8 byte-order mark, and a missing final newline. Lines are delivered in
 * batches (one per chunk read) to keep per-line overhead low on gigabyte files.
 */
import { createReadStream } from 'node:fs';
import { decodeBytes } from './encoding.js';

export type LineEnding = 'CRLF' | 'LF' | 'CR' | '';

export interface Line {
  /** 1-based line number. */
  readonly no: number;
  /** The text without its line ending. */
  readonly text: string;
  readonly eol: LineEnding;
}

export interface ByteFacts {
  /** A UTF-8 byte-order mark was found and skipped. */
  bom: boolean;
  /** NUL bytes or other control characters typical of binary data were seen. */
  binary: boolean;
  bytes: number;
}

/**
 * Chooses the text encoding from the first bytes of the input (the first line, BOM stripped).
 * Called once, before any line is decoded.
 */
export type EncodingChooser = (firstLine: string, bom: boolean) => string;

export interface ReadLinesOptions {
  chooseEncoding: EncodingChooser;
  /** Read size; lines are split per chunk. */
  chunkSize?: number;
  facts?: ByteFacts;
}

const LF = 0x0a;
const CR = 0x0d;

function isBinaryByte(b: number): boolean {
  return b === 0 || (b < 0x20 && b !== 0x09 && b !== LF && b !== CR && b !== 0x0c && b !== 0x1a);
}

/** Splits decoded text holding only whole lines (it ends with its last line's ending, or is the
 * final piece of the input) into Line objects. */
function splitLines(text: string, firstNo: number, out: Line[]): number {
  let no = firstNo;
  let pos = 0;
  const n = text.length;
  let cr = text.indexOf('\r');
  while (pos < n) {
    let nl = text.indexOf('\n', pos);
    if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
    let end: number;
    let eol: LineEnding;
    let next: number;
    if (cr !== -1 && (nl === -1 || cr < nl - 1)) {
      end = cr;
      eol = 'CR';
      next = cr + 1;
    } else if (nl !== -1) {
      if (cr === nl - 1) {
        end = cr;
        eol = 'CRLF';
      } else {
        end = nl;
        eol = 'LF';
      }
      next = nl + 1;
    } else {
      end = n;
      eol = cr === n - 1 ? 'CR' : '';
      if (eol === 'CR') end = n - 1;
      next = n;
    }
    out.push({ no, text: text.slice(pos, end), eol });
    no++;
    pos = next;
    if (nl === -1 && next >= n) break;
  }
  return no;
}

/** Reads lines from an async source of byte chunks. */
export async function* readLinesFrom(
  source: AsyncIterable<Buffer | string>,
  options: ReadLinesOptions,
): AsyncGenerator<Line[]> {
  const facts = options.facts ?? { bom: false, binary: false, bytes: 0 };
  let encoding: string | undefined;
  let pending: Buffer = Buffer.alloc(0);
  let no = 1;
  let checkedBinary = 0;

  const decideEncoding = (buf: Buffer): Buffer => {
    let body = buf;
    if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
      facts.bom = true;
      body = body.subarray(3);
    }
    let end = body.indexOf(LF);
    const crAt = body.indexOf(CR);
    if (crAt !== -1 && (end === -1 || crAt < end)) end = crAt;
    const first = body.subarray(0, end === -1 ? Math.min(body.length, 4096) : end).toString('latin1');
    encoding = options.chooseEncoding(first, facts.bom);
    return body;
  };

  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    facts.bytes += bytes.length;
    if (checkedBinary < 65536) {
      const lim = Math.min(bytes.length, 65536 - checkedBinary);
      for (let i = 0; i < lim; i++) {
        if (isBinaryByte(bytes[i] as number)) {
          facts.binary = true;
          break;
        }
      }
      checkedBinary += lim;
    }
    let buf = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
    if (encoding === undefined) {
      // Need the whole first line (or a good piece of it) before choosing the encoding.
      if (buf.indexOf(LF) === -1 && buf.indexOf(CR) === -1 && buf.length < 4096) {
        pending = buf;
        continue;
      }
      buf = decideEncoding(buf);
    }
    let cut = Math.max(buf.lastIndexOf(LF), buf.lastIndexOf(CR));
    // A CR as the very last byte may be the first half of a CRLF split across chunks.
    if (cut === buf.length - 1 && buf[cut] === CR) cut = Math.max(buf.lastIndexOf(LF, cut - 1), buf.lastIndexOf(CR, cut - 1));
    if (cut === -1) {
      pending = buf;
      continue;
    }
    const whole = buf.subarray(0, cut + 1);
    pending = Buffer.from(buf.subarray(cut + 1));
    const lines: Line[] = [];
    no = splitLines(decodeBytes(whole, encoding as string), no, lines);
    if (lines.length > 0) yield lines;
  }
  if (encoding === undefined) {
    if (pending.length === 0) return;
    pending = decideEncoding(pending);
  }
  if (pending.length > 0) {
    const lines: Line[] = [];
    splitLines(decodeBytes(pending, encoding as string), no, lines);
    if (lines.length > 0) yield lines;
  }
}

/** Reads lines of a file on disk. */
export function readFileLines(path: string, options: ReadLinesOptions): AsyncGenerator<Line[]> {
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 });
  return readLinesFrom(stream as AsyncIterable<Buffer>, options);
}
