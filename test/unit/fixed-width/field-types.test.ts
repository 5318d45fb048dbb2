import { describe, expect, it } from 'vitest';
import { decodeField, encodeField, formatScaled, type FieldValue } from '../../../src/fixed-width/field-types.js';
import type { FieldSpec, FieldType } from '../../../src/fixed-width/layout.js';

const spec = (type: FieldType, length: number, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name: 'f', start: 1, length, type, req: 'O', ...extra });

describe('decodeField', () => {
  it.each<[FieldType, number, string, FieldValue, string | undefined]>([
    ['A', 5, 'AB   ', 'AB', undefined],
    ['A', 5, '     ', null, undefined],
    ['A', 5, ' AB  ', ' AB', undefined],
    ['N', 5, '00012', 12, undefined],
    ['N', 5, '     ', null, undefined],
    ['N', 5, '12   ', 12, 'not-numeric'],
    ['N', 5, '1A345', null, 'not-numeric'],
    ['N', 18, '123456789012345678', 123456789012345678n, undefined],
    ['D', 8, '20260131', '2026-01-31', undefined],
    ['D', 8, '00000000', null, undefined],
    ['D', 8, '20260230', null, 'invalid-date'],
    ['D', 8, '2026013X', null, 'invalid-date'],
    ['T', 6, '031500', '03:15:00', undefined],
    ['T', 6, '000000', '00:00:00', undefined],
    ['T', 6, '016100', null, 'invalid-time'],
    ['F', 1, 'U', 'U', undefined],
    ['F', 1, 'X', null, 'invalid-flag'],
    ['B', 1, 'Y', true, undefined],
    ['B', 1, 'N', false, undefined],
    ['B', 1, 'U', null, 'invalid-boolean'],
  ])('%s(%d) %j -> %s', (type, length, raw, value, problem) => {
    const d = decodeField(spec(type, length), raw);
    expect(d.value).toEqual(value);
    expect(d.problem).toBe(problem);
  });
});

describe('encodeField', () => {
  it.each<[FieldType, number, FieldValue, string]>([
    ['A', 5, 'AB', 'AB   '],
    ['A', 5, null, '     '],
    ['N', 5, 12, '00012'],
    ['N', 5, null, '00000'],
    ['N', 18, 123456789012345678n, '123456789012345678'],
    ['D', 8, '2026-01-31', '20260131'],
    ['D', 8, null, '00000000'],
    ['T', 6, '03:15:00', '031500'],
    ['F', 1, 'Y', 'Y'],
    ['B', 1, true, 'Y'],
    ['B', 1, false, 'N'],
  ])('%s(%d) %s -> %j', (type, length, value, text) => {
    expect(encodeField(spec(type, length), value)).toBe(text);
  });

  it.each<[FieldType, number, FieldValue]>([
    ['A', 2, 'ABC'],
    ['N', 2, 123],
    ['N', 5, -1],
    ['N', 5, 1.5],
    ['D', 8, '2026-02-30'],
    ['T', 6, '25:61:00'],
    ['B', 1, 'X'],
  ])('%s(%d) rejects %s', (type, length, value) => {
    expect(() => encodeField(spec(type, length), value)).toThrow();
  });

  it('round-trips every valid value it produces (property over random values)', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      const n = spec('N', 1 + rnd(12));
      const v = rnd(10 ** Math.min(n.length, 9));
      expect(decodeField(n, encodeField(n, v)).value).toBe(v);
      const y = 1 + rnd(9999);
      const m = 1 + rnd(12);
      const d = 1 + rnd(28);
      const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      expect(decodeField(spec('D', 8), encodeField(spec('D', 8), date)).value).toBe(date);
    }
  });
});

describe('formatScaled', () => {
  it.each<[number | bigint, number, string]>([
    [10000, 2, '100.00'],
    [5, 2, '0.05'],
    [0, 2, '0.00'],
    [-1234, 2, '-12.34'],
    [123456789012345678n, 4, '12345678901234.5678'],
    [7, 0, '7'],
  ])('%s scale %d -> %s', (v, scale, s) => {
    expect(formatScaled(v, scale)).toBe(s);
  });
});
