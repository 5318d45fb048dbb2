/**
 * Party level: which party of the matched work a statement line names (IPI name number, then IPI
 * base number, then name), and each party's registered collection share for a right in a
 * territory (include/exclude territory rules, TIS hierarchy through an injected `covers`).
 */
import { ipiBaseKey, ipiNameKey, writerKey } from './keys.js';
import { editSimilarity } from './similarity.js';
import type { CollectionShare, PartyMethod, ReconLine, Right, WorkDetail, WorkParty } from './types.js';

/** True when the TIS territory `outer` contains `inner` (equal codes included). */
export type TerritoryContains = (outer: string, inner: string) => boolean;

const WORLD = '2136';

function normTis(code: string): string {
  return code.trim().padStart(4, '0');
}

/** Fallback without the TIS hierarchy: equal codes, and World contains everything. */
export const simpleContains: TerritoryContains = (outer, inner) => normTis(outer) === normTis(inner) || normTis(outer) === WORLD;

export interface PartyMatch {
  readonly party: WorkParty;
  readonly method: PartyMethod;
}

/** True when the line names a party (an IPI or a party name). */
export function namesParty(line: ReconLine): boolean {
  return ipiNameKey(line.ipiName) !== null || ipiBaseKey(line.ipiBase) !== null || (line.partyName !== null && line.partyName.trim() !== '');
}

export function matchParty(line: ReconLine, work: WorkDetail): PartyMatch | null {
  const ipi = ipiNameKey(line.ipiName);
  if (ipi !== null) {
    const p = work.parties.find((x) => ipiNameKey(x.ipiName) === ipi);
    if (p) return { party: p, method: 'ipi-name' };
  }
  const base = ipiBaseKey(line.ipiBase);
  if (base !== null) {
    const p = work.parties.find((x) => ipiBaseKey(x.ipiBase) === base);
    if (p) return { party: p, method: 'ipi-base' };
  }
  if (line.partyName !== null && line.partyName.trim() !== '') {
    const k = writerKey(line.partyName);
    let best: WorkParty | null = null;
    let bestScore = 0;
    for (const p of work.parties) {
      const s = editSimilarity(k, writerKey(p.name));
      if (s > bestScore) {
        bestScore = s;
        best = p;
      }
    }
    if (best && bestScore >= 0.85) return { party: best, method: 'name' };
  }
  return null;
}

/**
 * A party's collection share for `right` in `territory`: the first include rule whose territory
 * contains it, unless an exclude rule contains it. With no territory on the line, the first include
 * rule for the right counts.
 */
export function collectionShare(shares: readonly CollectionShare[], right: Right, territory: string | null, contains: TerritoryContains = simpleContains): number {
  // Loops, not filter/find: this runs for every party of every matched line.
  if (territory === null || territory.trim() === '') {
    for (const s of shares) if (s.right === right && s.include) return s.share;
    return 0;
  }
  for (const s of shares) if (s.right === right && !s.include && contains(s.territory, territory)) return 0;
  for (const s of shares) if (s.right === right && s.include && contains(s.territory, territory)) return s.share;
  return 0;
}

/** Is the party a member of `society` for `right`? */
export function isMember(party: WorkParty, right: Right, society: string): boolean {
  const a = party.affiliation[right];
  return a !== undefined && a.padStart(3, '0') === society.padStart(3, '0');
}
