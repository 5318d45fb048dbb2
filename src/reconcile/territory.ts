/**
 * Territory containment for collection shares, through the CISAC TIS hierarchy
 * (src/domain/territories.ts): a share for 2136 World or 2100 Europe contains a line paid for
 * 0398 Kazakhstan when every country of the inner territory is in the outer one.
 */
import { expandTerritory, normaliseTis } from '../domain/territories.js';
import type { TerritoryContains } from './parties.js';

const memo = new Map<string, boolean>();

export const territoryContains: TerritoryContains = (outer, inner) => {
  const o = normaliseTis(outer);
  const i = normaliseTis(inner);
  if (o === i) return true;
  const key = `${o}>${i}`;
  let v = memo.get(key);
  if (v === undefined) {
    const a = expandTerritory(o);
    const b = expandTerritory(i);
    v = b.size > 0 && [...b].every((c) => a.has(c));
    memo.set(key, v);
  }
  return v;
};
