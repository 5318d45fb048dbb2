/**
 * Shares of a work: integer hundredths of a percent (10000 = 100.00%), never floats. Ownership
 * shares are per right; collection shares per right and territory (TIS code, include/exclude).
 */

/** The three rights CWR splits shares by: performing, mechanical, synchronisation. */
export type Right = 'PR' | 'MR' | 'SR';
export const RIGHTS: readonly Right[] = ['PR', 'MR', 'SR'];

/** 100.00% in share units. */
export const FULL_SHARE = 10000;

/** A share per right in hundredths of a percent; null when the record leaves it blank. */
export type SharesByRight = Readonly<Record<Right, number | null>>;

/** Society affiliation per right (CISAC society codes, e.g. "177"); null when none given. */
export type SocietiesByRight = Readonly<Record<Right, string | null>>;

export const NO_SHARES: SharesByRight = { PR: null, MR: null, SR: null };
export const NO_SOCIETIES: SocietiesByRight = { PR: null, MR: null, SR: null };

/** One territory line of a collection share (SPT / SWT / OPT / OWT). */
export interface CollectionShare {
  /** TIS numeric code, 4 digits as text ("2136" World, "0398" Kazakhstan). */
  readonly territory: string;
  /** true for I (include), false for E (exclude). */
  readonly include: boolean;
  readonly shares: SharesByRight;
  /** Sequence number of the territory line (3.x and 2.1 rev 8), else position from 1. */
  readonly sequence: number;
}

/** Converts a decoded share field (scale 2, already an integer in share units) to a share. */
export function shareFrom(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  return null;
}

/** "50.00" style text for people (never used for arithmetic). */
export function formatShare(share: number | null): string {
  if (share === null) return '';
  const sign = share < 0 ? '-' : '';
  const abs = Math.abs(share);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
