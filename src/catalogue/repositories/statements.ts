/**
 * Statements in the catalogue: stored whole inside one transaction (begin, lines in batches,
 * totals, commit) or not at all; found by content hash; listed and read back as the model.
 */
import type { Db } from '../db.js';
import type { StatementHeader } from '../../statements/intake.js';
import { isRight, type StatementFormat, type StatementLine } from '../../statements/model.js';

export interface StoredStatement {
  readonly id: number;
  readonly contentHash: string;
  readonly fromSociety: string;
  readonly format: StatementFormat;
  readonly profile: string | null;
  readonly fileName: string;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly distributionRef: string | null;
  readonly currency: string | null;
  readonly scale: number;
  readonly rate: string | null;
  readonly lines: number;
  readonly importedAt: string;
  /** Computed total per currency, and the declared one where the sender gave it. */
  readonly totals: readonly { currency: string; total: bigint; declared: bigint | null }[];
}

interface StatementRow {
  id: bigint;
  content_hash: string;
  from_society: string;
  format: StatementFormat;
  profile: string | null;
  file_name: string;
  period_start: string | null;
  period_end: string | null;
  distribution_ref: string | null;
  currency: string | null;
  scale: bigint;
  rate: string | null;
  lines: bigint;
  imported_at: string;
}

interface LineRow {
  id: bigint;
  n: bigint;
  line_ref: string | null;
  society_work_code: string | null;
  iswc: string | null;
  title: string | null;
  writers: string | null;
  ip_number: string | null;
  ipi_name_number: string | null;
  party_name: string | null;
  role: string | null;
  right: string | null;
  territory: string | null;
  share: bigint | null;
  distribution_category: string | null;
  gross: bigint | null;
  amount: bigint;
  currency: string;
  usage_start: string | null;
  usage_end: string | null;
  adjustment_ref: string | null;
  source_line: bigint;
  source_column: bigint | null;
}

export interface StoredLine extends StatementLine {
  readonly id: number;
  readonly n: number;
}

/** A write in progress: lines go in as they are read; commit() or rollback() ends it. */
export interface StatementWriter {
  readonly id: number;
  add(lines: readonly StatementLine[]): void;
  /** Stores the final header (completed while reading) and the totals, and commits; returns the id. */
  commit(header: StatementHeader, totals: ReadonlyMap<string, bigint>, declared: ReadonlyMap<string, bigint>): number;
  rollback(): void;
}

export class StatementsRepository {
  constructor(private readonly db: Db) {}

  byHash(hash: string): StoredStatement | null {
    const row = this.db.prepare('SELECT * FROM statements WHERE content_hash = ?').safeIntegers().get(hash) as StatementRow | undefined;
    return row ? this.withTotals(row) : null;
  }

  get(id: number): StoredStatement | null {
    const row = this.db.prepare('SELECT * FROM statements WHERE id = ?').safeIntegers().get(id) as StatementRow | undefined;
    return row ? this.withTotals(row) : null;
  }

  list(): StoredStatement[] {
    const rows = this.db.prepare('SELECT * FROM statements ORDER BY id').safeIntegers().all() as StatementRow[];
    return rows.map((r) => this.withTotals(r));
  }

  /** Lines in order, after line number `afterN`, at most `limit` (paged reads keep memory flat). */
  lines(id: number, afterN = 0, limit = 1000): StoredLine[] {
    const file = (this.db.prepare('SELECT file_name FROM statements WHERE id = ?').get(id) as { file_name: string } | undefined)?.file_name ?? '';
    const rows = this.db.prepare('SELECT * FROM statement_lines WHERE statement_id = ? AND n > ? ORDER BY n LIMIT ?').safeIntegers().all(id, afterN, limit) as LineRow[];
    return rows.map((r) => toLine(r, file));
  }

