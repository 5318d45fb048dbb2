/**
 * TIS territories: a territory code (a country or a group such as 2136 WORLD) expands to the set
 * of countries it covers on a given date, through the CISAC TIS hierarchy. Include/exclude chains
 * (SPT/SWT/TER records) reduce to exact country sets, so overlaps are computed, not guessed.
 */
import { tisLinks, tisTerritories, type TisTerritory } from '../reference/tables.js';

export const WORLD = '2136';

interface Index {
  readonly byCode: ReadonlyMap<string, TisTerritory>;
  readonly children: ReadonlyMap<string, ReadonlyArray<{ child: string; from: string; until: string }>>;
}

let index: Index | undefined;

function idx(): Index {
  if (index === undefined) {
    const byCode = new Map<string, TisTerritory>();
    for (const t of tisTerritories()) byCode.set(t.code, t);
    const children = new Map<string, Array<{ child: string; from: string; until: string }>>();
    for (const l of tisLinks()) {
      let list = children.get(l.parent);
      if (!list) children.set(l.parent, (list = []));
      list.push({ child: l.child, from: l.from, until: l.until });
    }
    index = { byCode, children };
  }
  return index;
}

/** A TIS code as written in CWR (4 digits), from "398", "0398" or 398. */
export function normaliseTis(code: string | number): string {
  return String(code).trim().padStart(4, '0');
}

export function territory(code: string | number): TisTerritory | undefined {
  return idx().byCode.get(normaliseTis(code));
}

export function isTisCode(code: string | number): boolean {
  const c = normaliseTis(code);
  return idx().byCode.has(c) || idx().children.has(c) || countries().idx.has(c);
}

const inRange = (date: string, from: string, until: string): boolean => from <= date && date <= until;

const cache = new Map<string, ReadonlySet<string>>();

/**
 * The country codes `code` covers on `date` (YYYY-MM-DD; default today): a country expands to
 * itself, a group to the countries reachable through links valid on that date. Countries and
 * links outside their validity are left out. Unknown codes give an empty set.
 */
export function expandTerritory(code: string | number, date: string = new Date().toISOString().slice(0, 10)): ReadonlySet<string> {
  const c = normaliseTis(code);
  const key = `${c}@${date}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { byCode, children } = idx();
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (t: string): void => {
    if (seen.has(t)) return;
    seen.add(t);
    const info = byCode.get(t);
    const kids = children.get(t);
    // A country, or a leaf of the hierarchy missing from the territory list (historical
    // countries such as 0810 USSR appear only in the hierarchy): its links carry the dates.
    if ((info && info.type === 'COUNTRY') || (!info && !kids && countries().idx.has(t))) {
      if (!info || inRange(date, info.from, info.until)) out.add(t);
      return;
    }
    for (const link of kids ?? []) if (inRange(date, link.from, link.until)) walk(link.child);
  };
  walk(c);
  cache.set(key, out);
  return out;
}

export interface TerritoryStep {
  readonly include: boolean;
  readonly code: string | number;
}

/**
 * Applies an ordered include/exclude chain: includes add countries, excludes remove them.
 * "2136 include, 0398 exclude" is the world without Kazakhstan.
 */
export function resolveTerritories(steps: readonly TerritoryStep[], date?: string): Set<string> {
  const out = new Set<string>();
  for (const s of steps) {
    const countries = expandTerritory(s.code, date);
    if (s.include) for (const c of countries) out.add(c);
    else for (const c of countries) out.delete(c);
  }
  return out;
}

/** Countries in both sets. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<string>();
  for (const c of small) if (big.has(c)) out.add(c);
  return out;
}

let countryCodes: string[] | undefined;
let countryIdx: Map<string, number> | undefined;

/** Every country (TIS type COUNTRY) gets a dense index, so per-country sums use typed arrays. */
function countries(): { codes: string[]; idx: Map<string, number> } {
  if (!countryCodes || !countryIdx) {
    const { byCode, children } = idx();
    const leaves = new Set<string>();
    for (const list of children.values()) for (const l of list) if (!byCode.has(l.child) && !children.has(l.child)) leaves.add(l.child);
    countryCodes = [...[...byCode.values()].filter((t) => t.type === 'COUNTRY').map((t) => t.code), ...leaves].sort();
    countryIdx = new Map(countryCodes.map((c, i) => [c, i]));
  }
  return { codes: countryCodes, idx: countryIdx };
}

/** How many countries the dense index has. */
export function countryCount(): number {
  return countries().codes.length;
}

/** The country code at a dense index. */
export function countryAt(i: number): string {
  return countries().codes[i] ?? '';
}

const indexCache = new Map<string, Uint16Array>();

/** expandTerritory as dense country indices (cached; for hot loops). */
export function expandIndices(code: string | number, date?: string): Uint16Array {
  const c = normaliseTis(code);
  const key = `${c}@${date ?? ''}`;
  let hit = indexCache.get(key);
  if (!hit) {
    const { idx: map } = countries();
    const list: number[] = [];
    for (const country of expandTerritory(c, date)) {
      const i = map.get(country);
      if (i !== undefined) list.push(i);
    }
    hit = Uint16Array.from(list.sort((a, b) => a - b));
    indexCache.set(key, hit);
  }
  return hit;
}

export function territoryName(code: string | number): string {
  return territory(code)?.name ?? normaliseTis(code);
}
