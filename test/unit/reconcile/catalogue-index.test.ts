import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { CatalogueIndex, MANY_ISWC_SQL, MANY_SOCIETY_SQL } from '../../../src/reconcile/catalogue-index.js';
import { CatalogueDetails, parseSignature } from '../../../src/reconcile/catalogue-source.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { seedWorks } from './seed.js';

describe('CatalogueIndex over a real catalogue', () => {
  const tmp = useTempDir();

  it('looks identifiers up in the catalogue tables and builds the fuzzy part on demand', () => {
    const db = openCatalogue(join(tmp(), 'c.db'));
    const [a, b] = seedWorks(db, [
      { title: 'Қара торғай', swn: '000123', iswc: 'T0345246801', alt: ['Black Lark'], isrc: 'KZA012300001', writers: [{ name: 'KUNANBAYULY', first: 'ABAI', ipi: '00014107338', society: '177', share: 10000 }] },
      { title: 'Dala', swn: 'SW2', societyCodes: [{ society: '52', code: 'PRS-9' }], writers: [{ name: 'ZHABAYEV', ipi: '00025436718', society: '177', share: 10000 }] },
    ]);
    db.prepare("INSERT INTO registrations (work_id, society, status, society_work_number) VALUES (?, '052', 'AS', 'PRS880001')").run(a);
    const idx = new CatalogueIndex(db);
    expect(idx.size).toBe(2);
    expect(idx.byIswc('T0345246801')).toEqual([a]);
    expect(idx.bySubmitterNumber('123', '000123')).toEqual([a]);
    expect(idx.bySocietyCode('052:PRS880001', 'PRS880001')).toEqual([a]);
    expect(idx.bySocietyCode('052:PRS-9', 'PRS-9')).toEqual([b]);
    expect(idx.bySocietyCode('035:PRS880001', 'PRS880001')).toEqual([]);
    expect(idx.byIsrc('KZA012300001')).toEqual([a]);
    expect(idx.byIpi('00025436718')).toEqual([b]);
    expect(idx.titlesOf(a)).toEqual(['KARA TORGAI', 'BLACK LARK']);
    expect([...idx.byTitleToken('TORGAI')]).toEqual([a]);
    expect([...idx.byTitleToken('LARK')]).toEqual([a]);
    expect([...idx.byTitlePrefix('DALA')]).toEqual([b]);
    expect([...idx.byWriterWord('ZHABAIEV')]).toEqual([b]);
    expect([...idx.byTitleToken('NOWHERE')]).toEqual([]);
    expect(idx.writersOf(999)).toEqual([]);
    expect(idx.writersOf(a)).toEqual([{ key: 'ABAI KUNANBAIULI', ipiName: '00014107338', ipiBase: null }]);

    const details = new CatalogueDetails(db);
    details.prefetch([a, b, 999]);
    expect(details.detail(999)).toBeNull();
    expect(details.detail(a)).toMatchObject({ id: a, title: 'Қара торғай', parties: [{ name: 'ABAI KUNANBAYULY', affiliation: { PR: '177', MR: '177' }, collection: [{ right: 'PR', share: 10000, territory: '2136', include: true }, { right: 'MR', share: 10000 }] }] });
    db.close();
  });
});

describe('CatalogueDetails with a small party cache', () => {
  const tmp = useTempDir();
  const P = (name: string, ipi: string) => ({ name, ipi, society: '177', share: 5000 });

  // Cache sizes that force the party cache to start again between and within prefetches.
  it.each([1, 2, 3, 200_000])('keeps every party of every work with a party cache of %i', (size) => {
    const db = openCatalogue(join(tmp(), 'c.db'));
    const [a, b, c] = seedWorks(db, [
      { title: 'One', swn: 'S1', writers: [P('ALPHA', '00014107338'), P('BETA', '00025436718')] },
      { title: 'Two', swn: 'S2', writers: [P('ALPHA', '00014107338'), P('GAMMA', '00034567892')] },
      { title: 'Three', swn: 'S3', writers: [P('DELTA', '00045678901'), P('BETA', '00025436718'), P('ALPHA', '00014107338')] },
    ]);
    const details = new CatalogueDetails(db, 10_000, size);
    details.prefetch([a ?? 0]);
    details.prefetch([b ?? 0]);
    details.prefetch([c ?? 0, a ?? 0]);
    expect(details.detail(a ?? 0)?.parties.map((p) => p.name)).toEqual(['ALPHA', 'BETA']);
    expect(details.detail(b ?? 0)?.parties.map((p) => p.name)).toEqual(['ALPHA', 'GAMMA']);
    expect(details.detail(c ?? 0)?.parties.map((p) => p.name)).toEqual(['DELTA', 'BETA', 'ALPHA']);
    db.close();
  });
});

