import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src/catalogue/db.js';
import { searchWorks } from '../../../../src/catalogue/queries/search.js';
import { useTempDir } from '../../../helpers/temp-dir.js';
import { sampleCatalogue } from './setup.js';

describe('searchWorks on a catalogue of the bundled samples', () => {
  const tmp = useTempDir();
  let db: Db | null = null;
  afterEach(() => db?.close());

  const swns = (q: string, contains = false): string[] => (db ? searchWorks(db, q, { limit: 20, contains }).map((h) => h.submitterWorkNumber) : []);

  it.each([
    ['Cyrillic title finds its Latin main title', 'Дала әні', ['QMP-0001'], 'title'],
    ['Latin spelling finds the Kazakh work', 'dala aeni', ['QMP-0001'], 'title'],
    ['a title prefix, any case', 'almaty', ['QMP-0002'], 'title'],
    ['Cyrillic prefix of another title', 'Көктем', ['QMP-0003'], 'title'],
    ['alternate title', 'spring waltz', ['QMP-0003'], 'alternate-title'],
    ['alternate title added by a REV', 'song of the steppe', ['QMP-0001'], 'alternate-title'],
    ['ISWC with punctuation', 'T-321.000.101-3', ['QMP-0001'], 'iswc'],
    ['writer IPI without padding', '441122310', ['QMP-0001', 'QMP-0003', 'QMP-0005'], 'ipi'],
    ['writer IPI base number', 'I-000112233-2', ['QMP-0001', 'QMP-0003', 'QMP-0005'], 'ipi'],
    ['writer surname in Cyrillic', 'Нұрланқызы', ['QMP-0001', 'QMP-0003', 'QMP-0005'], 'party-name'],
    ['writer first name, Latin', 'ajgerim', ['QMP-0001', 'QMP-0003', 'QMP-0005'], 'party-name'],
    ['writer full name in the other order', 'Айгерім Нұрланқызы', ['QMP-0001', 'QMP-0003', 'QMP-0005'], 'party-name'],
  ])('%s: %s', async (_what, query, expected, matched) => {
    db = await sampleCatalogue(tmp());
    const hits = searchWorks(db, query, { limit: 20 });
    expect(hits.map((h) => h.submitterWorkNumber).sort()).toEqual(expected);
    expect(hits[0]?.matched).toBe(matched);
  });

  it('finds nothing for an unknown title and respects the limit', async () => {
    db = await sampleCatalogue(tmp());
    expect(swns('no such song')).toEqual([]);
    expect(searchWorks(db, 'Нұрланқызы', { limit: 2 })).toHaveLength(2);
  });

  it('a word inside a title only with contains', async () => {
    db = await sampleCatalogue(tmp());
    expect(swns('tueni')).toEqual([]);
    expect(swns('tueni', true)).toEqual(['QMP-0002']);
  });

  it('the query plan uses indexes, not full scans, for titles and identifiers', async () => {
    db = await sampleCatalogue(tmp());
    const plan = (sql: string): string => (db?.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM works WHERE title_key >= 'A' AND title_key < 'B' LIMIT 5")).toMatch(/USING (COVERING )?INDEX/);
    expect(plan("SELECT work_id FROM titles WHERE title_key >= 'A' AND title_key < 'B' LIMIT 5")).toMatch(/USING (COVERING )?INDEX titles_key/);
    expect(plan("SELECT id FROM works WHERE iswc = 'T3210001013'")).toMatch(/USING (COVERING )?INDEX works_iswc/);
    expect(plan("SELECT id FROM parties WHERE ipi_name_number = '00441122310'")).toMatch(/USING (COVERING )?INDEX parties_ipi_name/);
  });
});
