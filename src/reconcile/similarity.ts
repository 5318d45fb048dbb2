/**
 * String similarity for titles and names, our own small implementation: edit similarity
 * (Levenshtein), token-sort and token-set ratios. Inputs are normalised keys (upper-case words).
 * All results are in 0..1.
 */

const row: number[] = [];
/** Per character code below 128: the positions of the pattern where it occurs (one bit each). */
const peq = new Int32Array(128);

/** Levenshtein distance over UTF-16 code units. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (a.length > b.length) [a, b] = [b, a];
  return a.length <= 32 ? bitDistance(a, b) : tableDistance(a, b);
}

/** Two-row dynamic programming. */
function tableDistance(a: string, b: string): number {
  const n = a.length;
  for (let i = 0; i <= n; i++) row[i] = i;
  for (let j = 1; j <= b.length; j++) {
    let prev = row[0] ?? 0;
    row[0] = j;
    const bj = b.charCodeAt(j - 1);
    for (let i = 1; i <= n; i++) {
      const cur = row[i] ?? 0;
      const cost = a.charCodeAt(i - 1) === bj ? 0 : 1;
      row[i] = Math.min(cur + 1, (row[i - 1] ?? 0) + 1, prev + cost);
      prev = cur;
    }
  }
  return row[n] ?? 0;
}

/**
 * The same distance for a pattern `a` of 1..32 units, a column of the table as bits (Myers' bit-
 * vector method, in Hyyrö's form for whole strings): one step per unit of `b`. A pattern with a
 * unit of 128 or more goes to the table.
 */
function bitDistance(a: string, b: string): number {
  const m = a.length;
  let ascii = true;
  for (let i = 0; i < m; i++) {
    const c = a.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    peq[c] = (peq[c] as number) | (1 << i);
  }
  if (!ascii) {
    for (let i = 0; i < m; i++) if (a.charCodeAt(i) < 128) peq[a.charCodeAt(i)] = 0;
    return tableDistance(a, b);
  }
  const high = 1 << (m - 1);
  let pv = m === 32 ? -1 : ((1 << m) - 1) | 0;
  let mv = 0;
  let score = m;
  for (let j = 0; j < b.length; j++) {
    const c = b.charCodeAt(j);
    const eq = c < 128 ? (peq[c] as number) : 0;
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if ((ph & high) !== 0) score++;
    else if ((mh & high) !== 0) score--;
    ph = (ph << 1) | 1;
    mh = mh << 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  for (let i = 0; i < m; i++) peq[a.charCodeAt(i)] = 0;
  return score;
}

/** 1 - distance / longer length. */
export function editSimilarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - editDistance(a, b) / len;
}

function words(s: string): string[] {
  return s.split(' ').filter((w) => w.length > 0);
}

function sortedWords(s: string): string {
  return words(s).sort().join(' ');
}

/** Edit similarity of the words sorted: word order does not matter. */
export function tokenSortSimilarity(a: string, b: string): number {
  return editSimilarity(sortedWords(a), sortedWords(b));
}

/** Token-set similarity: the common words plus each side's rest, best of the three pairings. A
 * title contained in the other ("LOVE" in "LOVE ME TENDER") scores high only when the shorter side
 * has at least two words, so one shared word is not enough; containment scores at most 0.9, so an
 * equal title always ranks above a longer one that contains it. */
export function tokenSetSimilarity(a: string, b: string): number {
  return tokenSet(new Set(words(a)), new Set(words(b)));
}

function tokenSet(wa: ReadonlySet<string>, wb: ReadonlySet<string>): number {
  const common = [...wa].filter((w) => wb.has(w)).sort();
  const onlyA = [...wa].filter((w) => !wb.has(w)).sort();
  const onlyB = [...wb].filter((w) => !wa.has(w)).sort();
  const base = common.join(' ');
  const ca = [base, ...onlyA].filter((s) => s !== '').join(' ');
  const cb = [base, ...onlyB].filter((s) => s !== '').join(' ');
  const pairs = [editSimilarity(ca, cb)];
  if (common.length >= 2) pairs.push(Math.min(0.9, editSimilarity(base, ca)), Math.min(0.9, editSimilarity(base, cb)));
  return Math.max(...pairs);
}

const bag = new Int32Array(128);

/** An upper bound of edit (and token-sort) similarity from the letters alone: an edit changes at
 * most one letter count up and one down. O(n), no allocation. */
