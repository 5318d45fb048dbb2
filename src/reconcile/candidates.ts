/**
 * The match index: identifiers -> work ids, and blocking for fuzzy title matching (title words
 * and title prefixes -> work ids) so a fuzzy line is compared with a few dozen works, not the
 * whole catalogue. Built once per reconciliation from compact index entries.
 */
import type { IndexEntry } from './types.js';
import { ipiBaseKey, ipiNameKey, isrcKey, iswcKey, matchTitleKey, societyCodeKey, titleTokens, workNumberKey, writerKey } from './keys.js';

export interface IndexedWriter {
  readonly key: string;
  readonly ipiName: string | null;
  readonly ipiBase: string | null;
}

/** Work ids of a blocking key (a typed array in the catalogue index). */
export type IdList = readonly number[] | Int32Array;

export interface MatchIndex {
  byIswc(key: string): readonly number[];
  /** Optional hint: these ISWC keys are about to be looked up (lets a store read them in bulk). */
  primeIswc?(keys: readonly string[]): void;
  /** `raw`: the number as written (trimmed, upper-case), for stores that keep it unnormalised. */
  bySubmitterNumber(key: string, raw?: string): readonly number[];
  bySocietyCode(key: string, raw?: string): readonly number[];
  /** Optional hint: work codes (normalised and as written) of one society (3 digits, as in the
   * keys) about to be looked up. */
  primeSocietyCodes?(society: string, values: readonly string[]): void;
  byIsrc(key: string): readonly number[];
  byIpi(key: string): readonly number[];
  byTitleToken(token: string): IdList;
  byTitlePrefix(prefix: string): IdList;
  /** Works with a writer whose name has this word (3+ letters, match-key form). */
  byWriterWord(word: string): IdList;
  /** Title keys of a work (original first). */
  titlesOf(id: number): readonly string[];
  writersOf(id: number): readonly IndexedWriter[];
  readonly size: number;
}

/** Words this frequent do not block (they would pull in a large part of the catalogue). */
export const MAX_POSTING = 2000;
export const PREFIX_LENGTH = 4;

/** The blocking key of a title: its first letters without spaces. */
export function titlePrefix(key: string): string | null {
  // The first PREFIX_LENGTH characters that are not spaces (UTF-16 units, as slice counts them).
  let s = '';
  for (let i = 0; i < key.length && s.length < PREFIX_LENGTH; i++) if (key.charCodeAt(i) !== 32) s += key[i];
  return s.length >= PREFIX_LENGTH ? s : null;
}

type Postings = Map<string, number | number[]>;

function add(map: Postings, key: string | null, id: number): void {
  if (key === null || key === '') return;
  const cur = map.get(key);
  if (cur === undefined) map.set(key, id);
  else if (typeof cur === 'number') {
    if (cur !== id) map.set(key, [cur, id]);
  } else if (cur[cur.length - 1] !== id) cur.push(id);
}

const NONE: readonly number[] = [];

function get(map: Postings, key: string): readonly number[] {
  const cur = map.get(key);
  return cur === undefined ? NONE : typeof cur === 'number' ? [cur] : cur;
}

/** In-memory index; entries must come with distinct ids. */
export class MemoryIndex implements MatchIndex {
  private readonly iswc: Postings = new Map();
  private readonly submitter: Postings = new Map();
  private readonly society: Postings = new Map();
  private readonly isrc: Postings = new Map();
  private readonly ipi: Postings = new Map();
  private readonly token: Postings = new Map();
  private readonly prefix: Postings = new Map();
  private readonly writerWords: Postings = new Map();
  private readonly titles = new Map<number, string[]>();
  private readonly writers = new Map<number, IndexedWriter[]>();

  add(e: IndexEntry): void {
    const id = e.id;
    if (!this.titles.has(id)) this.titles.set(id, []);
    this.addIswc(id, e.iswc);
    for (const n of e.submitterNumbers) this.addSubmitterNumber(id, n);
    for (const c of e.societyCodes) {
      const i = c.indexOf(':');
      if (i > 0) this.addSocietyCode(id, c.slice(0, i), c.slice(i + 1));
    }
    for (const r of e.isrcs) this.addIsrc(id, r);
    for (const t of e.titles) this.addTitle(id, t);
    for (const w of e.writers) this.addWriter(id, w.name, w.ipiName, w.ipiBase);
  }

