/**
 * `registrations`: what was sent to which society and when, and what each acknowledgement said
 * (first and later ACKs: status, society work number, ISWC). Also the bookkeeping `export cwr`
 * needs: which works a society already has, and the file names already used.
 */
import type { Db } from '../db.js';
import { stmt } from './statements.js';

export type RegistrationState = 'accepted' | 'rejected' | 'pending';

/** CISAC transaction statuses (ACK-4) grouped the way a registrations officer reads them. */
const ACCEPTED = new Set(['AS', 'AC', 'SR', 'CR', 'RA']);
const REJECTED = new Set(['RJ', 'RC', 'NP', 'NA', 'WA', 'CO', 'DU']);

export function registrationState(status: string): RegistrationState {
  if (ACCEPTED.has(status)) return 'accepted';
  if (REJECTED.has(status)) return 'rejected';
  return 'pending';
}

export interface AckInfo {
  readonly status: string;
  readonly processingDate: string | null;
  readonly societyWorkNumber: string | null;
  readonly iswc: string | null;
}

export interface RegistrationRow {
  readonly workId: number;
  readonly title: string;
  readonly submitter: string;
  readonly submitterWorkNumber: string;
  readonly society: string;
  readonly status: string;
  readonly state: RegistrationState;
  readonly sentAt: string | null;
  readonly sentFile: string | null;
  /** NWR, REV or WRK: how it was last sent (null when sent before cwrkit recorded it). */
  readonly sentType: string | null;
  readonly ackedAt: string | null;
  readonly societyWorkNumber: string | null;
  readonly iswc: string | null;
  /** Days since it was sent, for pending registrations with a send date. */
  readonly daysWaiting: number | null;
  readonly acks: readonly AckInfo[];
}

export interface RegistrationFilter {
  readonly workId?: number;
  readonly society?: string;
  readonly state?: RegistrationState;
  /** Pending and sent more than this many days before `today`. */
  readonly staleDays?: number;
  readonly today: string;
  readonly limit: number;
}

function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000);
}

export function listRegistrations(db: Db, f: RegistrationFilter): RegistrationRow[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.workId !== undefined) {
    where.push('r.work_id = ?');
    args.push(f.workId);
  }
  if (f.society !== undefined) {
    where.push('r.society = ?');
    args.push(f.society);
  }
  if (f.state !== undefined) {
    const codes = f.state === 'accepted' ? [...ACCEPTED] : f.state === 'rejected' ? [...REJECTED] : null;
    if (codes) {
      where.push(`r.status IN (${codes.map(() => '?').join(',')})`);
      args.push(...codes);
    } else {
      where.push(`r.status NOT IN (${[...ACCEPTED, ...REJECTED].map(() => '?').join(',')})`);
      args.push(...ACCEPTED, ...REJECTED);
    }
  }
  if (f.staleDays !== undefined) {
    const cutoff = new Date(Date.parse(f.today) - f.staleDays * 86_400_000).toISOString().slice(0, 10);
    where.push('r.sent_at IS NOT NULL AND substr(r.sent_at, 1, 10) < ?');
    args.push(cutoff);
    where.push(`r.status NOT IN (${[...ACCEPTED, ...REJECTED].map(() => '?').join(',')})`);
    args.push(...ACCEPTED, ...REJECTED);
  }
  const rows = stmt(db,
      `SELECT r.*, w.title, w.submitter, w.submitter_work_number FROM registrations r JOIN works w ON w.id = r.work_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.society, r.sent_at, r.work_id LIMIT ?`,
    )
    .all(...args, f.limit) as Record<string, unknown>[];
  const acks = stmt(db, 'SELECT status, processing_date, society_work_number, iswc FROM acknowledgements WHERE work_id = ? AND society = ? ORDER BY id');
  return rows.map((r) => {
    const status = String(r['status']);
    const state = registrationState(status);
    const sentAt = typeof r['sent_at'] === 'string' ? r['sent_at'] : null;
    return {
      workId: Number(r['work_id']),
      title: String(r['title']),
      submitter: String(r['submitter']),
      submitterWorkNumber: String(r['submitter_work_number']),
      society: String(r['society']),
      status,
      state,
      sentAt,
      sentFile: typeof r['sent_file'] === 'string' ? r['sent_file'] : null,
      sentType: typeof r['sent_type'] === 'string' ? r['sent_type'] : null,
      ackedAt: typeof r['acked_at'] === 'string' ? r['acked_at'] : null,
      societyWorkNumber: typeof r['society_work_number'] === 'string' ? r['society_work_number'] : null,
      iswc: typeof r['iswc'] === 'string' ? r['iswc'] : null,
      daysWaiting: state === 'pending' && sentAt !== null ? daysBetween(sentAt, f.today) : null,
      acks: (acks.all(Number(r['work_id']), String(r['society'])) as Record<string, unknown>[]).map((a) => ({
        status: String(a['status']),
        processingDate: typeof a['processing_date'] === 'string' ? a['processing_date'] : null,
        societyWorkNumber: typeof a['society_work_number'] === 'string' ? a['society_work_number'] : null,
        iswc: typeof a['iswc'] === 'string' ? a['iswc'] : null,
      })),
    };
  });
}

