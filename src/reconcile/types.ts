/**
 * What reconciliation needs from the catalogue and from a statement, as small interfaces of its
 * own: adapters turn the catalogue schema and the statement model into these shapes, so the
 * matching and allocation maths can be tested with plain objects.
 */

export type Right = 'PR' | 'MR' | 'SR';

/** A collection share of one party on one work, for one right, in a territory (TIS code). */
export interface CollectionShare {
  readonly right: Right;
  /** Hundredths of a percent: 10000 = 100.00%. */
  readonly share: number;
  /** TIS numeric code (e.g. '2136' world, '0398' Kazakhstan). */
  readonly territory: string;
  /** Include (true) or exclude (false) the territory. */
  readonly include: boolean;
}

/** A party on a work, as the allocation needs it. */
export interface WorkParty {
  /** Catalogue id of the party (stable within one catalogue). */
  readonly id: number;
  readonly name: string;
  readonly ipiName: string | null;
  readonly ipiBase: string | null;
  /** Role or designation code (CA, A, C, E, AM ...). */
  readonly role: string;
  readonly writer: boolean;
  /** Society (CISAC code, 3 digits) the party is affiliated to, per right. */
  readonly affiliation: Readonly<Partial<Record<Right, string>>>;
  readonly collection: readonly CollectionShare[];
}

/** A catalogue work in full (fetched only for matched works). */
export interface WorkDetail {
  readonly id: number;
  readonly title: string;
  readonly iswc: string | null;
  readonly parties: readonly WorkParty[];
}

/** The compact keys of one work that the match index holds in memory. */
export interface IndexEntry {
  readonly id: number;
  readonly titles: readonly string[];
  readonly iswc: string | null;
  readonly submitterNumbers: readonly string[];
  /** Society work numbers as `SOCIETY:CODE` (e.g. '052:12345678'). */
  readonly societyCodes: readonly string[];
  readonly isrcs: readonly string[];
  readonly writers: readonly { readonly name: string; readonly ipiName: string | null; readonly ipiBase: string | null }[];
}

/** Details of matched works, fetched on demand (the SQLite adapter caches them). */
export interface WorkDetails {
  detail(id: number): WorkDetail | null;
  /** Optional hint: these works are about to be asked for (lets a store read them in bulk). */
  prefetch?(ids: readonly number[]): void;
}

/** A statement line as reconciliation reads it. Amounts are integer minor units at the statement scale. */
export interface ReconLine {
  /** Id of the stored statement line (unique in the statement). */
  readonly id: number;
  /** The remitting society's own line reference, if any. */
  readonly ref: string | null;
  /** The remitting society's work code. */
  readonly workCode: string | null;
  readonly iswc: string | null;
  readonly submitterWorkNumber: string | null;
  readonly isrc: string | null;
  readonly title: string | null;
  readonly writers: readonly string[];
  readonly ipiName: string | null;
  readonly ipiBase: string | null;
  readonly partyName: string | null;
  readonly right: Right | null;
  readonly territory: string | null;
  /** Share paid, hundredths of a percent, if the statement gives one. */
  readonly share: number | null;
  readonly amount: bigint;
  /** Usage period or distribution reference: part of the duplicate key. */
  readonly period: string | null;
  /** After bank charges and in local currency, when worked out for the whole statement already
   * (see Reconciler.images); otherwise the reconciler scales the lines as they come. */
  readonly scaled?: { readonly net: bigint; readonly local: bigint | null };
}

export interface ReconStatement {
  readonly id: number;
  /** CISAC code of the remitting society. */
  readonly fromSociety: string;
  readonly currency: string;
  /** Decimals of the amounts (minor units). */
  readonly scale: number;
  /** Control total declared by the statement, when it has one. */
  readonly declaredTotal: bigint | null;
  /** Exchange rate declared by the statement (local per statement unit), when it has one. */
  readonly rate: string | null;
}

/** How a line found its work. Ordered as the cascade tries them. */
export const MATCH_METHODS = ['decision', 'society-code', 'iswc', 'submitter-number', 'isrc', 'title-writer'] as const;
export type MatchMethod = (typeof MATCH_METHODS)[number];

export type LineStatus = 'matched' | 'review' | 'unmatched';

export interface Candidate {
  readonly workId: number;
  /** 0..1 */
  readonly score: number;
  readonly title: string;
  readonly writerConfirmed: boolean;
}

export interface MatchResult {
  readonly status: LineStatus;
  readonly method: MatchMethod | null;
  readonly workId: number | null;
  /** 0..1 */
  readonly confidence: number;
  /** The key that matched (the identifier value or the normalised title). */
  readonly key: string | null;
  /** Review candidates (best first) when not matched. */
  readonly candidates: readonly Candidate[];
}

export type PartyMethod = 'ipi-name' | 'ipi-base' | 'name';
