/**
 * Reconciliation on random catalogues and statements with every kind of line the cascade knows
 * (society codes plain, zero-padded, lower-case, unknown or shared by two works; ISWCs plain,
 * punctuated, unknown or shared; titles for the fuzzy step; parties named by IPI on or off the
 * work, by name, by zeros; a party on a work twice; rights, territories with inclusions and
 * exclusions, unknown territories, missing shares, negative amounts, other currencies, repeated
 * lines, review decisions), through the service on a real SQLite file, with and without bank
 * charges and exchange rates: it never fails, the money adds up to the last minor unit in both
 * currencies, every line is stored once, and a re-run stores the same result.
 */
import { describe, expect, it } from 'vitest';
import { ReconcileService, type ReconcileRequest } from '../../../src/app/reconcile.js';
import type { Db } from '../../../src/catalogue/db.js';
import { ReconciliationRepository } from '../../../src/catalogue/repositories/reconciliation.js';
import { parseRate } from '../../../src/reconcile/amounts.js';
import { ReconcileError } from '../../../src/reconcile/engine.js';
import { sqlStatementSource } from '../../../src/reconcile/statement-source.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { digest, randomCase } from './random-world.js';

const BASE: ReconcileRequest = { society: '177', localCurrency: 'KZT', rate: null, received: null };

function check(db: Db, statementId: number, req: ReconcileRequest): string {
  if (req.received !== null && sqlStatementSource(db).total(statementId) <= 0n) {
    // Lines adding up to nothing or less cannot be scaled to an amount received: refused, not a crash.
    expect(() => new ReconcileService(db, sqlStatementSource(db)).reconcile(statementId, req)).toThrow(ReconcileError);
    return '';
  }
  const o = new ReconcileService(db, sqlStatementSource(db)).reconcile(statementId, req);
  const s = o.summary;
  const lines = Number(db.prepare("SELECT COUNT(*) FROM statement_lines WHERE statement_id = ? AND currency = 'EUR'").pluck().get(statementId));
  expect(s.lines).toBe(lines);
  expect(s.matched + s.review + s.unmatched).toBe(lines);
  expect(db.prepare('SELECT COUNT(*) FROM reconciliation_lines WHERE reconciliation_id = ?').pluck().get(o.reconciliationId)).toBe(lines);
  expect(s.allocated + s.unallocated + s.charges).toBe(s.total);
  if (s.localTotal !== null) expect((s.localAllocated ?? 0n) + (s.localUnallocated ?? 0n)).toBe(s.localTotal);
  // What the members got is what the allocations hold, party by party.
  const stored = new ReconciliationRepository(db).memberTotals(o.reconciliationId);
  expect(stored.reduce((a, m) => a + m.amount, 0n)).toBe(s.allocated);
  expect(s.members.map((m) => m.amount).reduce((a, b) => a + b, 0n)).toBe(s.allocated);
  expect(new Set(s.members.map((m) => m.partyId)).size).toBe(s.members.length);
  return digest(db, statementId);
}

describe('reconciling random statements', () => {
  const tmp = useTempDir();

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`random catalogue and statement #${seed}`, () => {
      const { db, statementId: id } = randomCase(tmp(), seed);
      const first = check(db, id, BASE);
      expect(check(db, id, BASE)).toBe(first);
      const rate = parseRate('EUR:KZT=512.3456');
      check(db, id, { ...BASE, rate, received: seed % 2 === 0 ? { amount: 1234567n, currency: 'EUR' } : null });
      check(db, id, { ...BASE, received: { amount: 7654321n, currency: 'KZT' } });
      check(db, id, { ...BASE, society: '052' });
      db.close();
    });
  }
});
