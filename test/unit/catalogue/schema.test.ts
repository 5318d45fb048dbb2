import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { schemaVersion } from '../../../src/catalogue/migrate.js';
import { MIGRATIONS } from '../../../src/catalogue/migrations/index.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const TABLES = [
  'acknowledgements', 'agreements', 'collection_shares', 'conflicts', 'cross_references', 'files', 'parties', 'party_affiliations', 'performers',
  'pwr_links', 'recordings', 'registration_changes', 'registrations', 'related_works', 'runs', 'senders', 'titles', 'work_history',
  'work_identifiers', 'work_origins', 'work_parties', 'works',
];

describe('catalogue schema', () => {
  const tmp = useTempDir();

  it('migrates an empty file to the latest version with every catalogue table', () => {
    const db = openCatalogue(join(tmp(), 'c.db'));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const t of TABLES) expect(tables).toContain(t);
    db.close();
  });

  it('creates the database file private to the user (0600), also its WAL', () => {
    const path = join(tmp(), 'c.db');
    const db = openCatalogue(path);
    db.prepare("INSERT INTO senders (code, name, added_at) VALUES ('X', 'X', 'now')").run();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(path + '-wal').mode & 0o777).toBe(0o600);
    db.close();
  });

  it('reopening an up-to-date catalogue changes nothing', () => {
    const path = join(tmp(), 'c.db');
    openCatalogue(path).close();
    const db = openCatalogue(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it.each([
    ['a share as a float', "INSERT INTO work_parties (work_id, position, party_id, kind, ip_number, controlled, pr_share) VALUES (1, 1, 1, 'writer', 'X', 1, 50.5)", 'SQLITE_CONSTRAINT_DATATYPE'],
    ['an unknown conflict kind', "INSERT INTO conflicts (run_id, kind, work_id, details, created_at) VALUES (1, 'odd', 1, '{}', 'now')", 'SQLITE_CONSTRAINT_CHECK'],
    ['a right outside PR/MR/SR', "INSERT INTO party_affiliations (party_id, right, society, created_run) VALUES (1, 'XX', '177', 1)", 'SQLITE_CONSTRAINT_CHECK'],
  ])('rejects %s', (_what, sql, code) => {
    const db = openCatalogue(':memory:');
    db.pragma('foreign_keys = OFF');
    expect(() => db.prepare(sql).run()).toThrow(expect.objectContaining({ code }) as Error);
    db.close();
  });

  it.each([
    ['works by ISWC', "SELECT id FROM works WHERE iswc = 'T1'", 'works_iswc'],
    ['works by submitter work number', "SELECT id FROM works WHERE submitter_work_number = 'X'", 'works_swn'],
    ['works by title key and writers', "SELECT id FROM works WHERE title_key = 'A' AND writer_key = 'B'", 'works_title_writers'],
    ['society work numbers', "SELECT work_id FROM work_identifiers WHERE kind = 'society' AND value = 'X'", 'work_identifiers_value'],
    ['parties by IPI', "SELECT id FROM parties WHERE ipi_name_number = '1'", 'parties_ipi_name'],
    ['titles by key', "SELECT work_id FROM titles WHERE title_key = 'A'", 'titles_key'],
  ])('looks up %s through an index', (_what, sql, index) => {
    const db = openCatalogue(':memory:');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' ');
    expect(plan).toContain(index);
    db.close();
  });
});
