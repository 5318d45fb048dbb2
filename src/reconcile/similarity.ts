/**
 * String similarity for titles and names, our own small implementation: edit similarity
 * (Levenshtein), token-sort and token-set ratios. Inputs are normalised keys (upper-case words).
 * All results are in 0..1.
 */

const row: number[] = [];

/** Levenshtein distance, two-row dynamic programming over UTF-16 code units. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (a.length > b.length) [a, b] = [b, a];
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

/** 1 - distance / longer length. */
export function editSimilarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - editDistance(a, b) / len;
}

function words(s: string): string[] {
  return s.split(' ').filter((w) => w.length > 0);
}

/** Edit similarity of the words sorted: word order does not matter. */
export function tokenSortSimilarity(a: string, b: string): number {
  return editSimilarity(words(a).sort().join(' '), words(b).sort().join(' '));
}

/** Token-set similarity: the common words plus each side's rest, best of the three pairings. A
 * title contained in the other ("LOVE" in "LOVE ME TENDER") scores high only when the shorter side
 * has at least two words, so one shared word is not enough; containment scores at most 0.9, so an
 * equal title always ranks above a longer one that contains it. */
export function tokenSetSimilarity(a: string, b: string): number {
  const wa = new Set(words(a));
  const wb = new Set(words(b));
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
  bag.fill(0);
  for (let i = 0; i < a.length; i++) bag[a.charCodeAt(i) & 127] = (bag[a.charCodeAt(i) & 127] ?? 0) + 1;
  for (let i = 0; i < b.length; i++) bag[b.charCodeAt(i) & 127] = (bag[b.charCodeAt(i) & 127] ?? 0) - 1;
  let plus = 0;
  let minus = 0;
  for (let i = 0; i < 128; i++) {
    const v = bag[i] ?? 0;
    if (v > 0) plus += v;
    else minus -= v;
  }
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - Math.max(plus, minus) / len;
}

function sharedWords(a: string, b: string): number {
  const wb = new Set(words(b));
  let n = 0;
  for (const w of new Set(words(a))) if (wb.has(w)) n++;
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
  if (floor > 0 && letterBound(a, b) < floor && sharedWords(a, b) < 2) return 0;
  const e = editSimilarity(a, b);
  if (e >= 0.9) return e;
  return Math.max(e, tokenSortSimilarity(a, b), tokenSetSimilarity(a, b));
}
