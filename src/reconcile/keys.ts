/**
 * Match keys: identifiers normalised so that spelling variants meet (ISWC punctuation, IPI zero
 * padding, ISRC dashes), and title/name keys built on src/domain/text-keys.ts (case, accents,
 * punctuation, articles, Cyrillic transliterated).
 */
import { normaliseIpiNameNumber, normaliseIsrc, normaliseIswc } from '../domain/identifiers.js';
import { nameKey, titleKey } from '../domain/text-keys.js';

export function iswcKey(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : normaliseIswc(text);
}

export function isrcKey(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : normaliseIsrc(text);
}

/** IPI name numbers compare as 11 digits; zero or blank means "none". */
export function ipiNameKey(text: string | null): string | null {
  if (text === null) return null;
  const k = normaliseIpiNameNumber(text.replace(/\s/g, ''));
  return k === null || /^0+$/.test(k) ? null : k;
}

/** IPI base numbers compare without punctuation (I-000000229-7 -> I0000002297). */
export function ipiBaseKey(text: string | null): string | null {
  if (text === null) return null;
  const k = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return /^I[0-9]{10}$/.test(k) ? k : null;
}

/** Work numbers (submitter or society) compare trimmed, upper-case, without leading zeros. */
export function workNumberKey(text: string | null): string | null {
  if (text === null) return null;
  const k = text.trim().toUpperCase().replace(/\s+/g, '');
  if (k === '') return null;
  const stripped = k.replace(/^0+(?=.)/, '');
  return stripped === '0' ? null : stripped;
}

/** A society's work code as stored in the index: `SOCIETY:CODE`. */
export function societyCodeKey(society: string, code: string | null): string | null {
  const k = workNumberKey(code);
  return k === null ? null : `${society.padStart(3, '0')}:${k}`;
}

/**
 * Folds spelling variants that transliteration of Kazakh/Russian produces (Қ -> Q or K, ғ -> GH or
 * G, х -> KH or H, й/ы -> J, Y or I) and doubled letters, so "Қара торғай" (QARA TORGHAI) and
 * "KARA TORGAI" meet. Applied to both sides of every title and name comparison.
 */
export function looseKey(key: string): string {
  // One pass with the effect of, in this order: GH -> G, KH -> H, Q -> K, Y/J -> I, W -> V, then a
  // run of one letter A-Z -> that letter. (The two digraph rules never make or break each other's
  // pairs, so both can look at the original neighbours.) Same result as the chain of replaces,
  // without six passes and five intermediate strings for every title of the catalogue.
  let out = '';
  let last = -1;
  const n = key.length;
  for (let i = 0; i < n; i++) {
    let c = key.charCodeAt(i);
    if (c === H && i > 0 && key.charCodeAt(i - 1) === G) continue;
    if (c === K && i + 1 < n && key.charCodeAt(i + 1) === H) continue;
    if (c === Q) c = K;
    else if (c === Y || c === J) c = I;
    else if (c === W) c = V;
    if (c === last && c >= A && c <= Z) continue;
    out += String.fromCharCode(c);
    last = c;
  }
  return out;
}

const [A, G, H, I, J, K, Q, V, W, Y, Z] = [...'AGHIJKQVWYZ'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number, number, number, number, number, number, number];

/** Title key with articles dropped and spelling variants folded; '' when nothing is left. */
export function matchTitleKey(title: string | null): string {
  return title === null ? '' : (plainMatchTitleKey(title) ?? looseKey(titleKey(title)));
}

/** Leading articles titleKey drops (the words of its pattern), each packed as its character codes
 * (one byte each, first in the low byte): all have one to three letters. */
const ARTICLE_CODES = new Set(['THE', 'A', 'AN', 'LE', 'LA', 'LES', 'L', 'DER', 'DIE', 'DAS', 'EL', 'LOS', 'LAS', 'IL', 'LO', 'GLI', 'DE', 'HET'].map((w) => [...w].reduceRight((code, c) => (code << 8) | c.charCodeAt(0), 0)));
const MAX_PLAIN = 1024;
const plainKey = new Uint8Array(MAX_PLAIN);
const plainOut = new Uint8Array(MAX_PLAIN);
/** Bytes below 128 are the same characters in this decoding. */
const ascii = new TextDecoder('latin1');

/**
 * looseKey(titleKey(title)) in one pass over a plain title: ASCII without the characters that
 * start titleKey's bracket, version-tail and ampersand rules ( ( [ - & ). Upper-cased, other
 * characters to single spaces, trimmed, a leading article dropped, then folded as looseKey folds.
 * Null for any other title (the full path handles it).
 */
function plainMatchTitleKey(title: string): string | null {
  const n = title.length;
  if (n > MAX_PLAIN) return null;
  const buf = plainKey;
  let len = 0;
  let gap = false;
  for (let i = 0; i < n; i++) {
    let c = title.charCodeAt(i);
    if (c >= 128 || c === 40 || c === 91 || c === 45 || c === 38) return null;
    if (c >= 97 && c <= 122) c -= 32;
    if ((c >= A && c <= Z) || (c >= 48 && c <= 57)) {
      if (gap && len > 0) buf[len++] = 32;
      gap = false;
      buf[len++] = c;
    } else gap = true;
  }
  // A leading article followed by more words.
  let start = 0;
  let w = 0;
  while (w < len && buf[w] !== 32) w++;
  if (w < len && w <= 3) {
    let code = 0;
    for (let i = w - 1; i >= 0; i--) code = (code << 8) | (buf[i] as number);
    if (ARTICLE_CODES.has(code)) start = w + 1;
  }
  // looseKey over buf[start, len).
  const out = plainOut;
  let m = 0;
  let last = -1;
  for (let i = start; i < len; i++) {
    let c = buf[i] as number;
    if (c === H && i > start && buf[i - 1] === G) continue;
    if (c === K && i + 1 < len && buf[i + 1] === H) continue;
    if (c === Q) c = K;
    else if (c === Y || c === J) c = I;
    else if (c === W) c = V;
    if (c === last && c >= A && c <= Z) continue;
    out[m++] = c;
    last = c;
  }
  return m === 0 ? '' : ascii.decode(out.subarray(0, m));
}

/** Distinct words of a title key, for blocking. */
export function titleTokens(key: string): string[] {
  // First occurrences in order (as a Set would keep them); titles have few words.
  const out: string[] = [];
  for (const w of key.split(' ')) if (w.length > 0 && !out.includes(w)) out.push(w);
  return out;
}

/** Key of a writer name, words sorted ("SMITH, JOHN" = "John Smith"). */
export function writerKey(name: string): string {
  return looseKey(nameKey(name));
}

/** Words of a name of at least 3 letters: a surname written alone still meets the full name. */
export function nameWords(name: string): string[] {
  return writerKey(name).split(' ').filter((w) => w.length >= 3);
}
