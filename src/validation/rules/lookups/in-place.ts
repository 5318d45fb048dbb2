/**
 * Lookup checks read in place, for the validation hot path. A code of up to four printable ASCII
 * characters is folded into one small integer (base 128; no character folds to 0, so codes of
 * different lengths cannot collide), and each table keeps the set of its codes' integers: a field
 * is then checked without slicing or hashing a string. Only "certainly fine" is answered here
 * (blank, or in the table); anything else goes to the plain check, which decides and reports.
 */

/** How a table's values are normalised before the lookup (see field-lookups.ts NORMALISE). */
export type LookupNormal = 'society' | 'tis' | null;

const MAX = 4;

function fold(code: string): number | null {
  if (code.length > MAX) return null;
  let key = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c < 32 || c > 126) return null;
    key = key * 128 + c;
  }
  return key;
}

const cache = new WeakMap<ReadonlySet<string>, ReadonlySet<number>>();

/** The folded keys of a table's short printable codes (built once per table). */
export function foldedCodes(codes: ReadonlySet<string>): ReadonlySet<number> {
  let keys = cache.get(codes);
  if (keys === undefined) {
    const out = new Set<number>();
    for (const code of codes) {
      const k = fold(code);
      if (k !== null) out.add(k);
    }
    cache.set(codes, (keys = out));
  }
  return keys;
}

/**
 * True when the lookup field at [from, to) of `text` is blank or holds a code of the table (after
 * the table's normalisation: society codes trimmed and zero-padded to 3, TIS codes to 4).
 * False means "not decided here".
 */
export function lookupSurelyFine(keys: ReadonlySet<number>, normal: LookupNormal, text: string, from: number, to: number): boolean {
  let b = Math.min(to, text.length);
  while (b > from && text.charCodeAt(b - 1) === 32) b--;
  if (b <= from) return true;
  let a = from;
  // Society codes are trimmed; other blanks (tabs, no-break spaces) are refused below.
  if (normal === 'society') while (a < b && text.charCodeAt(a) === 32) a++;
  const len = b - a;
  if (len > MAX) return false;
  let key = 0;
  let allDigits = true;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126) return false;
    if (c < 48 || c > 57) allDigits = false;
    key = key * 128 + c;
  }
  if (normal !== null && allDigits) {
    // Zero-padding on the left: each added '0' is worth 48 * 128^position.
    const width = normal === 'society' ? 3 : 4;
    let weight = 128 ** len;
    for (let n = len; n < width; n++, weight *= 128) key += 48 * weight;
  }
  return keys.has(key);
}
