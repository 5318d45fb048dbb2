/**
 * Identifiers of the music-rights world and their check digits: ISWC (work), IPI name number and
 * IPI base number (party), ISRC (recording), EAN, ISNI. Pure functions, no I/O.
 */

const DIGITS9 = /^[0-9]{9}$/;

/** ISWC check digit: 1 + sum(digit_i * i) for i = 1..9; check = (10 - total mod 10) mod 10. */
export function iswcCheckDigit(nineDigits: string): number {
  let total = 1;
  for (let i = 0; i < 9; i++) total += Number(nineDigits[i]) * (i + 1);
  return (10 - (total % 10)) % 10;
}

/** Normalises an ISWC written as T-123.456.789-4, T1234567894 or t 123456789 4 to T1234567894,
 * or returns null when it is not an ISWC shape at all. */
export function normaliseIswc(text: string): string | null {
  const s = text.toUpperCase().replace(/[\s.\-]/g, '');
  return /^T[0-9]{10}$/.test(s) ? s : null;
}

/** True when `iswc` (T + 10 digits, punctuation allowed) has a correct check digit. */
export function isValidIswc(iswc: string): boolean {
  const s = normaliseIswc(iswc);
  if (s === null) return false;
  return iswcCheckDigit(s.slice(1, 10)) === Number(s[10]);
}

/** IPI name number check: the first 9 digits weighted 10..2, r = sum mod 101, check = r === 0 ? 0
 * : (101 - r) mod 100, written as the last two digits. */
export function ipiNameCheckDigits(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (10 - i);
  const r = sum % 101;
  const check = r === 0 ? 0 : (101 - r) % 100;
  return String(check).padStart(2, '0');
}

export function isValidIpiNameNumber(ipi: string): boolean {
  if (!/^[0-9]{11}$/.test(ipi)) return false;
  return ipiNameCheckDigits(ipi.slice(0, 9)) === ipi.slice(9);
}

/** Normalises an IPI name number to 11 digits (zero-padded), or null if it is not numeric. */
export function normaliseIpiNameNumber(text: string): string | null {
  const t = text.trim();
  return /^[0-9]{1,11}$/.test(t) ? t.padStart(11, '0') : null;
}

/** IPI base number I-123456789-3: like the ISWC check, but the letter I weighs 2. */
export function ipiBaseCheckDigit(nineDigits: string): number {
  let total = 2;
  for (let i = 0; i < 9; i++) total += Number(nineDigits[i]) * (i + 1);
  return (10 - (total % 10)) % 10;
}

export function isValidIpiBaseNumber(base: string): boolean {
  const m = /^I-([0-9]{9})-([0-9])$/.exec(base.trim());
  if (!m || !m[1] || !m[2]) return false;
  return ipiBaseCheckDigit(m[1]) === Number(m[2]);
}

/** ISRC: 2-letter country, 3 alphanumeric registrant, 2-digit year, 5-digit designation. */
export function normaliseIsrc(text: string): string | null {
  const s = text.toUpperCase().replace(/[\s\-]/g, '');
  return /^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/.test(s) ? s : null;
}

/** EAN-13 with the GS1 mod-10 check (weights 1 and 3 from the left). */
export function isValidEan13(ean: string): boolean {
  if (!/^[0-9]{13}$/.test(ean)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(ean[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(ean[12]);
}

/** ISNI: 16 characters, ISO 7064 MOD 11-2 check (last may be X). */
export function isValidIsni(isni: string): boolean {
  const s = isni.replace(/\s/g, '').toUpperCase();
  if (!/^[0-9]{15}[0-9X]$/.test(s)) return false;
  let total = 0;
  for (let i = 0; i < 15; i++) total = (total + Number(s[i])) * 2;
  const check = (12 - (total % 11)) % 11;
  return (check === 10 ? 'X' : String(check)) === s[15];
}

export function isNineDigits(s: string): boolean {
  return DIGITS9.test(s);
}
