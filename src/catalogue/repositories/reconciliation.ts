/**
 * Reconciliation results and review decisions (migration 0003). Writes happen inside the
 * caller's transaction; amounts are read back as bigint (safe integers).
 */
import type { Statement as SqlStatement } from 'better-sqlite3';
import type { Db } from '../db.js';
import type { Decision, Decisions } from '../../reconcile/match.js';
import type { LineOutcome, ReconcileSummary } from '../../reconcile/engine.js';
import type { Finding } from '../../reconcile/findings.js';
import type { LineStatus } from '../../reconcile/types.js';

export interface ReconciliationHeader {
  readonly statementId: number;
  readonly society: string;
  readonly fromSociety: string;
  readonly received: bigint | null;
  readonly receivedCurrency: string | null;
}

export interface ReconciliationRow {
  id: bigint;
  statement_id: bigint;
  society: string;
  from_society: string;
  currency: string;
  scale: bigint;
  local_currency: string | null;
  local_scale: bigint | null;
  rate: string | null;
  received: bigint | null;
  received_currency: string | null;
  total: bigint;
  declared_total: bigint | null;
  charges: bigint;
  allocated: bigint;
  unallocated: bigint;
  local_total: bigint | null;
  local_allocated: bigint | null;
  local_unallocated: bigint | null;
  lines: bigint;
  matched: bigint;
  review: bigint;
  unmatched: bigint;
  discrepancies: bigint;
  claims: bigint;
  summary: string;
  created_at: string;
}

export interface LineRow {
  id: bigint;
  reconciliation_id: bigint;
  statement_line_id: bigint;
  line_ref: string | null;
  decision_key: string | null;
  status: LineStatus;
  method: string | null;
  confidence: number;
  match_key: string | null;
  work_id: bigint | null;
  party_id: bigint | null;
  party_method: string | null;
  right: string | null;
  territory: string | null;
  share_paid: bigint | null;
  share_registered: bigint | null;
  amount: bigint;
  net: bigint;
  local: bigint | null;
  unallocated: bigint;
  local_unallocated: bigint | null;
  reason: string | null;
  candidates: string | null;
}

export interface AllocationRow {
  line_id: bigint;
  party_id: bigint;
  weight: bigint;
  amount: bigint;
  local: bigint | null;
}

export interface FindingRow {
  id: bigint;
  reconciliation_id: bigint;
  kind: string;
  line_id: bigint | null;
  work_id: bigint | null;
  party_id: bigint | null;
  detail: string;
}

const LINE_COLUMNS = 23;
const ALLOC_COLUMNS = 5;
const FINDING_COLUMNS = 6;
/** Rows per multi-row INSERT (well under SQLite's 32,766 bound parameters). */
const BATCH = 100;

function insertSql(head: string, columns: number, rows: number): string {
  const one = `(${new Array<string>(columns).fill('?').join(', ')})`;
  return `${head} VALUES ${new Array<string>(rows).fill(one).join(', ')}`;
}

type Value = string | number | bigint | null;

/** A multi-row INSERT with its full-batch statement prepared once. */
class BatchInsert {
  private readonly values: Value[] = [];
  private rows = 0;
  private full: SqlStatement | null = null;

  constructor(
    private readonly db: Db,
    private readonly head: string,
    private readonly columns: number,
    private readonly before: BatchInsert | null = null,
  ) {}

  push(...row: Value[]): void {
    for (const v of row) this.values.push(v);
    if (++this.rows === BATCH) this.flush();
  }

  flush(): void {
    if (this.rows === 0) return;
    // Rows this batch refers to (allocations -> lines) must be stored first.
    this.before?.flush();
    const stmt = this.rows === BATCH ? (this.full ??= this.db.prepare(insertSql(this.head, this.columns, BATCH))) : this.db.prepare(insertSql(this.head, this.columns, this.rows));
    stmt.run(this.values);
    this.values.length = 0;
    this.rows = 0;
  }
}

/**
 * Stores the line results of one reconciliation in multi-row INSERTs. Line ids are given here
 * (the next rowids, as SQLite would give them: the caller holds the write transaction), so a
 * line's allocations and findings can refer to it before it is written. `flush()` before reading
 * the tables or committing.
 */
export class ResultWriter {
  private nextLine: number;
  private readonly lines: BatchInsert;
  private readonly allocs: BatchInsert;
  private readonly findings: BatchInsert;

