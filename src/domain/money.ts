/**
 * Money as exact integers: a bigint count of minor units at a declared scale (decimals) and an
 * ISO 4217 currency. Parsed from decimal text, never through Number; rounding is always explicit.
 */
import { minorUnits } from './currency.js';

export interface Money {
  /** Amount in units of 10^-scale, e.g. 1234n at scale 2 is 12.34. */
  readonly minor: bigint;
  /** Number of decimals `minor` carries. */
  readonly scale: number;
  /** ISO 4217 code. */
  readonly currency: string;
}

/** half-up: ties away from zero (2.5 -> 3, -2.5 -> -3). half-even: ties to the even neighbour
 * (2.5 -> 2, 3.5 -> 4), the banker's rounding. */
export type RoundingMode = 'half-up' | 'half-even';
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even'];

export const MAX_SCALE = 18;

export type DecimalProblem = 'empty' | 'not-a-number' | 'too-many-decimals' | 'negative-not-allowed';

export interface ParsedDecimal {
  readonly ok: true;
  /** Value in units of 10^-scale. */
  readonly units: bigint;
  readonly scale: number;
}

export interface DecimalError {
  readonly ok: false;
  readonly problem: DecimalProblem;
  /** 0-based offset of the offending character in the text, when there is one. */
  readonly offset: number;
}

export interface ParseDecimalOptions {
  /** '.' (default) or ','. */
  readonly decimalSeparator?: '.' | ',';
  /** Characters ignored between digits (thousands grouping), e.g. " " or "." or "'". */
  readonly groupSeparators?: string;
  /** Scale of the result. Without it the scale is the number of decimals written. */
  readonly scale?: number;
  /** When more decimals are written than `scale`: round with this mode (default: refuse). */
  readonly rounding?: RoundingMode;
  /** Accept a leading '-' or '+' (default true). */
  readonly signed?: boolean;
}

const pow10Cache: bigint[] = [];
export function pow10(n: number): bigint {
  let p = pow10Cache[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    pow10Cache[n] = p;
  }
  return p;
}

/**
 * Integer division n / d (d > 0) rounded with `mode`. Exact: only bigint arithmetic.
 */
export function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d <= 0n) throw new RangeError('divisor must be positive');
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  const r = a % d;
  const twice = r * 2n;
  if (twice > d || (twice === d && (mode === 'half-up' || q % 2n === 1n))) q += 1n;
  return neg ? -q : q;
}

/**
 * Parses decimal text ("1234.50", "-0,5", "1 234,56") into an exact integer at a scale.
 * Never uses Number, so no binary rounding can creep in.
 */
export function parseDecimal(text: string, options: ParseDecimalOptions = {}): ParsedDecimal | DecimalError {
  const sep = options.decimalSeparator ?? '.';
  const groups = options.groupSeparators ?? '';
  const signed = options.signed ?? true;
  const t = text.trim();
  const lead = text.length - text.trimStart().length;
  if (t === '') return { ok: false, problem: 'empty', offset: 0 };
  let i = 0;
  let neg = false;
  if (t[0] === '-' || t[0] === '+') {
    if (!signed && t[0] === '-') return { ok: false, problem: 'negative-not-allowed', offset: lead };
    neg = t[0] === '-';
    i = 1;
  }
  let intDigits = '';
  let fracDigits = '';
  let seenSep = false;
  for (; i < t.length; i++) {
    const c = t[i] as string;
    if (c >= '0' && c <= '9') {
      if (seenSep) fracDigits += c;
      else intDigits += c;
    } else if (c === sep && !seenSep) {
      seenSep = true;
    } else if (!seenSep && groups.includes(c) && intDigits !== '' && i + 1 < t.length) {
      continue;
    } else {
      return { ok: false, problem: 'not-a-number', offset: lead + i };
    }
  }
  if (intDigits === '' && fracDigits === '') return { ok: false, problem: 'not-a-number', offset: lead };
  const written = fracDigits.length;
  const scale = options.scale ?? written;
  if (scale > MAX_SCALE) return { ok: false, problem: 'too-many-decimals', offset: lead + t.length - 1 };
  let units = BigInt((intDigits || '0') + fracDigits);
  if (written > scale) {
    if (options.rounding === undefined) {
      // Refuse silently dropping digits unless they are zeros.
      const dropped = fracDigits.slice(scale);
      if (/[^0]/.test(dropped)) return { ok: false, problem: 'too-many-decimals', offset: lead + t.indexOf(sep) + 1 + scale };
      units = units / pow10(written - scale);
    } else {
      units = divRound(units, pow10(written - scale), options.rounding);
    }
  } else if (written < scale) {
    units = units * pow10(scale - written);
  }
  return { ok: true, units: neg ? -units : units, scale };
}

