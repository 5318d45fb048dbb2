/**
 * A multi-row INSERT: rows of one table written with one statement execution instead of one per
 * row. One prepared statement per row count (up to MAX_ROWS, larger batches are chunked), so a
 * work's two titles or three parties cost one call into SQLite.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db.js';

const MAX_ROWS = 32;

export class BatchInsert {
  readonly #statements = new Map<number, Statement>();
  readonly #head: string;
  readonly #row: string;

  /** `verb` is e.g. 'INSERT' or 'INSERT OR IGNORE'. */
  constructor(
    private readonly db: Db,
    verb: string,
    table: string,
    columns: readonly string[],
  ) {
    this.#head = `${verb} INTO ${table} (${columns.join(', ')}) VALUES `;
    this.#row = `(${columns.map(() => '?').join(', ')})`;
  }

  #statement(rows: number): Statement {
    let s = this.#statements.get(rows);
    if (s === undefined) {
      s = this.db.prepare(this.#head + Array.from({ length: rows }, () => this.#row).join(', '));
      this.#statements.set(rows, s);
    }
    return s;
  }

  /** Inserts the rows (each a flat list of values in column order). */
  run(rows: readonly (readonly unknown[])[]): void {
    for (let i = 0; i < rows.length; i += MAX_ROWS) {
      const chunk = rows.length <= MAX_ROWS ? rows : rows.slice(i, i + MAX_ROWS);
      this.#statement(chunk.length).run(chunk.flat());
    }
  }
}
