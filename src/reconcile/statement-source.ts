/**
 * Statement lines from the statements tables (migration 0002) in the shape reconciliation reads.
 * A statement is reconciled once per currency of its lines (`currencies`, the main one first:
 * the statement's declared currency, else the most frequent); each reconciliation reads the
 * lines of its currency.
 */
import type { Statement as SqlStatement } from 'better-sqlite3';
import type { Db } from '../catalogue/db.js';
import type { StatementSource } from '../app/reconcile.js';
import type { ReconLine, ReconStatement, Right } from './types.js';

interface HeaderRow {
  id: bigint;
  from_society: string;
  currency: string | null;
  scale: bigint;
  rate: string | null;
}


export class SqlStatementSource implements StatementSource {
  private readonly headerStmt: SqlStatement;
  private readonly currencyStmt: SqlStatement;
  private readonly declaredStmt: SqlStatement;
  private readonly totalStmt: SqlStatement;
  private readonly pageStmt: SqlStatement;
  private readonly allCurrenciesStmt: SqlStatement;
  private readonly rangeStmt: SqlStatement;
  private readonly mainCurrency = new Map<number, string>();
  private readonly ranges = new Map<number, [number, number]>();

  constructor(db: Db) {
    this.headerStmt = db.prepare('SELECT id, from_society, currency, scale, rate FROM statements WHERE id = ?').safeIntegers(true);
    this.currencyStmt = db.prepare('SELECT currency FROM statement_lines WHERE statement_id = ? GROUP BY currency ORDER BY COUNT(*) DESC, currency LIMIT 1');
    this.declaredStmt = db.prepare('SELECT declared FROM statement_totals WHERE statement_id = ? AND currency = ?').safeIntegers(true);
    this.totalStmt = db.prepare('SELECT COALESCE(SUM(amount), 0) AS total FROM statement_lines WHERE statement_id = ? AND currency = ?').safeIntegers(true);
    this.allCurrenciesStmt = db.prepare('SELECT currency FROM statement_lines WHERE statement_id = ? AND currency IS NOT NULL GROUP BY currency ORDER BY COUNT(*) DESC, currency').pluck();
    this.rangeStmt = db.prepare('SELECT MIN(id), MAX(id) FROM statement_lines WHERE statement_id = ?').raw(true);
    // A rowid range scan (the statement's lines are between its first and last id): no sort per
    // page, unlike the (statement_id, n) index (`+statement_id` keeps the planner off it).
    this.pageStmt = db
      .prepare(
        `SELECT ${LINE_COLUMNS}
         FROM statement_lines WHERE id > ? AND id <= ? AND +statement_id = ? AND currency = ? ORDER BY id LIMIT ?`,
      )
      .safeIntegers(true)
      .raw(true);
  }

  private currency(id: number, row: HeaderRow): string {
    let c = this.mainCurrency.get(id);
    if (c === undefined) {
      c = row.currency ?? (this.currencyStmt.get(id) as { currency: string } | undefined)?.currency ?? 'EUR';
      this.mainCurrency.set(id, c);
    }
    return c;
  }

  /** First and last line id of the statement. */
  private range(id: number, fresh: boolean): [number, number] {
    let r = this.ranges.get(id);
    if (r === undefined || fresh) {
      const [lo, hi] = this.rangeStmt.get(id) as [number | null, number | null];
      r = [lo ?? 0, hi ?? -1];
      this.ranges.set(id, r);
    }
    return r;
  }

  /** The statement in `currency` (default its main one). The statement's own rate is given with
   * its main currency only: it was declared for that one. */
  header(id: number, currency?: string): ReconStatement | null {
    const h = this.headerStmt.get(id) as HeaderRow | undefined;
    if (!h) return null;
    const main = this.currency(id, h);
    const cur = currency ?? main;
    const declared = (this.declaredStmt.get(id, cur) as { declared: bigint | null } | undefined)?.declared ?? null;
    return { id, fromSociety: h.from_society, currency: cur, scale: Number(h.scale), declaredTotal: declared, rate: cur === main ? h.rate : null };
  }

  total(id: number, currency?: string): bigint {
    const h = this.header(id, currency);
    if (!h) return 0n;
    return (this.totalStmt.get(id, h.currency) as { total: bigint }).total;
  }

  /** The currencies of the statement's lines, the main one first. */
  currencies(id: number): string[] {
    const h = this.headerStmt.get(id) as HeaderRow | undefined;
    if (!h) return [];
    const main = this.currency(id, h);
    return [main, ...(this.allCurrenciesStmt.all(id) as string[]).filter((c) => c !== main)];
  }

  page(id: number, after: number, limit: number, currency?: string): readonly ReconLine[] {
    const h = this.headerStmt.get(id) as HeaderRow | undefined;
    if (!h) return [];
    // Raw rows (arrays) cost half as much as objects on a million lines.
    // The first page (after = -Infinity) reads the range afresh.
    const [lo, hi] = this.range(id, !Number.isFinite(after));
    const from = Number.isFinite(after) ? Math.max(after, lo - 1) : lo - 1;
    const rows = this.pageStmt.all(from, hi, id, currency ?? this.currency(id, h), limit) as LineRow[];
    return rows.map((r) => toReconLine(r));
  }
}

/** The columns of statement_lines a ReconLine is made of, in the order toReconLine reads them. */
export const LINE_COLUMNS = 'id, line_ref, society_work_code, iswc, title, writers, ipi_name_number, party_name, right, territory, share, amount, usage_start, usage_end';

/** A raw row of LINE_COLUMNS (read with safe integers). */
export type LineRow = [bigint, string | null, string | null, string | null, string | null, string | null, string | null, string | null, string | null, string | null, bigint | null, bigint, string | null, string | null];

export function toReconLine([lineId, ref, code, iswc, title, writers, ipi, party, right, territory, share, amount, start, end]: LineRow, scaled?: ReconLine['scaled']): ReconLine {
  return {
    id: Number(lineId),
    ref,
    workCode: code,
    iswc,
    submitterWorkNumber: null,
    isrc: null,
    title,
    writers: writers ? writers.split(';').map((w) => w.trim()).filter((w) => w !== '') : [],
    ipiName: ipi,
    ipiBase: null,
    partyName: party,
    right: (right as Right | null) ?? null,
    territory,
    share: share === null ? null : Number(share),
    amount,
    period: start || end ? `${start ?? ''}/${end ?? ''}` : null,
    ...(scaled ? { scaled } : {}),
  };
}

export function sqlStatementSource(db: Db): SqlStatementSource {
  return new SqlStatementSource(db);
}
