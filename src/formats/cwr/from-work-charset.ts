/**
 * What text a CWR record may carry, and how cwrkit turns catalogue text into it.
 *
 * The sets below are the "Titles", "Names" and "CWR National Titles" columns of the CIS Latin
 * character set (CISAC SR06-1311aR10, sheet "CIS Latin Character Set"; CSV copy in the team's
 * reference tables/cis_character_set_latin.csv). Lower-case letters are in none of them: CWR text
 * is upper case. The sheet's euro sign (its code 447) is allowed in titles; the CSV copy labels it
 * U+01BF, which is the hex of the sheet's code, not the character: it is U+20AC here.
 *
 * For the 2.x main records (NWR/REV titles, SPU/SWR names ...) cwrkit writes:
 * - Cyrillic (Russian, Kazakh ...) through src/domain/transliteration.ts (docs/transliteration.md);
 *   the original goes out in a non-Roman record (NAT, NWN, NPN, NOW) with its language code;
 * - accented Latin letters through the ASCII transliteration of the same CIS sheet (É -> E,
 *   Ä -> AE, Ø -> OE ...);
 * and then checks every character against the set; whatever is left over is reported.
 */
import { hasCyrillic, transliterate } from '../../domain/transliteration.js';

export type TextKind = 'title' | 'name' | 'national-title';

const ASCII_TITLE = ` !"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_\`{}~`;
const ASCII_NAME = " !#$%&'()+-./0123456789?@ABCDEFGHIJKLMNOPQRSTUVWXYZ`";
const NATIONAL_EXTRA = 'ŠŒŸ£ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ€';

const ALLOWED: Readonly<Record<TextKind, ReadonlySet<string>>> = {
  title: new Set([...ASCII_TITLE, '£', '€']),
  name: new Set(ASCII_NAME),
  'national-title': new Set([...ASCII_TITLE, ...NATIONAL_EXTRA]),
};

/** The CIS sheet's ASCII transliteration of the national characters (upper case only). */
const CIS_ASCII: Readonly<Record<string, string>> = {
  Š: 'S', Œ: 'OE', Ÿ: 'Y', À: 'A', Á: 'A', Â: 'A', Ã: 'A', Ä: 'AE', Å: 'AA', Æ: 'AE', Ç: 'C',
  È: 'E', É: 'E', Ê: 'E', Ë: 'E', Ì: 'I', Í: 'I', Î: 'I', Ï: 'I', Ñ: 'N', Ò: 'O', Ó: 'O',
  Ô: 'O', Õ: 'O', Ö: 'OE', Ø: 'OE', Ù: 'U', Ú: 'U', Û: 'U', Ü: 'UE', Ý: 'Y',
};

/** Characters of `text` that a field of this kind cannot carry, each once, in order of appearance. */
export function disallowedChars(text: string, kind: TextKind): string[] {
  const allowed = ALLOWED[kind];
  const bad: string[] = [];
  for (const ch of text) if (!allowed.has(ch) && !bad.includes(ch)) bad.push(ch);
  return bad;
}

export function isCarried(text: string, kind: TextKind): boolean {
  return disallowedChars(text, kind).length === 0;
}

/** True when the text needs a non-Roman record (NAT/NWN/NPN/NOW) to travel as written. */
export function isNonRoman(text: string): boolean {
  return hasCyrillic(text);
}

/**
 * The form of `text` for a Latin main record: upper case, Cyrillic transliterated, CIS national
 * characters to their ASCII form, typographic quotes and dashes to ASCII, runs of blanks collapsed.
 * Characters with no documented form are kept, so the caller's check reports them.
 */
export function toCisLatin(text: string): string {
  let out = '';
  for (const ch of transliterate(text.normalize('NFC'))) {
    const cis = CIS_ASCII[ch];
    if (cis !== undefined) out += cis;
    else if (ch === '\u2018' || ch === '\u2019' || ch === '\u02BC') out += "'";
    else if (ch === '\u201C' || ch === '\u201D' || ch === '\u00AB' || ch === '\u00BB') out += '"';
    else if (ch === '\u2013' || ch === '\u2014') out += '-';
    else if (ch === '\u00A0' || ch === '\t') out += ' ';
    else out += ch;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** For a name field: what `toCisLatin` gives, with the punctuation names may not carry written as
 * blanks (a comma or a quote in a company name), collapsed again. */
export function toCisName(text: string): string {
  return toCisLatin(text)
    .replace(/[",*:;<=>[\\\]^_{}~]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}
