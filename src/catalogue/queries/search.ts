/**
 * `works search`: finds works by title, alternate title, writer or publisher name, ISWC or IPI.
 *
 * Text is folded with src/domain/text-keys.ts (accents and case folded, Cyrillic transliterated),
 * so «Дала әні», "DALA AENI" and "dala aeni" meet. Titles match from their start (after a leading
 * article), as index range scans on works.title_key and titles.title_key; names match on any whole
 * word and word prefix of parties.name_key. Identifiers are exact index lookups. Every branch stops
 * at the limit. `contains: true` adds a substring scan of titles (reads every title: slow on a
 * large catalogue, so only on request).
 */
import type { Db } from '../db.js';
import { stmt } from './statements.js';
import { normaliseIpiNameNumber, normaliseIswc } from '../../domain/identifiers.js';
import { nameKey, searchKey, titleKey } from '../../domain/text-keys.js';

export type MatchKind = 'iswc' | 'ipi' | 'title' | 'alternate-title' | 'party-name' | 'title-contains';

export interface SearchHit {
  readonly id: number;
  readonly title: string;
  readonly iswc: string | null;
  readonly submitter: string;
  readonly submitterWorkNumber: string;
  readonly matched: MatchKind;
  /** The text that matched (alternate title, party name, identifier). */
  readonly matchedText: string;
}

export interface SearchOptions {
  readonly limit: number;
  readonly contains?: boolean;
}

/** The smallest string greater than every string starting with `prefix`. */
function after(prefix: string): string {
  return prefix + '\uffff';
}

export function searchWorks(db: Db, query: string, options: SearchOptions): SearchHit[] {
  const limit = Math.max(1, Math.min(options.limit, 1000));
  const found = new Map<number, { matched: MatchKind; text: string }>();
  const room = (): number => limit - found.size;
  const take = (rows: unknown[], matched: MatchKind, text: (r: Record<string, unknown>) => string): void => {
    for (const raw of rows) {
      const r = raw as Record<string, unknown>;
      const id = Number(r['id']);
      if (!found.has(id) && found.size < limit) found.set(id, { matched, text: text(r) });
    }
  };
  const q = query.trim();
  if (q === '') return [];

  const iswc = normaliseIswc(q);
  if (iswc !== null) take(stmt(db, 'SELECT id FROM works WHERE iswc = ? ORDER BY id LIMIT ?').all(iswc, room()), 'iswc', () => iswc);

  const digits = q.replace(/[\s.\-]/g, '');
  const ipi = /^[0-9]{9,11}$/.test(digits) ? normaliseIpiNameNumber(digits) : null;
  const base = /^I-?[0-9]{9}-?[0-9]$/i.test(q) ? `I-${q.replace(/[^0-9]/g, '').slice(0, 9)}-${q.replace(/[^0-9]/g, '').slice(9)}` : null;
  for (const [column, value] of [['ipi_name_number', ipi] as const, ['ipi_base_number', base] as const]) {
    if (value === null || room() <= 0) continue;
    take(
      stmt(db,
          `SELECT wp.work_id AS id, p.name AS name FROM parties p JOIN work_parties wp ON wp.party_id = p.id
           WHERE p.${column} = ? ORDER BY wp.work_id LIMIT ?`,
        )
        .all(value, room()),
      'ipi',
      (r) => `${value} ${String(r['name'])}`,
    );
  }

  // An identifier is looked up as such, not also as words.
  if (iswc !== null || ipi !== null || base !== null) return hitsFor(db, found);

  const tk = titleKey(q);
  if (tk !== '' && room() > 0) {
    take(stmt(db, 'SELECT id, title FROM works WHERE title_key >= ? AND title_key < ? ORDER BY title_key, id LIMIT ?').all(tk, after(tk), room()), 'title', (r) => String(r['title']));
  }
  if (tk !== '' && room() > 0) {
    take(
      stmt(db, 'SELECT work_id AS id, title FROM titles WHERE title_key >= ? AND title_key < ? ORDER BY title_key, work_id LIMIT ?').all(tk, after(tk), room() * 2),
      'alternate-title',
      (r) => String(r['title']),
    );
  }

  const nk = nameKey(q);
  if (nk !== '' && room() > 0) {
    // Whole name in any word order (nameKey sorts words), or the start of its first word.
    const parties = stmt(db, 'SELECT id, name, first_name FROM parties WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT 200').all(nk, after(nk)) as Record<string, unknown>[];
    const byParty = stmt(db, 'SELECT work_id AS id FROM work_parties WHERE party_id = ? ORDER BY work_id LIMIT ?');
    const takeParties = (list: Record<string, unknown>[]): void => {
      for (const p of list) {
        if (room() <= 0) break;
        const name = [p['first_name'], p['name']].filter((x) => typeof x === 'string' && x !== '').join(' ');
        take(byParty.all(Number(p['id']), room()), 'party-name', () => name);
      }
    };
    takeParties(parties);
    // Any later word of a name. Keys sort their words, so a name holding the word later on
    // starts with a smaller word: only the index range below the word is read (keys only).
    if (room() > 0 && parties.length < 200 && !nk.includes(' ')) {
      const seen = new Set(parties.map((p) => Number(p['id'])));
      const more: Record<string, unknown>[] = [];
      const ids = stmt(db, "SELECT rowid AS id FROM parties INDEXED BY parties_name_key WHERE name_key < ? AND instr(' ' || name_key, ?) > 0 LIMIT 200")
        .all(nk, ` ${nk}`) as { id: number }[];
      const one = stmt(db, 'SELECT id, name, first_name FROM parties WHERE id = ?');
      for (const { id } of ids) {
        if (seen.has(Number(id))) continue;
        const p = one.get(id) as Record<string, unknown> | undefined;
        if (p) more.push(p);
      }
      takeParties(more);
    }
  }

  if (options.contains === true && room() > 0) {
    const sk = searchKey(q);
    if (sk !== '') {
      take(stmt(db, 'SELECT id, title FROM works WHERE instr(title_key, ?) > 0 ORDER BY id LIMIT ?').all(sk, room()), 'title-contains', (r) => String(r['title']));
    }
  }

  return hitsFor(db, found);
}

function hitsFor(db: Db, found: ReadonlyMap<number, { matched: MatchKind; text: string }>): SearchHit[] {
  if (found.size === 0) return [];
  const ids = [...found.keys()];
  const rows = stmt(db, `SELECT id, title, iswc, submitter, submitter_work_number FROM works WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Record<string, unknown>[];
  const byId = new Map(rows.map((r) => [Number(r['id']), r]));
  const hits: SearchHit[] = [];
  for (const [id, m] of found) {
    const r = byId.get(id);
    if (!r) continue;
    hits.push({
      id,
      title: String(r['title']),
      iswc: typeof r['iswc'] === 'string' ? r['iswc'] : null,
      submitter: String(r['submitter']),
      submitterWorkNumber: String(r['submitter_work_number']),
      matched: m.matched,
      matchedText: m.text,
    });
  }
  return hits;
}
