import { describe, expect, it } from 'vitest';
import { editDistance, hasWord, letterBound, TitleScorer, titleSimilarity } from '../../../src/reconcile/similarity.js';
import { prng } from './fixtures.js';

// The plain definitions the fast paths (bit-vector distance, letter bound without a full pass,
// a title scored against many) must agree with exactly.

function distanceRef(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

function letterBoundRef(a: string, b: string): number {
  const bag = new Map<number, number>();
  for (const c of a) for (let i = 0; i < c.length; i++) bag.set(c.charCodeAt(i) & 127, (bag.get(c.charCodeAt(i) & 127) ?? 0) + 1);
  for (const c of b) for (let i = 0; i < c.length; i++) bag.set(c.charCodeAt(i) & 127, (bag.get(c.charCodeAt(i) & 127) ?? 0) - 1);
  let plus = 0;
  let minus = 0;
  for (const v of bag.values()) if (v > 0) plus += v;
  else minus -= v;
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - Math.max(plus, minus) / len;
}

const next = prng(5);
const rnd = (n: number): number => Math.floor(next() * n);
const LETTERS = ['A', 'B', 'K', 'R', 'T', ' ', ' ', '1', 'Ж', '😀', 'É'];
const random = (max: number): string => Array.from({ length: rnd(max + 1) }, () => LETTERS[rnd(LETTERS.length)]).join('');
const SYL = ['KA', 'RA', 'TOR', 'GAI', 'DA', 'LA', 'MA'];
const title = (): string => Array.from({ length: 1 + rnd(4) }, () => Array.from({ length: 1 + rnd(3) }, () => SYL[rnd(SYL.length)]).join('')).join(' ');
/** Lengths around the 32-unit edge of the bit-vector path. */
const PAIRS: [string, string][] = [
  ['', ''],
  ['A', ''],
  ['A'.repeat(31), 'A'.repeat(32)],
  ['AB'.repeat(16), 'BA'.repeat(16)],
  ['AB'.repeat(16) + 'C', 'BA'.repeat(17)],
  ['Ж'.repeat(3), 'ЖЖA'],
  ['A😀B', 'AB'],
  ...Array.from({ length: 1500 }, (): [string, string] => [random(40), random(40)]),
  ...Array.from({ length: 1500 }, (): [string, string] => [title(), title()]),
];

describe('fast similarity agrees with the plain definitions', () => {
  it('editDistance (both orders) and letterBound on 3,000 pairs', () => {
    for (const [a, b] of PAIRS) {
      const d = distanceRef(a, b);
      expect(editDistance(a, b), `${a}|${b}`).toBe(d);
      expect(editDistance(b, a), `${b}|${a}`).toBe(d);
      expect(letterBound(a, b), `${a}|${b}`).toBe(letterBoundRef(a, b));
    }
  });

  it.each([0, 0.6, 0.88])('a TitleScorer scores what titleSimilarity scores (floor %s)', (floor) => {
    for (const [a, b] of PAIRS) {
      expect(new TitleScorer(a).score(b, floor), `${a}|${b}`).toBe(titleSimilarity(a, b, floor));
    }
    // One scorer for many titles, as a fuzzy line uses it; and two in turns (the letter counts of
    // the key are shared between scorers).
    const scorer = new TitleScorer('KARA TORGAI DALA');
    const other = new TitleScorer('DALA MA');
    for (const [, b] of PAIRS) {
      expect(scorer.score(b, floor)).toBe(titleSimilarity('KARA TORGAI DALA', b, floor));
      expect(other.score(b, floor)).toBe(titleSimilarity('DALA MA', b, floor));
    }
  });

  it.each([
    ['JOHN LENNON', 'LENNON', true],
    ['JOHN LENNON', 'JOHN', true],
    ['JOHN LENNON', 'LENN', false],
    ['JOHNLENNON', 'LENNON', false],
    ['LENNON', 'LENNON', true],
    ['A  LENNON ', 'LENNON', true],
    ['LENNONLENNON LENNON', 'LENNON', true],
  ])('hasWord(%s, %s) = %s', (s, w, expected) => {
    expect(hasWord(s, w)).toBe(expected);
    expect(hasWord(s, w)).toBe(s.split(' ').includes(w));
  });
});
