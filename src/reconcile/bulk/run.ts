/**
 * One reconciliation run, set-based: SQL settles the lines it can decide exactly (see sql.ts) and
 * stores their results with INSERT ... SELECT; the reconciler settles the others line by line; then
 * SQL checks the whole statement (duplicates, claim candidates) and adds up the summary from what
 * was stored. The result is the same as the reconciler alone gives (test/unit/reconcile/bulk.test.ts
 * compares both on random catalogues and statements), at a fraction of the cost per line.
 * Runs inside the caller's write transaction.
 */
import type { Db } from '../../catalogue/db.js';
import type { ResultWriter } from '../../catalogue/repositories/reconciliation.js';
import type { Reconciler, ReconcileSummary } from '../engine.js';
import type { Finding } from '../findings.js';
import type { TerritoryContains } from '../parties.js';
import type { ReconStatement } from '../types.js';
import { claims, lineFindings } from './checks.js';
import { useBulkFunctions } from './functions.js';
import { settleBySql, settleRest } from './settle.js';
import * as Q from './sql.js';
import { Steps } from './steps.js';
import { summarise } from './summary.js';

export interface BulkRunInput {
  readonly statement: ReconStatement;
  /** The statement's main currency (lines in others are not reconciled). */
  readonly currency: string;
  readonly reconciliationId: number;
  /** Receiving society (CISAC code). */
  readonly society: string;
  readonly shareTolerance: number;
  readonly contains: TerritoryContains;
  /** Work codes / title keys with a review decision for the remitting society. */
  readonly decisionKeys: readonly string[];
  /** The statement's territories (statementTerritories: at most Q.MAX_TERRITORIES). */
  readonly territories: readonly string[];
  /** Settles the lines SQL leaves (its statement checks off). */
  readonly reconciler: Reconciler;
  readonly writer: ResultWriter;
}

export interface BulkRunResult {
  readonly summary: ReconcileSummary;
  /** Statement-level findings: claim candidates and the control total. */
  readonly findings: Finding[];
  /** Lines settled by SQL. */
  readonly settledBySql: number;
}

function dropTemp(db: Db): void {
  for (const t of Q.TEMP_TABLES) db.exec(`DROP TABLE IF EXISTS temp.${t}`);
}

/** Room for the run's working tables: a 256 MiB cache for the temporary database (the default
 * 2 MiB made every temporary B-tree spill); beyond it they spill to a temporary file, so memory
 * stays bounded whatever the statement's size. Set outside a transaction; the returned function
 * puts the setting back. */
export function bulkPragmas(db: Db): () => void {
  const cache = db.pragma('temp.cache_size', { simple: true }) as number;
  db.pragma('temp.cache_size = -262144');
  return () => void db.pragma(`temp.cache_size = ${cache}`);
}

/** The territories of a statement's lines, when few enough for the SQL path to number them
 * (keys leave room for 65,536); null otherwise: the reconciler then settles the statement alone. */
export function statementTerritories(db: Db, statementId: number, currency: string): string[] | null {
  const [lo, hi] = db.prepare('SELECT MIN(id), MAX(id) FROM statement_lines WHERE statement_id = ?').raw(true).get(statementId) as [number | null, number | null];
  const all = db.prepare(Q.DISTINCT_TERRITORIES).pluck().all({ lo: lo ?? 0, hi: hi ?? -1, stmt: statementId, cur: currency }) as string[];
  return all.length <= Q.MAX_TERRITORIES ? all : null;
}

export function runBulk(db: Db, input: BulkRunInput): BulkRunResult {
  const st = input.statement;
  const rec = input.reconciler;
  const images = rec.images();
  useBulkFunctions(db, { contains: input.contains, net: images.net, local: images.local });
  dropTemp(db);
  db.exec(Q.CREATE_TEMP);
  try {
    const [lo, hi] = db.prepare('SELECT MIN(id), MAX(id) FROM statement_lines WHERE statement_id = ?').raw(true).get(st.id) as [number | null, number | null];
    const first = lo ?? 0;
    const last = hi ?? -1;
    const base = Number(db.prepare('SELECT COALESCE(MAX(id), 0) FROM reconciliation_lines').pluck().get()) - first + 1;
    const soc3 = st.fromSociety.padStart(3, '0');
    const s = new Steps(db, {
      lo: first,
      hi: last,
      stmt: st.id,
      cur: input.currency,
      soc3,
      socShort: String(Number(soc3)),
      r3: input.society.padStart(3, '0'),
      base,
      rec: input.reconciliationId,
      tol: input.shareTolerance,
    });

    // 1. Amounts of every line when scaled (bank charges, rate), from the running total.
    if (images.scaled) s.run(Q.FILL_AMOUNTS, 'lo', 'hi', 'stmt', 'cur');
    // 2. What SQL settles.
    const bySql = settleBySql(s, input, input.territories, images.scaled);
    // 3. The other lines, by the reconciler.
    const all = Number(db.prepare('SELECT COUNT(*) FROM statement_lines sl WHERE sl.id BETWEEN ? AND ? AND +sl.statement_id = ? AND sl.currency = ?').pluck().get(first, last, st.id, input.currency));
    if (bySql < all) s.timed("the reconciler's lines", () => settleRest(db, input, { first, last, base, scaled: images.scaled }));
    // 4. Checks over the whole statement, then the summary of what was stored.
    lineFindings(s);
    const findings = s.timed('claim candidates', () => claims(s));
    if (st.declaredTotal !== null && st.declaredTotal !== rec.summary.total) {
      findings.push({ kind: 'control-total', lineId: null, workId: null, partyId: null, detail: { declared: st.declaredTotal.toString(), lines: rec.summary.total.toString() } });
    }
    const fi = db.prepare('INSERT INTO reconciliation_findings (reconciliation_id, kind, line_id, work_id, party_id, detail) VALUES (?, ?, NULL, ?, ?, ?)');
    for (const f of findings) fi.run(input.reconciliationId, f.kind, f.workId, f.partyId, JSON.stringify(f.detail));
    const summary = s.timed('summary', () => summarise(db, input, { from: base + first, to: base + last }, findings));
    return { summary, findings, settledBySql: bySql };
  } finally {
    dropTemp(db);
  }
}
