/**
 * Registrations of works with societies (sent / acknowledged) and the ACKs received. Every
 * change a run makes to a registration keeps the row as it was, so the run can be undone.
 */
import type { Db } from '../db.js';

export interface RegistrationRow {
  work_id: number;
  society: string;
  status: string;
  sent_at: string | null;
  sent_file: string | null;
  /** NWR, REV or WRK: how the work was last sent to the society (null before migration 0007). */
  sent_type: string | null;
  sent_group: number | null;
  sent_transaction: number | null;
  acked_at: string | null;
  ack_file_id: number | null;
  society_work_number: string | null;
  iswc: string | null;
  updated_run: number | null;
}

export interface NewAcknowledgement {
  run_id: number;
  file_id: number;
  line: number;
  society: string;
  work_id: number | null;
  original_group: number | null;
  original_transaction: number | null;
  original_type: string | null;
  title: string | null;
  submitter_work_number: string | null;
  society_work_number: string | null;
  iswc: string | null;
  status: string;
  processing_date: string | null;
}

const COLUMNS = 'work_id, society, status, sent_at, sent_file, sent_type, sent_group, sent_transaction, acked_at, ack_file_id, society_work_number, iswc, updated_run';
const VALUES = '@work_id, @society, @status, @sent_at, @sent_file, @sent_type, @sent_group, @sent_transaction, @acked_at, @ack_file_id, @society_work_number, @iswc, @updated_run';

export class RegistrationsRepository {
  readonly #get;
  readonly #put;
  readonly #change;
  readonly #ack;
  #n = 0;

  constructor(private readonly db: Db) {
    this.#get = db.prepare('SELECT * FROM registrations WHERE work_id = ? AND society = ?');
    this.#put = db.prepare(`INSERT OR REPLACE INTO registrations (${COLUMNS}) VALUES (${VALUES})`);
    this.#change = db.prepare('INSERT INTO registration_changes (run_id, n, work_id, society, previous) VALUES (?, ?, ?, ?, ?)');
    this.#ack = db.prepare(`INSERT INTO acknowledgements (run_id, file_id, line, society, work_id, original_group, original_transaction, original_type,
        title, submitter_work_number, society_work_number, iswc, status, processing_date)
      VALUES (@run_id, @file_id, @line, @society, @work_id, @original_group, @original_transaction, @original_type,
        @title, @submitter_work_number, @society_work_number, @iswc, @status, @processing_date)`);
  }

  get(workId: number, society: string): RegistrationRow | undefined {
    return this.#get.get(workId, society) as RegistrationRow | undefined;
  }

  /** Writes a registration row, remembering the previous one for undo. */
  put(row: RegistrationRow, runId: number): void {
    const previous = this.get(row.work_id, row.society);
    if (this.#n === 0) this.#n = (this.db.prepare('SELECT COALESCE(MAX(n), 0) FROM registration_changes WHERE run_id = ?').pluck().get(runId) as number);
    this.#change.run(runId, ++this.#n, row.work_id, row.society, previous ? JSON.stringify(previous) : null);
    this.#put.run(row);
  }

  /** Puts back the registrations a run changed, newest change first. */
  restore(runId: number): void {
    const changes = this.db.prepare('SELECT * FROM registration_changes WHERE run_id = ? ORDER BY n DESC').all(runId) as Array<{ work_id: number; society: string; previous: string | null }>;
    const del = this.db.prepare('DELETE FROM registrations WHERE work_id = ? AND society = ?');
    for (const c of changes) {
      if (c.previous === null) del.run(c.work_id, c.society);
      // Rows kept before migration 0007 have no sent_type.
      else this.#put.run({ sent_type: null, ...(JSON.parse(c.previous) as Partial<RegistrationRow>) });
    }
    this.db.prepare('DELETE FROM registration_changes WHERE run_id = ?').run(runId);
  }

  addAcknowledgement(a: NewAcknowledgement): void {
    this.#ack.run(a);
  }

  /** Start numbering changes afresh (after a rollback). */
  forget(): void {
    this.#n = 0;
  }
}
