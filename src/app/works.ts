/**
 * Use-cases over the catalogue for people at the registrations desk: search works, show one work
 * with everything known about it, trace its history, show a party with its works.
 */
import type { Db } from '../catalogue/db.js';
import { workHistory, type HistoryEntry } from '../catalogue/queries/history.js';
import { loadWork, workRow } from '../catalogue/queries/load-work.js';
import { findParties, type PartyDetails } from '../catalogue/queries/parties.js';
import { listRegistrationsOfWork, type RegistrationRow } from '../catalogue/queries/registrations.js';
import { resolveWorkRef, type MatchedBy } from '../catalogue/queries/resolve.js';
import { searchWorks, type SearchHit } from '../catalogue/queries/search.js';
import type { Work } from '../domain/work.js';

export interface ShownWork {
  readonly id: number;
  readonly matchedBy: MatchedBy;
  readonly version: number;
  readonly work: Work;
  readonly registrations: readonly RegistrationRow[];
  /** The transactions that touched it (without the field changes: see `history`). */
  readonly history: ReadonlyArray<Omit<HistoryEntry, 'changes'>>;
}

export function search(db: Db, text: string, options: { limit: number; contains?: boolean }): SearchHit[] {
  return searchWorks(db, text, options);
}

export function showWorks(db: Db, ref: string, today: string): ShownWork[] {
  const out: ShownWork[] = [];
  for (const m of resolveWorkRef(db, ref)) {
    const work = loadWork(db, m.id);
    const row = workRow(db, m.id);
    if (!work || !row) continue;
    out.push({
      id: m.id,
      matchedBy: m.by,
      version: row.version,
      work,
      registrations: listRegistrationsOfWork(db, m.id, today),
      history: historySummary(db, m.id),
    });
  }
  return out;
}

function historySummary(db: Db, id: number): Array<Omit<HistoryEntry, 'changes'>> {
  return workHistory(db, id).map(({ changes: _changes, ...rest }) => rest);
}

export interface WorkHistory {
  readonly id: number;
  readonly title: string;
  readonly submitter: string;
  readonly submitterWorkNumber: string;
  readonly entries: readonly HistoryEntry[];
}

export function histories(db: Db, ref: string): WorkHistory[] {
  return resolveWorkRef(db, ref).flatMap((m) => {
    const row = workRow(db, m.id);
    if (!row) return [];
    return [{ id: m.id, title: row.title, submitter: row.submitter, submitterWorkNumber: row.submitterWorkNumber, entries: workHistory(db, m.id) }];
  });
}

export function showParties(db: Db, ipi: string, limit: number): PartyDetails[] {
  return findParties(db, ipi, limit);
}
