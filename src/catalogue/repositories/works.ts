/**
 * Works: the works row, its owned rows (titles, identifiers, parties, shares, links, recordings,
 * performers, origin, cross references, related works) and its history. Every statement is
 * prepared once; a work is written as a batch of inserts keyed by (work_id, position).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db.js';
import { titleKey } from '../../domain/text-keys.js';
import { writerKey, type Work } from '../../domain/work.js';
import { parseSnapshot } from '../snapshot.js';
import { WORK_COLUMNS, workRows, type WorkRows } from '../work-rows.js';
import type { PartiesRepository } from './parties.js';

export interface WorkRef {
  id: number;
  submitter: string;
  submitter_work_number: string;
  version: number;
  snapshot_hash: string;
  iswc: string | null;
}

/** One territory line of a controlled party's collection shares. */
export interface ClaimLine {
  work: number;
  position: number;
  territory: string;
  include: number;
  pr: number | null;
  mr: number | null;
  sr: number | null;
}

export type HistoryAction = 'insert' | 'replace' | 'unchanged' | 'iswc' | 'ack' | 'exc';

export interface HistoryEntry {
  workId: number;
  runId: number;
  fileId: number;
  group: number | null;
  transaction: number | null;
  type: string;
  line: number;
  action: HistoryAction;
  version: number;
  snapshot: string | null;
}

export { snapshotOf } from '../snapshot.js';

const OWNED = ['titles', 'work_identifiers', 'work_parties', 'collection_shares', 'pwr_links', 'recordings', 'performers', 'work_origins', 'cross_references', 'related_works'];

/** Title and writer keys of a work, computed once per work object (they are needed three times). */
const keyCache = new WeakMap<Work, { title: string; writers: string }>();
export function workKeys(work: Work): { title: string; writers: string } {
  let k = keyCache.get(work);
  if (k === undefined) keyCache.set(work, (k = { title: titleKey(work.title), writers: writerKey(work) }));
  return k;
}

export class WorksRepository {
  readonly #find: Statement;
  readonly #insert: Statement;
  readonly #update: Statement;
  readonly #deletes: Statement[];
  readonly #title: Statement;
  readonly #identifier: Statement;
  readonly #party: Statement;
  readonly #collection: Statement;
  readonly #pwr: Statement;
  readonly #recording: Statement;
  readonly #performer: Statement;
  readonly #origin: Statement;
  readonly #xref: Statement;
  readonly #related: Statement;
  readonly #history: Statement;
  readonly #byIswc: Statement;
  readonly #byTitleWriters: Statement;
  readonly #byNumber: Statement;

