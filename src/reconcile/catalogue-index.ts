/**
 * The match index over the SQLite catalogue, sized for a million works: identifier lookups go to
 * the catalogue's own indexes (ISWC, submitter and society work numbers, ISRC, IPI) with prepared
 * statements, so they cost no memory and no load time; the fuzzy part (title words, title
 * prefixes, title keys and writers per work, held compactly) is built only when a line first needs
 * it, reading the catalogue in id-range pages.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../catalogue/db.js';
import { MAX_POSTING, titlePrefix, type IndexedWriter, type MatchIndex } from './candidates.js';
import { displayName } from './catalogue-source.js';
import { ipiBaseKey, ipiNameKey, matchTitleKey, titleTokens, writerKey } from './keys.js';

const PAGE = 50_000;
const SEP_FIELD = '\u0001';
const SEP_WRITER = '\u0002';

class FuzzyIndex {
  readonly tokens = new Map<string, number[]>();
  readonly prefixes = new Map<string, number[]>();
  readonly writerWords = new Map<string, number[]>();
  readonly titles: (string | string[] | undefined)[] = [];
  readonly writers: (string | undefined)[] = [];

  private post(map: Map<string, number[]>, key: string | null, id: number): void {
    if (key === null || key === '') return;
    const list = map.get(key);
    if (list === undefined) map.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  }

  addTitle(id: number, title: string): void {
    const k = matchTitleKey(title);
    if (k === '') return;
    const cur = this.titles[id];
    if (cur === undefined) this.titles[id] = k;
    else if (typeof cur === 'string') {
      if (cur === k) return;
      this.titles[id] = [cur, k];
    } else if (!cur.includes(k)) cur.push(k);
    else return;
    for (const w of titleTokens(k)) this.post(this.tokens, w, id);
    this.post(this.prefixes, titlePrefix(k), id);
  }

  addWriter(id: number, name: string, ipi: string | null, base: string | null): void {
    const key = writerKey(name);
    for (const word of key.split(' ')) if (word.length >= 3) this.post(this.writerWords, word, id);
    const w = `${key}${SEP_FIELD}${ipiNameKey(ipi) ?? ''}${SEP_FIELD}${ipiBaseKey(base) ?? ''}`;
    const cur = this.writers[id];
    this.writers[id] = cur === undefined ? w : cur + SEP_WRITER + w;
  }
}

/** UNION ALL is cheaper than UNION (no temporary B-tree per lookup); duplicates go here. */
function distinct(ids: number[]): number[] {
  return ids.length < 2 ? ids : [...new Set(ids)];
}

export class CatalogueIndex implements MatchIndex {
  private fuzzy: FuzzyIndex | null = null;
  private readonly q: Record<'iswc' | 'submitter' | 'society' | 'isrc' | 'ipi' | 'count', Statement>;

  constructor(private readonly db: Db) {
    this.q = {
      iswc: db.prepare("SELECT id FROM works WHERE iswc = ? UNION ALL SELECT work_id FROM work_identifiers WHERE kind = 'iswc' AND value = ?").pluck(),
      submitter: db.prepare("SELECT id FROM works WHERE submitter_work_number IN (?, ?) UNION ALL SELECT work_id FROM work_identifiers WHERE kind = 'submitter' AND value IN (?, ?)").pluck(),
      society: db
        .prepare(
          `SELECT work_id FROM work_identifiers WHERE kind = 'society' AND value IN (?, ?) AND issuer IN (?, ?)
           UNION ALL SELECT work_id FROM registrations WHERE society = ? AND society_work_number IN (?, ?)`,
        )
        .pluck(),
      isrc: db.prepare('SELECT work_id FROM recordings WHERE isrc = ?').pluck(),
      ipi: db.prepare(`SELECT DISTINCT wp.work_id FROM parties p JOIN work_parties wp ON wp.party_id = p.id WHERE p.ipi_name_number = ? LIMIT ${MAX_POSTING}`).pluck(),
      count: db.prepare('SELECT COUNT(*) FROM works').pluck(),
    };
  }

  get size(): number {
    return Number(this.q.count.get());
  }

  byIswc(key: string): readonly number[] {
    return distinct(this.q.iswc.all(key, key) as number[]);
  }
  bySubmitterNumber(key: string, raw: string = key): readonly number[] {
    return distinct(this.q.submitter.all(key, raw, key, raw) as number[]);
  }
  bySocietyCode(key: string, raw?: string): readonly number[] {
    const i = key.indexOf(':');
    const society = key.slice(0, i);
    const code = key.slice(i + 1);
    const r = raw ?? code;
    const short = String(Number(society));
    return distinct(this.q.society.all(code, r, society, short, society, code, r) as number[]);
  }
  byIsrc(key: string): readonly number[] {
    return this.q.isrc.all(key) as number[];
  }
  byIpi(key: string): readonly number[] {
    return this.q.ipi.all(key) as number[];
  }

  private index(): FuzzyIndex {
    if (this.fuzzy) return this.fuzzy;
    const f = new FuzzyIndex();
    const max = Number(this.db.prepare('SELECT COALESCE(MAX(id), 0) FROM works').pluck().get());
    const works = this.db.prepare('SELECT id, title FROM works WHERE id > ? AND id <= ?').raw();
    const titles = this.db.prepare('SELECT work_id, title FROM titles WHERE work_id > ? AND work_id <= ?').raw();
    const writers = this.db
      .prepare(
        `SELECT wp.work_id, p.name, p.first_name, p.ipi_name_number, p.ipi_base_number FROM work_parties wp JOIN parties p ON p.id = wp.party_id
         WHERE wp.kind = 'writer' AND wp.work_id > ? AND wp.work_id <= ? ORDER BY wp.work_id, wp.position`,
      )
      .raw();
    for (let lo = 0; lo < max; lo += PAGE) {
      const hi = lo + PAGE;
      for (const [id, title] of works.all(lo, hi) as [number, string][]) f.addTitle(id, title);
      for (const [id, title] of titles.all(lo, hi) as [number, string][]) f.addTitle(id, title);
      for (const [id, name, first, ipi, base] of writers.all(lo, hi) as [number, string, string | null, string | null, string | null][]) f.addWriter(id, displayName(name, first), ipi, base);
    }
    this.fuzzy = f;
    return f;
  }

  byTitleToken(token: string): readonly number[] {
    return this.index().tokens.get(token) ?? [];
  }
  byTitlePrefix(prefix: string): readonly number[] {
    return this.index().prefixes.get(prefix) ?? [];
  }
  byWriterWord(word: string): readonly number[] {
    return this.index().writerWords.get(word) ?? [];
  }
  titlesOf(id: number): readonly string[] {
    const t = this.index().titles[id];
    return t === undefined ? [] : typeof t === 'string' ? [t] : t;
  }
  writersOf(id: number): readonly IndexedWriter[] {
    const w = this.index().writers[id];
    if (w === undefined) return [];
    return w.split(SEP_WRITER).map((s) => {
      const [key = '', ipi = '', base = ''] = s.split(SEP_FIELD);
      return { key, ipiName: ipi === '' ? null : ipi, ipiBase: base === '' ? null : base };
    });
  }
}
