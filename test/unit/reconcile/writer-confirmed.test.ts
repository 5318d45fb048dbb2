import { describe, expect, it } from 'vitest';
import type { IndexedWriter, MatchIndex } from '../../../src/reconcile/candidates.js';
import { writerConfirmed } from '../../../src/reconcile/match.js';
import { editSimilarity } from '../../../src/reconcile/similarity.js';
import { prng } from './fixtures.js';

// writerConfirmed works each line writer's words out once and looks them up in the work's writer
// keys without splitting them: it must confirm exactly what the plain definition confirms.

function confirmedRef(writers: readonly IndexedWriter[], w: { keys: readonly string[]; ipis: readonly string[]; bases: readonly string[] }): boolean {
  for (const ww of writers) {
    if (ww.ipiName !== null && w.ipis.includes(ww.ipiName)) return true;
    if (ww.ipiBase !== null && w.bases.includes(ww.ipiBase)) return true;
    for (const k of w.keys) {
      if (k === ww.key || editSimilarity(k, ww.key) >= 0.85) return true;
      const a = k.split(' ').filter((x) => x.length >= 3);
      const b = ww.key.split(' ');
      if ((a.length === 1 || b.length === 1) && a.some((x) => b.includes(x))) return true;
    }
  }
  return false;
}

const next = prng(11);
const rnd = (n: number): number => Math.floor(next() * n);
const NAMES = ['LENNON', 'JOHN', 'MCCARTNEY', 'PAUL', 'AL', 'NURLAN', 'ABAI', 'LENON', 'JON'];
const name = (): string => Array.from({ length: rnd(4) }, () => NAMES[rnd(NAMES.length)]).join(' ');
const IPIS = ['00000000001', '00000000002', null];

function index(writers: readonly IndexedWriter[]): MatchIndex {
  const none = (): readonly number[] => [];
  return { byIswc: none, bySubmitterNumber: none, bySocietyCode: none, byIsrc: none, byIpi: none, byTitleToken: none, byTitlePrefix: none, byWriterWord: none, titlesOf: () => [], writersOf: () => writers, size: 1 };
}

describe('writerConfirmed', () => {
  it('confirms what the plain definition confirms, on 4,000 random work and line writers', () => {
    let yes = 0;
    for (let n = 0; n < 4000; n++) {
      const writers: IndexedWriter[] = Array.from({ length: rnd(3) }, () => ({ key: name(), ipiName: IPIS[rnd(3)] ?? null, ipiBase: null }));
      const line = { keys: Array.from({ length: rnd(3) }, name).filter((k) => k !== ''), ipis: rnd(4) === 0 ? ['00000000002'] : [], bases: [] };
      const expected = confirmedRef(writers, line);
      expect(writerConfirmed(index(writers), 1, line), JSON.stringify({ writers, line })).toBe(expected);
      if (expected) yes++;
    }
    expect(yes).toBeGreaterThan(500);
    expect(yes).toBeLessThan(3500);
  });
});
