/**
 * Interested parties of a work: writers and publishers as a submitter declares them. A party has
 * the submitter's own interested party number, optional IPI name and base numbers, a name in the
 * CWR Latin set and, from NPN/NWN records, the name in its original script.
 */
import type { SocietiesByRight } from './share.js';

export type PartyKind = 'writer' | 'publisher';

/** A name written in its original (non-Roman) script, with its language. */
export interface OriginalName {
  readonly name: string;
  readonly firstName: string | null;
  readonly language: string | null;
}

export interface Party {
  readonly kind: PartyKind;
  /** The submitter's interested party number (unique per submitter, not worldwide). */
  readonly ipNumber: string;
  /** IPI name number, 11 digits, or null. */
  readonly ipiNameNumber: string | null;
  /** IPI base number (I-123456789-3), or null. */
  readonly ipiBaseNumber: string | null;
  /** Last name (writers) or publisher name, Latin characters as in the main record. */
  readonly name: string;
  /** Writer's first name; null for publishers. */
  readonly firstName: string | null;
  /** The name in its original script (NPN / NWN), if sent. */
  readonly originalName: OriginalName | null;
  /** Society affiliation per right, as declared in this registration. */
  readonly societies: SocietiesByRight;
}

/** The lookup key of a party inside one submitter's registrations. */
export function partyKey(submitter: string, party: Pick<Party, 'ipiNameNumber' | 'ipNumber' | 'kind'>): string {
  return party.ipiNameNumber !== null ? `ipi:${party.ipiNameNumber}` : `ip:${submitter}:${party.kind}:${party.ipNumber}`;
}