  addIswc(id: number, iswc: string | null): void {
    add(this.iswc, iswcKey(iswc), id);
  }
  addSubmitterNumber(id: number, n: string | null): void {
    add(this.submitter, workNumberKey(n), id);
  }
  addSocietyCode(id: number, society: string, code: string | null): void {
    add(this.society, societyCodeKey(society, code), id);
  }
  addIsrc(id: number, isrc: string | null): void {
    add(this.isrc, isrcKey(isrc), id);
  }
  addTitle(id: number, title: string): void {
    const k = matchTitleKey(title);
    let keys = this.titles.get(id);
    if (!keys) this.titles.set(id, (keys = []));
    if (k === '' || keys.includes(k)) return;
    keys.push(k);
    for (const w of titleTokens(k)) add(this.token, w, id);
    add(this.prefix, titlePrefix(k), id);
  }
  addWriter(id: number, name: string, ipiName: string | null, ipiBase: string | null): void {
    const n = ipiNameKey(ipiName);
    add(this.ipi, n, id);
    let ws = this.writers.get(id);
    if (!ws) this.writers.set(id, (ws = []));
    const key = writerKey(name);
    for (const w of key.split(' ')) if (w.length >= 3) add(this.writerWords, w, id);
    ws.push({ key, ipiName: n, ipiBase: ipiBaseKey(ipiBase) });
  }

  static from(entries: Iterable<IndexEntry>): MemoryIndex {
    const idx = new MemoryIndex();
    for (const e of entries) idx.add(e);
    return idx;
  }

  get size(): number {
    return this.titles.size;
  }
  byIswc(key: string): readonly number[] {
    return get(this.iswc, key);
  }
  bySubmitterNumber(key: string): readonly number[] {
    return get(this.submitter, key);
  }
  bySocietyCode(key: string): readonly number[] {
    return get(this.society, key);
  }
  byIsrc(key: string): readonly number[] {
    return get(this.isrc, key);
  }
  byIpi(key: string): readonly number[] {
    return get(this.ipi, key);
  }
  byTitleToken(token: string): readonly number[] {
    return get(this.token, token);
  }
  byTitlePrefix(prefix: string): readonly number[] {
    return get(this.prefix, prefix);
  }
  byWriterWord(word: string): readonly number[] {
    return get(this.writerWords, word);
  }
  titlesOf(id: number): readonly string[] {
    return this.titles.get(id) ?? [];
  }
  writersOf(id: number): readonly IndexedWriter[] {
    return this.writers.get(id) ?? [];
  }
}

/**
 * Counting for fuzzyCandidates (one call at a time, shared buffers): how much each work shares
 * with the line, as hits (work id, count) once every list is counted. Counts are one byte; a count
 * that would pass 255 sets `overflow`, and the line is counted again exactly (fuzzyCandidatesExact).
 *
 * When every list is in strictly ascending id order (the catalogue's are, unless a work's other
 * titles come out of order), the lists are walked together in windows of id ranges, so the
 * counters of one window (64 KB) stay in the processor's cache; otherwise one counter per
 * catalogue work, read at random (a megabyte at a million works, a cache miss for most reads).
 */
const WINDOW_BITS = 16;
const WINDOW = 1 << WINDOW_BITS;
const windowCounts = new Uint8Array(WINDOW);
/** Per list of a line: where the walk is, the last id read, the weight it and the lists after it
 * can still add. */
let cursors = new Int32Array(16);
let lasts = new Int32Array(16);
let reaches = new Int32Array(16);
let counts = new Uint8Array(1024);
let hitIds = new Int32Array(4096);
let hitCounts = new Int32Array(4096);
let hits = 0;
let best = 0;
let overflow = false;

type Lists = readonly (readonly [IdList, number, number])[];

function reserve(lists: Lists): void {
  let total = 0;
  for (const [, , end] of lists) total += end;
  if (total > hitIds.length) {
    hitIds = new Int32Array(total);
    hitCounts = new Int32Array(total);
  }
}

/**
 * Strictly ascending lists, walked window by window, each window's hits harvested before the next.
 * The best count so far bounds the rest: the final floor is at least that best minus 2, so a hit
 * below it is dropped at harvest, and a list whose weight with the lists after it cannot reach it
 * only adds to works already hit in the window (a work first met there could never qualify).
 * False, with the window counters clean, when a list turns out not to be strictly ascending (or
 * holds a negative id): the caller counts again with countAtRandom.
 */