  constructor(
    private readonly db: Db,
    private readonly parties: PartiesRepository,
  ) {
    const cols = WORK_COLUMNS.join(', ');
    const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
    this.#find = db.prepare('SELECT id, submitter, submitter_work_number, version, snapshot_hash, iswc FROM works WHERE submitter = ? AND submitter_work_number = ?');
    this.#insert = db.prepare(`INSERT INTO works (${cols}, version, snapshot_hash, created_run, updated_run) VALUES (${marks(WORK_COLUMNS.length + 4)})`);
    this.#update = db.prepare(`UPDATE works SET (${cols}, version, snapshot_hash, updated_run) = (${marks(WORK_COLUMNS.length + 3)}) WHERE id = ?`);
    this.#deletes = OWNED.map((t) => db.prepare(`DELETE FROM ${t} WHERE work_id = ?`));
    this.#title = db.prepare('INSERT INTO titles (work_id, position, title, title_key, type, language, non_roman) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.#identifier = db.prepare('INSERT OR IGNORE INTO work_identifiers (work_id, kind, issuer, value) VALUES (?, ?, ?, ?)');
    this.#party = db.prepare(`INSERT INTO work_parties (work_id, position, party_id, kind, ip_number, role, controlled, chain, unknown,
        pr_society, mr_society, sr_society, pr_share, mr_share, sr_share, agreement_submitter, agreement_society, agreement_type)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#collection = db.prepare(`INSERT INTO collection_shares (work_id, position, n, sequence, territory, include, pr_share, mr_share, sr_share)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#pwr = db.prepare(`INSERT INTO pwr_links (work_id, n, writer_ip_number, publisher_ip_number, chain, submitter_agreement_number, society_agreement_number)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.#recording = db.prepare(`INSERT INTO recordings (work_id, n, isrc, release_date, duration, album_title, album_label, catalogue_number, ean,
        recording_title, version_title, display_artist, record_label, format, technique, media_type, submitter_recording_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#performer = db.prepare(`INSERT INTO performers (work_id, n, name, first_name, ipi_name_number, ipi_base_number, original_name, language)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#origin = db.prepare(`INSERT INTO work_origins (work_id, intended_purpose, production_title, cd_identifier, cut_number, library,
        production_number, episode_title, episode_number, year_of_production, isan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#xref = db.prepare('INSERT INTO cross_references (work_id, n, organisation, identifier, type, valid) VALUES (?, ?, ?, ?, ?, ?)');
    this.#related = db.prepare(`INSERT INTO related_works (work_id, n, relation, title, iswc, submitter_work_number, writers)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.#history = db.prepare(`INSERT INTO work_history (work_id, run_id, file_id, group_id, transaction_seq, transaction_type, line, action, version, snapshot)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#byIswc = db.prepare('SELECT id, submitter FROM works WHERE iswc = ? AND submitter <> ?');
    this.#byTitleWriters = db.prepare('SELECT id, submitter FROM works WHERE title_key = ? AND writer_key = ? AND submitter <> ?');
    this.#byNumber = db.prepare('SELECT id, submitter, submitter_work_number, version, snapshot_hash, iswc FROM works WHERE submitter_work_number = ? ORDER BY id');
  }

  find(submitter: string, submitterWorkNumber: string): WorkRef | undefined {
    return this.#find.get(submitter, submitterWorkNumber) as WorkRef | undefined;
  }

  /** Every work registered under this submitter work number (any submitter). */
  byNumber(submitterWorkNumber: string): WorkRef[] {
    return this.#byNumber.all(submitterWorkNumber) as WorkRef[];
  }

  /** Works of other submitters that are the same work: same ISWC, or same title key and writers. */
  sameWork(work: Work): number[] {
    const keys = workKeys(work);
    return this.sameWorkAs({ submitter: work.submitter, iswc: work.iswc, titleKey: keys.title, writerKey: keys.writers });
  }

  /** sameWork from a work's identity and keys. */
  sameWorkAs(w: Pick<WorkRows, 'submitter' | 'iswc' | 'titleKey' | 'writerKey'>): number[] {
    const ids = new Set<number>();
    if (w.iswc !== null) for (const r of this.#byIswc.all(w.iswc, w.submitter) as Array<{ id: number }>) ids.add(r.id);
    if (w.writerKey !== '') for (const r of this.#byTitleWriters.all(w.titleKey, w.writerKey, w.submitter) as Array<{ id: number }>) ids.add(r.id);
    return [...ids];
  }

  insert(work: Work, hash: string, runId: number, partyRun: number = runId): number {
    return this.insertRows(workRows(work, workKeys(work)), hash, runId, partyRun);
  }

  /** Inserts a work from its rows; returns its id. */
  insertRows(rows: WorkRows, hash: string, runId: number, partyRun: number = runId): number {
    const id = Number(this.#insert.run(...rows.columns, 1, hash, runId, runId).lastInsertRowid);
    this.#children(id, rows, partyRun);
    return id;
  }

  /** Rewrites a work from `work` (its row and every owned row). */
  replace(id: number, work: Work, hash: string, version: number, runId: number, partyRun: number = runId): void {
    this.replaceRows(id, workRows(work, workKeys(work)), hash, version, runId, partyRun);
  }

  replaceRows(id: number, rows: WorkRows, hash: string, version: number, runId: number, partyRun: number = runId): void {
    for (const d of this.#deletes) d.run(id);
    this.#update.run(...rows.columns, version, hash, runId, id);
    this.#children(id, rows, partyRun);
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM works WHERE id = ?').run(id);
  }

  #children(id: number, w: WorkRows, runId: number): void {
    for (const t of w.titles) this.#title.run(id, ...t);
    for (const x of w.identifiers) this.#identifier.run(id, ...x);
    for (const p of w.parties) {
      const partyId = this.parties.ensureRows(p, runId);
      this.#party.run(id, p.position, partyId, ...p.values);
      for (const c of p.collection) this.#collection.run(id, p.position, ...c);
    }
    for (const l of w.links) this.#pwr.run(id, ...l);
    for (const r of w.recordings) this.#recording.run(id, ...r);
    for (const p of w.performers) this.#performer.run(id, ...p);
    if (w.origin) this.#origin.run(id, ...w.origin);
    for (const x of w.crossReferences) this.#xref.run(id, ...x);
    for (const r of w.related) this.#related.run(id, ...r);
  }

  history(e: HistoryEntry): void {
    this.#history.run(e.workId, e.runId, e.fileId, e.group, e.transaction, e.type, e.line, e.action, e.version, e.snapshot);
  }

  /** The latest stored snapshot of a work (its current state). */
  snapshot(workId: number): Work | undefined {
    const json = this.db.prepare('SELECT snapshot FROM work_history WHERE work_id = ? AND snapshot IS NOT NULL ORDER BY id DESC LIMIT 1').pluck().get(workId) as string | undefined;
    return json === undefined ? undefined : parseSnapshot(json);
  }

  /** The collection share lines of the controlled parties of works, party by party in file order. */
  claimLines(workIds: readonly number[]): ClaimLine[] {
    return this.db
      .prepare(
        `SELECT cs.work_id AS work, cs.position, cs.territory, cs.include, cs.pr_share AS pr, cs.mr_share AS mr, cs.sr_share AS sr
         FROM collection_shares cs JOIN work_parties wp ON wp.work_id = cs.work_id AND wp.position = cs.position
         WHERE cs.work_id IN (SELECT value FROM json_each(?)) AND wp.controlled = 1
         ORDER BY cs.work_id, cs.position, cs.n`,
      )
      .all(JSON.stringify(workIds)) as ClaimLine[];
  }
}