describe('parseSignature reads back what SQLite quote() writes', () => {
  const db = openCatalogue(':memory:');
  it.each([
    [['writer', null, '177', null, '052', 5000, null, 0]],
    [['publisher', '', "'", "a,b", "it''s", -3, 10000, null]],
    [["','", 'NULL', 'x', '', '', 1, 2, 3]],
  ])('%j', (values) => {
    const sig = db.prepare(`SELECT ${values.map(() => 'quote(?)').join(" || ',' || ")}`).pluck().get(...values) as string;
    expect(parseSignature(sig)).toEqual(values);
  });
});

describe('ISWC lookups in bulk (primeIswc)', () => {
  const tmp = useTempDir();

  it('finds what one lookup per key finds, also through other ISWCs of a work', () => {
    const db = openCatalogue(join(tmp(), 'c.db'));
    const [a, b, c] = seedWorks(db, [
      { title: 'One', swn: 'S1', iswc: 'T0345246801', writers: [] },
      { title: 'Two', swn: 'S2', iswc: 'T0345246801', writers: [] },
      { title: 'Three', swn: 'S3', writers: [] },
    ]);
    db.prepare("INSERT INTO work_identifiers (work_id, kind, issuer, value) VALUES (?, 'iswc', '', 'T9000000017'), (?, 'iswc', '', 'T0345246801')").run(c, a);
    const keys = ['T0345246801', 'T9000000017', 'T1111111111'];
    const one = new CatalogueIndex(db);
    const expected = keys.map((k) => [...one.byIswc(k)].sort());
    const bulk = new CatalogueIndex(db);
    bulk.primeIswc(keys);
    expect(keys.map((k) => [...bulk.byIswc(k)].sort())).toEqual(expected);
    expect(expected).toEqual([[a, b].sort(), [c], []]);
    db.close();
  });

  it('walks the keys and looks each up by index (never a scan of identifiers per key)', () => {
    const db = openCatalogue(':memory:');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${MANY_ISWC_SQL}`).all('[]', '[]') as { detail: string }[]).map((p) => p.detail);
    expect(plan).toContain('SEARCH i USING COVERING INDEX work_identifiers_value (kind=? AND value=?)');
    expect(plan).toContain('SEARCH w USING COVERING INDEX works_iswc (iswc=?)');
    db.close();
  });
});

describe('society work codes in bulk (primeSocietyCodes)', () => {
  const tmp = useTempDir();

  it('finds what one lookup per code finds: identifiers (short or padded issuer) and registrations', () => {
    const db = openCatalogue(join(tmp(), 'c.db'));
    const [a, b, c, d] = seedWorks(db, [
      { title: 'One', swn: 'S1', societyCodes: [{ society: '52', code: 'PRS-9' }], writers: [] },
      { title: 'Two', swn: 'S2', societyCodes: [{ society: '052', code: '00123' }], writers: [] },
      { title: 'Three', swn: 'S3', writers: [] },
      { title: 'Four', swn: 'S4', writers: [] },
    ]);
    db.prepare("INSERT INTO registrations (work_id, society, status, society_work_number) VALUES (?, '052', 'AS', 'PRS880001'), (?, '052', 'AS', 'PRS-9'), (?, '035', 'AS', 'X1')").run(c, d, a);
    const asks: [string, string][] = [['052:PRS-9', 'PRS-9'], ['052:123', '00123'], ['052:PRS880001', 'PRS880001'], ['052:X1', 'X1'], ['052:NONE', 'NONE']];
    const one = new CatalogueIndex(db);
    const expected = asks.map(([k, r]) => [...one.bySocietyCode(k, r)].sort());
    const bulk = new CatalogueIndex(db);
    bulk.primeSocietyCodes('052', asks.flatMap(([k, r]) => [k.slice(4), r]));
    expect(asks.map(([k, r]) => [...bulk.bySocietyCode(k, r)].sort())).toEqual(expected);
    expect(expected).toEqual([[a, d].sort(), [b], [c], [], []]);
    // Another society's codes are not answered from the page.
    expect(bulk.bySocietyCode('035:X1', 'X1')).toEqual([a]);
    db.close();
  });

  it('walks the codes and looks each up by index', () => {
    const db = openCatalogue(':memory:');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${MANY_SOCIETY_SQL}`).all('[]', '052', '52', '[]', '052') as { detail: string }[]).map((p) => p.detail);
    expect(plan.filter((d) => d.startsWith('SCAN'))).toEqual(['SCAN j VIRTUAL TABLE INDEX 1:', 'SCAN j VIRTUAL TABLE INDEX 1:']);
    db.close();
  });
});
