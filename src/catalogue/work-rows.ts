/**
 * A work as the positional parameters of its catalogue rows (works row, titles, identifiers,
 * parties, shares, links, recordings, performers, origin, cross references, related works).
 * WorksRepository writes a work from these and nothing else, so the rows a work gets do not
 * depend on where they were computed: the import builds them in its reader thread (arrays of
 * strings and numbers cost a fraction of a Work object to pass between threads), undo and
 * tests build them here from a Work.
 */
import { nameKey, titleKey } from '../domain/text-keys.js';
import { partyKey, type Party } from '../domain/party.js';
import type { CollectionShare } from '../domain/share.js';
import { writerKey, type Work, type WorkParty } from '../domain/work.js';

export type Scalar = string | number | null;

/** A party of a work: its parties row (inserted when its key is new) and its work_parties row. */
export interface PartyRows {
  /** parties.key (partyKey). */
  readonly key: string;
  /** parties columns after key: kind, ipi_name_number, ipi_base_number, submitter, ip_number,
   * name, first_name, name_key, original_name, original_first_name, original_language; null
   * when the writer already has the row (see SentParties). */
  readonly party: readonly Scalar[] | null;
  /** Society per right (PR, MR, SR) for party_affiliations. */
  readonly societies: readonly [string | null, string | null, string | null];
  /** work_parties.position */
  readonly position: number;
  /** work_parties columns after (work_id, position, party_id), in table order from kind. */
  readonly values: readonly Scalar[];
  /** collection_shares columns after (work_id, position): n, sequence, territory, include, pr, mr, sr. */
  readonly collection: ReadonlyArray<readonly Scalar[]>;
}

export interface WorkRows {
  readonly submitter: string;
  readonly number: string;
  readonly iswc: string | null;
  /** titleKey(title) and writerKey(work): the duplicate-detection keys. */
  readonly titleKey: string;
  readonly writerKey: string;
  /** works columns in WORK_COLUMNS order. */
  readonly columns: readonly Scalar[];
  /** titles after work_id: position, title, title_key, type, language, non_roman. */
  readonly titles: ReadonlyArray<readonly Scalar[]>;
  /** work_identifiers after work_id: kind ('society'), issuer, value. */
  readonly identifiers: ReadonlyArray<readonly Scalar[]>;
  readonly parties: readonly PartyRows[];
  /** Each after work_id, starting with n. */
  readonly links: ReadonlyArray<readonly Scalar[]>;
  readonly recordings: ReadonlyArray<readonly Scalar[]>;
  readonly performers: ReadonlyArray<readonly Scalar[]>;
  readonly origin: readonly Scalar[] | null;
  readonly crossReferences: ReadonlyArray<readonly Scalar[]>;
  readonly related: ReadonlyArray<readonly Scalar[]>;
}

/** The works columns WorkRows.columns holds, in order (version, hash and runs come apart). */
export const WORK_COLUMNS = [
  'submitter', 'submitter_work_number', 'title', 'title_key', 'writer_key', 'language', 'iswc', 'copyright_date', 'copyright_number',
  'category', 'duration', 'recorded', 'text_music_relationship', 'composite_type', 'version_type', 'excerpt_type', 'music_arrangement',
  'lyric_adaptation', 'cwr_work_type', 'grand_rights', 'opus_number', 'catalogue_number', 'priority',
] as const;

const bit = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);

/** nameKey of recent party names: writers recur across a catalogue's works (bounded). */
const nameKeys = new Map<string, string>();
const NAME_KEYS_MAX = 100_000;

function cachedNameKey(name: string): string {
  let k = nameKeys.get(name);
  if (k === undefined) {
    if (nameKeys.size >= NAME_KEYS_MAX) nameKeys.clear();
    nameKeys.set(name, (k = nameKey(name)));
  }
  return k;
}

/** The parties columns (after key) of a party as `submitter` declares it. */
function partyColumns(submitter: string, party: Party): Scalar[] {
  const o = party.originalName;
  return [
    party.kind, party.ipiNameNumber, party.ipiBaseNumber, submitter, party.ipNumber, party.name, party.firstName,
    cachedNameKey(`${party.firstName ?? ''} ${party.name}`), o?.name ?? null, o?.firstName ?? null, o?.language ?? null,
  ];
}

/** The parties row of a party as `submitter` declares it. */
export function partyRow(submitter: string, party: Party): { key: string; party: Scalar[] } {
  return { key: partyKey(submitter, party), party: partyColumns(submitter, party) };
}

