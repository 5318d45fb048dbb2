/**
 * Reads one work of the catalogue back into the domain model (src/domain/work.ts), from the
 * tables of migration 0001. Every query is keyed by work id (primary keys), so loading a work
 * costs a dozen index lookups whatever the size of the catalogue.
 */
import type { Db } from '../db.js';
import { stmt } from './statements.js';
import type { Party, PartyKind } from '../../domain/party.js';
import type { Performer, Recording } from '../../domain/recording.js';
import type { CollectionShare } from '../../domain/share.js';
import type { CrossReference, RelatedWork, SocietyWorkNumber, Title, Work, WorkOrigin, WorkParty, WriterPublisherLink } from '../../domain/work.js';

type Row = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null);
const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : Number(v) === 1);

export interface WorkRow {
  readonly id: number;
  readonly submitter: string;
  readonly submitterWorkNumber: string;
  readonly title: string;
  readonly iswc: string | null;
  readonly version: number;
}

export function workRow(db: Db, id: number): WorkRow | undefined {
  const r = stmt(db, 'SELECT id, submitter, submitter_work_number, title, iswc, version FROM works WHERE id = ?').get(id) as Row | undefined;
  if (!r) return undefined;
  return { id: Number(r['id']), submitter: String(r['submitter']), submitterWorkNumber: String(r['submitter_work_number']), title: String(r['title']), iswc: str(r['iswc']), version: Number(r['version']) };
}

