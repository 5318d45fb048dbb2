// Guards the performance shortcuts of the reading/validation hot path: each fast path must give
// exactly what the plain path gives (decodeRecord vs checkRecord, one chunk vs many chunks,
// iconv-lite vs the native latin1 shortcut).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkRecord, decodeRecord } from '../../../src/fixed-width/codec.js';
import type { FieldSpec, FieldType, RecordLayout } from '../../../src/fixed-width/layout.js';
import { decodeBytes } from '../../../src/io/encoding.js';
import { isValidDate } from '../../../src/fixed-width/field-types.js';
import { readLinesFrom, type Line } from '../../../src/io/line-reader.js';

function layoutOf(fields: Array<[FieldType, number, 'M' | 'O']>): RecordLayout {
  let start = 1;
  const specs: FieldSpec[] = fields.map(([type, length, req], i) => {
    const f: FieldSpec = { name: `f${i}`, start, length, type, req };
    start += length;
    return f;
  });
  return { type: 'XXX', description: '', length: start - 1, prefix: false, fields: specs, byName: new Map(specs.map((f) => [f.name, f])) };
}

/** What the validator derived from a full decode before checkRecord existed. */
function fromDecode(layout: RecordLayout, text: string): { issues: Array<[string, string, string]>; missing: string[] } {
  const d = decodeRecord(layout, text);
  const missing = layout.fields.filter((f) => f.req === 'M' && d.values[f.name] === null && !d.issues.some((i) => i.field === f)).map((f) => f.name);
  return { issues: d.issues.map((i) => [i.field.name, i.problem, i.raw]), missing };
}

const SAMPLES: Readonly<Record<FieldType, string[]>> = {
  A: ['ABC', '   ', '\t  ', ' AB', 'Қаз', ''],
  L: ['E ', '  ', '\u00a0 ', 'KK'],
  N: ['00012', '     ', '  012', '12   ', '1 2  ', 'ABCDE', '\t\t\t\t\t', '00000', '0000 ', '    0'],
  D: ['20240229', '20230229', '00000000', '        ', '2024-1-1', '20241301', '00000001', '20240100', '20240431', '19000229', '20000229', '0000    ', '2024 101'],
  T: ['013000', '016000', '      ', '25 000', '999959', '000000', '235960', '  0000', '0000  '],
  F: ['Y', 'N', 'U', ' ', 'X', '\t'],
  B: ['Y', 'N', ' ', 'U', 'x'],
};

describe('checkRecord agrees with decodeRecord', () => {
  const cases = (Object.keys(SAMPLES) as FieldType[]).flatMap((type) =>
    (['M', 'O'] as const).flatMap((req) => (SAMPLES[type] ?? []).map((raw) => [type, req, raw] as const)),
  );
  it.each(cases)('%s field (%s) holding %j', (type, req, raw) => {
    const len = Math.max(raw.length, 1);
    const layout = layoutOf([['A', 3, 'M'], [type, len, req], ['N', 2, 'O']]);
    for (const text of ['ABC' + raw.padEnd(len, ' ') + '07', 'ABC' + raw]) {
      const c = checkRecord(layout, text);
      expect({ issues: c.issues.map((i) => [i.field.name, i.problem, i.raw]), missing: c.missing.map((f) => f.name) }).toEqual(fromDecode(layout, text));
    }
  });
});

describe('line reader: chunk boundaries do not change the lines', () => {
  const text = 'HDR one\r\nGRH two\r\n\r\nNWR three\nREV four\rSPU five\r\nTRL six';
  async function read(chunks: Buffer[]): Promise<Array<[number, string, string]>> {
    async function* src(): AsyncGenerator<Buffer> {
      yield* chunks;
    }
    const out: Line[] = [];
    for await (const b of readLinesFrom(src(), { chooseEncoding: () => 'windows-1252' })) out.push(...b);
    return out.map((l) => [l.no, l.text, l.eol]);
  }
  const bytes = Buffer.from(text, 'latin1');
  it.each(Array.from({ length: bytes.length - 1 }, (_, i) => i + 1))('cut at byte %i (and every 5 bytes after)', async (cut) => {
    const whole = await read([bytes]);
    const chunks = [bytes.subarray(0, cut)];
    for (let at = cut; at < bytes.length; at += 5) chunks.push(bytes.subarray(at, Math.min(bytes.length, at + 5)));
    expect(await read(chunks)).toEqual(whole);
  });
});

describe('decodeBytes: the native shortcut matches iconv-lite', () => {
  it.each([
    ['windows-1252', [0x41, 0x20, 0x7e]],
    ['windows-1252', [0x41, 0xe9, 0xfc]],
    ['windows-1252', [0x41, 0x80, 0x9c, 0x81]],
    ['rk1048', [0x41, 0x42]],
    ['rk1048', [0x41, 0xaa, 0xe0]],
    ['windows-1251', [0xc0, 0x20, 0x41]],
  ])('%s %j', (encoding, list) => {
    const buf = Buffer.from(list);
    expect(decodeBytes(buf, encoding)).toBe(iconv.decode(buf, encoding));
  });
});

describe('isValidDate without Date objects', () => {
  it.each([
    ['20240229', true],
    ['20230229', false],
    ['19000229', false],
    ['20000229', true],
    ['00040229', true],
    ['20241231', true],
    ['20240431', false],
    ['20241300', false],
  ])('%s -> %s', (raw, ok) => {
    expect(isValidDate(raw)).toBe(ok);
  });
});
