import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { fuzzyCandidates, fuzzyCandidatesExact, MemoryIndex } from '../../../src/reconcile/candidates.js';
import { CatalogueIndex } from '../../../src/reconcile/catalogue-index.js';
import { matchTitleKey, nameWords } from '../../../src/reconcile/keys.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { seedWorks, type SeedParty, type SeedWork } from './seed.js';
import { prng } from './fixtures.js';

// Few syllables, so title words, prefixes and writer words are shared by many works. (Other
// titles are left out: the catalogue reads them after a page of works, the memory index with them.)
const SYL = ['ka', 'ra', 'tor', 'gai', 'da', 'la', 'al', 'ma'];
const next = prng(7);
const rnd = (n: number): number => Math.floor(next() * n);
const word = (): string => Array.from({ length: 2 + rnd(2) }, () => SYL[rnd(SYL.length)]).join('');
const WRITERS: SeedParty[] = Array.from({ length: 12 }, (_, i) => ({ name: word().toUpperCase(), first: word().toUpperCase(), ipi: String(10000000 + i * 97).padStart(11, '0'), society: i % 2 ? '177' : '052', share: 5000 }));
const WORKS: SeedWork[] = Array.from({ length: 300 }, (_, i) => ({
  title: `${word()} ${word()}${rnd(3) === 0 ? ` ${word()}` : ''}`,
  swn: `S${i}`,
  writers: [WRITERS[rnd(12)] as SeedParty, WRITERS[rnd(12)] as SeedParty].filter((w, j, a) => a.indexOf(w) === j),
}));

describe('the catalogue fuzzy index (packed postings) blocks like the in-memory index', () => {
  const tmp = useTempDir();

  it('gives the same candidates, titles and writers for every work', () => {
    const db = openCatalogue(join(tmp(), 'c.db'));
    const ids = seedWorks(db, WORKS);
    const cat = new CatalogueIndex(db);
    const mem = MemoryIndex.from(
      WORKS.map((w, i) => ({
        id: ids[i] ?? 0,
        titles: [w.title],
        iswc: null,
        submitterNumbers: [],
        societyCodes: [],
        isrcs: [],
        writers: w.writers.map((p) => ({ name: `${p.first ?? ''} ${p.name}`, ipiName: p.ipi, ipiBase: null })),
      })),
    );
    let nonEmpty = 0;
    WORKS.forEach((w, i) => {
      const id = ids[i] ?? 0;
      expect(cat.titlesOf(id)).toEqual(mem.titlesOf(id));
      expect(cat.writersOf(id)).toEqual(mem.writersOf(id));
      const key = matchTitleKey(`${w.title.slice(0, -1)}`);
      const words = (w.writers[0] ? nameWords(`${w.writers[0].first ?? ''} ${w.writers[0].name}`) : []);
      for (const t of [...key.split(' '), ...words]) {
        expect([...cat.byTitleToken(t)], `token ${t}`).toEqual([...mem.byTitleToken(t)]);
        expect([...cat.byWriterWord(t)], `word ${t}`).toEqual([...mem.byWriterWord(t)]);
      }
      const got = fuzzyCandidates(cat, key, [], 24, words);
      expect(got).toEqual(fuzzyCandidates(mem, key, [], 24, words));
      if (got.length > 1) nonEmpty++;
    });
    expect(nonEmpty).toBeGreaterThan(100);
    db.close();
  });
});

describe('fuzzyCandidates counts in bytes and gives what exact counting gives', () => {
  const mem = MemoryIndex.from(
    WORKS.map((w, i) => ({ id: i + 1, titles: [w.title], iswc: null, submitterNumbers: [], societyCodes: [], isrcs: [], writers: w.writers.map((p) => ({ name: `${p.first ?? ''} ${p.name}`, ipiName: p.ipi, ipiBase: null })) })),
  );
  // A work whose 200 title words a line repeats: 400 points, past a byte; another with 180 of
  // them (360): saturated at 255 they would tie, exactly only the first is within 2 of the best.
  // (Letters that key folding leaves alone, never doubled.)
  const L = 'BCDFLMNPRST';
  const words200 = Array.from({ length: 200 }, (_, i) => `${L[i % 11]}A${L[Math.floor(i / 11) % 11]}E${L[Math.floor(i / 121)]}O`);
  const long = words200.join(' ');
  mem.add({ id: 9998, titles: [words200.slice(0, 180).join(' ')], iswc: null, submitterNumbers: [], societyCodes: [], isrcs: [], writers: [] });
  mem.add({ id: 9999, titles: [long], iswc: null, submitterNumbers: [], societyCodes: [], isrcs: [], writers: [] });

  it.each([
    ...WORKS.slice(0, 40).map((w, i) => [`work ${i + 1}`, matchTitleKey(w.title.slice(1)), w.writers[0] ? nameWords(`${w.writers[0].first ?? ''} ${w.writers[0].name}`) : []] as const),
    ['past 255 points', matchTitleKey(long), []] as const,
  ])('%s', (_, key, words) => {
    const exact = fuzzyCandidatesExact(mem, key, ['00010000097'], 24, words);
    expect(fuzzyCandidates(mem, key, ['00010000097'], 24, words)).toEqual(exact);
    expect(exact.length).toBeGreaterThan(0);
  });

  it('counts past 255 exactly: the work with all the words alone, not a tie', () => {
    expect(fuzzyCandidates(mem, matchTitleKey(long), [], 24)).toEqual([9999]);
  });
});