/**
 * Keys of the parties whose row the writer already has, so a party's columns cross between
 * threads once per file, not once per work. The reader adds keys as it sends them and must
 * clear the set whenever the writer may have lost rows (a group rolled back); its size is
 * bounded (clearing only makes the columns travel again).
 */
export class SentParties {
  static readonly MAX = 200_000;
  readonly #keys = new Set<string>();

  /** true when `key` was sent already; otherwise records it as sent now. */
  sent(key: string): boolean {
    if (this.#keys.has(key)) return true;
    if (this.#keys.size >= SentParties.MAX) this.#keys.clear();
    this.#keys.add(key);
    return false;
  }

  clear(): void {
    this.#keys.clear();
  }
}

function partyRows(submitter: string, p: WorkParty, sent: SentParties | undefined): PartyRows {
  const party = p.party;
  const key = partyKey(submitter, party);
  const s = party.societies;
  const own = p.ownership;
  const a = p.agreement;
  const collection: Scalar[][] = [];
  for (let i = 0; i < p.collection.length; i++) {
    const c = p.collection[i] as CollectionShare;
    collection.push([i + 1, c.sequence, c.territory, c.include ? 1 : 0, c.shares.PR, c.shares.MR, c.shares.SR]);
  }
  return {
    key,
    // A party's columns cross once per file, and once more when an occurrence brings an
    // original-script name (it may fill a row that has none: parties.ts).
    party: sent?.sent(party.originalName ? `${key}\u0000original` : key) === true ? null : partyColumns(submitter, party),
    societies: [s.PR, s.MR, s.SR],
    position: p.position,
    values: [party.kind, party.ipNumber, p.role, p.controlled ? 1 : 0, p.chain, p.unknown ? 1 : 0, s.PR, s.MR, s.SR, own.PR, own.MR, own.SR,
      a?.submitterNumber ?? null, a?.societyNumber ?? null, a?.type ?? null],
    collection,
  };
}

/** The rows of a work. `keys`: its title and writer keys when already known; `sent`: parties
 * the writer has (their columns are left out). */
export function workRows(work: Work, keys?: { readonly title: string; readonly writers: string }, sent?: SentParties): WorkRows {
  const title = keys?.title ?? titleKey(work.title);
  const writers = keys?.writers ?? writerKey(work);
  // The ISWC and the submitter work number are works columns (migration 0004).
  const identifiers: Scalar[][] = work.societyWorkNumbers.map((s) => ['society', s.society, s.number]);
  const o = work.origin;
  return {
    submitter: work.submitter,
    number: work.submitterWorkNumber,
    iswc: work.iswc,
    titleKey: title,
    writerKey: writers,
    columns: [
      work.submitter, work.submitterWorkNumber, work.title, title, writers, work.language, work.iswc, work.copyrightDate, work.copyrightNumber,
      work.category, work.duration, work.recorded, work.textMusicRelationship, work.compositeType, work.versionType, work.excerptType, work.musicArrangement,
      work.lyricAdaptation, work.cwrWorkType, bit(work.grandRights), work.opusNumber, work.catalogueNumber, work.priority,
    ],
    titles: work.titles.map((t, i) => [i + 1, t.title, titleKey(t.title), t.type, t.language, t.nonRoman ? 1 : 0]),
    identifiers,
    parties: work.parties.map((p) => partyRows(work.submitter, p, sent)),
    links: work.links.map((l, i) => [i + 1, l.writerIpNumber, l.publisherIpNumber, l.chain, l.submitterAgreementNumber, l.societyAgreementNumber]),
    recordings: work.recordings.map((r, i) => [i + 1, r.isrc, r.releaseDate, r.duration, r.albumTitle, r.albumLabel, r.catalogueNumber, r.ean, r.recordingTitle,
      r.versionTitle, r.displayArtist, r.recordLabel, r.format, r.technique, r.mediaType, r.submitterRecordingId]),
    performers: work.performers.map((p, i) => [i + 1, p.name, p.firstName, p.ipiNameNumber, p.ipiBaseNumber, p.originalName, p.language]),
    origin: o ? [o.intendedPurpose, o.productionTitle, o.cdIdentifier, o.cutNumber, o.library, o.productionNumber, o.episodeTitle, o.episodeNumber, o.yearOfProduction, o.isan] : null,
    crossReferences: work.crossReferences.map((x, i) => [i + 1, x.organisation, x.identifier, x.type, x.valid]),
    related: work.related.map((r, i) => [i + 1, r.relation, r.title, r.iswc, r.submitterWorkNumber, JSON.stringify(r.writers)]),
  };
}
