/**
 * The match index over the SQLite catalogue, sized for a million works: identifier lookups go to
 * the catalogue's own indexes (ISWC, submitter and society work numbers, ISRC, IPI) with prepared
 * statements, so they cost no memory and no load time; the fuzzy part (title words, title
 * prefixes, title keys and writers per work, held compactly) is built only when a line first needs
 * it, reading the catalogue in id-range pages.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../catalogue/db.js';
import { MAX_POSTING, PREFIX_LENGTH, titlePrefix, type IdList, type IndexedWriter, type MatchIndex } from './candidates.js';
import { displayName } from './catalogue-source.js';
import { ipiBaseKey, ipiNameKey, matchTitleKey, writerKey } from './keys.js';

/** Works read per query while building the fuzzy index: small enough that a page's rows die young
 * (50,000 cost some 100 MB more peak memory at a million works, and no time). */
const PAGE = 10_000;

/** A growable list of int32 (typed, so a few million postings cost 4 bytes each, not an object). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Key strings -> key numbers: an open-addressing hash table that looks a key up by a range of a
 * longer string (a word of a title key), so the catalogue's millions of title words cost no
 * substring and no string hashing unless the word is new.
 */
class KeyTable {
  private readonly keys: string[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(1 << 12).fill(-1);

  get size(): number {
    return this.keys.length;
  }

  /** The number of `s.slice(start, end)`, given on first sight. */
  intern(s: string, start: number, end: number): number {
    const h = hashRange(s, start, end);
    const len = end - start;
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = this.slots[i] as number;
      if (k < 0) return this.insert(i, h, s.slice(start, end));
      if (this.hashes[k] === h) {
        const key = this.keys[k] as string;
        if (key.length === len && s.startsWith(key, start)) return k;
      }
    }
  }

  /** The number of a key, or -1. */
  find(key: string): number {
    const h = hashRange(key, 0, key.length);
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = this.slots[i] as number;
      if (k < 0) return -1;
      if (this.hashes[k] === h && this.keys[k] === key) return k;
    }
  }

  private insert(slot: number, h: number, key: string): number {
    const k = this.keys.length;
    this.keys.push(key);
    if (k === this.hashes.length) {
      const next = new Int32Array(k * 2);
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[k] = h;
    this.slots[slot] = k;
    // At most half full: grow and place every key again.
    if (this.keys.length * 2 > this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2).fill(-1);
      const mask = slots.length - 1;
      for (let j = 0; j < this.keys.length; j++) {
        let i = (this.hashes[j] as number) & mask;
        while ((slots[i] as number) >= 0) i = (i + 1) & mask;
        slots[i] = j;
      }
      this.slots = slots;
    }
    return k;
  }
}

/** FNV-1a over UTF-16 units, mixed so the low bits (the slot) depend on every unit. */
function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) & 0x7fffffff;
}

/**
 * Key -> work ids, built from (key, id) pairs in the order they come and then packed into one
 * Int32Array (offsets per key): the order of each key's ids is the order of arrival, and an id
 * equal to the key's previous one is not repeated.
 */
class Postings {
  private readonly keyIds = new KeyTable();
  private readonly last = new IntList();
  private readonly pairKeys = new IntList();
  private readonly pairIds = new IntList();
  private offsets: Int32Array | null = null;
  private ids: Int32Array | null = null;

  add(key: string | null, id: number): void {
    if (key === null || key === '') return;
    this.addByKey(this.key(key), id);
  }

  /** The number of a key (given on first sight), for adding by number without a string lookup. */
  key(key: string): number {
    return this.keyRange(key, 0, key.length);
  }

  /** The number of the key `s.slice(start, end)` (not empty). */
  keyRange(s: string, start: number, end: number): number {
    const before = this.keyIds.size;
    const k = this.keyIds.intern(s, start, end);
    if (k === before) this.last.push(-1);
    return k;
  }

  addByKey(k: number, id: number): void {
    if (this.last.data[k] === id) return;
    this.last.data[k] = id;
    this.pairKeys.push(k);
    this.pairIds.push(id);
  }

