/**
 * Checks on reconciled lines, as data: share paid vs share registered, a party paid who is not on
 * the work, a local member on a matched work who was not paid (claim candidate), duplicate lines,
 * and the statement's control total vs the sum of its lines.
 */
import { ipiBaseKey, ipiNameKey, matchTitleKey, workNumberKey } from './keys.js';
import type { ReconLine } from './types.js';

export const FINDING_KINDS = ['share-discrepancy', 'party-not-on-work', 'claim-candidate', 'duplicate-line', 'control-total'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Kinds that count as discrepancies in the summary (claims are opportunities, listed apart). */
export const DISCREPANCY_KINDS: ReadonlySet<FindingKind> = new Set(['share-discrepancy', 'party-not-on-work', 'duplicate-line', 'control-total']);

export interface Finding {
  readonly kind: FindingKind;
  readonly lineId: number | null;
  readonly workId: number | null;
  readonly partyId: number | null;
  /** Kind-specific values (shares in hundredths of a percent, amounts as decimal strings). */
  readonly detail: Readonly<Record<string, string | number | null>>;
}

/** Default tolerance between share paid and registered: 0.06% (as for CWR share totals). */
export const DEFAULT_SHARE_TOLERANCE = 6;

/** The key under which two lines are the same payment. */
export function duplicateKey(line: ReconLine): string {
  return [
    workNumberKey(line.workCode) ?? '',
    line.iswc ?? '',
    matchTitleKey(line.title),
    ipiNameKey(line.ipiName) ?? ipiBaseKey(line.ipiBase) ?? (line.partyName ?? '').trim().toUpperCase(),
    line.right ?? '',
    line.territory ?? '',
    line.period ?? '',
    line.share ?? '',
    line.amount.toString(),
  ].join('\u0001');
}

export function shareDiscrepancy(line: ReconLine, registered: number | null, tolerance: number, workId: number, partyId: number | null): Finding | null {
  if (line.share === null || registered === null) return null;
  if (Math.abs(line.share - registered) <= tolerance) return null;
  return { kind: 'share-discrepancy', lineId: line.id, workId, partyId, detail: { paid: line.share, registered } };
}
