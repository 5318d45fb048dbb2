import { describe, expect, it } from 'vitest';
import { fuzzyCandidates, fuzzyCandidatesExact, type IdList, type MatchIndex } from '../../../src/reconcile/candidates.js';
import { prng } from './fixtures.js';

// fuzzyCandidates counts ascending lists window by window (32,768 ids a window) and other lists
// with one counter per id; both must give exactly what counting in a Map gives, for lists that
// cross windows, repeat ids, come out of order, or are cut at MAX_POSTING.

const next = prng(99);
const rnd = (n: number): number => Math.floor(next() * n);

type Shape = 'ascending' | 'shuffled' | 'repeats' | 'typed';

/** A list of `n` distinct ids below `range`, ascending, then shaped. */
function list(n: number, range: number, shape: Shape, pool: readonly number[]): IdList {
  const set = new Set<number>();
  // Half from a small shared pool (so works share several lists and counts rise), half at random.
  while (set.size < n) set.add(rnd(2) === 0 && pool.length > 0 ? (pool[rnd(pool.length)] as number) : 1 + rnd(range));
  const ids = [...set].sort((a, b) => a - b);
  if (shape === 'shuffled') for (let i = ids.length - 1; i > 0; i--) { const j = rnd(i + 1); [ids[i], ids[j]] = [ids[j] as number, ids[i] as number]; }
  if (shape === 'repeats' && ids.length > 2) ids.push(ids[0] as number);
  return shape === 'typed' || shape === 'ascending' ? Int32Array.from(ids) : ids;
}

function stubIndex(lists: ReadonlyMap<string, IdList>): MatchIndex {
  const get = (k: string): IdList => lists.get(k) ?? new Int32Array(0);
  const none = (): readonly number[] => [];
  return {
    byIswc: none,
    bySubmitterNumber: none,
    bySocietyCode: none,
    byIsrc: none,
    byIpi: (k) => [...get(`I:${k}`)],
    byTitleToken: (k) => get(`T:${k}`),
    byTitlePrefix: (k) => get(`P:${k}`),
    byWriterWord: (k) => get(`W:${k}`),
    titlesOf: () => [],
    writersOf: () => [],
    size: 0,
  };
}

const CASES: [string, number, number, Shape][] = [
  ['small ids, one window', 200, 5_000, 'ascending'],
  ['ids over many windows', 1500, 1_000_000, 'ascending'],
  ['long lists cut at MAX_POSTING', 4000, 300_000, 'typed'],
  ['a list out of order', 800, 200_000, 'shuffled'],
  ['a list with a repeated id', 800, 200_000, 'repeats'],
];

describe('fuzzyCandidates gives what exact counting gives', () => {
  it.each(CASES)('%s', (_, n, range, shape) => {
    for (let round = 0; round < 20; round++) {
      const pool = Array.from({ length: 40 }, () => 1 + rnd(range));
      const lists = new Map<string, IdList>();
      // Title words ABCD, EFGH, IJKL (the prefix is ABCD too), writer words MNO, PQR, an IPI.
      const words = ['ABCD', 'EFGH', 'IJKL'];
      words.forEach((w, i) => lists.set(`T:${w}`, list(1 + rnd(n), range, i === 1 ? shape : 'ascending', pool)));
      lists.set('P:ABCD', list(1 + rnd(n), range, 'ascending', pool));
      lists.set('W:MNO', list(1 + rnd(Math.min(n, 1900)), range, 'ascending', pool));
      lists.set('W:PQR', list(1 + rnd(Math.min(n, 1900)), range, shape, pool));
      lists.set('I:00000000001', list(1 + rnd(50), range, 'ascending', pool));
      const index = stubIndex(lists);
      const args = [index, words.join(' '), round % 2 ? ['00000000001'] : [], 24, ['MNO', 'PQR']] as const;
      const exact = fuzzyCandidatesExact(...args);
      expect(exact.length).toBeGreaterThan(0);
      expect(fuzzyCandidates(...args)).toEqual(exact);
    }
  });

  it('leaves no count behind: the same line twice gives the same candidates', () => {
    const lists = new Map<string, IdList>([
      ['T:ABCD', Int32Array.from([3, 40_000, 90_000])],
      ['T:EFGH', [90_000, 3, 7]],
      ['W:MNO', Int32Array.from([7, 90_000])],
    ]);
    const index = stubIndex(lists);
    const first = fuzzyCandidates(index, 'ABCD EFGH', [], 24, ['MNO']);
    expect(first).toEqual([90_000, 3, 7]);
    expect(fuzzyCandidates(index, 'ABCD EFGH', [], 24, ['MNO'])).toEqual(first);
    lists.set('T:EFGH', Int32Array.from([3, 7, 90_000]));
    expect(fuzzyCandidates(index, 'ABCD EFGH', [], 24, ['MNO'])).toEqual(first);
    expect(fuzzyCandidates(index, 'ABCD EFGH', [], 24, ['MNO'])).toEqual(first);
  });
});
