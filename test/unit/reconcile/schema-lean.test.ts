import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { schemaVersion } from '../../../src/catalogue/migrate.js';
import { MIGRATIONS } from '../../../src/catalogue/migrations/index.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const indexes = (db: Database.Database): string[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('reconciliation_lines', 'reconciliation_allocations') AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];

describe('migration 0005: reconciliation results without unread indexes', () => {
  const tmp = useTempDir();

  it.each([
    ['a new catalogue', 0],
    ['a catalogue at the reconciliation schema (0003)', MIGRATIONS.findIndex((m) => m.name === '0003-reconciliation') + 1],
  ])('%s ends with only the status index on lines', (_what, at) => {
    const path = join(tmp(), 'c.db');
    if (at > 0) {
      const old = new Database(path);
      for (const m of MIGRATIONS.slice(0, at)) old.exec(m.sql);
      old.pragma(`user_version = ${at}`);
      expect(indexes(old)).toEqual(['reconciliation_allocations_party', 'reconciliation_lines_statement_line', 'reconciliation_lines_status']);
      old.close();
    }
    const db = openCatalogue(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(indexes(db)).toEqual(['reconciliation_lines_status']);
    // The queries the reports run still find their rows by index.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM reconciliation_lines WHERE reconciliation_id = ? AND status = ?').all(1, 'review') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('reconciliation_lines_status');
    db.close();
  });
});