/** A Money value from decimal text; the scale defaults to the currency's minor units. */
export function parseMoney(text: string, currency: string, options: ParseDecimalOptions = {}): Money | DecimalError {
  const scale = options.scale ?? minorUnits(currency) ?? 2;
  const r = parseDecimal(text, { ...options, scale });
  return r.ok ? { minor: r.units, scale, currency } : r;
}

export function money(minor: bigint, scale: number, currency: string): Money {
  return { minor, scale, currency };
}

export function zero(currency: string, scale = minorUnits(currency) ?? 2): Money {
  return { minor: 0n, scale, currency };
}

/** Formats units at a scale as a plain decimal string ("-12.50"); no grouping, no locale. */
export function formatUnits(units: bigint, scale: number): string {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString();
  if (scale === 0) return (neg ? '-' : '') + digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/**
 * Formats money as a decimal string. With `minDecimals`, trailing zero decimals beyond it are
 * dropped (never a non-zero digit): 12.500000 at minDecimals 2 -> "12.50".
 */
export function formatMoney(m: Money, minDecimals?: number): string {
  const s = formatUnits(m.minor, m.scale);
  if (minDecimals === undefined || m.scale <= minDecimals || !s.includes('.')) return s;
  let end = s.length;
  const dot = s.indexOf('.');
  while (end > dot + 1 + minDecimals && s[end - 1] === '0') end--;
  if (end === dot + 1) end = dot;
  return s.slice(0, end);
}

/** Formats for people and reports: trailing zeros trimmed down to the currency's minor units. */
export function formatForCurrency(m: Money): string {
  return formatMoney(m, minorUnits(m.currency) ?? 2);
}

/** The value at another scale; rounds with `mode` when decimals are lost. */
export function rescale(m: Money, scale: number, mode: RoundingMode = 'half-even'): Money {
  if (scale === m.scale) return m;
  if (scale > m.scale) return { ...m, minor: m.minor * pow10(scale - m.scale), scale };
  return { ...m, minor: divRound(m.minor, pow10(m.scale - scale), mode), scale };
}

export class CurrencyMismatchError extends Error {
  override readonly name = 'CurrencyMismatchError';
  constructor(a: string, b: string) {
    super(`cannot combine ${a} with ${b}`);
  }
}

/** a + b, at the larger of the two scales. Currencies must match. */
export function add(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  const scale = Math.max(a.scale, b.scale);
  return { currency: a.currency, scale, minor: rescale(a, scale).minor + rescale(b, scale).minor };
}

export function negate(m: Money): Money {
  return { ...m, minor: -m.minor };
}

export function sum(items: readonly Money[], currency: string, scale?: number): Money {
  let acc = zero(currency, scale ?? 0);
  for (const m of items) acc = add(acc, m);
  return scale === undefined ? acc : rescale(acc, Math.max(scale, acc.scale));
}

/** m * numerator / denominator, rounded once with `mode` (pro-rata of a share or a rate). */
export function multiplyRatio(m: Money, numerator: bigint, denominator: bigint, mode: RoundingMode): Money {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  return { ...m, minor: divRound(m.minor * numerator, denominator, mode) };
}

/**
 * Splits `total` over `weights` exactly: every part is the floor of its pro-rata value, then the
 * minor units left over go one each to the parts with the largest remainders. Ties go to the
 * lower index, so the result is deterministic; the parts always add up to the total. A negative
 * total is split as its absolute value and negated. Zero weights get zero.
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new RangeError('nothing to split over');
  let wsum = 0n;
  for (const w of weights) {
    if (w < 0n) throw new RangeError('weights must not be negative');
    wsum += w;
  }
  if (wsum === 0n) throw new RangeError('weights add up to zero');
  const neg = total < 0n;
  const abs = neg ? -total : total;
  const parts: bigint[] = [];
  const rems: { i: number; r: bigint }[] = [];
  let given = 0n;
  weights.forEach((w, i) => {
    const p = abs * w;
    const q = p / wsum;
    parts.push(q);
    given += q;
    rems.push({ i, r: p % wsum });
  });
  let left = abs - given;
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0n) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left -= 1n;
  }
  return neg ? parts.map((p) => -p) : parts;
}

/** Money split over weights; see `allocate`. */
export function split(m: Money, weights: readonly bigint[]): Money[] {
  return allocate(m.minor, weights).map((minor) => ({ ...m, minor }));
}
