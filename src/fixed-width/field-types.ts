/**
 * Typed decoding and encoding of one fixed-width field. Decoding never throws: a value that does
 * not fit its type comes back as `value: null` with a `problem`, and the raw text stays in the
 * record, so nothing is lost.
 */
import type { FieldSpec } from './layout.js';

/** A decoded field value. Dates are `YYYY-MM-DD`, times `HH:MM:SS`; numbers with a scale are
 * integers in minor units (a share of 10000 is 100.00%); numbers beyond 2^53 are bigint. */
export type FieldValue = string | number | bigint | boolean | null;

export type FieldProblem =
  | 'not-numeric'
  | 'invalid-date'
  | 'invalid-time'
  | 'invalid-flag'
  | 'invalid-boolean'
  | 'missing';

export interface DecodedField {
  readonly value: FieldValue;
  readonly problem?: FieldProblem;
}

const DIGITS = /^[0-9]+$/;

function isBlank(raw: string): boolean {
  // A loop: no regex call on the hot path, and most fields fail at the first character.
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) !== 32) return false;
  return true;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the Gregorian calendar (leap years included). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return DAYS[month - 1] ?? 0;
}

/** True when `raw` (8 digits) is a real calendar date. */
export function isValidDate(raw: string): boolean {
  if (raw.length !== 8 || !DIGITS.test(raw)) return false;
  const y = Number(raw.slice(0, 4));
  const m = Number(raw.slice(4, 6));
  const d = Number(raw.slice(6, 8));
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** True when `raw` (6 digits) is HHMMSS with minutes and seconds below 60. Durations may exceed
 * 23 hours, so hours are not capped. */
export function isValidTime(raw: string): boolean {
  if (raw.length !== 6 || !DIGITS.test(raw)) return false;
  return Number(raw.slice(2, 4)) < 60 && Number(raw.slice(4, 6)) < 60;
}

function decodeNumber(raw: string): DecodedField {
  const t = raw.trim();
  if (t === '') return { value: null };
  if (!DIGITS.test(t)) return { value: null, problem: 'not-numeric' };
  if (t.length > 15) {
    const big = BigInt(t);
    return { value: big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big, ...(t !== raw ? { problem: 'not-numeric' as const } : {}) };
  }
  const value = Number(t);
  // Numeric fields are zero-filled; blanks around digits are tolerated but reported.
  return t.length === raw.length ? { value } : { value, problem: 'not-numeric' };
}

/** Decodes `raw` (exactly `spec.length` characters, blank-padded if the line was short). */
export function decodeField(spec: FieldSpec, raw: string): DecodedField {
  switch (spec.type) {
    case 'A':
    case 'L': {
      const v = raw.trimEnd();
      return { value: v === '' ? null : v };
    }
    case 'N':
      return decodeNumber(raw);
    case 'D': {
      if (isBlank(raw) || raw === '00000000') return { value: null };
      if (!isValidDate(raw)) return { value: null, problem: 'invalid-date' };
      return { value: `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}` };
    }
    case 'T': {
      if (isBlank(raw)) return { value: null };
      if (!isValidTime(raw)) return { value: null, problem: 'invalid-time' };
      return { value: `${raw.slice(0, 2)}:${raw.slice(2, 4)}:${raw.slice(4, 6)}` };
    }
    case 'F': {
      if (isBlank(raw)) return { value: null };
      return raw === 'Y' || raw === 'N' || raw === 'U' ? { value: raw } : { value: null, problem: 'invalid-flag' };
    }
    case 'B': {
      if (isBlank(raw)) return { value: null };
      if (raw === 'Y') return { value: true };
      if (raw === 'N') return { value: false };
      return { value: null, problem: 'invalid-boolean' };
    }
  }
}

/**
 * Checks `raw` the way decodeField reads it, without building a value (the validator's hot
 * path): the problem decodeField would report, 'empty' when the value would be null with no
 * problem, or undefined when the field holds a valid value.
 */
export function checkField(spec: FieldSpec, raw: string): FieldProblem | 'empty' | undefined {
  switch (spec.type) {
    case 'A':
    case 'L': {
      // Same test as decodeField's trimEnd, without making a string in the common case.
      const c = raw.charCodeAt(0);
      if (c > 32 && c < 127) return undefined;
      return raw.trimEnd() === '' ? 'empty' : undefined;
    }
    case 'N': {
      if (isBlank(raw)) return 'empty';
      if (DIGITS.test(raw)) return undefined;
      const t = raw.trim();
      return t === '' ? 'empty' : 'not-numeric';
    }
    case 'D':
      if (isBlank(raw) || raw === '00000000') return 'empty';
      return isValidDate(raw) ? undefined : 'invalid-date';
    case 'T':
      if (isBlank(raw)) return 'empty';
      return isValidTime(raw) ? undefined : 'invalid-time';
    case 'F':
      if (raw === 'Y' || raw === 'N' || raw === 'U') return undefined;
      return isBlank(raw) ? 'empty' : 'invalid-flag';
    case 'B':
      if (raw === 'Y' || raw === 'N') return undefined;
      return isBlank(raw) ? 'empty' : 'invalid-boolean';
  }
}

export class EncodeError extends Error {
  override readonly name = 'EncodeError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** Encodes a value into exactly `spec.length` characters. Empty values become blanks, or zeros
 * for numbers, dates and times. Throws EncodeError when the value cannot be represented. */
export function encodeField(spec: FieldSpec, value: FieldValue | undefined): string {
  const len = spec.length;
  if (value === null || value === undefined || value === '') {
    return spec.type === 'N' || spec.type === 'D' || spec.type === 'T' ? '0'.repeat(len) : ' '.repeat(len);
  }
  switch (spec.type) {
    case 'A':
    case 'L':
    case 'F': {
      const s = String(value);
      if (s.length > len) throw new EncodeError(spec.name, `"${s}" is longer than ${len} characters`);
      return s.padEnd(len, ' ');
    }
    case 'B': {
      if (typeof value === 'boolean') return (value ? 'Y' : 'N').padEnd(len, ' ');
      const s = String(value);
      if (s !== 'Y' && s !== 'N') throw new EncodeError(spec.name, `"${s}" is not Y or N`);
      return s.padEnd(len, ' ');
    }
    case 'N': {
      let s: string;
      if (typeof value === 'bigint') s = value.toString();
      else if (typeof value === 'number' && Number.isSafeInteger(value)) s = String(value);
      else if (typeof value === 'string' && DIGITS.test(value)) s = value.replace(/^0+(?=.)/, '');
      else throw new EncodeError(spec.name, `${String(value)} is not a non-negative whole number`);
      if (s.startsWith('-')) throw new EncodeError(spec.name, `${s} is negative`);
      if (s.length > len) throw new EncodeError(spec.name, `${s} has more than ${len} digits`);
      return s.padStart(len, '0');
    }
    case 'D': {
      const s = String(value).replaceAll('-', '');
      if (!isValidDate(s)) throw new EncodeError(spec.name, `${String(value)} is not a date`);
      return s.padEnd(len, ' ');
    }
    case 'T': {
      const s = String(value).replaceAll(':', '');
      if (!isValidTime(s)) throw new EncodeError(spec.name, `${String(value)} is not HH:MM:SS`);
      return s.padEnd(len, ' ');
    }
  }
}

/** Renders a scaled integer (e.g. share 5000 with scale 2) as a decimal string ("50.00"). */
export function formatScaled(value: number | bigint, scale: number): string {
  if (scale === 0) return value.toString();
  const neg = value < 0;
  const digits = (neg ? -BigInt(value) : BigInt(value)).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
