/**
 * The summary of a run, added up from what it stored.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Db } from '../../catalogue/db.js';
import { UNALLOCATED_REASONS } from '../allocate.js';
import { displayName } from '../catalogue-source.js';
import type { ReconcileSummary } from '../engine.js';
import { DISCREPANCY_KINDS, type Finding, type FindingKind } from '../findings.js';
import { MATCH_METHODS } from '../types.js';
import type { BulkRunInput } from './run.js';

/** The summary, added up from the stored results of the run: one grouped scan of its lines, one of
 * its allocations (their keys start with the line id, so no join is needed). */
export function summarise(db: Db, input: BulkRunInput, rows: { from: number; to: number }, statementFindings: readonly Finding[]): ReconcileSummary {
  const s = input.reconciler.summary;
  const recId = input.reconciliationId;
  const q = (sql: string): Statement => (db as Database).prepare(sql).safeIntegers(true).raw(true);
  // One pass, no sorting: a column per status, method and reason (reasons with their first line).
  const methods = MATCH_METHODS.map((m) => `COALESCE(SUM(status = 'matched' AND method = '${m}'), 0)`);
  const reasonCols = UNALLOCATED_REASONS.map((r) => `COALESCE(SUM(CASE WHEN reason = '${r}' THEN unallocated END), 0), MIN(CASE WHEN reason = '${r}' THEN id END)`);
  const row = q(
    `SELECT COUNT(*), COALESCE(SUM(status = 'matched'), 0), COALESCE(SUM(status = 'review'), 0), COALESCE(SUM(status = 'unmatched'), 0),
            COALESCE(SUM(net - unallocated), 0), COALESCE(SUM(unallocated), 0), COALESCE(SUM(local - COALESCE(local_unallocated, 0)), 0), COALESCE(SUM(local_unallocated), 0),
            ${methods.join(', ')}, ${reasonCols.join(', ')}
     FROM reconciliation_lines WHERE id BETWEEN ? AND ? AND reconciliation_id = ?`,
  ).get(rows.from, rows.to, recId) as (bigint | null)[];
  const big = (i: number): bigint => row[i] ?? 0n;
  s.lines = Number(big(0));
  s.matched = Number(big(1));
  s.review = Number(big(2));
  s.unmatched = Number(big(3));
  s.allocated = big(4);
  s.unallocated = big(5);
  const localAllocated = big(6);
  const localUnallocated = big(7);
  MATCH_METHODS.forEach((m, i) => (s.byMethod[m] = Number(big(8 + i))));
  const reasons: [string, bigint, bigint][] = [];
  UNALLOCATED_REASONS.forEach((r, i) => {
    const first = row[8 + MATCH_METHODS.length + 2 * i + 1];
    if (first !== null && first !== undefined) reasons.push([r, big(8 + MATCH_METHODS.length + 2 * i), first]);
  });
  for (const k of Object.keys(s.unallocatedByReason)) delete s.unallocatedByReason[k];
  for (const [reason, amount] of reasons.sort((a, b) => (a[2] < b[2] ? -1 : 1))) s.unallocatedByReason[reason] = amount;
  if (s.localAllocated !== null) s.localAllocated = localAllocated;
  if (s.localUnallocated !== null) s.localUnallocated = localUnallocated;
  const lineFindings = q(`SELECT kind, COUNT(*) FROM reconciliation_findings WHERE reconciliation_id = ? AND line_id IS NOT NULL GROUP BY kind`).all(recId) as [FindingKind, bigint][];
  s.discrepancies = 0;
  for (const [kind, n] of lineFindings) if (DISCREPANCY_KINDS.has(kind)) s.discrepancies += Number(n);
  for (const f of statementFindings) if (DISCREPANCY_KINDS.has(f.kind)) s.discrepancies++;
  s.claims = statementFindings.filter((f) => f.kind === 'claim-candidate').length;
  s.members.length = 0;
  const local = s.localAllocated !== null;
  const party = q('SELECT name, first_name, ipi_name_number FROM parties WHERE id = ?');
  // Per party by upsert into a small table keyed by party (cheaper than sorting every allocation).
  db.prepare(
    `INSERT INTO rx_members (party_id, amount, local, n) SELECT party_id, amount, local, 1 FROM reconciliation_allocations WHERE line_id BETWEEN ? AND ?
     ON CONFLICT (party_id) DO UPDATE SET amount = amount + excluded.amount, local = local + excluded.local, n = n + 1`,
  ).run(rows.from, rows.to);
  const totals = q('SELECT party_id, amount, local, n FROM rx_members').all() as [bigint, bigint, bigint | null, bigint][];
  totals.sort((a, b) => (a[1] === b[1] ? (a[0] < b[0] ? -1 : 1) : a[1] > b[1] ? -1 : 1));
  for (const [partyId, amount, loc, n] of totals) {
    const [name, firstName, ipi] = (party.get(partyId) as [string, string | null, string | null] | undefined) ?? ['', null, null];
    s.members.push({ partyId: Number(partyId), ipi, name: displayName(name, firstName), amount, local: local ? (loc ?? 0n) : null, lines: Number(n) });
  }
  return s;
}