  /** Packs the pairs (stable counting sort by key); no more adds after this. */
  pack(): void {
    const keys = this.keyIds.size;
    const n = this.pairKeys.length;
    const offsets = new Int32Array(keys + 1);
    const pk = this.pairKeys.data;
    const pi = this.pairIds.data;
    for (let i = 0; i < n; i++) {
      const k = (pk[i] as number) + 1;
      offsets[k] = (offsets[k] as number) + 1;
    }
    for (let k = 0; k < keys; k++) offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
    const fill = offsets.slice(0, keys);
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const k = pk[i] as number;
      ids[fill[k] as number] = pi[i] as number;
      fill[k] = (fill[k] as number) + 1;
    }
    this.offsets = offsets;
    this.ids = ids;
    this.pairKeys.data = new Int32Array(0);
    this.pairIds.data = new Int32Array(0);
    this.last.data = new Int32Array(0);
  }

  get(key: string): IdList {
    const k = this.keyIds.find(key);
    if (k < 0 || this.offsets === null || this.ids === null) return NONE;
    return this.ids.subarray(this.offsets[k], this.offsets[k + 1]);
  }
}

const NONE = new Int32Array(0);

function noSpace(s: string, n: number): boolean {
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) === 32) return false;
  return true;
}

class FuzzyIndex {
  readonly tokens = new Postings();
  readonly prefixes = new Postings();
  readonly writerWords = new Postings();
  readonly titles: (string | string[] | undefined)[] = [];
  /** Writers of each work: party ids, packed (offsets per work id) once built. */
  private readonly writerPairs = { works: new IntList(), parties: new IntList() };
  private writerOffsets: Int32Array | null = null;
  private writerIds: Int32Array | null = null;
  /** Per writer party (by party id): its key (and name words as key numbers) and IPI keys,
   * computed once per party. */
  private readonly parties: ({ readonly writer: IndexedWriter; readonly words: readonly number[] } | undefined)[] = [];

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
    // The words of the key, as titleTokens gives them (a word repeated in the title adds nothing:
    // the posting already ends with this id).
    const n = k.length;
    for (let i = 0; i < n; ) {
      while (i < n && k.charCodeAt(i) === 32) i++;
      const start = i;
      while (i < n && k.charCodeAt(i) !== 32) i++;
      if (i > start) this.tokens.addByKey(this.tokens.keyRange(k, start, i), id);
    }
    // The prefix: the first letters when they hold no space (the usual case), else titlePrefix.
    if (n >= PREFIX_LENGTH && noSpace(k, PREFIX_LENGTH)) this.prefixes.addByKey(this.prefixes.keyRange(k, 0, PREFIX_LENGTH), id);
    else this.prefixes.add(titlePrefix(k), id);
  }

  addParty(id: number, name: string, ipi: string | null, base: string | null): void {
    const key = writerKey(name);
    // Name words as posting key numbers: a writer's many works add them without a string lookup.
    const words = key.split(' ').filter((w) => w.length >= 3).map((w) => this.writerWords.key(w));
    this.parties[id] = { writer: { key, ipiName: ipiNameKey(ipi), ipiBase: ipiBaseKey(base) }, words };
  }

  hasParty(id: number): boolean {
    return this.parties[id] !== undefined;
  }

  addWriter(id: number, party: number): void {
    const p = this.parties[party];
    if (p === undefined) return;
    const words = p.words;
    for (let i = 0; i < words.length; i++) this.writerWords.addByKey(words[i] as number, id);
    this.writerPairs.works.push(id);
    this.writerPairs.parties.push(party);
  }

  pack(maxId: number): void {
    this.tokens.pack();
    this.prefixes.pack();
    this.writerWords.pack();
    // Pairs arrive in work id order (then position): offsets by work id.
    const n = this.writerPairs.works.length;
    const w = this.writerPairs.works.data;
    const offsets = new Int32Array(maxId + 2);
    for (let i = 0; i < n; i++) {
      const k = (w[i] as number) + 1;
      offsets[k] = (offsets[k] as number) + 1;
    }
    for (let k = 0; k <= maxId; k++) offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
    this.writerOffsets = offsets;
    this.writerIds = this.writerPairs.parties.data.slice(0, n);
    this.writerPairs.works.data = new Int32Array(0);
    this.writerPairs.parties.data = new Int32Array(0);
  }

  writersOf(id: number): IndexedWriter[] {
    const o = this.writerOffsets;
    const ids = this.writerIds;
    if (o === null || ids === null || id < 0 || id + 1 >= o.length) return [];
    const out: IndexedWriter[] = [];
    for (let i = o[id] as number; i < (o[id + 1] as number); i++) {
      const p = this.parties[ids[i] as number];
      if (p) out.push(p.writer);
    }
    return out;
  }
}

