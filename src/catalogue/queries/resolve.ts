/**
 * Finds works by a reference a person types: an ISWC (any punctuation), a submitter work number,
 * a society work number, or the internal id ("123", "#123" or "id:123"). Every branch is an
 * index lookup; a reference may match several works (two submitters, one ISWC).
 */
import type { Db } from '../db.js';
import { stmt } from './statements.js';
import { normaliseIswc } from '../../domain/identifiers.js';

export type MatchedBy = 'id' | 'iswc' | 'submitter-work-number' | 'society-work-number';

export interface WorkMatch {
  readonly id: number;
  readonly by: MatchedBy;
}

export function resolveWorkRef(db: Db, ref: string): WorkMatch[] {
  const t = ref.trim();
  if (t === '') return [];
  const out = new Map<number, MatchedBy>();
  const add = (ids: unknown[], by: MatchedBy): void => {
    for (const r of ids) {
      const id = Number((r as { id: number | bigint }).id);
      if (!out.has(id)) out.set(id, by);
    }
  };
  const explicitId = /^(?:#|id:)([0-9]+)$/i.exec(t);
  if (explicitId?.[1]) {
    add(stmt(db, 'SELECT id FROM works WHERE id = ?').all(Number(explicitId[1])), 'id');
    return [...out].map(([id, by]) => ({ id, by }));
  }
  const iswc = normaliseIswc(t);
  if (iswc !== null) add(stmt(db, 'SELECT id FROM works WHERE iswc = ? ORDER BY id LIMIT 50').all(iswc), 'iswc');
  add(stmt(db, 'SELECT id FROM works WHERE submitter_work_number = ? ORDER BY id LIMIT 50').all(t), 'submitter-work-number');
  add(
    stmt(db, "SELECT DISTINCT work_id AS id FROM work_identifiers WHERE kind = 'society' AND value = ? ORDER BY work_id LIMIT 50").all(t),
    'society-work-number',
  );
  if (/^[0-9]+$/.test(t) && t.length < 16) add(stmt(db, 'SELECT id FROM works WHERE id = ?').all(Number(t)), 'id');
  return [...out].map(([id, by]) => ({ id, by }));
}
