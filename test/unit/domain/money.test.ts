import { describe, expect, it } from 'vitest';
import { isCurrency, minorUnits, normaliseCurrency } from '../../../src/domain/currency.js';
import {
  add,
  allocate,
  divRound,
  formatForCurrency,
  formatMoney,
  formatUnits,
  multiplyRatio,
  parseDecimal,
  parseMoney,
  rescale,
  split,
  type RoundingMode,
} from '../../../src/domain/money.js';

describe('currency table', () => {
  it.each([
    ['KZT', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['EUR', 2],
    ['CLF', 4],
  ])('%s has %i minor units', (code, units) => {
    expect(minorUnits(code)).toBe(units);
  });
  it('rejects unknown codes and normalises case', () => {
    expect(isCurrency('XYZ')).toBe(false);
    expect(isCurrency('toString')).toBe(false);
    expect(normaliseCurrency(' kzt ')).toBe('KZT');
    expect(normaliseCurrency('EURO')).toBeNull();
  });
});

describe('parseDecimal', () => {
  it.each([
    ['12.34', {}, 1234n, 2],
    ['-0.5', {}, -5n, 1],
    ['+7', {}, 7n, 0],
    ['12.5', { scale: 2 }, 1250n, 2],
    ['12.500', { scale: 2 }, 1250n, 2],
    ['1 234,56', { decimalSeparator: ',', groupSeparators: ' ' }, 123456n, 2],
    ['1.234,56', { decimalSeparator: ',', groupSeparators: '.' }, 123456n, 2],
    ['.5', { scale: 2 }, 50n, 2],
    ['99999999999999999999.99', {}, 9999999999999999999999n, 2],
    ['0.125', { scale: 2, rounding: 'half-even' }, 12n, 2],
    ['0.135', { scale: 2, rounding: 'half-even' }, 14n, 2],
    ['0.125', { scale: 2, rounding: 'half-up' }, 13n, 2],
    ['-0.125', { scale: 2, rounding: 'half-up' }, -13n, 2],
  ] as const)('%s %o -> %s', (text, opts, units, scale) => {
    const r = parseDecimal(text, opts);
    expect(r).toEqual({ ok: true, units, scale });
  });

  it.each([
    ['', 'empty', 0],
    ['12a', 'not-a-number', 2],
    ['1.2.3', 'not-a-number', 3],
    ['-', 'not-a-number', 0],
    ['  1,5', 'not-a-number', 3],
    ['0.129', 'too-many-decimals', 4],
  ])('refuses %j (%s at offset %i)', (text, problem, offset) => {
    expect(parseDecimal(text, { scale: 2 })).toEqual({ ok: false, problem, offset });
  });

  it('never goes through binary floating point', () => {
    const a = parseMoney('0.1', 'EUR');
    const b = parseMoney('0.2', 'EUR');
    if (!('minor' in a) || !('minor' in b)) throw new Error('parse failed');
    expect(formatMoney(add(a, b))).toBe('0.30');
  });
});

describe('rounding', () => {
  it.each<[bigint, bigint, RoundingMode, bigint]>([
    [5n, 2n, 'half-up', 3n],
    [5n, 2n, 'half-even', 2n],
    [7n, 2n, 'half-even', 4n],
    [-5n, 2n, 'half-up', -3n],
    [-5n, 2n, 'half-even', -2n],
    [4n, 3n, 'half-up', 1n],
    [5n, 3n, 'half-even', 2n],
    [0n, 7n, 'half-up', 0n],
  ])('divRound(%s, %s, %s) = %s', (n, d, mode, want) => {
    expect(divRound(n, d, mode)).toBe(want);
  });

  it('property: both modes land within half a unit of the exact quotient and differ only on ties', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    for (let i = 0; i < 5000; i++) {
      const n = BigInt(next() % 2000001) - 1000000n;
      const d = BigInt((next() % 999) + 1);
      const up = divRound(n, d, 'half-up');
      const even = divRound(n, d, 'half-even');
      for (const q of [up, even]) {
        const err = q * d - n; // (q - n/d) * d
        expect((err < 0n ? -err : err) * 2n <= d).toBe(true);
      }
      const tie = (n < 0n ? -n : n) % d * 2n === d;
      if (!tie) expect(up).toBe(even);
      else {
        expect((even < 0n ? -even : even) % 2n).toBe(0n);
        expect((up < 0n ? -up : up) >= (even < 0n ? -even : even)).toBe(true);
      }
    }
  });

  it('rescales up exactly and down with the mode', () => {
    const m = { minor: 1255n, scale: 3, currency: 'EUR' };
    expect(rescale(m, 2, 'half-even').minor).toBe(126n);
    expect(rescale({ ...m, minor: 1245n }, 2, 'half-even').minor).toBe(124n);
    expect(rescale({ ...m, minor: 1245n }, 2, 'half-up').minor).toBe(125n);
    expect(rescale(m, 5).minor).toBe(125500n);
  });

  it('multiplies by a ratio with one rounding', () => {
    const m = { minor: 1000n, scale: 2, currency: 'KZT' };
    expect(multiplyRatio(m, 1n, 3n, 'half-up').minor).toBe(333n);
    expect(multiplyRatio(m, 2n, 3n, 'half-up').minor).toBe(667n);
  });
});