/** The work with this internal id, or undefined. */
export function loadWork(db: Db, id: number): Work | undefined {
  const w = stmt(db, 'SELECT * FROM works WHERE id = ?').get(id) as Row | undefined;
  if (!w) return undefined;
  const submitter = String(w['submitter']);

  const titles: Title[] = (stmt(db, 'SELECT title, type, language, non_roman FROM titles WHERE work_id = ? ORDER BY position').all(id) as Row[]).map((r) => ({
    title: String(r['title']),
    type: String(r['type']),
    language: str(r['language']),
    nonRoman: Number(r['non_roman']) === 1,
  }));

  const societyWorkNumbers: SocietyWorkNumber[] = (
    stmt(db, "SELECT issuer, value FROM work_identifiers WHERE work_id = ? AND kind = 'society' ORDER BY issuer, value").all(id) as Row[]
  ).map((r) => ({ society: String(r['issuer']), number: String(r['value']) }));

  const collections = new Map<number, CollectionShare[]>();
  for (const r of stmt(db, 'SELECT * FROM collection_shares WHERE work_id = ? ORDER BY position, n').all(id) as Row[]) {
    const pos = Number(r['position']);
    const list = collections.get(pos) ?? [];
    list.push({
      territory: String(r['territory']),
      include: Number(r['include']) === 1,
      shares: { PR: num(r['pr_share']), MR: num(r['mr_share']), SR: num(r['sr_share']) },
      sequence: Number(r['sequence']),
    });
    collections.set(pos, list);
  }

  const parties: WorkParty[] = (
    stmt(db,
        `SELECT wp.*, p.ipi_name_number, p.ipi_base_number, p.name, p.first_name, p.original_name, p.original_first_name, p.original_language
         FROM work_parties wp JOIN parties p ON p.id = wp.party_id WHERE wp.work_id = ? ORDER BY wp.position`,
      )
      .all(id) as Row[]
  ).map((r) => {
    const kind = String(r['kind']) as PartyKind;
    const original = str(r['original_name']);
    const party: Party = {
      kind,
      ipNumber: String(r['ip_number']),
      ipiNameNumber: str(r['ipi_name_number']),
      ipiBaseNumber: str(r['ipi_base_number']),
      name: String(r['name']),
      firstName: str(r['first_name']),
      originalName: original === null ? null : { name: original, firstName: str(r['original_first_name']), language: str(r['original_language']) },
      societies: { PR: str(r['pr_society']), MR: str(r['mr_society']), SR: str(r['sr_society']) },
    };
    const hasAgreement = r['agreement_submitter'] !== null || r['agreement_society'] !== null || r['agreement_type'] !== null;
    return {
      party,
      role: str(r['role']),
      controlled: Number(r['controlled']) === 1,
      chain: num(r['chain']),
      position: Number(r['position']),
      unknown: Number(r['unknown']) === 1,
      ownership: { PR: num(r['pr_share']), MR: num(r['mr_share']), SR: num(r['sr_share']) },
      collection: collections.get(Number(r['position'])) ?? [],
      agreement: hasAgreement ? { submitterNumber: str(r['agreement_submitter']), societyNumber: str(r['agreement_society']), type: str(r['agreement_type']) } : null,
    };
  });

  const links: WriterPublisherLink[] = (stmt(db, 'SELECT * FROM pwr_links WHERE work_id = ? ORDER BY n').all(id) as Row[]).map((r) => ({
    writerIpNumber: String(r['writer_ip_number']),
    publisherIpNumber: String(r['publisher_ip_number']),
    chain: num(r['chain']),
    submitterAgreementNumber: str(r['submitter_agreement_number']),
    societyAgreementNumber: str(r['society_agreement_number']),
  }));

  const performers: Performer[] = (stmt(db, 'SELECT * FROM performers WHERE work_id = ? ORDER BY n').all(id) as Row[]).map((r) => ({
    name: String(r['name']),
    firstName: str(r['first_name']),
    ipiNameNumber: str(r['ipi_name_number']),
    ipiBaseNumber: str(r['ipi_base_number']),
    originalName: str(r['original_name']),
    language: str(r['language']),
  }));

  const recordings: Recording[] = (stmt(db, 'SELECT * FROM recordings WHERE work_id = ? ORDER BY n').all(id) as Row[]).map((r) => ({
    isrc: str(r['isrc']),
    releaseDate: str(r['release_date']),
    duration: str(r['duration']),
    albumTitle: str(r['album_title']),
    albumLabel: str(r['album_label']),
    catalogueNumber: str(r['catalogue_number']),
    ean: str(r['ean']),
    recordingTitle: str(r['recording_title']),
    versionTitle: str(r['version_title']),
    displayArtist: str(r['display_artist']),
    recordLabel: str(r['record_label']),
    format: str(r['format']),
    technique: str(r['technique']),
    mediaType: str(r['media_type']),
    submitterRecordingId: str(r['submitter_recording_id']),
  }));

  const o = stmt(db, 'SELECT * FROM work_origins WHERE work_id = ?').get(id) as Row | undefined;
  const origin: WorkOrigin | null = o
    ? {
        intendedPurpose: str(o['intended_purpose']),
        productionTitle: str(o['production_title']),
        cdIdentifier: str(o['cd_identifier']),
        cutNumber: num(o['cut_number']),
        library: str(o['library']),
        productionNumber: str(o['production_number']),
        episodeTitle: str(o['episode_title']),
        episodeNumber: str(o['episode_number']),
        yearOfProduction: num(o['year_of_production']),
        isan: str(o['isan']),
      }
    : null;

  const crossReferences: CrossReference[] = (stmt(db, 'SELECT * FROM cross_references WHERE work_id = ? ORDER BY n').all(id) as Row[]).map((r) => ({
    organisation: String(r['organisation']),
    identifier: String(r['identifier']),
    type: str(r['type']),
    valid: str(r['valid']),
  }));

  const related: RelatedWork[] = (stmt(db, 'SELECT * FROM related_works WHERE work_id = ? ORDER BY n').all(id) as Row[]).map((r) => {
    let writers: RelatedWork['writers'] = [];
    try {
      const parsed: unknown = JSON.parse(String(r['writers']));
      if (Array.isArray(parsed)) writers = parsed as RelatedWork['writers'];
    } catch {
      writers = [];
    }
    return {
      relation: String(r['relation']) as RelatedWork['relation'],
      title: String(r['title']),
      iswc: str(r['iswc']),
      submitterWorkNumber: str(r['submitter_work_number']),
      originalTitle: null,
      writers,
    };
  });

  return {
    submitter,
    submitterWorkNumber: String(w['submitter_work_number']),
    title: String(w['title']),
    language: str(w['language']),
    iswc: str(w['iswc']),
    titles,
    societyWorkNumbers,
    copyrightDate: str(w['copyright_date']),
    copyrightNumber: str(w['copyright_number']),
    category: str(w['category']),
    duration: str(w['duration']),
    recorded: str(w['recorded']),
    textMusicRelationship: str(w['text_music_relationship']),
    compositeType: str(w['composite_type']),
    versionType: str(w['version_type']),
    excerptType: str(w['excerpt_type']),
    musicArrangement: str(w['music_arrangement']),
    lyricAdaptation: str(w['lyric_adaptation']),
    cwrWorkType: str(w['cwr_work_type']),
    grandRights: bool(w['grand_rights']),
    opusNumber: str(w['opus_number']),
    catalogueNumber: str(w['catalogue_number']),
    priority: str(w['priority']),
    parties,
    links,
    performers,
    recordings,
    origin,
    crossReferences,
    related,
  };
}
