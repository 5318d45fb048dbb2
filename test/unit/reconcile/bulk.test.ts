/**
 * The SQL path (src/reconcile/bulk) against the reconciler alone: random catalogues and statements
 * (random-world.ts) and review decisions, reconciled both ways in
 * the same real SQLite file: every stored result (lines, allocations, findings, totals) and the
 * summary must be the same, with bank charges and exchange rates too.
 */
import { describe, expect, it } from 'vitest';
import { reconcileJson, ReconcileService, type ReconcileRequest } from '../../../src/app/reconcile.js';
import type { Db } from '../../../src/catalogue/db.js';
import { parseRate } from '../../../src/reconcile/amounts.js';
import { claimTuning } from '../../../src/reconcile/bulk/checks.js';
import { ReconcileError } from '../../../src/reconcile/engine.js';
import { sqlStatementSource } from '../../../src/reconcile/statement-source.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { digest, randomCase } from './random-world.js';

function both(db: Db, statementId: number, req: ReconcileRequest): { js: [string, unknown]; sql: [string, unknown] } {
  const run = (engine: 'js' | 'sql'): [string, unknown] => {
    const o = new ReconcileService(db, sqlStatementSource(db)).reconcile(statementId, { ...req, engine });
    return [digest(db, statementId, req.currency), JSON.parse(JSON.stringify(reconcileJson(o), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))];
  };
  return { js: run('js'), sql: run('sql') };
}

const BASE: ReconcileRequest = { society: '177', localCurrency: 'KZT', rate: null, received: null };

describe('the SQL path gives what the reconciler alone gives', () => {
  const tmp = useTempDir();

  // More cases locally: CWRKIT_RANDOM_CASES=200 npx vitest run ... test/unit/reconcile/bulk.test.ts
  const cases = Number(process.env['CWRKIT_RANDOM_CASES'] ?? 8);
  for (let seed = 1; seed <= cases; seed++) {
    it(`random catalogue and statement #${seed}`, () => {
      const { db, statementId: id } = randomCase(tmp(), seed);
      const plain = both(db, id, BASE);
      expect(plain.sql).toEqual(plain.js);
      // Claim candidates gathered the other way (random statements have many lines naming a party).
      const dense = claimTuning.denseTouch;
      claimTuning.denseTouch = 0;
      try {
        expect(both(db, id, BASE).sql).toEqual(plain.js);
      } finally {
        claimTuning.denseTouch = dense;
      }
      const rate = parseRate('EUR:KZT=512.3456');
      const scaled: ReconcileRequest = { ...BASE, rate, received: seed % 2 === 0 ? { amount: 1234567n, currency: 'EUR' } : null };
      if (scaled.received !== null && sqlStatementSource(db).total(id) <= 0n) {
        // Nothing to scale to the amount received: both refuse, the same way.
        for (const engine of ['js', 'sql'] as const) expect(() => new ReconcileService(db, sqlStatementSource(db)).reconcile(id, { ...scaled, engine })).toThrow(ReconcileError);
      } else {
        const rated = both(db, id, scaled);
        expect(rated.sql).toEqual(rated.js);
      }
      const members = both(db, id, { ...BASE, society: '052' });
      expect(members.sql).toEqual(members.js);
      // The statement's few USD lines, reconciled on their own.
      const usd = both(db, id, { ...BASE, currency: 'USD' });
      expect(usd.sql).toEqual(usd.js);
      expect(JSON.stringify(usd.sql)).toContain('"currency":"USD"');
      // The path did settle lines (or this test compares the reconciler with itself).
      const o = new ReconcileService(db, sqlStatementSource(db)).reconcile(id, BASE);
      expect(o.summary.matched).toBeGreaterThan(100);
      expect(o.bySql).toBeGreaterThan(50);
      db.close();
    });
  }
});
