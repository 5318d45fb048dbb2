/**
 * Character encodings: the names people and HDR records use, mapped to iconv-lite names, and the
 * byte <-> text conversion used by readers and writers.
 */
import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';

/** Aliases iconv-lite does not know (KZ-1048 is `rk1048` there) plus the CWR HDR values. */
const ALIASES: Readonly<Record<string, string>> = {
  kz1048: 'rk1048',
  cskz1048: 'rk1048',
  strk10482002: 'rk1048',
  ascii: 'latin1',
  usascii: 'latin1',
  iso88591: 'latin1',
  latin1: 'latin1',
  cp1252: 'windows-1252',
  windows1252: 'windows-1252',
  win1252: 'windows-1252',
  utf8: 'utf-8',
  unicode: 'utf-8',
  big5: 'big5',
  gb: 'gb2312',
  gb2312: 'gb2312',
  ptcp154: 'pt154',
};

function canonical(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The iconv-lite name for a user- or file-supplied encoding name, or undefined if unsupported. */
export function resolveEncoding(name: string): string | undefined {
  const key = canonical(name);
  if (key === '') return undefined;
  const alias = ALIASES[key];
  if (alias !== undefined) return alias;
  return iconv.encodingExists(name) ? name.toLowerCase() : undefined;
}

export function isUtf8(encoding: string): boolean {
  return canonical(encoding) === 'utf8';
}

/** Single-byte encodings whose lower half is ASCII: pure-ASCII bytes decode the same as latin1. */
const ASCII_SUPERSET = /^(windows-125\d|iso-8859-\d+|rk1048|pt154|cp125\d|cp866|koi8-[ru])$/;
/** The C1 range, where windows-1252 and latin1 differ. */
const C1 = /[\x80-\x9f]/;

export function decodeBytes(bytes: Buffer, encoding: string): string {
  if (encoding === 'latin1') return bytes.toString('latin1');
  if (isUtf8(encoding)) return bytes.toString('utf8');
  // Fast path (native decoding): most CWR files are ASCII, and windows-1252 text without C1
  // bytes is byte-for-byte latin1. Anything else goes through iconv-lite.
  if (ASCII_SUPERSET.test(encoding)) {
    if (isAscii(bytes)) return bytes.toString('latin1');
    if (encoding === 'windows-1252') {
      const text = bytes.toString('latin1');
      if (!C1.test(text)) return text;
    }
  }
  return iconv.decode(bytes, encoding, { stripBOM: false });
}

export function encodeText(text: string, encoding: string): Buffer {
  if (encoding === 'latin1') return Buffer.from(text, 'latin1');
  if (isUtf8(encoding)) return Buffer.from(text, 'utf8');
  return iconv.encode(text, encoding);
}

/** Characters of `text` that `encoding` cannot carry (they would become '?'). */
export function unencodable(text: string, encoding: string): string[] {
  if (isUtf8(encoding)) return [];
  const bad: string[] = [];
  for (const ch of text) {
    if (decodeBytes(encodeText(ch, encoding), encoding) !== ch) bad.push(ch);
  }
  return bad;
}
