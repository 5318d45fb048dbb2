/**
 * The statements of one SQL-path run with their named parameters, timed on stderr when
 * CWRKIT_BULK_TRACE=1 (the statement's first words, its row count and milliseconds: no data).
 */
import type { Db } from '../../catalogue/db.js';

export interface Params {
  /** First and last statement line id. */
  readonly lo: number;
  readonly hi: number;
  readonly stmt: number;
  /** Currency reconciled. */
  readonly cur: string;
  /** Remitting society, 3 digits and without leading zeros. */
  readonly soc3: string;
  readonly socShort: string;
  /** Receiving society, 3 digits. */
  readonly r3: string;
  /** Row id of a line's result = base + statement line id. */
  readonly base: number;
  readonly rec: number;
  /** Share tolerance, hundredths of a percent. */
  readonly tol: number;
}

export class Steps {
  private readonly trace = process.env['CWRKIT_BULK_TRACE'] === '1';
  constructor(
    readonly db: Db,
    readonly p: Params,
  ) {}

  /** Runs a statement with the parameters named; returns the rows changed. */
  run(sql: string, ...names: (keyof Params)[]): number {
    const args = Object.fromEntries(names.map((n) => [n, this.p[n]]));
    return this.timed(sql, () => this.db.prepare(sql).run(args).changes);
  }

  /** The first row of a query with the parameters named, as an array (undefined when none). */
  row(sql: string, ...names: (keyof Params)[]): unknown[] | undefined {
    const args = Object.fromEntries(names.map((n) => [n, this.p[n]]));
    return this.timed(sql, () => this.db.prepare(sql).raw(true).get(args) as unknown[] | undefined);
  }

  /** Runs statements without parameters. */
  exec(sql: string): void {
    this.timed(sql, () => this.db.exec(sql));
  }

  /** True when the query returns a row. */
  any(sql: string): boolean {
    return this.db.prepare(sql).get() !== undefined;
  }

  timed<T>(what: string, fn: () => T): T {
    if (!this.trace) return fn();
    const t = performance.now();
    const out = fn();
    const n = typeof out === 'number' ? ` ${out}` : '';
    process.stderr.write(`${(performance.now() - t).toFixed(0).padStart(6)} ms${n} ${what.trim().slice(0, 70).replace(/\s+/g, ' ')}\n`);
    return out;
  }
}
