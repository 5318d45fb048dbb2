/**
 * The domain model of a registered work, as one submitter registers it: titles, identifiers,
 * interested parties with ownership and collection shares, publisher chains and writer links,
 * performers, recordings, origin and cross references. Built from CWR (formats/cwr/to-work.ts),
 * stored by the catalogue, written back by formats/cwr/from-work.ts. Pure data, no I/O.
 */
import type { Party } from './party.js';
import type { Performer, Recording } from './recording.js';
import type { CollectionShare, SharesByRight } from './share.js';

/** Title types of the CISAC table (OT original, AT alternative, TT translated, OL/AL national ...). */
export interface Title {
  readonly title: string;
  /** CISAC title type; 'OT' for the work title itself. */
  readonly type: string;
  readonly language: string | null;
  /** true for titles in their original script (NAT / NET / NCT / NVT records). */
  readonly nonRoman: boolean;
}

/** A work number a society assigned (from ACKs and XRF/ISW/ARI records). */
export interface SocietyWorkNumber {
  readonly society: string;
  readonly number: string;
}

/** A party's place in the work: role, control, chain, shares. */
export interface WorkParty {
  readonly party: Party;
  /** Publisher type (E, AM, SE, PA, AQ, ES) or writer designation (CA, C, A, AR, AD, SR, SA, TR, PA). */
  readonly role: string | null;
  /** true when the submitter controls it (SPU / SWR), false for other parties (OPU / OWR). */
  readonly controlled: boolean;
  /** Publisher sequence number: the chain a publisher belongs to (null for writers). */
  readonly chain: number | null;
  /** Position of the party in the transaction, from 1. */
  readonly position: number;
  readonly unknown: boolean;
  readonly ownership: SharesByRight;
  readonly collection: readonly CollectionShare[];
  /** Agreement the publisher holds the work by (SPU submitter / society agreement numbers). */
  readonly agreement: { readonly submitterNumber: string | null; readonly societyNumber: string | null; readonly type: string | null } | null;
}

/** PWR: a writer is represented by a publisher (optionally under an agreement). */
export interface WriterPublisherLink {
  readonly writerIpNumber: string;
  readonly publisherIpNumber: string;
  /** The publisher chain (3.x carries it; 2.x leaves it null). */
  readonly chain: number | null;
  readonly submitterAgreementNumber: string | null;
  readonly societyAgreementNumber: string | null;
}

/** Work origin (ORN): library, production, episode, audio-visual identifiers. */
export interface WorkOrigin {
  readonly intendedPurpose: string | null;
  readonly productionTitle: string | null;
  readonly cdIdentifier: string | null;
  readonly cutNumber: number | null;
  readonly library: string | null;
  readonly productionNumber: string | null;
  readonly episodeTitle: string | null;
  readonly episodeNumber: string | null;
  readonly yearOfProduction: number | null;
  readonly isan: string | null;
}

/** XRF: an identifier another organisation gave the work. */
export interface CrossReference {
  readonly organisation: string;
  readonly identifier: string;
  /** W work, R recording, P product, V video (CISAC table). */
  readonly type: string | null;
  readonly valid: string | null;
}

/** A work this one derives from or contains (EWT, VER, COM, OWK). */
export interface RelatedWork {
  readonly relation: 'entire' | 'original' | 'component';
  readonly title: string;
  readonly iswc: string | null;
  readonly submitterWorkNumber: string | null;
  /** The title in its original script (NET / NCT / NVT), if sent. */
  readonly originalTitle: string | null;
  readonly writers: ReadonlyArray<{ readonly name: string; readonly firstName: string | null; readonly ipiNameNumber: string | null }>;
}

export interface Work {
  /** Who registered it: the sender code/id of the file's HDR. */
  readonly submitter: string;
  readonly submitterWorkNumber: string;
  readonly title: string;
  readonly language: string | null;
  /** Normalised T1234567894, or null. */
  readonly iswc: string | null;
  /** Every other title: alternates (ALT) and original-script titles (NAT/NET/NCT/NVT). */
  readonly titles: readonly Title[];
  readonly societyWorkNumbers: readonly SocietyWorkNumber[];
  readonly copyrightDate: string | null;
  readonly copyrightNumber: string | null;
  /** Musical work distribution category (POP, JAZ, SER ...). */
  readonly category: string | null;
  readonly duration: string | null;
  readonly recorded: string | null;
  readonly textMusicRelationship: string | null;
  readonly compositeType: string | null;
  readonly versionType: string | null;
  readonly excerptType: string | null;
  readonly musicArrangement: string | null;
  readonly lyricAdaptation: string | null;
  readonly cwrWorkType: string | null;
  readonly grandRights: boolean | null;
  readonly opusNumber: string | null;
  readonly catalogueNumber: string | null;
  readonly priority: string | null;
  readonly parties: readonly WorkParty[];
  readonly links: readonly WriterPublisherLink[];
  readonly performers: readonly Performer[];
  readonly recordings: readonly Recording[];
  readonly origin: WorkOrigin | null;
  readonly crossReferences: readonly CrossReference[];
  readonly related: readonly RelatedWork[];
}

export function writersOf(work: Work): WorkParty[] {
  return work.parties.filter((p) => p.party.kind === 'writer');
}

export function publishersOf(work: Work): WorkParty[] {
  return work.parties.filter((p) => p.party.kind === 'publisher');
}

/** Sorted IPI name numbers of the writers: with the title key, identifies one work across
 * submitters. Empty when no writer has an IPI number. */
export function writerKey(work: Work): string {
  const ipis = new Set<string>();
  for (const p of writersOf(work)) if (p.party.ipiNameNumber !== null) ipis.add(p.party.ipiNameNumber);
  return [...ipis].sort().join(' ');
}
