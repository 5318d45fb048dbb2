import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../../../src/fixed-width/field-types.js';
import type { FieldSpec } from '../../../../src/fixed-width/layout.js';
import { CwrBuilder } from '../../../../src/formats/cwr/builder.js';
import { readCwrFile } from '../../../../src/formats/cwr/reader.js';
import { CONTROL_TYPES, TRANSACTION_HEADER_TYPES } from '../../../../src/formats/cwr/structure.js';
import { CWR_VERSIONS, isV3, layoutsFor, type CwrVersion } from '../../../../src/formats/cwr/versions.js';
import { transmissionText } from '../../../../src/formats/cwr/writer.js';
import { decodeBytes, encodeText } from '../../../../src/io/encoding.js';
import { PUBLIC_SAMPLES, SAMPLES } from '../../../helpers/paths.js';

async function* bytesOf(buf: Buffer): AsyncGenerator<Buffer> {
  yield buf;
}

function cwrFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => !n.toLowerCase().endsWith('.md'))
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

/** The bytes parse -> write must give: each raw line padded to its layout length, ending CR LF. */
function expectedBytes(raw: Buffer, encoding: string, version: CwrVersion): Buffer {
  const layouts = layoutsFor(version);
  const parts: Buffer[] = [];
  let start = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
  const push = (end: number): void => {
    const line = raw.subarray(start, end);
    const text = decodeBytes(line, encoding);
    if (text.trim() === '') return; // blank lines are reported and skipped by the reader
    const layout = layouts.records.get(text.slice(0, 3));
    const pad = layout ? Math.max(0, layout.length - text.length) : 0;
    parts.push(line, Buffer.from(' '.repeat(pad) + '\r\n', 'latin1'));
  };
  for (let i = start; i < raw.length; i++) {
    const b = raw[i];
    if (b === 0x0a || b === 0x0d) {
      push(i);
      if (b === 0x0d && raw[i + 1] === 0x0a) i++;
      start = i + 1;
    }
  }
  if (start < raw.length) push(raw.length);
  return Buffer.concat(parts);
}

const files = [...cwrFiles(PUBLIC_SAMPLES), ...cwrFiles(join(SAMPLES, 'cwr'))].map((path) => ({ path, name: path.split('/').slice(-2).join('/') }));

describe('parse then write gives the same bytes', () => {
  it('finds the public samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('$name', async ({ path }) => {
    const raw = readFileSync(path);
    const { info, transmission } = await readCwrFile(path);
    const written = encodeText(transmissionText(transmission), info.encoding);
    const expected = expectedBytes(raw, info.encoding, info.version);
    expect(written.equals(expected)).toBe(true);
    expect(written.toString('latin1').split('\r\n').length - 1).toBe(info.lines - countBlank(raw, info.encoding));
  });
});

function countBlank(raw: Buffer, encoding: string): number {
  return decodeBytes(raw, encoding)
    .split(/\r\n|\n|\r/)
    .filter((l, i, all) => l.trim() === '' && i < all.length - 1).length;
}

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -&.';
const KAZAKH = 'АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯаәғқңөұүһі ';
/** Non-Roman records of 2.x whose text may be Cyrillic when the HDR declares UTF-8. */
const NON_ROMAN_2X = new Set(['NAT', 'NWN', 'NPN', 'NPA', 'NPR', 'NOW', 'NET', 'NCT', 'NVT']);
const PREFIX = new Set(['record_type', 'transaction_sequence_number', 'record_sequence_number']);

