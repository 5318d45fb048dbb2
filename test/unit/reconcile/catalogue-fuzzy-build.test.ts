import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { MemoryIndex, titlePrefix } from '../../../src/reconcile/candidates.js';
import { CatalogueIndex } from '../../../src/reconcile/catalogue-index.js';
import { matchTitleKey, titleTokens, writerKey } from '../../../src/reconcile/keys.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { seedWorks, type SeedParty, type SeedWork } from './seed.js';
import { prng } from './fixtures.js';

// The catalogue's fuzzy index reads works page by page (titles and writers in one row per work,
// then the page's other titles) and interns title words by range: its postings must be, in order
// and with any repeat, what adding the same titles and writers one by one to the in-memory index
// gives. Enough distinct words to grow the key tables several times.

const next = prng(3);
const rnd = (n: number): number => Math.floor(next() * n);
const SYL = ['ka', 'ra', 'tor', 'gai', 'da', 'la', 'al', 'ma', 'ty', 'kok', 'zhel', 'nur', 'bek', 'qu', 'ser', 'om', 'vi', 'fi'];
const word = (): string => Array.from({ length: 1 + rnd(4) }, () => SYL[rnd(SYL.length)]).join('');
/** Titles with short first words (a prefix across a space), repeated words, punctuation, Cyrillic. */
const title = (): string => {
  const r = rnd(8);
  if (r === 0) return `${word()} ${word()} ${word()}`.replace(/^(\w+) \1/, '$1 $1');
  if (r === 1) return `O ${word()}, ${word()}!`;
  if (r === 2) return `Қара ${word()}`;
  if (r === 3) return `${word()} (live) ${word()}`;
  return Array.from({ length: 1 + rnd(4) }, word).join(' ');
};
const WRITERS: SeedParty[] = Array.from({ length: 40 }, (_, i) => ({ name: word().toUpperCase(), first: rnd(3) ? word() : undefined, ipi: String(20000000 + i * 31).padStart(11, '0'), society: '177', share: 5000 }) as SeedParty);
const WORKS: SeedWork[] = Array.from({ length: 2500 }, (_, i) => ({
  title: rnd(50) === 0 ? '!!' : title(),
  swn: `W${i}`,
  ...(rnd(4) === 0 ? { alt: Array.from({ length: 1 + rnd(2) }, title) } : {}),
  writers: Array.from({ length: rnd(4) }, () => WRITERS[rnd(WRITERS.length)] as SeedParty).filter((w, j, a) => a.indexOf(w) === j),
}));

describe('the catalogue fuzzy index gives the postings of adding the same titles one by one', () => {
  const tmp = useTempDir();

  it('title words, prefixes, writer words, titles and writers of every work', () => {
    const db = openCatalogue(join(tmp(), 'c.db'));
    const ids = seedWorks(db, WORKS);
    const cat = new CatalogueIndex(db);
    // The catalogue's reading order (one page): every work's title, then the other titles.
    const mem = new MemoryIndex();
    WORKS.forEach((w, i) => mem.addTitle(ids[i] ?? 0, w.title));
    WORKS.forEach((w, i) => (w.alt ?? []).forEach((t) => mem.addTitle(ids[i] ?? 0, t)));
    WORKS.forEach((w, i) => w.writers.forEach((p) => mem.addWriter(ids[i] ?? 0, p.first ? `${p.name}, ${p.first}` : p.name, p.ipi, null)));

    const tokens = new Set<string>();
    const prefixes = new Set<string>();
    const writerWords = new Set<string>();
    WORKS.forEach((w, i) => {
      const id = ids[i] ?? 0;
      expect(cat.titlesOf(id), w.title).toEqual(mem.titlesOf(id));
      expect(cat.writersOf(id)).toEqual(mem.writersOf(id));
      for (const t of [w.title, ...(w.alt ?? [])]) {
        const k = matchTitleKey(t);
        for (const x of titleTokens(k)) tokens.add(x);
        const p = titlePrefix(k);
        if (p !== null) prefixes.add(p);
      }
      for (const p of w.writers) for (const x of writerKey(`${p.first ?? ''} ${p.name}`).split(' ')) if (x.length >= 3) writerWords.add(x);
    });
    expect(tokens.size).toBeGreaterThan(2500);
    expect([...prefixes].some((p) => p.startsWith('O'))).toBe(true);
    for (const t of tokens) expect([...cat.byTitleToken(t)], t).toEqual([...mem.byTitleToken(t)]);
    for (const p of prefixes) expect([...cat.byTitlePrefix(p)], p).toEqual([...mem.byTitlePrefix(p)]);
    for (const x of writerWords) expect([...cat.byWriterWord(x)], x).toEqual([...mem.byWriterWord(x)]);
    // A repeat where another work's title came between a work's title and its other title.
    expect([...tokens].some((t) => new Set(cat.byTitleToken(t)).size < cat.byTitleToken(t).length)).toBe(true);
    for (const missing of ['', 'ZZZZZZ', 'KA RA', 'O']) {
      expect([...cat.byTitleToken(missing)]).toEqual([...mem.byTitleToken(missing)]);
      expect([...cat.byTitlePrefix(missing)]).toEqual([]);
    }
    db.close();
  });
});
