/**
 * Cyrillic -> Latin transliteration for CWR main records (which carry only the CIS Latin set).
 *
 * Russian letters follow the CIS character-set workbook (SR06-1311aR10, sheet "CIS Greek, Roman,
 * Polish Chars", Russian column). That table lacks Ё, Ъ, Ь and every Kazakh-specific letter, so
 * cwrkit documents its own choice for them (docs/transliteration.md): Ё -> E (as Е), Ъ and Ь are
 * dropped, and the nine Kazakh letters follow the ASCII forms of the 2021 Kazakh Latin alphabet
 * (Ә AE, Ғ GH, Қ Q, Ң NG, Ө OE, Ұ U, Ү UE, Һ H, І I). The result is upper-case ASCII.
 */

const TABLE: Readonly<Record<string, string>> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Е: 'E', Ё: 'E', Ж: 'ZH', З: 'Z', И: 'I', Й: 'J', К: 'K',
  Л: 'L', М: 'M', Н: 'N', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', У: 'U', Ф: 'F', Х: 'KH', Ц: 'TS',
  Ч: 'CH', Ш: 'SH', Щ: 'SHCH', Ъ: '', Ы: 'Y', Ь: '', Э: 'E', Ю: 'JU', Я: 'JA',
  // Kazakh-specific letters (cwrkit's documented choice; not in the CIS table)
  Ә: 'AE', Ғ: 'GH', Қ: 'Q', Ң: 'NG', Ө: 'OE', Ұ: 'U', Ү: 'UE', Һ: 'H', І: 'I',
  // Ukrainian/Belarusian letters that appear in post-Soviet catalogues
  Є: 'JE', Ї: 'JI', Ў: 'W', Ґ: 'G',
};

const CYRILLIC = /[\u0400-\u04FF]/;

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** Upper-cases and transliterates Cyrillic letters; other characters are kept as they are. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.toUpperCase()) {
    const t = TABLE[ch];
    out += t === undefined ? ch : t;
  }
  return out;
}

/** The letters the table covers, for documentation and tests. */
export function transliterationTable(): ReadonlyArray<readonly [string, string]> {
  return Object.entries(TABLE);
}
