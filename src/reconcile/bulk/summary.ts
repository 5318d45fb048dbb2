/**
 * The summary of a run, added up from what it stored.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Db } from '../../catalogue/db.js';
import { UNALLOCATED_REASONS } from '../allocate.js';
import { displayName } from '../catalogue-source.js';
import type { ReconcileSummary } from '../engine.js';
import { DISCREPANCY_KINDS, type Finding, type FindingKind } from '../findings.js';
import { MATCH_METHODS, type MatchMethod } from '../types.js';
import type { BulkRunInput } from './run.js';

/** The summary, added up from the stored results of the run: one grouped scan of its lines, one of
 * its allocations (their keys start with the line id, so no join is needed). */
export function summarise(db: Db, input: BulkRunInput, rows: { from: number; to: number }, statementFindings: readonly Finding[]): ReconcileSummary {
  const s = input.reconciler.summary;
  const recId = input.reconciliationId;
  const q = (sql: string): Statement => (db as Database).prepare(sql).safeIntegers(true).raw(true);
  // One grouped scan: few groups (status x method x reason), each with its sums and first line.
  const groups = q(
    `SELECT status, method, reason, COUNT(*), SUM(net - unallocated), SUM(unallocated), SUM(local - COALESCE(local_unallocated, 0)), SUM(local_unallocated), MIN(id)
     FROM reconciliation_lines WHERE id BETWEEN ? AND ? AND reconciliation_id = ? GROUP BY status, method, reason`,
  ).all(rows.from, rows.to, recId) as [string, string | null, string | null, bigint, bigint | null, bigint | null, bigint | null, bigint | null, bigint][];
  s.lines = 0;
  s.matched = 0;
  s.review = 0;
  s.unmatched = 0;
  s.allocated = 0n;
  s.unallocated = 0n;
  let localAllocated = 0n;
  let localUnallocated = 0n;
  for (const m of MATCH_METHODS) s.byMethod[m] = 0;
  // Unallocated amount per reason, and the reason's first line (reasons are listed in that order).
  const byReason = new Map<string, { amount: bigint; first: bigint }>();
  for (const [status, method, reason, count, allocated, unallocated, localAlloc, localUnalloc, first] of groups) {
    const n = Number(count);
    s.lines += n;
    if (status === 'matched') {
      s.matched += n;
      if (method !== null && method in s.byMethod) s.byMethod[method as MatchMethod] += n;
    } else if (status === 'review') s.review += n;
    else if (status === 'unmatched') s.unmatched += n;
    s.allocated += allocated ?? 0n;
    s.unallocated += unallocated ?? 0n;
    localAllocated += localAlloc ?? 0n;
    localUnallocated += localUnalloc ?? 0n;
    if (reason !== null && (UNALLOCATED_REASONS as readonly string[]).includes(reason)) {
      const r = byReason.get(reason) ?? { amount: 0n, first };
      byReason.set(reason, { amount: r.amount + (unallocated ?? 0n), first: r.first < first ? r.first : first });
    }
  }
  for (const k of Object.keys(s.unallocatedByReason)) delete s.unallocatedByReason[k];
  for (const [reason, r] of [...byReason].sort((a, b) => (a[1].first < b[1].first ? -1 : 1))) s.unallocatedByReason[reason] = r.amount;
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
