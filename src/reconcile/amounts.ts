/**
 * Exact money arithmetic for reconciliation: integer minor units (bigint) at a declared scale,
 * decimal strings in and out (never through Number), exchange rates as exact fractions, and the
 * two ways money is divided without losing a unit: cumulative rounding along a stream of lines,
 * and largest-remainder splits over weights.
 */

/** Parses a decimal string ("-1234.5", "0,25" is refused) to minor units at `scale`, rounding
 * half away from zero beyond the scale. Returns null for anything that is not a decimal. */
export function parseDecimal(text: string, scale: number): bigint | null {
  const m = /^\s*([+-]?)([0-9]+)(?:\.([0-9]*))?\s*$/.exec(text);
  if (!m) return null;
  const sign = m[1] === '-' ? -1n : 1n;
  const int = m[2] ?? '0';
  const frac = m[3] ?? '';
  const kept = (frac + '0'.repeat(scale)).slice(0, scale);
  let v = BigInt(int + kept);
  const next = frac.charCodeAt(scale);
  if (!Number.isNaN(next) && next >= 53 /* '5' */) v += 1n;
  return sign * v;
}

/** Minor units to a plain decimal string: 123456n, 2 -> "1234.56"; -5n, 2 -> "-0.05". */
export function formatMinor(value: bigint, scale: number): string {
  const neg = value < 0n;
  const digits = (neg ? -value : value).toString().padStart(scale + 1, '0');
  const s = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? `-${s}` : s;
}

/** Changes the scale of an amount, rounding half away from zero when reducing it. */
export function rescale(value: bigint, from: number, to: number): bigint {
  if (to >= from) return value * 10n ** BigInt(to - from);
  return divRound(value, 10n ** BigInt(from - to));
}

/** floor(a / b) for b > 0, also for negative a. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** a / b rounded half up (towards +infinity on .5), b > 0. Monotone, so cumulative use telescopes. */
export function divRound(a: bigint, b: bigint): bigint {
  return floorDiv(2n * a + b, 2n * b);
}

/** An exchange rate FROM:TO=R meaning 1 FROM = R TO, held as an exact fraction. */
export interface Rate {
  readonly from: string;
  readonly to: string;
  readonly num: bigint;
  readonly den: bigint;
  readonly text: string;
}

/** Parses "EUR:KZT=512.34" (or "EUR/KZT=512.34"); null when malformed or not positive. */
export function parseRate(text: string): Rate | null {
  const m = /^\s*([A-Za-z]{3})\s*[:/]\s*([A-Za-z]{3})\s*=\s*([0-9]+(?:\.[0-9]+)?)\s*$/.exec(text);
  if (!m || !m[1] || !m[2] || !m[3]) return null;
  const [int, frac = ''] = m[3].split('.');
  const num = BigInt((int ?? '0') + frac);
  if (num <= 0n) return null;
  return { from: m[1].toUpperCase(), to: m[2].toUpperCase(), num, den: 10n ** BigInt(frac.length), text: `${m[1].toUpperCase()}:${m[2].toUpperCase()}=${m[3]}` };
}

/**
 * Maps a stream of amounts proportionally (out = in * num / den) so that the outputs always add up
 * to the rounded image of the running total: each step returns R(cum + a) - R(cum). No unit is
 * lost or created, whatever the number of lines.
 */
export class CumulativeScaler {
  private cum = 0n;
  private out = 0n;
  constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {
    if (den <= 0n) throw new RangeError('scaler denominator must be positive');
  }
  step(amount: bigint): bigint {
    this.cum += amount;
    const next = divRound(this.cum * this.num, this.den);
    const part = next - this.out;
    this.out = next;
    return part;
  }
  /** The image of a total in one go (what the steps add up to). */
  image(total: bigint): bigint {
    return divRound(total * this.num, this.den);
  }
}

/**
 * Splits `amount` over non-negative weights (sum > 0) by largest remainder: each part is the floor
 * of its exact share, and the units left over go to the largest remainders, ties to the earlier
 * weight. Negative amounts split as the negation of the positive split. Parts add up to `amount`.
 */
export function splitByWeights(amount: bigint, weights: readonly bigint[]): bigint[] {
  // One positive weight takes everything (what the general case gives, without its work).
  if (weights.length === 1 && (weights[0] as bigint) > 0n) return [amount];
  if (amount < 0n) return splitByWeights(-amount, weights).map((p) => -p);
  const total = weights.reduce((s, w) => s + w, 0n);
  if (total <= 0n || weights.some((w) => w < 0n)) throw new RangeError('weights must be non-negative with a positive sum');
  const parts = weights.map((w) => (amount * w) / total);
  const rems = weights.map((w, i) => ({ i, r: (amount * w) % total }));
  let left = amount - parts.reduce((s, p) => s + p, 0n);
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left--;
  }
  return parts;
}

const MINOR_UNITS: Readonly<Record<string, number>> = { BHD: 3, CLP: 0, ISK: 0, JOD: 3, JPY: 0, KRW: 0, KWD: 3, OMR: 3, TND: 3, UGX: 0, VND: 0 };

/** ISO 4217 minor units (2 unless listed). */
export function minorUnits(currency: string): number {
  return MINOR_UNITS[currency.toUpperCase()] ?? 2;
}