function countWindowed(lists: Lists): boolean {
  const k = lists.length;
  if (k + 1 > cursors.length) {
    cursors = new Int32Array(2 * k + 2);
    lasts = new Int32Array(2 * k + 2);
    reaches = new Int32Array(2 * k + 2);
  }
  const at = cursors.fill(0, 0, k);
  const last = lasts.fill(-1, 0, k);
  // The most a work first met in list j can count: the weights of lists j..k-1.
  const reach = reaches;
  reach[k] = 0;
  for (let j = k - 1; j >= 0; j--) reach[j] = (reach[j + 1] as number) + ((lists[j] as readonly [IdList, number, number])[1]);
  // No count can pass a byte when all the weights together do not.
  const capped = (reach[0] as number) > 255;
  const c8 = windowCounts;
  const hIds = hitIds;
  const hCounts = hitCounts;
  let n = 0;
  let top = 0;
  let over = false;
  let sorted = true;
  for (;;) {
    let min = 0;
    let more = false;
    for (let j = 0; j < k; j++) {
      const l = lists[j] as readonly [IdList, number, number];
      const i = at[j] as number;
      if (i < l[2]) {
        const id = l[0][i] as number;
        if (!more || id < min) min = id;
        more = true;
      }
    }
    if (!more) break;
    const base = min - (min & (WINDOW - 1));
    const limit = base + WINDOW;
    const first = n;
    const floor = Math.max(1, top - 2);
    for (let j = 0; j < k; j++) {
      const l = lists[j] as readonly [IdList, number, number];
      const ids = l[0];
      const weight = l[1];
      const end = l[2];
      let prev = last[j] as number;
      let i = at[j] as number;
      // Three copies of one loop, on purpose: this is the fuzzy step's hottest code, and a test
      // inside the loop costs more than the copies. (1) The weights cannot pass a byte: no
      // overflow check. (2) They can: saturate at 255 and flag the line for an exact recount.
      // (3) The list cannot lift a new work to the best count: only works already hit are added to.
      if (!capped && (reach[j] as number) >= floor) {
        for (; i < end; i++) {
          const id = ids[i] as number;
          if (id >= limit) break;
          if (id <= prev) sorted = false;
          prev = id;
          const o = id - base;
          const c = c8[o] as number;
          if (c === 0) hIds[n++] = id;
          c8[o] = c + weight;
        }
      } else if ((reach[j] as number) >= floor) {
        for (; i < end; i++) {
          const id = ids[i] as number;
          if (id >= limit) break;
          if (id <= prev) sorted = false;
          prev = id;
          const o = id - base;
          const c = c8[o] as number;
          if (c === 0) hIds[n++] = id;
          const v = c + weight;
          if (v > 255) {
            over = true;
            c8[o] = 255;
          } else c8[o] = v;
        }
      } else {
        for (; i < end; i++) {
          const id = ids[i] as number;
          if (id >= limit) break;
          if (id <= prev) sorted = false;
          prev = id;
          const o = id - base;
          const c = c8[o] as number;
          if (c !== 0) {
            const v = c + weight;
            if (v > 255) {
              over = true;
              c8[o] = 255;
            } else c8[o] = v;
          }
        }
      }
      at[j] = i;
      last[j] = prev;
    }
    // Harvest: reset the window's counters, keep the hits within 2 of the best so far.
    let kept = first;
    for (let t = first; t < n; t++) {
      const id = hIds[t] as number;
      const o = id - base;
      const c = c8[o] as number;
      c8[o] = 0;
      if (c > top) top = c;
      if (c >= top - 2) {
        hIds[kept] = id;
        hCounts[kept] = c;
        kept++;
      }
    }
    n = kept;
    // Out of order, an id below this window would be counted (and not reset) outside it: stop.
    if (!sorted) return false;
  }
  hits = n;
  best = top;
  overflow = over;
  return true;
}

/** Any lists: one counter per work id, then the hits harvested (and the counters reset). */
function countAtRandom(lists: Lists): void {
  let max = 0;
  for (const [ids, , end] of lists) for (let i = 0; i < end; i++) if ((ids[i] as number) > max) max = ids[i] as number;
  if (max >= counts.length) counts = new Uint8Array(Math.max(max + 1, counts.length * 2));
  const c8 = counts;
  let n = 0;
  let over = false;
  try {
    for (const [ids, weight, end] of lists) {
      for (let i = 0; i < end; i++) {
        const id = ids[i] as number;
        const c = c8[id] as number;
        if (c === 0) hitIds[n++] = id;
        const v = c + weight;
        if (v > 255) {
          over = true;
          c8[id] = 255;
        } else c8[id] = v;
      }
    }
    let top = 0;
    for (let t = 0; t < n; t++) {
      const c = c8[hitIds[t] as number] as number;
      hitCounts[t] = c;
      if (c > top) top = c;
    }
    hits = n;
    best = top;
    overflow = over;
  } finally {
    // Also after an exception: the counters must start at zero next time.
    for (let t = 0; t < n; t++) c8[hitIds[t] as number] = 0;
  }
}