/** Works of many ISWC keys (a JSON array, given twice). CROSS JOIN keeps the keys as the outer
 * loop: otherwise the planner may walk every ISWC identifier and scan the key list for each. */
export const MANY_ISWC_SQL = `SELECT j.value, w.id FROM json_each(?) j CROSS JOIN works w ON w.iswc = j.value
  UNION ALL SELECT j.value, i.work_id FROM json_each(?) j CROSS JOIN work_identifiers i ON i.kind = 'iswc' AND i.value = j.value`;

/** Works of many work codes (JSON array) of one society: (codes, society, society unpadded,
 * codes, society); the codes stay the outer loop, each looked up by index. */
export const MANY_SOCIETY_SQL = `SELECT j.value, i.work_id FROM json_each(?) j CROSS JOIN work_identifiers i ON i.kind = 'society' AND i.value = j.value AND i.issuer IN (?, ?)
  UNION ALL SELECT j.value, r.work_id FROM json_each(?) j CROSS JOIN registrations r ON r.society = ? AND r.society_work_number = j.value`;

/** UNION ALL is cheaper than UNION (no temporary B-tree per lookup); duplicates go here. */
function distinct(ids: number[]): number[] {
  return ids.length < 2 ? ids : [...new Set(ids)];
}

export class CatalogueIndex implements MatchIndex {
  private fuzzy: FuzzyIndex | null = null;
  private readonly q: Record<'iswc' | 'manyIswc' | 'manySociety' | 'submitter' | 'society' | 'isrc' | 'ipi' | 'count', Statement>;
  /** ISWC key -> works, for the keys of the page being matched (see primeIswc). */
  private iswcPage = new Map<string, number[]>();
  /** Work code -> works for one remitting society, for the page being matched (see primeSocietyCodes). */
  private societyPage: { readonly society: string; readonly works: Map<string, number[]> } | null = null;