  /**
   * Starts storing a statement inside an immediate transaction. The caller feeds lines while it
   * reads the file (async reads are fine: this connection is the only writer) and then commits,
   * or rolls back when the statement turned out unreadable: nothing is stored from it.
   */
  begin(meta: { hash: string; header: StatementHeader; profile: string | null; fileName: string; rate?: string | null }): StatementWriter {
    const db = this.db;
    db.exec('BEGIN IMMEDIATE');
    let open = true;
    try {
      const h = meta.header;
      const info = db
        .prepare(
          `INSERT INTO statements (content_hash, from_society, format, profile, file_name, period_start, period_end, distribution_ref, currency, scale, rate, lines, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
        )
        .run(meta.hash, h.fromSociety, h.format, meta.profile, meta.fileName, h.period.start, h.period.end, h.distributionId, h.currency, h.decimals, meta.rate ?? null, new Date().toISOString());
      const id = Number(info.lastInsertRowid);
      const cols = `(statement_id, n, line_ref, society_work_code, iswc, title, writers, ip_number, ipi_name_number, party_name, role, right,
           territory, share, distribution_category, gross, amount, currency, usage_start, usage_end, adjustment_ref, source_line, source_column)`;
      const row = `(${Array.from({ length: 23 }, () => '?').join(', ')})`;
      // Many rows per statement: one call into SQLite per ROWS lines instead of one per line.
      const ROWS = 100;
      const insertOne = db.prepare(`INSERT INTO statement_lines ${cols} VALUES ${row}`);
      const insertMany = db.prepare(`INSERT INTO statement_lines ${cols} VALUES ${Array.from({ length: ROWS }, () => row).join(', ')}`);
      let n = 0;
      const values = (l: StatementLine): unknown[] => {
        n++;
        return [
          id,
          n,
          l.lineRef,
          l.societyWorkCode,
          l.iswc,
          l.title,
          l.writers.length > 0 ? l.writers.join('; ') : null,
          l.ipNumber,
          l.ipiNameNumber,
          l.partyName,
          l.role,
          l.right,
          l.territory,
          l.share,
          l.distributionCategory,
          l.gross,
          l.net,
          l.currency,
          l.usagePeriod?.start ?? null,
          l.usagePeriod?.end ?? null,
          l.adjustmentRef,
          l.source.line,
          l.source.column,
        ];
      };
      const end = (sql: string): void => {
        if (!open) return;
        open = false;
        db.exec(sql);
      };
      return {
        id,
        add(lines) {
          let i = 0;
          for (; i + ROWS <= lines.length; i += ROWS) {
            const flat: unknown[] = [];
            for (let j = i; j < i + ROWS; j++) for (const v of values(lines[j] as StatementLine)) flat.push(v);
            insertMany.run(flat);
          }
          for (; i < lines.length; i++) insertOne.run(values(lines[i] as StatementLine));
        },
        commit(fin, totals, declared) {
          try {
            // The header may have been completed while reading (CRD SDN): store its final form.
            db.prepare('UPDATE statements SET lines = ?, period_start = ?, period_end = ?, distribution_ref = ?, currency = ?, scale = ? WHERE id = ?').run(
              n,
              fin.period.start,
              fin.period.end,
              fin.distributionId,
              fin.currency,
              fin.decimals,
              id,
            );
            const t = db.prepare('INSERT INTO statement_totals (statement_id, currency, total, declared) VALUES (?, ?, ?, ?)');
            const currencies = new Set([...totals.keys(), ...declared.keys()]);
            for (const c of [...currencies].sort()) t.run(id, c, totals.get(c) ?? 0n, declared.get(c) ?? null);
          } catch (e) {
            end('ROLLBACK');
            throw e;
          }
          end('COMMIT');
          return id;
        },
        rollback() {
          end('ROLLBACK');
        },
      };
    } catch (e) {
      if (open) db.exec('ROLLBACK');
      throw e;
    }
  }

  private withTotals(row: StatementRow): StoredStatement {
    const id = Number(row.id);
    const totals = (this.db.prepare('SELECT currency, total, declared FROM statement_totals WHERE statement_id = ? ORDER BY currency').safeIntegers().all(id) as { currency: string; total: bigint; declared: bigint | null }[]).map((t) => ({
      currency: t.currency,
      total: t.total,
      declared: t.declared,
    }));
    return {
      id,
      contentHash: row.content_hash,
      fromSociety: row.from_society,
      format: row.format,
      profile: row.profile,
      fileName: row.file_name,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      distributionRef: row.distribution_ref,
      currency: row.currency,
      scale: Number(row.scale),
      rate: row.rate,
      lines: Number(row.lines),
      importedAt: row.imported_at,
      totals,
    };
  }
}

function toLine(r: LineRow, file: string): StoredLine {
  return {
    id: Number(r.id),
    n: Number(r.n),
    lineRef: r.line_ref,
    societyWorkCode: r.society_work_code,
    iswc: r.iswc,
    title: r.title,
    writers: r.writers === null ? [] : r.writers.split('; '),
    ipNumber: r.ip_number,
    ipiNameNumber: r.ipi_name_number,
    partyName: r.party_name,
    role: r.role,
    right: r.right !== null && isRight(r.right) ? r.right : null,
    territory: r.territory,
    share: r.share === null ? null : Number(r.share),
    distributionCategory: r.distribution_category,
    gross: r.gross,
    net: r.amount,
    currency: r.currency,
    usagePeriod: r.usage_start === null && r.usage_end === null ? null : { start: r.usage_start, end: r.usage_end },
    adjustmentRef: r.adjustment_ref,
    source: { file, line: Number(r.source_line), column: r.source_column === null ? null : Number(r.source_column) },
  };
}