/** The lists a line's candidates are counted from, with their weights, in counting order. */
function blockingLists(index: MatchIndex, key: string, ipis: readonly string[], writerWords: readonly string[]): [IdList, number, number][] {
  const out: [IdList, number, number][] = [];
  // The title words' lists, shortest first (a stable insertion sort: titles have few words).
  const tokens: IdList[] = [];
  for (const t of titleTokens(key)) {
    const ids = index.byTitleToken(t);
    let i = tokens.length;
    while (i > 0 && (tokens[i - 1] as IdList).length > ids.length) i--;
    tokens.splice(i, 0, ids);
  }
  let used = 0;
  for (const ids of tokens) {
    if (ids.length === 0) continue;
    if (ids.length > MAX_POSTING && used > 0) break;
    out.push([ids, 2, Math.min(ids.length, MAX_POSTING)]);
    used++;
  }
  const p = titlePrefix(key);
  if (p !== null) {
    const ids = index.byTitlePrefix(p);
    out.push([ids, 1, Math.min(ids.length, MAX_POSTING)]);
  }
  for (const ipi of ipis) {
    const ids = index.byIpi(ipi);
    out.push([ids, 1, ids.length]);
  }
  for (const w of new Set(writerWords)) {
    const ids = index.byWriterWord(w);
    if (ids.length <= MAX_POSTING) out.push([ids, 1, ids.length]);
  }
  return out;
}

/** Only the best-sharing works compete (those within 2 of the best); best first, ties by id. */
function topCandidates(entries: Iterable<[number, number]>, limit: number): number[] {
  // Sorting thousands of one-word hits per line is the cost that grows with the catalogue.
  const all = [...entries];
  let best = 0;
  for (const [, c] of all) if (c > best) best = c;
  const floor = Math.max(1, best - 2);
  return all
    .filter(([, c]) => c >= floor)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([id]) => id);
}

/** fuzzyCandidates counted in a Map: exact for any count (used when a byte count overflows). */
export function fuzzyCandidatesExact(index: MatchIndex, key: string, ipis: readonly string[], limit = 24, writerWords: readonly string[] = []): number[] {
  const m = new Map<number, number>();
  for (const [ids, weight, end] of blockingLists(index, key, ipis, writerWords)) {
    for (let i = 0; i < end; i++) {
      const id = ids[i] as number;
      m.set(id, (m.get(id) ?? 0) + weight);
    }
  }
  return topCandidates(m, limit);
}

/** Candidate works for a fuzzy title: works sharing the rarest title words, the title prefix, a
 * writer IPI or a writer name word; ranked by how much they share; at most `limit`. */
export function fuzzyCandidates(index: MatchIndex, key: string, ipis: readonly string[], limit = 24, writerWords: readonly string[] = []): number[] {
  const lists = blockingLists(index, key, ipis, writerWords);
  reserve(lists);
  if (!countWindowed(lists)) countAtRandom(lists);
  if (overflow) return fuzzyCandidatesExact(index, key, ipis, limit, writerWords);
  // The works within 2 of the best, by count (three levels at most); then best count first, ties
  // by id, without sorting thousands of one-word hits.
  // Each level keeps its `limit` smallest ids as they come (mostly ascending: window by window).
  const floor = Math.max(1, best - 2);
  const levels: number[][] = [[], [], []];
  if (limit > 0) {
    for (let t = 0; t < hits; t++) {
      const c = hitCounts[t] as number;
      if (c < floor) continue;
      const level = levels[best - c] as number[];
      const id = hitIds[t] as number;
      if (level.length === limit) {
        if (id >= (level[limit - 1] as number)) continue;
        level.pop();
      }
      let i = level.length;
      while (i > 0 && (level[i - 1] as number) > id) i--;
      if (i === level.length) level.push(id);
      else level.splice(i, 0, id);
    }
  }
  const out: number[] = [];
  for (const level of levels) {
    for (const id of level) {
      if (out.length >= limit) return out;
      out.push(id);
    }
  }
  return out;
}
