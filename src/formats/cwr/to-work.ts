/**
 * A CWR work transaction (NWR / REV / ISW / EXC in 2.x, WRK in 3.x) -> the domain Work.
 * Records are read through their decoded values (CwrRecord.get), so the field names of the
 * layouts are the only coupling; fields a version lacks read as null.
 */
import { isValidIswc, normaliseIpiNameNumber, normaliseIsrc, normaliseIswc } from '../../domain/identifiers.js';
import type { OriginalName, Party, PartyKind } from '../../domain/party.js';
import type { Performer, Recording } from '../../domain/recording.js';
import { shareFrom, type CollectionShare, type Right, type SharesByRight, type SocietiesByRight } from '../../domain/share.js';
import type { CrossReference, RelatedWork, SocietyWorkNumber, Title, Work, WorkOrigin, WorkParty, WriterPublisherLink } from '../../domain/work.js';
import type { CwrRecord } from './record.js';

/** Transaction types whose header describes a work. */
export const WORK_TRANSACTION_TYPES: ReadonlySet<string> = new Set(['NWR', 'REV', 'ISW', 'EXC', 'WRK']);

/** A field as trimmed text, null when blank or absent. */
function txt(rec: CwrRecord, name: string): string | null {
  const v = rec.get(name);
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** First non-null of several field names (layouts differ between versions). */
function txtOf(rec: CwrRecord, ...names: string[]): string | null {
  for (const n of names) {
    const v = txt(rec, n);
    if (v !== null) return v;
  }
  return null;
}

function num(rec: CwrRecord, name: string): number | null {
  const v = rec.get(name);
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return null;
}

function bool(rec: CwrRecord, name: string): boolean | null {
  const v = rec.get(name);
  return typeof v === 'boolean' ? v : null;
}

function ipi(rec: CwrRecord, ...names: string[]): string | null {
  const t = txtOf(rec, ...names);
  if (t === null) return null;
  const n = normaliseIpiNameNumber(t);
  return n === null || /^0+$/.test(n) ? null : n;
}

function base(rec: CwrRecord, ...names: string[]): string | null {
  const t = txtOf(rec, ...names);
  return t === null ? null : t.toUpperCase();
}

/** A 1-3 digit society code as 3 digits; other codes (3.x 4-character ones) kept as they are. */
function society(rec: CwrRecord, name: string): string | null {
  const t = txt(rec, name);
  if (t === null) return null;
  return /^[0-9]{1,3}$/.test(t) ? t.padStart(3, '0') : t;
}

function shares(rec: CwrRecord, suffix: 'ownership_share' | 'collection_share' | 'share'): SharesByRight {
  return { PR: shareFrom(rec.get(`pr_${suffix}`)), MR: shareFrom(rec.get(`mr_${suffix}`)), SR: shareFrom(rec.get(`sr_${suffix}`)) };
}

function societies(rec: CwrRecord): SocietiesByRight {
  return { PR: society(rec, 'pr_affiliation_society'), MR: society(rec, 'mr_affiliation_society'), SR: society(rec, 'sr_affiliation_society') };
}

/** Mutable draft of a work party while the transaction is read. */
interface PartyDraft {
  kind: PartyKind;
  controlled: boolean;
  ipNumber: string;
  ipiNameNumber: string | null;
  ipiBaseNumber: string | null;
  name: string;
  firstName: string | null;
  originalName: OriginalName | null;
  societies: { -readonly [R in Right]: string | null };
  role: string | null;
  chain: number | null;
  unknown: boolean;
  ownership: { -readonly [R in Right]: number | null };
  collection: CollectionShare[];
  agreement: WorkParty['agreement'];
}

const PUBLISHER = new Set(['SPU', 'OPU']);
const WRITER = new Set(['SWR', 'OWR']);
const COLLECTION = new Set(['SPT', 'OPT', 'SWT', 'OWT']);

function publisherDraft(rec: CwrRecord): PartyDraft {
  const agreementSubmitter = txt(rec, 'submitter_agreement_number');
  const agreementSociety = txt(rec, 'society_assigned_agreement_number');
  const agreementType = txt(rec, 'agreement_type');
  return {
    kind: 'publisher',
    controlled: rec.type === 'SPU',
    ipNumber: txt(rec, 'interested_party_number') ?? '',
    ipiNameNumber: ipi(rec, 'publisher_ipi_name_number'),
    ipiBaseNumber: base(rec, 'publisher_ipi_base_number'),
    name: txt(rec, 'publisher_name') ?? '',
    firstName: null,
    originalName: null,
    societies: { ...societies(rec) },
    role: txt(rec, 'publisher_type'),
    chain: num(rec, 'publisher_sequence_number'),
    unknown: rec.get('publisher_unknown_indicator') === 'Y',
    ownership: { ...shares(rec, 'ownership_share') },
    collection: [],
    agreement: agreementSubmitter ?? agreementSociety ?? agreementType ? { submitterNumber: agreementSubmitter, societyNumber: agreementSociety, type: agreementType } : null,
  };
}

function writerDraft(rec: CwrRecord): PartyDraft {
  return {
    kind: 'writer',
    controlled: rec.type === 'SWR',
    ipNumber: txt(rec, 'interested_party_number') ?? '',
    ipiNameNumber: ipi(rec, 'writer_ipi_name_number'),
    ipiBaseNumber: base(rec, 'writer_ipi_base_number'),
    name: txt(rec, 'writer_last_name') ?? '',
    firstName: txt(rec, 'writer_first_name'),
    originalName: null,
    societies: { ...societies(rec) },
    role: txt(rec, 'writer_designation_code'),
    chain: null,
    unknown: rec.get('writer_unknown_indicator') === 'Y',
    ownership: { ...shares(rec, 'ownership_share') },
    collection: [],
    agreement: null,
  };
}

function recording(rec: CwrRecord): Recording {
  const isrcText = txt(rec, 'isrc');
  return {
    isrc: isrcText === null ? null : (normaliseIsrc(isrcText) ?? isrcText),
    releaseDate: txtOf(rec, 'first_release_date', 'release_date'),
    duration: txtOf(rec, 'first_release_duration', 'release_duration'),
    albumTitle: txt(rec, 'first_album_title'),
    albumLabel: txt(rec, 'first_album_label'),
    catalogueNumber: txt(rec, 'first_release_catalog_number'),
    ean: txt(rec, 'ean'),
    recordingTitle: txt(rec, 'recording_title'),
    versionTitle: txt(rec, 'version_title'),
    displayArtist: txt(rec, 'display_artist'),
    recordLabel: txt(rec, 'record_label'),
    format: txt(rec, 'recording_format'),
    technique: txt(rec, 'recording_technique'),
    mediaType: txt(rec, 'media_type'),
    submitterRecordingId: txt(rec, 'submitter_recording_identifier'),
  };
}

function origin(rec: CwrRecord): WorkOrigin {
  const isanParts = [txt(rec, 'isan_root'), txt(rec, 'isan_episode'), txt(rec, 'isan_check_digit_1'), txt(rec, 'isan_version'), txt(rec, 'isan_check_digit_2')];
  const isan22 = isanParts.every((p) => p === null) ? null : isanParts.map((p) => p ?? '').join('-');
  return {
    intendedPurpose: txt(rec, 'intended_purpose'),
    productionTitle: txt(rec, 'production_title'),
    cdIdentifier: txt(rec, 'cd_identifier'),
    cutNumber: num(rec, 'cut_number'),
    library: txt(rec, 'library'),
    productionNumber: txt(rec, 'production_number'),
    episodeTitle: txt(rec, 'episode_title'),
    episodeNumber: txt(rec, 'episode_number'),
    yearOfProduction: num(rec, 'year_of_production') || null,
    isan: txt(rec, 'isan') ?? isan22,
  };
}

function related(rec: CwrRecord): RelatedWork {
  const relation: RelatedWork['relation'] = rec.type === 'EWT' ? 'entire' : rec.type === 'COM' ? 'component' : 'original';
  const writers: Array<RelatedWork['writers'][number]> = [];
  for (const i of [1, 2]) {
    const name = txt(rec, `writer_${i}_last_name`);
    if (name !== null) writers.push({ name, firstName: txt(rec, `writer_${i}_first_name`), ipiNameNumber: ipi(rec, `writer_${i}_ipi_name_number`) });
  }
  const iswcText = txtOf(rec, 'iswc', 'iswc_of_component');
  return {
    relation,
    title: txt(rec, 'title') ?? '',
    iswc: iswcText === null ? null : (normaliseIswc(iswcText) ?? iswcText),
    submitterWorkNumber: txt(rec, 'submitter_work_number'),
    originalTitle: null,
    writers,
  };
}

/**
 * Builds the Work of a work transaction. `submitter` is who registered it (the HDR sender code
 * or id of the file; for a work echoed in an ACK, whoever the ACK is addressed to).
 */
export function toWork(header: CwrRecord, records: readonly CwrRecord[], submitter: string): Work {
  const iswcText = txt(header, 'iswc');
  const titles: Title[] = [];
  const societyNumbers: SocietyWorkNumber[] = [];
  const drafts: PartyDraft[] = [];
  const links: WriterPublisherLink[] = [];
  const performers: Performer[] = [];
  const recordings: Recording[] = [];
  const crossReferences: CrossReference[] = [];
  const relatedWorks: RelatedWork[] = [];
  let workOrigin: WorkOrigin | null = null;
  let lastPerformer = -1;

  /** The party a detail record refers to: by interested party number, else the last one. */
  const partyFor = (rec: CwrRecord, kinds: PartyKind): PartyDraft | undefined => {
    const ip = txt(rec, 'interested_party_number');
    for (let i = drafts.length - 1; i >= 0; i--) {
      const d = drafts[i];
      if (d && d.kind === kinds && (ip === null || d.ipNumber === ip)) return d;
    }
    const last = drafts[drafts.length - 1];
    return last && last.kind === kinds ? last : undefined;
  };
  const addSocietyNumber = (s: string | null, n: string | null): void => {
    if (s === null || n === null) return;
    if (!societyNumbers.some((x) => x.society === s && x.number === n)) societyNumbers.push({ society: s, number: n });
  };

  for (const rec of records) {
    const t = rec.type;
    if (PUBLISHER.has(t)) drafts.push(publisherDraft(rec));
    else if (WRITER.has(t)) drafts.push(writerDraft(rec));
    else if (COLLECTION.has(t)) {
      const d = partyFor(rec, t === 'SPT' || t === 'OPT' ? 'publisher' : 'writer');
      if (!d) continue;
      const territory = txt(rec, 'tis_numeric_code');
      d.collection.push({
        territory: territory === null ? '' : territory.padStart(4, '0'),
        include: txt(rec, 'inclusion_exclusion_indicator') !== 'E',
        shares: shares(rec, 'collection_share'),
        sequence: num(rec, 'sequence_number') ?? d.collection.length + 1,
      });
      // 3.x carries the affiliations on the territory records.
      const soc = societies(rec);
      for (const r of ['PR', 'MR', 'SR'] as const) if (d.societies[r] === null && soc[r] !== null) d.societies[r] = soc[r];
    } else if (t === 'MAN') {
      const d = partyFor(rec, 'publisher') ?? partyFor(rec, 'writer');
      if (d) {
        const s = shares(rec, 'share');
        for (const r of ['PR', 'MR', 'SR'] as const) if (s[r] !== null) d.ownership[r] = s[r];
      }
    } else if (t === 'NPN' || t === 'NWN') {
      const d = partyFor(rec, t === 'NPN' ? 'publisher' : 'writer');
      if (d) d.originalName = { name: txtOf(rec, 'publisher_name', 'writer_last_name') ?? '', firstName: txt(rec, 'writer_first_name'), language: txt(rec, 'language_code') };
    } else if (t === 'PWR') {
      links.push({
        writerIpNumber: txt(rec, 'writer_ip_number') ?? '',
        publisherIpNumber: txt(rec, 'publisher_ip_number') ?? '',
        chain: num(rec, 'publisher_sequence_number'),
        submitterAgreementNumber: txt(rec, 'submitter_agreement_number'),
        societyAgreementNumber: txt(rec, 'society_assigned_agreement_number'),
      });
    } else if (t === 'ALT') {
      const title = txt(rec, 'alternate_title');
      if (title !== null) titles.push({ title, type: txt(rec, 'title_type') ?? 'AT', language: txt(rec, 'language_code'), nonRoman: false });
    } else if (t === 'NAT') {
      const title = txt(rec, 'title');
      if (title !== null) titles.push({ title, type: txt(rec, 'title_type') ?? 'OL', language: txt(rec, 'language_code'), nonRoman: true });
    } else if (t === 'NET' || t === 'NCT' || t === 'NVT') {
      const relation = t === 'NET' ? 'entire' : t === 'NCT' ? 'component' : 'original';
      const title = txt(rec, 'title');
      for (let i = relatedWorks.length - 1; i >= 0; i--) {
        const r = relatedWorks[i];
        if (r && r.relation === relation && r.originalTitle === null) {
          relatedWorks[i] = { ...r, originalTitle: title };
          break;
        }
      }
    } else if (t === 'EWT' || t === 'VER' || t === 'OWK' || t === 'COM') {
      relatedWorks.push(related(rec));
    } else if (t === 'PER') {
      performers.push({
        name: txt(rec, 'performing_artist_last_name') ?? '',
        firstName: txt(rec, 'performing_artist_first_name'),
        ipiNameNumber: ipi(rec, 'performing_artist_ipi_name_number'),
        ipiBaseNumber: base(rec, 'performing_artist_ipi_base_number'),
        originalName: null,
        language: null,
      });
      lastPerformer = performers.length - 1;
    } else if (t === 'NPR') {
      const name = txt(rec, 'performing_artist_name');
      const prev = lastPerformer >= 0 ? performers[lastPerformer] : undefined;
      if (prev && prev.originalName === null) {
        performers[lastPerformer] = { ...prev, originalName: name, language: txt(rec, 'language_code') };
      } else if (name !== null) {
        performers.push({ name, firstName: txt(rec, 'performing_artist_first_name'), ipiNameNumber: ipi(rec, 'performing_artist_ipi_name_number'), ipiBaseNumber: base(rec, 'performing_artist_ipi_base_number'), originalName: name, language: txt(rec, 'language_code') });
      }
    } else if (t === 'REC') {
      recordings.push(recording(rec));
    } else if (t === 'ORN') {
      workOrigin = origin(rec);
    } else if (t === 'XRF') {
      const organisation = txt(rec, 'organisation_code');
      const identifier = txt(rec, 'identifier');
      if (organisation === null || identifier === null) continue;
      const type = txt(rec, 'identifier_type');
      crossReferences.push({ organisation, identifier, type, valid: txt(rec, 'validity') });
      if (type === 'W' && /^[0-9]{1,3}$/.test(organisation)) addSocietyNumber(organisation.padStart(3, '0'), identifier);
    } else if (t === 'ARI') {
      addSocietyNumber(society(rec, 'society_number'), txt(rec, 'work_number'));
    }
  }

  const parties: WorkParty[] = drafts.map((d, i) => {
    const party: Party = {
      kind: d.kind,
      ipNumber: d.ipNumber,
      ipiNameNumber: d.ipiNameNumber,
      ipiBaseNumber: d.ipiBaseNumber,
      name: d.name,
      firstName: d.firstName,
      originalName: d.originalName,
      societies: { ...d.societies },
    };
    return {
      party,
      role: d.role,
      controlled: d.controlled,
      chain: d.chain,
      position: i + 1,
      unknown: d.unknown,
      ownership: { ...d.ownership },
      collection: d.collection,
      agreement: d.agreement,
    };
  });

  return {
    submitter,
    submitterWorkNumber: txt(header, 'submitter_work_number') ?? '',
    title: txt(header, 'work_title') ?? '',
    language: txt(header, 'language_code'),
    // An ISWC with a wrong check digit is ignored, as the validator announces.
    iswc: iswcText !== null && isValidIswc(iswcText) ? normaliseIswc(iswcText) : null,
    titles,
    societyWorkNumbers: societyNumbers,
    copyrightDate: txt(header, 'copyright_date'),
    copyrightNumber: txt(header, 'copyright_number'),
    category: txt(header, 'musical_work_distribution_category'),
    duration: txt(header, 'duration') === '00:00:00' ? null : txt(header, 'duration'),
    recorded: txt(header, 'recorded_indicator'),
    textMusicRelationship: txt(header, 'text_music_relationship'),
    compositeType: txt(header, 'composite_type'),
    versionType: txt(header, 'version_type'),
    excerptType: txt(header, 'excerpt_type'),
    musicArrangement: txt(header, 'music_arrangement'),
    lyricAdaptation: txt(header, 'lyric_adaptation'),
    cwrWorkType: txt(header, 'cwr_work_type'),
    grandRights: bool(header, 'grand_rights_indicator'),
    opusNumber: txt(header, 'opus_number'),
    catalogueNumber: txt(header, 'catalogue_number'),
    priority: txt(header, 'priority_flag'),
    parties,
    links,
    performers,
    recordings,
    origin: workOrigin,
    crossReferences,
    related: relatedWorks,
  };
}