  constructor(
    db: Db,
    private readonly recId: number,
  ) {
    this.nextLine = Number(db.prepare('SELECT COALESCE(MAX(id), 0) FROM reconciliation_lines').pluck().get()) + 1;
    this.lines = new BatchInsert(
      db,
      `INSERT INTO reconciliation_lines (id, reconciliation_id, statement_line_id, line_ref, decision_key, status, method, confidence, match_key, work_id, party_id,
         party_method, right, territory, share_paid, share_registered, amount, net, local, unallocated, local_unallocated, reason, candidates)`,
      LINE_COLUMNS,
    );
    this.allocs = new BatchInsert(db, 'INSERT INTO reconciliation_allocations (line_id, party_id, weight, amount, local)', ALLOC_COLUMNS, this.lines);
    this.findings = new BatchInsert(db, 'INSERT INTO reconciliation_findings (reconciliation_id, kind, line_id, work_id, party_id, detail)', FINDING_COLUMNS, this.lines);
  }

  /** Queues one line's outcome; returns the id its row will have (the next one, or `id`). */
  line(o: LineOutcome, decisionKey: string | null, id: number = this.nextLine++): number {
    const m = o.match;
    const l = o.line;
    this.lines.push(
      id,
      this.recId,
      l.id,
      l.ref,
      decisionKey,
      m.status,
      m.method,
      m.confidence,
      m.key,
      m.status === 'matched' ? m.workId : null,
      o.party?.party.id ?? null,
      o.party?.method ?? null,
      l.right,
      l.territory,
      l.share,
      o.allocation.registeredShare,
      l.amount,
      o.net,
      o.local,
      o.allocation.unallocated,
      o.allocation.unallocatedLocal,
      o.allocation.reason,
      m.candidates.length > 0 ? JSON.stringify(m.candidates) : null,
    );
    for (const p of o.allocation.parts) this.allocs.push(id, p.party.id, p.weight, p.amount, p.local);
    return id;
  }

  finding(f: Finding, lineId: number | null): void {
    this.findings.push(this.recId, f.kind, lineId, f.workId, f.partyId, JSON.stringify(f.detail));
  }

  /** Writes everything queued (lines first: allocations and findings refer to them). */
  flush(): void {
    this.lines.flush();
    this.allocs.flush();
    this.findings.flush();
  }
}

export class ReconciliationRepository {
  constructor(private readonly db: Db) {}

  /** Removes the previous result of the statement in that currency (cascade) and starts a new
   * one; returns its id. */
  begin(h: ReconciliationHeader, summary: ReconcileSummary): number {
    this.db.prepare('DELETE FROM reconciliations WHERE statement_id = ? AND currency = ?').run(h.statementId, summary.currency);
    const r = this.db
      .prepare(
        `INSERT INTO reconciliations (statement_id, society, from_society, currency, scale, local_currency, local_scale, rate, received, received_currency,
           total, declared_total, charges, allocated, unallocated, lines, matched, review, unmatched, discrepancies, claims, summary, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, '{}', ?)`,
      )
      .run(h.statementId, h.society, h.fromSociety, summary.currency, summary.scale, summary.localCurrency, summary.localScale, summary.rate, h.received, h.receivedCurrency, summary.total, summary.declaredTotal, new Date().toISOString());
    return Number(r.lastInsertRowid);
  }

  /** Buffered storage of many line results (see ResultWriter). */
  writer(recId: number): ResultWriter {
    return new ResultWriter(this.db, recId);
  }

  finish(recId: number, s: ReconcileSummary): void {
    this.db
      .prepare(
        `UPDATE reconciliations SET charges = ?, allocated = ?, unallocated = ?, local_total = ?, local_allocated = ?, local_unallocated = ?, lines = ?, matched = ?,
           review = ?, unmatched = ?, discrepancies = ?, claims = ?, summary = ? WHERE id = ?`,
      )
      .run(
        s.charges,
        s.allocated,
        s.unallocated,
        s.localTotal,
        s.localAllocated,
        s.localUnallocated,
        s.lines,
        s.matched,
        s.review,
        s.unmatched,
        s.discrepancies,
        s.claims,
        JSON.stringify({ byMethod: s.byMethod, unallocatedByReason: Object.fromEntries(Object.entries(s.unallocatedByReason).map(([k, v]) => [k, v.toString()])) }),
        recId,
      );
  }

  /** The current results of a statement, one per currency, in the order they were made (the
   * main currency first when reconciled by `cwrkit reconcile`). */
  ofStatement(statementId: number): ReconciliationRow[] {
    return this.db.prepare('SELECT * FROM reconciliations WHERE statement_id = ? ORDER BY id').safeIntegers(true).all(statementId) as ReconciliationRow[];
  }

