/** Import runs and the files they imported (identified by SHA-256). */
import type { Db } from '../db.js';

export interface RunRow {
  id: number;
  command: string;
  started_at: string;
  finished_at: string | null;
  status: 'done' | 'undone';
  undone_at: string | null;
  summary: string | null;
}

export interface FileRow {
  id: number;
  run_id: number;
  sha256: string;
  name: string;
  size: number;
  cwr_version: string;
  encoding: string;
  sender_type: string | null;
  sender: string | null;
  sender_name: string | null;
  created_on: string | null;
  transactions: number;
  accepted: number;
  rejected: number;
  imported_at: string;
}

export type NewFile = Omit<FileRow, 'id' | 'transactions' | 'accepted' | 'rejected'>;

export class RunsRepository {
  constructor(private readonly db: Db) {}

  create(command: string, startedAt: string): number {
    return Number(this.db.prepare('INSERT INTO runs (command, started_at) VALUES (?, ?)').run(command, startedAt).lastInsertRowid);
  }

  finish(id: number, finishedAt: string, summary: unknown): void {
    this.db.prepare('UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?').run(finishedAt, JSON.stringify(summary), id);
  }

  get(id: number): RunRow | undefined {
    return this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
  }

  list(): RunRow[] {
    return this.db.prepare('SELECT * FROM runs ORDER BY id').all() as RunRow[];
  }

  markUndone(id: number, at: string): void {
    this.db.prepare("UPDATE runs SET status = 'undone', undone_at = ? WHERE id = ?").run(at, id);
  }

  fileByHash(sha256: string): FileRow | undefined {
    return this.db.prepare('SELECT * FROM files WHERE sha256 = ?').get(sha256) as FileRow | undefined;
  }

  filesOf(runId: number): FileRow[] {
    return this.db.prepare('SELECT * FROM files WHERE run_id = ? ORDER BY id').all(runId) as FileRow[];
  }

  addFile(f: NewFile): number {
    return Number(
      this.db
        .prepare(`INSERT INTO files (run_id, sha256, name, size, cwr_version, encoding, sender_type, sender, sender_name, created_on, imported_at)
          VALUES (@run_id, @sha256, @name, @size, @cwr_version, @encoding, @sender_type, @sender, @sender_name, @created_on, @imported_at)`)
        .run(f).lastInsertRowid,
    );
  }

  /** Final facts of a file once read: counts, version and encoding. */
  fileCounts(id: number, facts: { total: number; accepted: number; rejected: number; cwr_version: string; encoding: string }): void {
    this.db
      .prepare('UPDATE files SET transactions = @total, accepted = @accepted, rejected = @rejected, cwr_version = @cwr_version, encoding = @encoding WHERE id = @id')
      .run({ id, ...facts });
  }
}
