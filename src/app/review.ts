/**
 * Use-case: the review list (lines that need a person: review candidates and unmatched lines) and
 * review decisions, remembered per remitting society and its work code for the next reconciliation.
 */
import type { Db } from '../catalogue/db.js';
import { ReconciliationRepository } from '../catalogue/repositories/reconciliation.js';
import { normaliseIswc } from '../domain/identifiers.js';
import { ReportReader, type ReportLine } from '../reconcile/report.js';

export interface ReviewItem extends ReportLine {
  readonly statement: number;
  readonly fromSociety: string;
  readonly decisionKey: string | null;
}

export class ReviewError extends Error {
  override readonly name = 'ReviewError';
}

/** Lines to review (status review first, then unmatched), for one statement or every statement. */
export function reviewList(db: Db, statementId: number | null, limit = 1000): ReviewItem[] {
  const repo = new ReconciliationRepository(db);
  const reader = new ReportReader(db);
  const recs = statementId === null ? repo.all() : repo.ofStatement(statementId);
  const items: ReviewItem[] = [];
  for (const rec of recs) {
    for (const status of ['review', 'unmatched'] as const) {
      for (const row of repo.lines(Number(rec.id), status)) {
        if (items.length >= limit) return items;
        items.push({ ...reader.reportLine(row, rec), statement: Number(rec.statement_id), fromSociety: rec.from_society, decisionKey: row.decision_key });
      }
    }
  }
  return items;
}

/** A work reference: catalogue id, ISWC, or submitter work number. */
export function resolveWork(db: Db, ref: string): number | null {
  const t = ref.trim();
  const iswc = normaliseIswc(t);
  if (iswc !== null) return (db.prepare('SELECT id FROM works WHERE iswc = ? ORDER BY id LIMIT 1').get(iswc) as { id: number } | undefined)?.id ?? null;
  if (/^[0-9]+$/.test(t)) {
    const byId = db.prepare('SELECT id FROM works WHERE id = ?').get(Number(t)) as { id: number } | undefined;
    if (byId) return byId.id;
  }
  return (db.prepare('SELECT id FROM works WHERE submitter_work_number = ? ORDER BY id LIMIT 1').get(t) as { id: number } | undefined)?.id ?? null;
}

export interface DecisionResult {
  readonly line: number;
  readonly statement: number;
  readonly fromSociety: string;
  readonly workCode: string;
  readonly work: number;
  readonly title: string | null;
  readonly decision: 'accept' | 'reject';
}

/** Accepts or rejects a work for a reviewed line (default: its best candidate). */
export function decide(db: Db, lineId: number, decision: 'accept' | 'reject', workRef: string | null): DecisionResult {
  const repo = new ReconciliationRepository(db);
  const row = repo.line(lineId);
  if (!row) throw new ReviewError(`no reconciled line ${lineId} (see cwrkit review)`);
  const rec = repo.reconciliation(Number(row.reconciliation_id));
  if (!rec) throw new ReviewError(`no reconciled line ${lineId}`);
  if (row.decision_key === null) throw new ReviewError(`line ${lineId} has neither a work code nor a title to remember a decision by`);
  let work: number | null;
  if (workRef !== null) {
    work = resolveWork(db, workRef);
    if (work === null) throw new ReviewError(`no work "${workRef}" in the catalogue (give a work id, an ISWC or a submitter work number)`);
  } else {
    const candidates = row.candidates ? (JSON.parse(row.candidates) as { workId: number }[]) : [];
    work = candidates[0]?.workId ?? (row.work_id === null ? null : Number(row.work_id));
    if (work === null) throw new ReviewError(`line ${lineId} has no candidate: name the work with --work`);
  }
  db.transaction(() => repo.decide(rec.from_society, row.decision_key ?? '', work, decision)).immediate();
  const title = new ReportReader(db).title(work);
  return { line: lineId, statement: Number(rec.statement_id), fromSociety: rec.from_society, workCode: row.decision_key, work, title, decision };
}
