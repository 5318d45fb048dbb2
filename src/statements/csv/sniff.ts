/** Guesses about a CSV file from its first bytes: delimiter and text encoding. */
import { closeSync, openSync, readSync } from 'node:fs';

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

/** The first `size` bytes of a file. */
export function readHead(path: string, size: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    const n = readSync(fd, buf, 0, size, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function countOutsideQuotes(line: string, ch: string, quote: string): number {
  let n = 0;
  let q = false;
  for (const c of line) {
    if (c === quote) q = !q;
    else if (c === ch && !q) n++;
  }
  return n;
}

/**
 * The delimiter that splits the header into the most columns and gives the same count on the
 * next lines; null when no candidate appears at all.
 */
export function sniffDelimiter(head: string, quote = '"'): string | null {
  const lines = head.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 20);
  // The last piece of a truncated head may be cut in the middle of a line.
  if (lines.length > 2) lines.pop();
  const first = lines[0];
  if (first === undefined) return null;
  let best: { d: string; score: number } | null = null;
  for (const d of DELIMITER_CANDIDATES) {
    const n = countOutsideQuotes(first, d, quote);
    if (n === 0) continue;
    const consistent = lines.slice(1).filter((l) => countOutsideQuotes(l, d, quote) === n).length;
    const score = n + consistent * 100;
    if (best === null || score > best.score) best = { d, score };
  }
  return best?.d ?? null;
}

/** utf-8 when the bytes are valid UTF-8 (or start with a BOM); otherwise a Cyrillic or Western
 * single-byte code page, chosen by where the high bytes fall. */
export function guessEncoding(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, lastCompleteUtf8(bytes)));
    return 'utf-8';
  } catch {
    let cyr = 0;
    let other = 0;
    for (const b of bytes) {
      if (b >= 0xc0) cyr++;
      else if (b >= 0x80) other++;
    }
    return cyr > other * 2 ? 'windows-1251' : 'windows-1252';
  }
}

/** Length of `bytes` without a UTF-8 sequence cut at the end. */
function lastCompleteUtf8(bytes: Buffer): number {
  let i = bytes.length;
  let back = 0;
  while (i > 0 && back < 4) {
    const b = bytes[i - 1] as number;
    if ((b & 0xc0) === 0x80) {
      i--;
      back++;
      continue;
    }
    if (b >= 0xc0) return i - 1;
    return bytes.length;
  }
  return bytes.length;
}