  all(): ReconciliationRow[] {
    return this.db.prepare('SELECT * FROM reconciliations ORDER BY statement_id, id').safeIntegers(true).all() as ReconciliationRow[];
  }

  lines(recId: number, status?: LineStatus): LineRow[] {
    const sql = `SELECT * FROM reconciliation_lines WHERE reconciliation_id = ?${status ? ' AND status = ?' : ''} ORDER BY id`;
    const stmt = this.db.prepare(sql).safeIntegers(true);
    return (status ? stmt.all(recId, status) : stmt.all(recId)) as LineRow[];
  }

  line(lineId: number): LineRow | undefined {
    return this.db.prepare('SELECT * FROM reconciliation_lines WHERE id = ?').safeIntegers(true).get(lineId) as LineRow | undefined;
  }

  /** A line by the statement's own line reference, in the latest reconciliation that has it. */
  lineByRef(ref: string): LineRow | undefined {
    return this.db.prepare('SELECT * FROM reconciliation_lines WHERE line_ref = ? ORDER BY id DESC LIMIT 1').safeIntegers(true).get(ref) as LineRow | undefined;
  }

  reconciliation(id: number): ReconciliationRow | undefined {
    return this.db.prepare('SELECT * FROM reconciliations WHERE id = ?').safeIntegers(true).get(id) as ReconciliationRow | undefined;
  }

  allocations(lineId: number): AllocationRow[] {
    return this.db.prepare('SELECT * FROM reconciliation_allocations WHERE line_id = ? ORDER BY amount DESC, party_id').safeIntegers(true).all(lineId) as AllocationRow[];
  }

  findings(recId: number): FindingRow[] {
    return this.db.prepare('SELECT * FROM reconciliation_findings WHERE reconciliation_id = ? ORDER BY id').safeIntegers(true).all(recId) as FindingRow[];
  }

  /** Per member: total amount (statement and local currency) and lines, largest first. */
  memberTotals(recId: number): { party_id: bigint; amount: bigint; local: bigint | null; lines: bigint }[] {
    return this.db
      .prepare(
        `SELECT a.party_id, SUM(a.amount) AS amount, SUM(a.local) AS local, COUNT(*) AS lines
         FROM reconciliation_allocations a JOIN reconciliation_lines l ON l.id = a.line_id
         WHERE l.reconciliation_id = ? GROUP BY a.party_id ORDER BY SUM(a.amount) DESC, a.party_id`,
      )
      .safeIntegers(true)
      .all(recId) as { party_id: bigint; amount: bigint; local: bigint | null; lines: bigint }[];
  }

  /** Remembers a review decision. Accepting a work forgets any other accepted work for that code. */
  decide(fromSociety: string, workCode: string, workId: number, decision: 'accept' | 'reject'): void {
    if (decision === 'accept') this.db.prepare("DELETE FROM review_decisions WHERE from_society = ? AND work_code = ? AND decision = 'accept'").run(fromSociety, workCode);
    this.db
      .prepare(
        `INSERT INTO review_decisions (from_society, work_code, work_id, decision, decided_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(from_society, work_code, work_id) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at`,
      )
      .run(fromSociety, workCode, workId, decision, new Date().toISOString());
  }

  /** Every decision of one remitting society, as the matcher reads them. */
  decisions(fromSociety: string): Decisions {
    const map = new Map<string, { accepted: number | null; rejected: Set<number> }>();
    const rows = this.db.prepare('SELECT work_code, work_id, decision FROM review_decisions WHERE from_society = ?').all(fromSociety) as { work_code: string; work_id: number; decision: string }[];
    for (const r of rows) {
      let d = map.get(r.work_code);
      if (!d) map.set(r.work_code, (d = { accepted: null, rejected: new Set() }));
      if (r.decision === 'accept') d.accepted = r.work_id;
      else d.rejected.add(r.work_id);
    }
    return { get: (society: string, key: string): Decision | undefined => (society === fromSociety ? map.get(key) : undefined), keys: () => [...map.keys()] };
  }

  inboxSeen(sha256: string): boolean {
    return this.db.prepare("SELECT 1 FROM inbox_files WHERE sha256 = ? AND status = 'done'").get(sha256) !== undefined;
  }

  inboxRecord(sha256: string, name: string, statementId: number | null, status: 'done' | 'error'): void {
    this.db
      .prepare(
        `INSERT INTO inbox_files (sha256, name, statement_id, processed_at, status) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(sha256) DO UPDATE SET name = excluded.name, statement_id = excluded.statement_id, processed_at = excluded.processed_at, status = excluded.status`,
      )
      .run(sha256, name, statementId, new Date().toISOString(), status);
  }
}
