import { describe, expect, it } from 'vitest';
import { prng } from './fixtures.js';
import { CumulativeScaler, divRound, floorDiv, formatMinor, parseDecimal, parseRate, rescale, splitByWeights } from '../../../src/reconcile/amounts.js';

describe('decimal amounts', () => {
  it.each([
    ['1234.56', 2, 123456n],
    ['-0.05', 2, -5n],
    ['7', 2, 700n],
    ['0.125', 2, 13n],
    ['-0.125', 2, -13n],
    ['12.3456789', 6, 12345679n],
  ])('parses %s at scale %i', (text, scale, v) => {
    expect(parseDecimal(text, scale)).toBe(v);
  });
  it.each(['', 'abc', '1,5', '1e3', '--1'])('refuses %j', (t) => expect(parseDecimal(t, 2)).toBeNull());
  it.each([
    [123456n, 2, '1234.56'],
    [-5n, 2, '-0.05'],
    [0n, 2, '0.00'],
    [42n, 0, '42'],
  ])('formats %s', (v, scale, text) => expect(formatMinor(v, scale)).toBe(text));
  it('rescales and divides with explicit rounding', () => {
    expect(rescale(12345n, 3, 2)).toBe(1235n);
    expect(rescale(5n, 2, 4)).toBe(500n);
    expect(floorDiv(-7n, 2n)).toBe(-4n);
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-2n);
  });
  it('parses rates exactly', () => {
    expect(parseRate('eur:kzt=512.34')).toMatchObject({ from: 'EUR', to: 'KZT', num: 51234n, den: 100n });
    expect(parseRate('EUR/KZT=0')).toBeNull();
    expect(parseRate('EUR=5')).toBeNull();
  });
});

describe('splitByWeights', () => {
  it.each([
    [1000n, [1n, 1n, 1n], [334n, 333n, 333n]],
    [1000n, [5000n, 3333n, 1667n], [500n, 333n, 167n]],
    [-1000n, [1n, 1n, 1n], [-334n, -333n, -333n]],
    [1n, [1n, 1n], [1n, 0n]],
  ])('%s over %s', (a, w, parts) => expect(splitByWeights(a, w)).toEqual(parts));
  it('refuses empty or negative weights', () => {
    expect(() => splitByWeights(10n, [0n])).toThrow(RangeError);
    expect(() => splitByWeights(10n, [2n, -1n])).toThrow(RangeError);
  });
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('property: parts always add up to the whole (seed %i)', (seed) => {
    const rnd = prng(seed);
    for (let k = 0; k < 500; k++) {
      const amount = BigInt(Math.floor(rnd() * 2e9) - 1e9);
      const weights = Array.from({ length: 1 + Math.floor(rnd() * 7) }, () => BigInt(Math.floor(rnd() * 10001)));
      if (weights.every((w) => w === 0n)) weights[0] = 1n;
      const parts = splitByWeights(amount, weights);
      expect(parts.reduce((s, p) => s + p, 0n)).toBe(amount);
      // No part is more than one unit away from its exact share.
      const total = weights.reduce((s, w) => s + w, 0n);
      parts.forEach((p, i) => {
        const exact = amount * (weights[i] ?? 0n);
        const diff = p * total - exact;
        expect(diff < 0n ? -diff : diff).toBeLessThan(total);
      });
    }
  });
});

describe('CumulativeScaler', () => {
  it.each([1, 2, 3, 4, 5])('property: steps add up to the image of the total (seed %i)', (seed) => {
    const rnd = prng(seed * 31);
    const num = BigInt(1 + Math.floor(rnd() * 1e6));
    const den = BigInt(1 + Math.floor(rnd() * 1e6));
    const s = new CumulativeScaler(num, den);
    let total = 0n;
    let out = 0n;
    for (let i = 0; i < 2000; i++) {
      const a = BigInt(Math.floor(rnd() * 1e7) - 2e6);
      total += a;
      out += s.step(a);
    }
    expect(out).toBe(s.image(total));
  });
});

describe('rate files', () => {
  it('reads rates and picks the one for a statement currency, either direction', async () => {
    const { parseRateFile, pickRate } = await import('../../../src/app/reconcile.js');
    const rates = parseRateFile('# monthly rates\nEUR:KZT=512.34\n\nKZT:GBP=0.0015 # reverse\n');
    expect(Array.isArray(rates)).toBe(true);
    if (!Array.isArray(rates)) return;
    expect(pickRate(rates, 'eur', 'KZT')?.text).toBe('EUR:KZT=512.34');
    expect(pickRate(rates, 'GBP', 'KZT')?.text).toBe('KZT:GBP=0.0015');
    expect(pickRate(rates, 'USD', 'KZT')).toBeNull();
    expect(parseRateFile('EUR:KZT=1\nnonsense\n')).toEqual({ badLine: 2 });
  });
});

describe('effectiveRate and parseReceived', () => {
  it('turns a reverse rate round and refuses one for another currency', async () => {
    const { effectiveRate, parseReceived } = await import('../../../src/app/reconcile.js');
    const st = { id: 1, fromSociety: '052', currency: 'GBP', scale: 2, declaredTotal: null, rate: null };
    expect(effectiveRate(parseRate('KZT:GBP=0.0015'), st, 'KZT')).toMatchObject({ from: 'GBP', to: 'KZT', num: 10000n, den: 15n });
    expect(() => effectiveRate(parseRate('EUR:KZT=500'), st, 'KZT')).toThrow(/does not apply/);
    expect(effectiveRate(null, { ...st, rate: 'GBP:KZT=600' }, 'KZT')?.num).toBe(600n);
    expect(parseReceived('12.5', 'EUR', 6)).toEqual({ amount: 12500000n, currency: 'EUR' });
    expect(parseReceived('KZT:612345.67', 'EUR', 6)).toEqual({ amount: 61234567n, currency: 'KZT' });
    expect(parseReceived('612345.67 KZT', 'EUR')).toEqual({ amount: 61234567n, currency: 'KZT' });
    expect(parseReceived('-5', 'EUR')).toBeNull();
    expect(parseReceived('abc', 'EUR')).toBeNull();
  });
});
