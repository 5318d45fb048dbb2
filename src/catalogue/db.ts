/**
 * Opens the catalogue: one SQLite file, private to the user (0600), WAL, foreign keys on, a busy
 * timeout so a second process waits instead of failing, migrations applied on open.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { migrate, schemaVersion } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open without creating or migrating (read-only commands on a missing file fail clearly). */
  readonly mustExist?: boolean;
  readonly readonly?: boolean;
  /** Milliseconds to wait for another writer. */
  readonly busyTimeout?: number;
}

export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
  constructor(
    message: string,
    readonly code: 'CWRKIT_NO_DB' | 'CWRKIT_DB_NEWER' | 'CWRKIT_DB',
  ) {
    super(message);
  }
}

export function openCatalogue(path: string, options: OpenOptions = {}): Db {
  const memory = path === ':memory:';
  if (!memory && !existsSync(path)) {
    if (options.mustExist) throw new CatalogueError(`no catalogue at ${path} (import a CWR file first, or pass --db)`, 'CWRKIT_NO_DB');
    // Create the file private to the user before SQLite opens it.
    closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  }
  const db = new Database(path, { readonly: options.readonly === true });
  // New catalogues use 8 KiB pages: work snapshots (about 1 KiB each) pack several to a page.
  if (!options.readonly && !memory && schemaVersion(db) === 0 && db.pragma('page_count', { simple: true }) === 0) db.pragma('page_size = 8192');
  db.pragma(`busy_timeout = ${options.busyTimeout ?? 10_000}`);
  db.pragma('foreign_keys = ON');
  if (!options.readonly) {
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    if (!memory) for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) chmodSync(path + suffix, 0o600);
  }
  return db;
}
