/**
 * Normalised keys for searching and matching titles and names: accents and case folded, Cyrillic
 * transliterated (so a Kazakh title and its Latin spelling meet), punctuation to spaces, bracketed
 * version information dropped, leading articles optional.
 */
import { transliterate } from './transliteration.js';

const ASCII = /^[\x00-\x7f]*$/;
const BRACKETS = /\([^)]*\)|\[[^\]]*\]/g;
const VERSION_TAIL = /\s+-\s+(LIVE|REMIX|REMASTERED|RADIO EDIT|EDIT|ACOUSTIC|INSTRUMENTAL|VERSION)\b.*$/;
const ARTICLES = /^(THE|A|AN|LE|LA|LES|L|DER|DIE|DAS|EL|LOS|LAS|IL|LO|GLI|DE|HET)\s+/;

/** Upper-cases and transliterates Cyrillic, then folds accents (NFKD, combining marks dropped).
 * Transliteration comes first, on composed text: NFKD would split Й into И + breve (and Ї, Ў
 * likewise), and the key would then disagree with the transliterated CWR main record (Й -> J). */
export function fold(text: string): string {
  // Fast path: plain ASCII has no accents and no Cyrillic (same result, much cheaper).
  if (ASCII.test(text)) return text.toUpperCase();
  return transliterate(text.normalize('NFC')).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** Key for a title: folded, brackets and version tails removed, punctuation to single spaces. */
export function titleKey(title: string, options: { dropArticle?: boolean } = {}): string {
  let s = fold(title).replace(BRACKETS, ' ').replace(VERSION_TAIL, '');
  s = s.replace(/&/g, ' AND ').replace(/[^A-Z0-9]+/g, ' ').trim();
  if (options.dropArticle !== false) s = s.replace(ARTICLES, '');
  return s;
}

/** Key for a person or company name: folded, punctuation removed, words sorted (so "SMITH JOHN"
 * and "JOHN SMITH" meet). */
export function nameKey(name: string): string {
  const words = fold(name).replace(/[^A-Z0-9]+/g, ' ').trim().split(' ').filter((w) => w.length > 0);
  return words.sort().join(' ');
}

/** Folded text for substring search (accent/case-insensitive, Cyrillic transliterated). */
export function searchKey(text: string): string {
  return fold(text).replace(/[^A-Z0-9]+/g, ' ').trim();
}