describe('formatting', () => {
  it.each([
    [0n, 2, '0.00'],
    [-5n, 2, '-0.05'],
    [123456n, 0, '123456'],
    [-123456n, 3, '-123.456'],
  ])('formatUnits(%s, %i) = %s', (u, s, want) => {
    expect(formatUnits(u, s)).toBe(want);
  });
  it('trims zero decimals to the currency minor units, never a significant digit', () => {
    expect(formatForCurrency({ minor: 12500000n, scale: 6, currency: 'KZT' })).toBe('12.50');
    expect(formatForCurrency({ minor: 12500001n, scale: 6, currency: 'KZT' })).toBe('12.500001');
    expect(formatForCurrency({ minor: 12000000n, scale: 6, currency: 'JPY' })).toBe('12');
    expect(() => add({ minor: 1n, scale: 2, currency: 'EUR' }, { minor: 1n, scale: 2, currency: 'KZT' })).toThrow(/EUR with KZT/);
  });
});

describe('allocate (largest remainder)', () => {
  it.each<[bigint, bigint[], bigint[]]>([
    [1000n, [1n, 1n, 1n], [334n, 333n, 333n]],
    [1000n, [5000n, 3333n, 1667n], [500n, 333n, 167n]],
    [1n, [1n, 1n], [1n, 0n]],
    [-1000n, [1n, 1n, 1n], [-334n, -333n, -333n]],
    [10n, [0n, 3n, 7n], [0n, 3n, 7n]],
    [0n, [1n, 2n], [0n, 0n]],
  ])('%s over %o -> %o', (total, weights, want) => {
    expect(allocate(total, weights)).toEqual(want);
  });

  it('refuses impossible splits', () => {
    expect(() => allocate(10n, [])).toThrow();
    expect(() => allocate(10n, [0n, 0n])).toThrow();
    expect(() => allocate(10n, [1n, -1n])).toThrow();
  });

  it('property: parts always add up to the whole and each part is within one unit of its exact share', () => {
    // A small deterministic generator (xorshift) so a failure can be reproduced.
    let seed = 0x2545f491;
    const next = (): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 0x100000000;
    };
    for (let run = 0; run < 2000; run++) {
      const n = 1 + Math.floor(next() * 12);
      const weights = Array.from({ length: n }, () => BigInt(Math.floor(next() * 10000)));
      if (weights.every((w) => w === 0n)) weights[0] = 1n;
      const total = BigInt(Math.floor(next() * 1e9)) * (next() < 0.2 ? -1n : 1n);
      const parts = allocate(total, weights);
      expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
      const wsum = weights.reduce((a, b) => a + b, 0n);
      parts.forEach((p, i) => {
        const exactTimesW = total * (weights[i] as bigint);
        const diff = p * wsum - exactTimesW;
        expect(diff < 0n ? -diff : diff).toBeLessThan(wsum);
      });
      // Deterministic: the same input gives the same output.
      expect(allocate(total, weights)).toEqual(parts);
    }
  });

  it('splits money keeping currency and scale', () => {
    const parts = split({ minor: 100n, scale: 2, currency: 'KZT' }, [1n, 2n]);
    expect(parts.map((p) => formatMoney(p))).toEqual(['0.33', '0.67']);
  });
});