  constructor(private readonly db: Db) {
    this.q = {
      iswc: db.prepare("SELECT id FROM works WHERE iswc = ? UNION ALL SELECT work_id FROM work_identifiers WHERE kind = 'iswc' AND value = ?").pluck(),
      manyIswc: db.prepare(MANY_ISWC_SQL).raw(true),
      manySociety: db.prepare(MANY_SOCIETY_SQL).raw(true),
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
    const primed = this.iswcPage.get(key);
    if (primed !== undefined) return primed;
    return distinct(this.q.iswc.all(key, key) as number[]);
  }

  /** Looks up a page's ISWC keys in one query (sorted, so the index is walked in order) instead of
   * one query per line; byIswc answers from it until the next call. */
  primeIswc(keys: readonly string[]): void {
    const page = new Map<string, number[]>();
    const todo = [...new Set(keys)].sort();
    for (let i = 0; i < todo.length; i += 5000) {
      const chunk = todo.slice(i, i + 5000);
      for (const k of chunk) page.set(k, []);
      const json = JSON.stringify(chunk);
      for (const [k, id] of this.q.manyIswc.all(json, json) as [string, number][]) {
        const list = page.get(k);
        if (list !== undefined && !list.includes(id)) list.push(id);
      }
    }
    this.iswcPage = page;
  }
  bySubmitterNumber(key: string, raw: string = key): readonly number[] {
    return distinct(this.q.submitter.all(key, raw, key, raw) as number[]);
  }
  bySocietyCode(key: string, raw?: string): readonly number[] {
    const i = key.indexOf(':');
    const society = key.slice(0, i);
    const code = key.slice(i + 1);
    const r = raw ?? code;
    if (this.societyPage !== null && this.societyPage.society === society) {
      const a = this.societyPage.works.get(code);
      const b = this.societyPage.works.get(r);
      if (a !== undefined && b !== undefined) return distinct(a === b ? [...a] : [...a, ...b]);
    }
    const short = String(Number(society));
    return distinct(this.q.society.all(code, r, society, short, society, code, r) as number[]);
  }

  /** Looks up a page's work codes of one remitting society (`SOCIETY` as in the keys, 3 digits)
   * in bulk: the codes as normalised and as written; bySocietyCode answers from it until the next call. */
  primeSocietyCodes(society: string, values: readonly string[]): void {
    const works = new Map<string, number[]>();
    const todo = [...new Set(values)].sort();
    const short = String(Number(society));
    for (let i = 0; i < todo.length; i += 5000) {
      const chunk = todo.slice(i, i + 5000);
      for (const v of chunk) works.set(v, []);
      const json = JSON.stringify(chunk);
      for (const [v, id] of this.q.manySociety.all(json, society, short, json, society) as [string, number][]) works.get(v)?.push(id);
    }
    this.societyPage = { society, works };
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
    // Each work with its writers' party ids in one row ("12,345", by position): a row per work, not
    // one more per writer. Each writer's name and IPI keys are computed once, not once per work.
    const works = this.db
      .prepare(
        `SELECT id, title, (SELECT group_concat(party_id, ',' ORDER BY position) FROM work_parties WHERE work_id = works.id AND kind = 'writer')
         FROM works WHERE id > ? AND id <= ? ORDER BY id`,
      )
      .raw();
    const titles = this.db.prepare('SELECT work_id, title FROM titles WHERE work_id > ? AND work_id <= ?').raw();
    const party = this.db.prepare('SELECT id, name, first_name, ipi_name_number, ipi_base_number FROM parties WHERE id IN (SELECT value FROM json_each(?))').raw();
    const pairWorks = new IntList();
    const pairParties = new IntList();
    for (let lo = 0; lo < max; lo += PAGE) {
      const hi = lo + PAGE;
      pairWorks.length = 0;
      pairParties.length = 0;
      for (const [id, title, writers] of works.all(lo, hi) as [number, string, string | null][]) {
        f.addTitle(id, title);
        if (writers !== null) {
          // Party ids, comma-separated.
          let v = 0;
          let sign = 1;
          for (let i = 0; i < writers.length; i++) {
            const c = writers.charCodeAt(i);
            if (c === 44) {
              pairWorks.push(id);
              pairParties.push(sign * v);
              v = 0;
              sign = 1;
            } else if (c === 45) sign = -1;
            else v = v * 10 + (c - 48);
          }
          pairWorks.push(id);
          pairParties.push(sign * v);
        }
      }
      for (const [id, title] of titles.all(lo, hi) as [number, string][]) f.addTitle(id, title);
      const missing = new Set<number>();
      for (let i = 0; i < pairParties.length; i++) {
        const p = pairParties.data[i] as number;
        if (!f.hasParty(p)) missing.add(p);
      }
      const todo = [...missing];
      for (let i = 0; i < todo.length; i += 500) {
        for (const [id, name, first, ipi, base] of party.all(JSON.stringify(todo.slice(i, i + 500))) as [number, string, string | null, string | null, string | null][]) {
          f.addParty(id, displayName(name, first), ipi, base);
        }
      }
      for (let i = 0; i < pairWorks.length; i++) f.addWriter(pairWorks.data[i] as number, pairParties.data[i] as number);
    }
    f.pack(max);
    this.fuzzy = f;
    return f;
  }

  byTitleToken(token: string): IdList {
    return this.index().tokens.get(token);
  }
  byTitlePrefix(prefix: string): IdList {
    return this.index().prefixes.get(prefix);
  }
  byWriterWord(word: string): IdList {
    return this.index().writerWords.get(word);
  }
  titlesOf(id: number): readonly string[] {
    const t = this.index().titles[id];
    return t === undefined ? [] : typeof t === 'string' ? [t] : t;
  }
  writersOf(id: number): readonly IndexedWriter[] {
    return this.index().writersOf(id);
  }
}
