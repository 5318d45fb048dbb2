/**
 * Identifier checks read in place, for the validation hot path: they look at a field's characters
 * in the line itself (no slice, no regex, no padded copy) and only answer "certainly fine" (blank,
 * all zeros, or a well-formed identifier with a correct check digit). Anything else returns false
 * and the caller takes the plain path (domain/identifiers.ts), which decides and words the finding,
 * so a diagnostic is the same whichever path found it.
 */

export type IdentifierKind = 'iswc' | 'ipi-name' | 'ipi-base' | 'isrc' | 'ean';

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/** All digits in [a, b). */
function digits(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** IPI name number of 1 to 11 digits at [a, b), read as zero-padded to 11: mod-101 check. */
function ipiName(text: string, a: number, b: number): boolean {
  const len = b - a;
  if (len > 11 || !digits(text, a, b)) return false;
  const pad = 11 - len;
  let sum = 0;
  // Padded position j (0..8) weighs 10 - j; leading padding zeros add nothing.
  for (let j = pad; j < 9; j++) sum += digit(text, a + j - pad) * (10 - j);
  const r = sum % 101;
  const check = r === 0 ? 0 : (101 - r) % 100;
  const d9 = pad <= 9 ? digit(text, a + 9 - pad) : 0;
  const d10 = digit(text, b - 1);
  return check === d9 * 10 + d10;
}

/** T + 10 digits, ISO 15707 check digit. */
function iswc(text: string, a: number, b: number): boolean {
  if (b - a !== 11 || text.charCodeAt(a) !== 84 || !digits(text, a + 1, b)) return false;
  let total = 1;
  for (let i = 0; i < 9; i++) total += digit(text, a + 1 + i) * (i + 1);
  return (10 - (total % 10)) % 10 === digit(text, a + 10);
}

/** I-123456789-3. */
function ipiBase(text: string, a: number, b: number): boolean {
  if (b - a !== 13 || text.charCodeAt(a) !== 73 || text.charCodeAt(a + 1) !== 45 || text.charCodeAt(a + 11) !== 45) return false;
  if (!digits(text, a + 2, a + 11) || !isDigit(text.charCodeAt(a + 12))) return false;
  let total = 2;
  for (let i = 0; i < 9; i++) total += digit(text, a + 2 + i) * (i + 1);
  return (10 - (total % 10)) % 10 === digit(text, a + 12);
}

/** 2 letters, 3 letters or digits, 7 digits (already in the normal form). */
function isrc(text: string, a: number, b: number): boolean {
  if (b - a !== 12) return false;
  for (let i = 0; i < 5; i++) {
    const c = text.charCodeAt(a + i);
    if (!isUpper(c) && (i < 2 || !isDigit(c))) return false;
  }
  return digits(text, a + 5, b);
}

/** 13 digits, GS1 mod-10 check. */
function ean13(text: string, a: number, b: number): boolean {
  if (b - a !== 13 || !digits(text, a, b)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += digit(text, a + i) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === digit(text, a + 12);
}

/**
 * True when the identifier field at [from, to) of `text` certainly needs no diagnostic: blank,
 * all zeros, or valid. False means "not decided here" (the plain check decides).
 */
export function identifierSurelyFine(kind: IdentifierKind, text: string, from: number, to: number): boolean {
  let a = from;
  let b = Math.min(to, text.length);
  while (a < b && text.charCodeAt(a) === 32) a++;
  while (b > a && text.charCodeAt(b - 1) === 32) b--;
  if (a >= b) return true;
  let zeros = true;
  for (let i = a; i < b && zeros; i++) zeros = text.charCodeAt(i) === 48;
  if (zeros) return true;
  switch (kind) {
    case 'ipi-name':
      return ipiName(text, a, b);
    case 'iswc':
      return iswc(text, a, b);
    case 'ipi-base':
      return ipiBase(text, a, b);
    case 'isrc':
      return isrc(text, a, b);
    case 'ean':
      return ean13(text, a, b);
  }
}
