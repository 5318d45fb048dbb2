/**
 * Use-case: list import runs and undo one. Undo puts the catalogue back as it was before the
 * run: works it inserted are deleted, works it changed are rewritten from the snapshot they had
 * before it, and every row the run added (parties, affiliations, agreements, conflicts, ACKs,
 * history, files) is removed; registrations are restored. A later run touching the same works
 * makes undo refuse unless forced.
 */
import type { Db } from '../catalogue/db.js';
import { PartiesRepository } from '../catalogue/repositories/parties.js';
import { RegistrationsRepository } from '../catalogue/repositories/registrations.js';
import { RunsRepository } from '../catalogue/repositories/runs.js';
import { snapshotOf, WorksRepository } from '../catalogue/repositories/works.js';
import { parseSnapshot } from '../catalogue/snapshot.js';

export interface RunInfo {
  readonly id: number;
  readonly command: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: 'done' | 'undone';
  readonly undoneAt: string | null;
  readonly files: ReadonlyArray<{ readonly name: string; readonly sha256: string; readonly transactions: number; readonly accepted: number; readonly rejected: number }>;
  readonly works: { inserted: number; updated: number; unchanged: number } | null;
  readonly conflicts: number | null;
}

export function listRuns(db: Db): RunInfo[] {
  const runs = new RunsRepository(db);
  return runs.list().map((r) => {
    let summary: { works?: RunInfo['works']; conflicts?: number } = {};
    try {
      summary = r.summary ? (JSON.parse(r.summary) as typeof summary) : {};
    } catch {
      summary = {};
    }
    return {
      id: r.id,
      command: r.command,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      status: r.status,
      undoneAt: r.undone_at,
      files: runs.filesOf(r.id).map((f) => ({ name: f.name, sha256: f.sha256, transactions: f.transactions, accepted: f.accepted, rejected: f.rejected })),
      works: summary.works ?? null,
      conflicts: summary.conflicts ?? null,
    };
  });
}

export class UndoError extends Error {
  override readonly name = 'UndoError';
  constructor(
    message: string,
    readonly code: 'CWRKIT_NO_RUN' | 'CWRKIT_RUN_UNDONE' | 'CWRKIT_RUN_LATER',
    readonly laterRuns: readonly number[] = [],
  ) {
    super(message);
  }
}

export interface UndoResult {
  readonly run: number;
  /** Works the run had inserted, now deleted. */
  readonly deleted: number;
  /** Works the run had changed, now back to their previous state. */
  readonly restored: number;
  /** Later runs that touched the same works (only with force). */
  readonly laterRuns: readonly number[];
}

export function undoRun(db: Db, runId: number, options: { force?: boolean; now?: () => string } = {}): UndoResult {
  const now = options.now ?? (() => new Date().toISOString());
  return db.transaction((): UndoResult => {
    const runs = new RunsRepository(db);
    const run = runs.get(runId);
    if (!run) throw new UndoError(`there is no run ${runId} (see cwrkit runs list)`, 'CWRKIT_NO_RUN');
    if (run.status === 'undone') throw new UndoError(`run ${runId} was already undone on ${run.undone_at ?? '?'}`, 'CWRKIT_RUN_UNDONE');
    const later = db
      .prepare(
        `SELECT DISTINCT h.run_id FROM work_history h JOIN runs r ON r.id = h.run_id
         WHERE h.run_id > ? AND r.status = 'done' AND h.work_id IN (SELECT work_id FROM work_history WHERE run_id = ?) ORDER BY h.run_id`,
      )
      .pluck()
      .all(runId, runId) as number[];
    if (later.length > 0 && options.force !== true) {
      throw new UndoError(`later runs (${later.join(', ')}) changed works of run ${runId}: undo them first, or pass --force`, 'CWRKIT_RUN_LATER', later);
    }
    const parties = new PartiesRepository(db);
    const works = new WorksRepository(db, parties);
    const touched = db
      .prepare('SELECT work_id, MIN(id) AS first FROM work_history WHERE run_id = ? GROUP BY work_id ORDER BY work_id')
      .all(runId) as Array<{ work_id: number; first: number }>;
    const firstAction = db.prepare('SELECT action FROM work_history WHERE id = ?').pluck();
    const before = db.prepare('SELECT run_id, version, snapshot FROM work_history WHERE work_id = ? AND id < ? AND snapshot IS NOT NULL ORDER BY id DESC LIMIT 1');
    let deleted = 0;
    let restored = 0;
    new RegistrationsRepository(db).restore(runId);
    for (const t of touched) {
      if (firstAction.get(t.first) === 'insert') {
        works.delete(t.work_id);
        deleted++;
        continue;
      }
      const prev = before.get(t.work_id, t.first) as { run_id: number; version: number; snapshot: string } | undefined;
      if (!prev) continue;
      const work = parseSnapshot(prev.snapshot);
      works.replace(t.work_id, work, snapshotOf(work).hash, prev.version, prev.run_id, prev.run_id);
      restored++;
    }
    for (const sql of [
      'UPDATE parties SET original_name = NULL, original_first_name = NULL, original_language = NULL, original_filled_run = NULL WHERE original_filled_run = ?',
      'DELETE FROM work_history WHERE run_id = ?',
      'DELETE FROM conflicts WHERE run_id = ?',
      'DELETE FROM acknowledgements WHERE run_id = ?',
      'DELETE FROM agreements WHERE created_run = ?',
      'DELETE FROM party_affiliations WHERE created_run = ?',
      'DELETE FROM parties WHERE created_run = ? AND id NOT IN (SELECT party_id FROM work_parties)',
      'DELETE FROM files WHERE run_id = ?',
    ]) {
      db.prepare(sql).run(runId);
    }
    runs.markUndone(runId, now());
    return { run: runId, deleted, restored, laterRuns: later };
  }).immediate();
}
