/**
 * Conflicts found on import, and the status an ACK should carry for a work that has one:
 * CO (shares conflict) before DU (duplicate registration by another submitter).
 */
import type { Db } from '../db.js';
import { normaliseSender } from './senders.js';

export type ConflictKind = 'duplicate' | 'shares' | 'exc';

export interface ConflictRow {
  id: number;
  run_id: number;
  kind: ConflictKind;
  work_id: number;
  other_work_id: number | null;
  right: string | null;
  territory: string | null;
  total: number | null;
  details: string;
  status: 'open' | 'resolved';
  created_at: string;
  /** When a person resolved it (`cwrkit conflicts resolve`), and their note. */
  resolved_at: string | null;
  resolution: string | null;
}

export interface NewConflict {
  run_id: number;
  kind: ConflictKind;
  work_id: number;
  other_work_id: number | null;
  right: string | null;
  territory: string | null;
  total: number | null;
  details: unknown;
  created_at: string;
}

/** A conflict with the works it names, for listings. */
export interface ConflictView extends ConflictRow {
  submitter: string;
  submitter_work_number: string;
  title: string;
  other_submitter: string | null;
  other_submitter_work_number: string | null;
}

export class ConflictsRepository {
  readonly #insert;
  readonly #openPair;
  readonly #openShares;

  constructor(private readonly db: Db) {
    this.#insert = db.prepare(`INSERT INTO conflicts (run_id, kind, work_id, other_work_id, right, territory, total, details, created_at)
      VALUES (@run_id, @kind, @work_id, @other_work_id, @right, @territory, @total, @details, @created_at)`);
    this.#openPair = db
      // Open, or resolved by a person: a pair someone has decided on is not raised again.
      .prepare(`SELECT 1 FROM conflicts WHERE kind = ? AND (status = 'open' OR resolved_at IS NOT NULL)
        AND ((work_id = @a AND other_work_id = @b) OR (work_id = @b AND other_work_id = @a)) LIMIT 1`)
      .pluck();
    this.#openShares = db
      .prepare(`SELECT 1 FROM conflicts WHERE kind = 'shares' AND status = 'open' AND right = @right AND territory = @territory
        AND (work_id IN (SELECT value FROM json_each(@ids)) OR other_work_id IN (SELECT value FROM json_each(@ids))) LIMIT 1`)
      .pluck();
  }

  add(c: NewConflict): number {
    return Number(this.#insert.run({ ...c, details: JSON.stringify(c.details) }).lastInsertRowid);
  }

  hasOpenPair(kind: ConflictKind, a: number, b: number): boolean {
    return this.#openPair.get(kind, { a, b }) !== undefined;
  }

  hasOpenShares(ids: readonly number[], right: string, territory: string): boolean {
    return this.#openShares.get({ ids: JSON.stringify(ids), right, territory }) !== undefined;
  }

  /** Marks open conflicts resolved with a note; returns the ids it changed (unknown or already resolved ids are left out). */
  resolve(ids: readonly number[], note: string, at: string): number[] {
    const stmt = this.db.prepare(`UPDATE conflicts SET status = 'resolved', resolved_at = ?, resolution = ? WHERE id = ? AND status = 'open'`);
    return this.db.transaction(() => ids.filter((id) => stmt.run(at, note, id).changes > 0))();
  }

  /** Opens resolved conflicts again (the ACK answers CO/DU for them again); returns the ids it changed. */
  reopen(ids: readonly number[]): number[] {
    const stmt = this.db.prepare(`UPDATE conflicts SET status = 'open', resolved_at = NULL, resolution = NULL WHERE id = ? AND status = 'resolved'`);
    return this.db.transaction(() => ids.filter((id) => stmt.run(id).changes > 0))();
  }

  list(options: { all?: boolean } = {}): ConflictView[] {
    return this.db
      .prepare(
        `SELECT c.*, w.submitter, w.submitter_work_number, w.title,
           o.submitter AS other_submitter, o.submitter_work_number AS other_submitter_work_number
         FROM conflicts c JOIN works w ON w.id = c.work_id LEFT JOIN works o ON o.id = c.other_work_id
         ${options.all ? '' : "WHERE c.status = 'open'"} ORDER BY c.id`,
      )
      .all() as ConflictView[];
  }
}

/**
 * The ACK transaction status for a submitter's work: 'CO' when an open shares conflict involves
 * it, 'DU' when another submitter registered the same work, null otherwise. `submitter` is the
 * HDR sender code or id of the registration (zero-padded or not).
 */
export function conflictStatusFor(db: Db, submitter: string, submitterWorkNumber: string): 'CO' | 'DU' | null {
  submitter = normaliseSender(submitter);
  const rows = db
    .prepare(
      `SELECT DISTINCT c.kind FROM conflicts c JOIN works w ON w.id = c.work_id OR w.id = c.other_work_id
       WHERE c.status = 'open' AND w.submitter = ? AND w.submitter_work_number = ?`,
    )
    .pluck()
    .all(submitter, submitterWorkNumber) as string[];
  if (rows.includes('shares')) return 'CO';
  if (rows.includes('duplicate')) return 'DU';
  return null;
}
