/**
 * Semantic comparison of Work models: the same data whatever the record order. Used by the export
 * round trips (from-work.test.ts, roundtrip.test.ts). Ignores who submitted (an export is sent by
 * the society, not by the original submitter) and the order of titles, parties and lists.
 */
import type { Work } from '../../../../src/domain/work.js';
import { transliterate } from '../../../../src/domain/transliteration.js';

const byJson = <T>(list: readonly T[]): T[] => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

export interface CompareOptions {
  /** Compare names and titles in their Latin form (for exports to another version, where 3.x
   * carries originals in the main records and 2.x in NAT/NWN). */
  readonly latinNames?: boolean;
}

export function comparable(w: Work, o: CompareOptions = {}): unknown {
  const name = (s: string | null): string | null => (s === null ? null : o.latinNames ? transliterate(s) : s);
  return {
    ...w,
    submitter: undefined,
    titles: byJson(w.titles.map((t) => ({ ...t, type: t.type }))),
    societyWorkNumbers: byJson(w.societyWorkNumbers),
    parties: byJson(
      w.parties.map((p) => ({
        ...p,
        position: undefined,
        collection: byJson(p.collection),
        party: { ...p.party, name: name(p.party.name), firstName: name(p.party.firstName) },
      })),
    ),
    links: byJson(w.links),
    performers: byJson(w.performers),
    recordings: byJson(w.recordings),
    crossReferences: byJson(w.crossReferences),
    related: byJson(w.related),
  };
}
