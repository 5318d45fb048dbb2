/** Applies the ordered migrations, one transaction each, tracked by PRAGMA user_version. */
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.js';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database.Database): void {
  const current = schemaVersion(db);
  const latest = MIGRATIONS.length;
  if (current > latest) {
    throw new Error(`the catalogue schema (version ${current}) is newer than this cwrkit (${latest}); upgrade cwrkit`);
  }
  for (let v = current; v < latest; v++) {
    const m = MIGRATIONS[v];
    if (!m) break;
    db.transaction(() => {
      if (m.sql.trim() !== '') db.exec(m.sql);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
