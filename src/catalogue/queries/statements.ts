/** Prepared statements cached per connection: queries run per work (export, show) prepare their
 * SQL once instead of on every call. */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db.js';

const CACHE = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let byDb = CACHE.get(db);
  if (byDb === undefined) {
    byDb = new Map();
    CACHE.set(db, byDb);
  }
  let s = byDb.get(sql);
  if (s === undefined) {
    s = db.prepare(sql);
    byDb.set(sql, s);
  }
  return s;
}
