import { describe, expect, it } from 'vitest';
import { WORLD, expandIndices, expandTerritory, isTisCode, normaliseTis, overlap, resolveTerritories, territoryName } from '../../../src/domain/territories.js';

const D = '2026-01-01';

describe('TIS hierarchy expansion', () => {
  it.each([
    ['2136', 200],
    ['0398', 1],
    ['398', 1],
    [398, 1],
  ] as const)('%s covers %i countries on 2026-01-01', (code, n) => {
    expect(expandTerritory(code, D).size).toBe(n);
  });

  it('world includes Kazakhstan through Asia and the CIS', () => {
    expect(expandTerritory(WORLD, D).has('0398')).toBe(true);
    expect(expandTerritory('2106', D).has('0398')).toBe(true);
    expect(expandTerritory('2118', D).has('0398')).toBe(true);
    expect(expandTerritory('2120', D).has('0398')).toBe(false);
  });

  it('validity dates apply: Kazakhstan is a country from 1992, the USSR before', () => {
    expect(expandTerritory(WORLD, '1980-01-01').has('0398')).toBe(false);
    expect(expandTerritory(WORLD, '1980-01-01').has('0810')).toBe(true);
    expect(expandTerritory(WORLD, D).has('0810')).toBe(false);
  });

  it('"2136 World, exclude 0398 Kazakhstan" and "0398 Kazakhstan" are disjoint and cover the world', () => {
    const rest = resolveTerritories([{ include: true, code: 2136 }, { include: false, code: 398 }], D);
    const kz = expandTerritory('0398', D);
    expect(overlap(rest, kz).size).toBe(0);
    expect(rest.size + kz.size).toBe(expandTerritory(WORLD, D).size);
  });

  it('overlaps are exact: Europe and the CIS share members, Africa and Europe do not', () => {
    const cis = expandTerritory('2118', D);
    expect(overlap(expandTerritory('2120', D), cis).size).toBeGreaterThan(0);
    expect(overlap(expandTerritory('2100', D), expandTerritory('2120', D)).size).toBe(0);
  });

  it('dense indices agree with the set expansion', () => {
    expect(expandIndices('2136', D).length).toBe(expandTerritory('2136', D).size);
  });

  it.each([
    ['0398', true, 'KAZAKHSTAN'],
    ['2136', true, 'WORLD'],
    ['9999', false, '9999'],
  ])('%s is a TIS code: %s (%s)', (code, known, name) => {
    expect(isTisCode(code)).toBe(known);
    expect(territoryName(code)).toBe(name);
    expect(normaliseTis(code)).toBe(code);
  });

  it('unknown codes expand to nothing', () => {
    expect(expandTerritory('9999', D).size).toBe(0);
  });
});