function randomValue(f: FieldSpec, rnd: () => number, cyrillic: boolean): FieldValue {
  const int = (n: number): number => Math.floor(rnd() * n);
  const pad2 = (n: number): string => String(n).padStart(2, '0');
  switch (f.type) {
    case 'A':
    case 'L': {
      if (rnd() < 0.2) return null;
      const alphabet = cyrillic && f.type === 'A' && rnd() < 0.7 ? KAZAKH : LATIN;
      const len = 1 + int(f.length);
      let s = '';
      for (let i = 0; i < len; i++) s += alphabet[int(alphabet.length)] ?? 'A';
      s = s.trimEnd();
      return s === '' ? null : s;
    }
    case 'N': {
      const digits = 1 + int(Math.min(f.length, 15));
      return Number(String(1 + int(9)) + Array.from({ length: digits - 1 }, () => String(int(10))).join(''));
    }
    case 'D':
      return rnd() < 0.2 ? null : `${1900 + int(200)}-${pad2(1 + int(12))}-${pad2(1 + int(28))}`;
    case 'T':
      return `${pad2(int(100))}:${pad2(int(60))}:${pad2(int(60))}`;
    case 'F':
      return (['Y', 'N', 'U', null] as const)[int(4)] ?? null;
    case 'B':
      return ([true, false, null] as const)[int(3)] ?? null;
  }
}

interface Built {
  type: string;
  values: Record<string, FieldValue>;
}

function randomTransmission(version: CwrVersion, seed: number): { lines: string[]; built: Built[]; utf8: boolean } {
  const rnd = prng(seed);
  const layouts = layoutsFor(version);
  const utf8 = isV3(version) || version === '2.2' || rnd() < 0.5;
  const lines: string[] = [];
  const built: Built[] = [];
  const b = new CwrBuilder(version, (l) => lines.push(l));
  b.header({
    sender_type: 'PB',
    ...(isV3(version) ? { sender_code: 'QMP' } : { sender_id: 123 }),
    sender_name: 'QAZAQ MUSIC PUBLISHING',
    creation_date: '2026-11-28',
    creation_time: '10:11:12',
    transmission_date: '2026-11-28',
    ...(utf8 ? { character_set: 'UTF-8' } : {}),
  });
  const header = isV3(version) ? 'WRK' : 'NWR';
  const details = [...layouts.records.keys()].filter((t) => !CONTROL_TYPES.has(t) && !TRANSACTION_HEADER_TYPES.has(t));
  const make = (type: string): Record<string, FieldValue> => {
    const layout = layouts.records.get(type);
    const values: Record<string, FieldValue> = {};
    const cyr = utf8 && (isV3(version) || NON_ROMAN_2X.has(type));
    for (const f of layout?.fields ?? []) if (!PREFIX.has(f.name)) values[f.name] = randomValue(f, rnd, cyr);
    built.push({ type, values });
    return values;
  };
  b.group(header);
  const transactions = 2 + Math.floor(rnd() * 3);
  for (let t = 0; t < transactions; t++) {
    b.transaction(header, make(header));
    for (let r = 0; r < 6; r++) {
      const type = details[Math.floor(rnd() * details.length)] ?? 'ALT';
      b.record(type, make(type));
    }
  }
  b.end();
  return { lines, built, utf8 };
}

const cases = CWR_VERSIONS.flatMap((version) => [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ version, seed: n * 7919 + version.charCodeAt(2) })));

describe('built -> bytes -> parse -> write is lossless (seeded random transactions)', () => {
  it.each(cases)('$version seed $seed', async ({ version, seed }) => {
    const { lines, built, utf8 } = randomTransmission(version, seed);
    const encoding = utf8 ? 'utf-8' : 'windows-1252';
    const bytes = encodeText(lines.map((l) => `${l}\r\n`).join(''), encoding);
    const { info, transmission, diagnostics } = await readCwrFile(bytesOf(bytes), { fileName: 'built' });
    expect(info.version).toBe(version);
    expect(info.encoding).toBe(encoding);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(encodeText(transmissionText(transmission), info.encoding).equals(bytes)).toBe(true);
    const records = transmission.groups.flatMap((g) => g.transactions.flatMap((tx) => [tx.header, ...tx.records]));
    expect(records.map((r) => r.type)).toEqual(built.map((b) => b.type));
    records.forEach((rec, i) => {
      const want = built[i]?.values ?? {};
      const got: Record<string, FieldValue> = {};
      for (const name of Object.keys(want)) got[name] = rec.get(name);
      expect(got, `line ${rec.line} ${rec.type}`).toEqual(want);
    });
  });

  it('the generator really writes Kazakh letters', () => {
    const { lines } = randomTransmission('3.0', 11);
    expect(lines.join('')).toMatch(/[ӘҒҚҢӨҰҮҺІ]/u);
  });
});
