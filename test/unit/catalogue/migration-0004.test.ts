import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { schemaVersion } from '../../../src/catalogue/migrate.js';
import { MIGRATIONS } from '../../../src/catalogue/migrations/index.js';
import { useTempDir } from '../../helpers/temp-dir.js';

describe('migration 0004: work_identifiers keeps society numbers only', () => {
  const tmp = useTempDir();

  it('removes the ISWC and submitter copies of a version-3 catalogue, keeps society numbers and works', () => {
    const path = join(tmp(), 'c.db');
    const old = new Database(path);
    for (const m of MIGRATIONS.slice(0, 3)) old.exec(m.sql);
    old.pragma('user_version = 3');
    old.exec(`INSERT INTO runs (id, command, started_at) VALUES (1, 'import', 'now');
      INSERT INTO works (id, submitter, submitter_work_number, title, title_key, writer_key, iswc, snapshot_hash, created_run, updated_run)
        VALUES (1, 'QMP', 'W1', 'DALA', 'DALA', '', 'T0000000011', 'h', 1, 1);
      INSERT INTO work_identifiers (work_id, kind, issuer, value) VALUES (1, 'iswc', '', 'T0000000011'), (1, 'submitter', 'QMP', 'W1'), (1, 'society', '052', 'PRS1');`);
    old.close();
    const db = openCatalogue(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT kind, issuer, value FROM work_identifiers').all()).toEqual([{ kind: 'society', issuer: '052', value: 'PRS1' }]);
    expect(db.prepare('SELECT iswc, submitter_work_number AS n FROM works').all()).toEqual([{ iswc: 'T0000000011', n: 'W1' }]);
    db.close();
  });
});