export function listRegistrationsOfWork(db: Db, workId: number, today: string): RegistrationRow[] {
  return listRegistrations(db, { workId, today, limit: 1000 });
}

/** The registration status of a work with a society, or null when never sent nor acknowledged. */
export function registrationStatus(db: Db, workId: number, society: string): string | null {
  const r = stmt(db, 'SELECT status FROM registrations WHERE work_id = ? AND society = ?').get(workId, society) as { status: string } | undefined;
  return r ? r.status : null;
}

/** Every CWR file name recorded as sent. */
export function sentFileNames(db: Db): string[] {
  return (stmt(db, 'SELECT DISTINCT sent_file FROM registrations WHERE sent_file IS NOT NULL').all() as { sent_file: string }[]).map((r) => r.sent_file);
}

export interface SentRegistration {
  readonly workId: number;
  readonly society: string;
  readonly type: string;
  readonly sentAt: string;
  readonly file: string;
  readonly group: number;
  readonly transaction: number;
}

/** Records an export: one 'export' run, the registration rows (status 'sent'), and each row's
 * previous state in registration_changes (so `runs undo` can put them back). Returns the run id. */
export function recordSent(db: Db, sent: readonly SentRegistration[], summary: unknown, startedAt: string): number {
  const run = stmt(db, "INSERT INTO runs (command, started_at, finished_at, status, summary) VALUES ('export', ?, ?, 'done', ?)")
    .run(startedAt, new Date().toISOString(), JSON.stringify(summary));
  const runId = Number(run.lastInsertRowid);
  const prev = stmt(db, 'SELECT * FROM registrations WHERE work_id = ? AND society = ?');
  const change = stmt(db, 'INSERT INTO registration_changes (run_id, n, work_id, society, previous) VALUES (?, ?, ?, ?, ?)');
  const upsert = stmt(db,
    `INSERT INTO registrations (work_id, society, status, sent_at, sent_file, sent_type, sent_group, sent_transaction, updated_run)
     VALUES (?, ?, 'sent', ?, ?, ?, ?, ?, ?)
     ON CONFLICT (work_id, society) DO UPDATE SET status = 'sent', sent_at = excluded.sent_at, sent_file = excluded.sent_file, sent_type = excluded.sent_type,
       sent_group = excluded.sent_group, sent_transaction = excluded.sent_transaction, updated_run = excluded.updated_run`,
  );
  let n = 0;
  for (const s of sent) {
    const before = prev.get(s.workId, s.society);
    change.run(runId, ++n, s.workId, s.society, before === undefined ? null : JSON.stringify(before));
    upsert.run(s.workId, s.society, s.sentAt, s.file, s.type, s.group, s.transaction, runId);
  }
  return runId;
}
