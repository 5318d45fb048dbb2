/**
 * Shares claimed for one work across submitters, country by country: each controlled party's
 * territory lines form an include/exclude chain over the TIS hierarchy (a later include
 * overrides the share, an exclude removes the country), and the parties' claims are summed.
 * Countries where a right adds up to more than 100% are over-claimed.
 */
import { expandTerritory } from '../domain/territories.js';
import { FULL_SHARE, RIGHTS, type Right } from '../domain/share.js';
import type { ClaimLine } from './repositories/works.js';

export interface OverClaim {
  readonly right: Right;
  /** The TIS codes of the lines that cover the over-claimed countries, space separated. */
  readonly territory: string;
  /** The highest total over those countries, hundredths of a percent. */
  readonly total: number;
  /** Over-claimed country codes. */
  readonly countries: readonly string[];
}

const value = (l: ClaimLine, r: Right): number => (r === 'PR' ? l.pr : r === 'MR' ? l.mr : l.sr) ?? 0;

export function overClaims(lines: readonly ClaimLine[], date?: string): OverClaim[] {
  // Per party: country -> the line that applies there.
  const totals = new Map<string, [number, number, number]>();
  const byParty = new Map<string, ClaimLine[]>();
  for (const l of lines) {
    const k = `${l.work}:${l.position}`;
    let list = byParty.get(k);
    if (!list) byParty.set(k, (list = []));
    list.push(l);
  }
  for (const partyLines of byParty.values()) {
    const applies = new Map<string, ClaimLine>();
    for (const l of partyLines) {
      for (const c of expandTerritory(l.territory, date)) {
        if (l.include === 1) applies.set(c, l);
        else applies.delete(c);
      }
    }
    for (const [c, l] of applies) {
      let t = totals.get(c);
      if (!t) totals.set(c, (t = [0, 0, 0]));
      t[0] += value(l, 'PR');
      t[1] += value(l, 'MR');
      t[2] += value(l, 'SR');
    }
  }
  const out: OverClaim[] = [];
  RIGHTS.forEach((right, i) => {
    const countries: string[] = [];
    let total = 0;
    for (const [c, t] of totals) {
      const v = t[i] ?? 0;
      if (v > FULL_SHARE) {
        countries.push(c);
        if (v > total) total = v;
      }
    }
    if (countries.length === 0) return;
    const over = new Set(countries);
    const codes = new Set<string>();
    for (const l of lines) {
      if (l.include !== 1 || value(l, right) === 0) continue;
      for (const c of expandTerritory(l.territory, date)) {
        if (over.has(c)) {
          codes.add(l.territory);
          break;
        }
      }
    }
    out.push({ right, territory: [...codes].sort().join(' '), total, countries: countries.sort() });
  });
  return out;
}
