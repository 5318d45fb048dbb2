import { describe, expect, it } from 'vitest';
import { overClaims } from '../../../src/catalogue/claims.js';
import type { ClaimLine } from '../../../src/catalogue/repositories/works.js';

const line = (work: number, position: number, territory: string, pr: number, include = 1, mr = 0): ClaimLine => ({ work, position, territory, include, pr, mr, sr: 0 });
const KZ = '0398';
const DE = '0276';
const WORLD = '2136';
const DATE = '2026-11-20';

describe('over-claimed shares across submitters (TIS hierarchy)', () => {
  it.each([
    ['two halves of the world', [line(1, 1, WORLD, 5000), line(2, 1, WORLD, 5000)], []],
    ['world 100% + Kazakhstan 50%', [line(1, 1, WORLD, 10000), line(2, 1, KZ, 5000)], [['PR', '0398 2136', 15000, 1]]],
    ['world 100% without Kazakhstan + Kazakhstan 50%', [line(1, 1, WORLD, 10000), line(1, 1, KZ, 0, 0), line(2, 1, KZ, 5000)], []],
    ['Germany and Kazakhstan never meet', [line(1, 1, DE, 10000), line(2, 1, KZ, 10000)], []],
    ['a later include overrides the share', [line(1, 1, WORLD, 10000), line(1, 1, KZ, 2000), line(2, 1, KZ, 8000)], []],
    ['MR over-claimed, PR fine', [line(1, 1, KZ, 5000, 1, 10000), line(2, 1, KZ, 5000, 1, 5000)], [['MR', '0398', 15000, 1]]],
  ])('%s', (_what, lines, expected) => {
    expect(overClaims(lines, DATE).map((o) => [o.right, o.territory, o.total, Math.min(o.countries.length, 1)])).toEqual(expected);
  });

  it('a world claim over-claims every country of the world', () => {
    const [o] = overClaims([line(1, 1, WORLD, 6000), line(2, 1, WORLD, 6000)], DATE);
    expect(o?.countries.length).toBeGreaterThanOrEqual(190);
    expect(o?.countries).toContain(KZ);
  });
});
