/**
 * Message text for MSG records: upper case, restricted to the ASCII part of the CIS character set
 * allowed in titles (SR06-1311aR10), and cut to the field length. Cyrillic (Kazakh included) is
 * transliterated, Latin letters lose their diacritics, underscores of field names become blanks,
 * and anything else that the set does not allow becomes "?".
 */
import { transliterate } from '../../../domain/transliteration.js';

/** ASCII characters the CIS set allows in titles (space to "~", without lower case and "|"). */
const CIS_TITLE_ASCII = /^[ -_`{}~]$/;

export function cisText(text: string, length: number): string {
  const flat = transliterate(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  let out = '';
  for (const ch of flat) {
    if (ch === '_' || ch === '\t' || ch === '\r' || ch === '\n') out += ' ';
    else out += CIS_TITLE_ASCII.test(ch) ? ch : '?';
  }
  out = out.replace(/ {2,}/g, ' ').trim();
  return out.length > length ? out.slice(0, length).trimEnd() : out;
}
