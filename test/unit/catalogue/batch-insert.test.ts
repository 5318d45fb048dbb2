import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/app/import.js';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { BatchInsert } from '../../../src/catalogue/repositories/batch-insert.js';
import { SAMPLES } from '../../helpers/paths.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { catalogue } from './fixture.js';

describe('BatchInsert', () => {
  const tmp = useTempDir();

  const table = () => {
    const db = openCatalogue(join(tmp(), 'b.db'));
    db.exec('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT, c INTEGER)');
    return db;
  };

  // 32 rows is one statement; 33 and 70 are chunked.
  it.each([0, 1, 3, 32, 33, 70])('%i rows are stored exactly, in order', (n) => {
    const db = table();
    const rows = Array.from({ length: n }, (_, i) => [i + 1, `Ән ${i}`, i % 2 === 0 ? null : i]);
    new BatchInsert(db, 'INSERT', 't', ['a', 'b', 'c']).run(rows);
    expect(db.prepare('SELECT a, b, c FROM t ORDER BY rowid').raw().all()).toEqual(rows);
  });

  it('INSERT OR IGNORE skips a duplicate key inside one batch, INSERT fails the whole batch', () => {
    const db = table();
    new BatchInsert(db, 'INSERT OR IGNORE', 't', ['a', 'b', 'c']).run([[1, 'x', 1], [1, 'y', 2], [2, 'z', 3]]);
    expect(db.prepare('SELECT a, b FROM t ORDER BY a').raw().all()).toEqual([[1, 'x'], [2, 'z']]);
    expect(() => new BatchInsert(db, 'INSERT', 't', ['a', 'b', 'c']).run([[3, 'p', 0], [2, 'q', 0]])).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(2);
  });
});

describe('import with multi-row inserts', () => {
  const tmp = useTempDir();

  it('stores every bundled sample with no dangling reference, and the same rows as one work at a time', async () => {
    const db = catalogue(tmp());
    // Every bundled sample: registrations in 2.1, 2.2 and 3.x, a society's ACKs and ISWs.
    const files = readdirSync(join(SAMPLES, 'cwr')).filter((f) => /\.(V2[12]|SUB)$/i.test(f)).sort().map((f) => join(SAMPLES, 'cwr', f));
    const s = await importFiles(db, files);
    expect(s.works.inserted).toBeGreaterThan(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const positions = db.prepare('SELECT work_id, group_concat(position) AS p FROM (SELECT work_id, position FROM work_parties ORDER BY work_id, position) GROUP BY work_id').all() as Array<{ p: string }>;
    for (const r of positions) expect(r.p.split(',').map(Number)).toEqual(r.p.split(',').map((_, i) => i + 1));
  });
});