export function letterBound(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) bag[a.charCodeAt(i) & 127] = (bag[a.charCodeAt(i) & 127] ?? 0) + 1;
  for (let i = 0; i < b.length; i++) bag[b.charCodeAt(i) & 127] = (bag[b.charCodeAt(i) & 127] ?? 0) - 1;
  // Each letter's difference once (read, then cleared), so the bag is clean for the next call.
  let plus = 0;
  let minus = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i) & 127;
    const v = bag[c] ?? 0;
    if (v > 0) plus += v;
    else minus -= v;
    bag[c] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i) & 127;
    const v = bag[c] ?? 0;
    if (v > 0) plus += v;
    else minus -= v;
    bag[c] = 0;
  }
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - Math.max(plus, minus) / len;
}

/** The distinct words of `a` that are words of `b`, counted up to `enough`. */
function sharedWords(a: string, b: string, enough = Infinity): number {
  const wb = words(b);
  let n = 0;
  for (const w of new Set(words(a))) if (wb.includes(w) && ++n >= enough) break;
  return n;
}

/**
 * The best of edit, token-sort and token-set similarity. With `floor`, a pair that cannot reach it
 * (by the letter bound, and without two shared words for containment) returns 0 early: that is
 * what keeps fuzzy matching cheap on the many candidates blocking brings in.
 */
export function titleSimilarity(a: string, b: string, floor = 0): number {
  if (a === b) return a === '' ? 0 : 1;
  if (a === '' || b === '') return 0;
  if (floor > 0 && letterBound(a, b) < floor && sharedWords(a, b, 2) < 2) return 0;
  const e = editSimilarity(a, b);
  if (e >= 0.9) return e;
  return Math.max(e, tokenSortSimilarity(a, b), tokenSetSimilarity(a, b));
}

const keyBag = new Int32Array(128);
let keyBagOwner: TitleScorer | null = null;

/**
 * titleSimilarity of one title against many (a fuzzy line's title against its candidates), with
 * the line's side worked out once: its words, sorted words and word set.
 */
export class TitleScorer {
  private readonly words: string[];
  private sorted: string | null = null;
  private set: Set<string> | null = null;

  constructor(readonly key: string) {
    this.words = [...new Set(words(key))];
  }

  /** Exactly letterBound(key, b), from the key's letter counts: one pass over `b` (and one to put
   * the counts back). Letters of `b` beyond the key's counts are `minus`; `plus` follows from the
   * lengths. The counts live in one shared table, filled for the scorer that used it last (one
   * scorer per line: a table per scorer would be a small buffer outside the heap per line). */
  private letterBound(b: string): number {
    const bag = keyBag;
    if (keyBagOwner !== this) {
      bag.fill(0);
      const key = this.key;
      for (let i = 0; i < key.length; i++) bag[key.charCodeAt(i) & 127] = (bag[key.charCodeAt(i) & 127] ?? 0) + 1;
      keyBagOwner = this;
    }
    let minus = 0;
    for (let i = 0; i < b.length; i++) {
      const c = b.charCodeAt(i) & 127;
      const v = bag[c] as number;
      if (v <= 0) minus++;
      bag[c] = v - 1;
    }
    for (let i = 0; i < b.length; i++) {
      const c = b.charCodeAt(i) & 127;
      bag[c] = (bag[c] as number) + 1;
    }
    const plus = minus + this.key.length - b.length;
    const len = Math.max(this.key.length, b.length);
    return len === 0 ? 1 : 1 - Math.max(plus, minus) / len;
  }

  /** Exactly titleSimilarity(key, b, floor). */
  score(b: string, floor = 0): number {
    const a = this.key;
    if (a === b) return a === '' ? 0 : 1;
    if (a === '' || b === '') return 0;
    if (floor > 0 && this.letterBound(b) < floor && !this.sharesTwo(b)) return 0;
    const e = editSimilarity(a, b);
    if (e >= 0.9) return e;
    this.sorted ??= sortedWords(a);
    this.set ??= new Set(this.words);
    return Math.max(e, editSimilarity(this.sorted, sortedWords(b)), tokenSet(this.set, new Set(words(b))));
  }

  /** Whether two distinct words of the key are words of `b` (no split of `b`). */
  private sharesTwo(b: string): boolean {
    let n = 0;
    for (const w of this.words) if (hasWord(b, w) && ++n >= 2) return true;
    return false;
  }
}

/** Whether `w` (no spaces, not empty) is one of the space-separated words of `s`. */
export function hasWord(s: string, w: string): boolean {
  for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) {
    const end = i + w.length;
    if ((i === 0 || s.charCodeAt(i - 1) === 32) && (end === s.length || s.charCodeAt(end) === 32)) return true;
  }
  return false;
}
