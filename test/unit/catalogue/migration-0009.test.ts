/**
 * Migration 0009: reconciliations become one per statement and currency. The table is rebuilt with
 * foreign keys off; the results that refer to it must survive, and deleting a reconciliation must
 * still take its lines, allocations and findings with it.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { schemaVersion } from '../../../src/catalogue/migrate.js';
import { MIGRATIONS } from '../../../src/catalogue/migrations/index.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const HEADER = `INSERT INTO reconciliations (id, statement_id, society, from_society, currency, scale, total, charges, allocated, unallocated, lines, matched, review, unmatched, discrepancies, claims, summary, created_at)
  VALUES (?, ?, '177', '052', ?, 2, 1000, 0, 600, 400, 1, 1, 0, 0, 0, 0, '{}', '2026-11-29')`;
const LINE = `INSERT INTO reconciliation_lines (id, reconciliation_id, statement_line_id, status, confidence, amount, net, unallocated) VALUES (?, ?, ?, 'matched', 1.0, 1000, 1000, 400)`;

describe('migration 0009: one reconciliation per statement and currency', () => {
  const tmp = useTempDir();

  it('keeps the results of an older catalogue, their keys and their cascade', () => {
    const path = join(tmp(), 'c.db');
    const at = MIGRATIONS.findIndex((m) => m.name === '0009-reconciliation-per-currency');
    expect(at).toBeGreaterThan(0);
    const old = new Database(path);
    old.pragma('foreign_keys = ON');
    for (const m of MIGRATIONS.slice(0, at)) old.exec(m.sql);
    old.pragma(`user_version = ${at}`);
    old.prepare(HEADER).run(7, 1, 'EUR');
    old.prepare(LINE).run(70, 7, 1);
    old.prepare('INSERT INTO reconciliation_allocations (line_id, party_id, weight, amount) VALUES (70, 5, 10000, 600)').run();
    old.prepare("INSERT INTO reconciliation_findings (reconciliation_id, kind, line_id, detail) VALUES (7, 'duplicate-line', 70, '{}')").run();
    // Before: a second currency of the same statement is refused.
    expect(() => old.prepare(HEADER).run(8, 1, 'USD')).toThrow(/UNIQUE/);
    old.close();

    const db = openCatalogue(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT id, statement_id, currency, allocated FROM reconciliations').all()).toEqual([{ id: 7, statement_id: 1, currency: 'EUR', allocated: 600 }]);
    expect(db.prepare('SELECT COUNT(*) FROM reconciliation_lines').pluck().get()).toBe(1);
    // After: each currency has its own; the same currency twice is still refused.
    db.prepare(HEADER).run(8, 1, 'USD');
    expect(() => db.prepare(HEADER).run(9, 1, 'EUR')).toThrow(/UNIQUE/);
    // A line of an unknown reconciliation is refused: the reference is enforced again.
    expect(() => db.prepare(LINE).run(71, 99, 2)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM reconciliations WHERE id = 7').run();
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM reconciliation_lines) + (SELECT COUNT(*) FROM reconciliation_allocations) + (SELECT COUNT(*) FROM reconciliation_findings)').pluck().get()).toBe(0);
    db.close();
  });
});
