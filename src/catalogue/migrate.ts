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
    // Foreign-key enforcement can only be switched outside a transaction.
    const keys = db.pragma('foreign_keys', { simple: true }) as number;
    const off = m.foreignKeysOff !== undefined;
    if (off) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        if (m.sql.trim() !== '') db.exec(m.sql);
        for (const table of m.foreignKeysOff ?? []) {
          const broken = db.pragma(`foreign_key_check(${table})`) as unknown[];
          if (broken.length > 0) throw new Error(`migration ${m.name} would leave ${broken.length} broken reference(s) in ${table}; nothing was changed`);
        }
        db.pragma(`user_version = ${v + 1}`);
      }).immediate();
    } finally {
      if (off) db.pragma(`foreign_keys = ${keys ? 'ON' : 'OFF'}`);
    }
  }
}
