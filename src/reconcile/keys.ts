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
  return key.replace(/GH/g, 'G').replace(/KH/g, 'H').replace(/Q/g, 'K').replace(/[YJ]/g, 'I').replace(/W/g, 'V').replace(/([A-Z])\1+/g, '$1');
}

/** Title key with articles dropped and spelling variants folded; '' when nothing is left. */
export function matchTitleKey(title: string | null): string {
  return title === null ? '' : looseKey(titleKey(title));
}

/** Distinct words of a title key, for blocking. */
export function titleTokens(key: string): string[] {
  return [...new Set(key.split(' ').filter((w) => w.length > 0))];
}

/** Key of a writer name, words sorted ("SMITH, JOHN" = "John Smith"). */
export function writerKey(name: string): string {
  return looseKey(nameKey(name));
}

/** Words of a name of at least 3 letters: a surname written alone still meets the full name. */
export function nameWords(name: string): string[] {
  return writerKey(name).split(' ').filter((w) => w.length >= 3);
}
