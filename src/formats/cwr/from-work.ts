/**
 * Work model -> the records of one CWR registration transaction (NWR/REV in 2.x, WRK in 3.x), for
 * CwrBuilder to number and write. Titles and names are written in the form each version can
 * carry (from-work-charset.ts, docs/transliteration.md): CIS Latin in the main records of every
 * version and, in 2.x, the original script in NAT/NWN/NPN/NPR. 3.x has no such records: the
 * originals stay behind and are reported as warnings. What cannot be carried at all is an error
 * issue; the caller decides (the export holds such a work back and reports it).
 */
import type { FieldValue } from '../../fixed-width/field-types.js';
import type { WorkParty, Work } from '../../domain/work.js';
import type { CollectionShare } from '../../domain/share.js';
import { CwrBuilder } from './builder.js';
import { disallowedChars, isNonRoman, toCisLatin, toCisName, type TextKind } from './from-work-charset.js';
import { unencodable } from '../../io/encoding.js';
import { isV3, layoutOf, type CwrVersion } from './versions.js';

export type RegistrationType = 'NWR' | 'REV' | 'WRK';

export interface OutRecord {
  readonly type: string;
  readonly values: Record<string, FieldValue>;
}

export interface ExportIssue {
  readonly work: string;
  readonly record: string;
  readonly field: string;
  readonly problem: 'charset' | 'too-long' | 'not-carried';
  /** error: the work cannot be sent as it is; warning: sent, but something stays behind. */
  readonly severity: 'error' | 'warning';
  readonly text: string;
  readonly chars?: readonly string[];
  readonly message: string;
}

export interface WorkTransaction {
  readonly type: RegistrationType;
  readonly records: readonly OutRecord[];
  readonly issues: readonly ExportIssue[];
  /** Some record carries non-Roman text: the file must be UTF-8. */
  readonly needsUnicode: boolean;
}

/** 2.x vs 3.x: which transaction header a registration uses. */
export function registrationType(version: CwrVersion, alreadySent: boolean): RegistrationType {
  if (isV3(version)) return 'WRK';
  return alreadySent ? 'REV' : 'NWR';
}

class Collector {
  readonly records: OutRecord[] = [];
  readonly issues: ExportIssue[] = [];

  constructor(
    readonly version: CwrVersion,
    readonly work: string,
  ) {}

  has(type: string): boolean {
    return layoutOf(this.version, type) !== undefined;
  }

  add(type: string, values: Record<string, FieldValue>): void {
    const layout = layoutOf(this.version, type);
    if (!layout) return;
    // Text longer than its field is reported, never cut.
    for (const f of layout.fields) {
      const v = values[f.name];
      if (typeof v === 'string' && (f.type === 'A' || f.type === 'L') && [...v].length > f.length) {
        this.issue(type, f.name, 'too-long', 'error', v, `${type} ${f.name} is ${[...v].length} characters, the field holds ${f.length}`);
        values[f.name] = null;
      }
    }
    this.records.push({ type, values });
  }

  issue(record: string, field: string, problem: ExportIssue['problem'], severity: ExportIssue['severity'], text: string, message: string, chars?: string[]): void {
    this.issues.push({ work: this.work, record, field, problem, severity, text, message, ...(chars ? { chars } : {}) });
  }

  /** Latin form of a text for a main-record field, checked against the CIS set of the field. */
  latin(record: string, field: string, text: string | null, kind: TextKind): string | null {
    if (text === null || text === '') return null;
    const out = kind === 'name' ? toCisName(text) : toCisLatin(text);
    const bad = disallowedChars(out, kind);
    if (bad.length > 0) {
      this.issue(record, field, 'charset', 'error', text, `${record} ${field} "${text}" has characters CWR ${this.version} cannot carry there: ${bad.join(' ')}`, bad);
    }
    return out;
  }

  /** An original-script text the version has no record for (3.x has no NAT/NWN/NPN/NPR): the
   * transliteration goes out, the original stays behind and is reported. */
  lost(record: string, field: string, text: string, what: string): void {
    this.issue(record, field, 'not-carried', 'warning', text, `CWR ${this.version} has no ${record} record: the original-script ${what} "${text}" is not sent (its Latin transliteration is)`);
  }

  /** Text for a record that carries the original script (NAT/NWN/NPN/NPR, or any 3.x field). */
  original(record: string, field: string, text: string): string {
    const bad = controlChars(text);
    if (bad.length > 0) this.issue(record, field, 'charset', 'error', text, `${record} ${field} has control characters`, bad);
    return text;
  }
}

function controlChars(text: string): string[] {
  return [...new Set([...text].filter((c) => /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(c)))];
}

const RIGHTS = [
  ['PR', 'pr'],
  ['MR', 'mr'],
  ['SR', 'sr'],
] as const;

/** World, the territory whose collection share stands for ownership when none was registered. */
const WORLD = '2136';

/**
 * Ownership shares for a 2.x SPU/SWR. A work registered in CWR 3.x carries no ownership (3.x has
 * only collection shares per territory), so when every right's ownership is unknown the share is
 * derived from the party's collection share: its World (2136) include line, else its first
 * include line. Documented in docs/catalogue.md.
 */
export function ownershipFor(p: WorkParty): Record<'PR' | 'MR' | 'SR', number | null> {
  const own = p.ownership;
  if (own.PR !== null || own.MR !== null || own.SR !== null) return { PR: own.PR, MR: own.MR, SR: own.SR };
  const includes = p.collection.filter((c) => c.include);
  const line = includes.find((c) => c.territory === WORLD) ?? includes[0];
  return line ? { PR: line.shares.PR, MR: line.shares.MR, SR: line.shares.SR } : { PR: null, MR: null, SR: null };
}

function ownership(p: WorkParty): Record<string, FieldValue> {
  const v: Record<string, FieldValue> = {};
  const shares = ownershipFor(p);
  for (const [R, r] of RIGHTS) {
    v[`${r}_affiliation_society`] = p.party.societies[R];
    v[`${r}_ownership_share`] = shares[R];
  }
  return v;
}

function territory(c: CollectionShare, p: WorkParty, sequence: number): Record<string, FieldValue> {
  const v: Record<string, FieldValue> = {
    interested_party_number: p.party.ipNumber,
    inclusion_exclusion_indicator: c.include ? 'I' : 'E',
    tis_numeric_code: c.territory,
    sequence_number: sequence,
  };
  for (const [R, r] of RIGHTS) {
    v[`${r}_collection_share`] = c.shares[R];
    v[`${r}_affiliation_society`] = p.party.societies[R];
  }
  return v;
}

function publisherRecords(c: Collector, p: WorkParty, work: Work): void {
  const type = p.controlled ? 'SPU' : 'OPU';
  const v3 = isV3(c.version);
  const name = c.latin(type, 'publisher_name', p.party.name, 'name');
  c.add(type, {
    publisher_sequence_number: p.chain ?? 1,
    interested_party_number: p.party.ipNumber,
    publisher_name: name,
    publisher_unknown_indicator: p.unknown ? 'Y' : null,
    publisher_type: p.role,
    publisher_ipi_name_number: p.party.ipiNameNumber,
    publisher_ipi_base_number: p.party.ipiBaseNumber,
    submitter_agreement_number: p.agreement?.submitterNumber ?? null,
    society_assigned_agreement_number: p.agreement?.societyNumber ?? null,
    agreement_type: p.agreement?.type ?? null,
    ...(v3 ? {} : ownership(p)),
  });
  const orig = p.party.originalName ?? (isNonRoman(p.party.name) ? { name: p.party.name, firstName: null, language: work.language } : null);
  if (orig && !c.has('NPN')) c.lost('NPN', 'publisher_name', orig.name, 'publisher name');
  else if (orig) {
    c.add('NPN', {
      publisher_sequence_number: p.chain ?? 1,
      interested_party_number: p.party.ipNumber,
      publisher_name: c.original('NPN', 'publisher_name', orig.name),
      language_code: orig.language,
    });
  }
  collection(c, p, p.controlled ? 'SPT' : 'OPT');
}

function collection(c: Collector, p: WorkParty, type: string): void {
  if (p.collection.length === 0) return;
  if (!c.has(type)) {
    c.issue(type, 'collection', 'not-carried', 'warning', p.party.ipNumber, `CWR ${c.version} has no ${type} record: collection shares of ${p.party.ipNumber} are not sent`);
    return;
  }
  p.collection.forEach((share, i) => c.add(type, territory(share, p, i + 1)));
}

function writerRecords(c: Collector, p: WorkParty, work: Work): void {
  const type = p.controlled ? 'SWR' : 'OWR';
  const v3 = isV3(c.version);
  const last = c.latin(type, 'writer_last_name', p.party.name, 'name');
  const first = c.latin(type, 'writer_first_name', p.party.firstName, 'name');
  c.add(type, {
    interested_party_number: p.party.ipNumber,
    writer_last_name: p.unknown ? null : last,
    writer_first_name: p.unknown ? null : first,
    writer_unknown_indicator: p.unknown ? 'Y' : null,
    writer_designation_code: p.role,
    writer_ipi_name_number: p.party.ipiNameNumber,
    writer_ipi_base_number: p.party.ipiBaseNumber,
    ...(v3 ? {} : ownership(p)),
  });
  const orig = p.party.originalName ?? (isNonRoman(p.party.name) ? { name: p.party.name, firstName: p.party.firstName, language: work.language } : null);
  if (orig && !c.has('NWN')) c.lost('NWN', 'writer_last_name', [orig.firstName, orig.name].filter((x) => x !== null).join(' '), 'writer name');
  else if (orig) {
    c.add('NWN', {
      interested_party_number: p.party.ipNumber,
      writer_last_name: c.original('NWN', 'writer_last_name', orig.name),
      writer_first_name: orig.firstName === null ? null : c.original('NWN', 'writer_first_name', orig.firstName),
      language_code: orig.language,
    });
  }
  collection(c, p, p.controlled ? 'SWT' : 'OWT');
  // PWR: 2.1 links controlled writers only; 2.2 and 3.x also other writers.
  if (!p.controlled && c.version === '2.1') return;
  for (const link of work.links.filter((l) => l.writerIpNumber === p.party.ipNumber)) {
    const pub = work.parties.find((q) => q.party.kind === 'publisher' && q.party.ipNumber === link.publisherIpNumber);
    const pubName = pub ? (v3 ? null : c.latin('PWR', 'publisher_name', pub.party.name, 'name')) : null;
    c.add('PWR', {
      publisher_sequence_number: link.chain ?? pub?.chain ?? 1,
      publisher_ip_number: link.publisherIpNumber,
      publisher_name: pubName,
      writer_ip_number: link.writerIpNumber,
      submitter_agreement_number: link.submitterAgreementNumber,
      society_assigned_agreement_number: link.societyAgreementNumber,
      publisher_pr_society: pub?.party.societies.PR ?? null,
    });
  }
}

function titleRecords(c: Collector, work: Work): void {
  const titles = [...work.titles];
  // A work title stored in its original script also needs its original record.
  if (isNonRoman(work.title) && !titles.some((t) => t.type === 'OT' && t.title === work.title)) {
    titles.push({ title: work.title, type: 'OT', language: work.language, nonRoman: true });
  }
  const latin = titles.filter((t) => !t.nonRoman && !isNonRoman(t.title));
  const originals = titles.filter((t) => t.nonRoman || isNonRoman(t.title));
  for (const t of latin) {
    const national = t.type === 'OL' || t.type === 'AL';
    const text = national ? t.title.toUpperCase() : c.latin('ALT', 'alternate_title', t.title, 'title') ?? '';
    if (national) {
      const bad = disallowedChars(text, 'national-title');
      if (bad.length > 0) c.issue('ALT', 'alternate_title', 'charset', 'error', t.title, `ALT alternate_title "${t.title}" has characters CWR ${c.version} cannot carry: ${bad.join(' ')}`, bad);
    }
    c.add('ALT', { alternate_title: text, title_type: t.type, language_code: t.language });
  }
  for (const t of originals) {
    if (!c.has('NAT')) c.lost('NAT', 'title', t.title, 'title');
    else c.add('NAT', { title: c.original('NAT', 'title', t.title), title_type: t.type, language_code: t.language });
  }
}

function relatedRecords(c: Collector, work: Work): void {
  for (const r of work.related) {
    const type = r.relation === 'entire' ? 'EWT' : r.relation === 'original' ? 'VER' : isV3(c.version) ? 'OWK' : 'COM';
    if (!c.has(type)) {
      c.issue(type, 'title', 'not-carried', 'warning', r.title, `CWR ${c.version} has no ${type} record: related work "${r.title}" is not sent`);
      continue;
    }
    const v: Record<string, FieldValue> = {
      title: c.latin(type, 'title', r.title, 'title'),
      iswc: r.iswc,
      submitter_work_number: r.submitterWorkNumber,
    };
    r.writers.slice(0, 2).forEach((w, i) => {
      v[`writer_${i + 1}_last_name`] = c.latin(type, `writer_${i + 1}_last_name`, w.name, 'name');
      v[`writer_${i + 1}_first_name`] = c.latin(type, `writer_${i + 1}_first_name`, w.firstName, 'name');
      v[`writer_${i + 1}_ipi_name_number`] = w.ipiNameNumber;
    });
    c.add(type, v);
  }
}

function performerRecords(c: Collector, work: Work): void {
  for (const p of work.performers) {
    const last = c.latin('PER', 'performing_artist_last_name', p.name, 'name');
    const first = c.latin('PER', 'performing_artist_first_name', p.firstName, 'name');
    c.add('PER', {
      performing_artist_last_name: last,
      performing_artist_first_name: first,
      performing_artist_ipi_name_number: p.ipiNameNumber,
      performing_artist_ipi_base_number: p.ipiBaseNumber,
    });
    // 2.x: the original script right after its PER (the reader pairs them that way).
    const orig = p.originalName ?? (isNonRoman(p.name) ? p.name : null);
    if (orig === null) continue;
    if (!c.has('NPR')) {
      c.lost('NPR', 'performing_artist_name', orig, 'performer name');
      continue;
    }
    c.add('NPR', {
      performing_artist_name: c.original('NPR', 'performing_artist_name', orig),
      performing_artist_ipi_name_number: p.ipiNameNumber,
      performing_artist_ipi_base_number: p.ipiBaseNumber,
      language_code: p.language,
    });
  }
}

function recordingRecords(c: Collector, work: Work): void {
  const text = (field: string, t: string | null): string | null => c.latin('REC', field, t, 'title');
  for (const r of work.recordings) {
    c.add('REC', {
      first_release_date: r.releaseDate,
      release_date: r.releaseDate,
      first_release_duration: r.duration,
      release_duration: r.duration,
      first_album_title: text('first_album_title', r.albumTitle),
      first_album_label: text('first_album_label', r.albumLabel),
      first_release_catalog_number: r.catalogueNumber,
      ean: r.ean,
      isrc: r.isrc,
      recording_format: r.format,
      recording_technique: r.technique,
      media_type: r.mediaType,
      recording_title: text('recording_title', r.recordingTitle),
      version_title: text('version_title', r.versionTitle),
      display_artist: text('display_artist', r.displayArtist),
      record_label: text('record_label', r.recordLabel),
      isrc_validity: r.isrc !== null && c.version !== '2.1' ? 'Y' : null,
      submitter_recording_identifier: r.submitterRecordingId,
    });
  }
}

function originRecord(c: Collector, work: Work): void {
  const o = work.origin;
  if (!o) return;
  c.add('ORN', {
    intended_purpose: o.intendedPurpose,
    production_title: c.latin('ORN', 'production_title', o.productionTitle, 'title'),
    cd_identifier: o.cdIdentifier,
    cut_number: o.cutNumber,
    library: c.latin('ORN', 'library', o.library, 'title'),
    production_number: o.productionNumber,
    episode_title: c.latin('ORN', 'episode_title', o.episodeTitle, 'title'),
    episode_number: o.episodeNumber,
    year_of_production: o.yearOfProduction,
    isan: o.isan,
  });
}

/** The records of one registration of `work` in `version`. */
export function workTransaction(work: Work, version: CwrVersion, type: RegistrationType): WorkTransaction {
  const c = new Collector(version, work.submitterWorkNumber);
  c.add(type, {
    work_title: c.latin(type, 'work_title', work.title, 'title'),
    language_code: work.language,
    submitter_work_number: work.submitterWorkNumber,
    iswc: work.iswc,
    copyright_date: work.copyrightDate,
    copyright_number: work.copyrightNumber,
    musical_work_distribution_category: work.category,
    duration: work.duration,
    recorded_indicator: work.recorded ?? 'U',
    text_music_relationship: work.textMusicRelationship,
    composite_type: work.compositeType,
    version_type: work.versionType,
    excerpt_type: work.excerptType,
    music_arrangement: work.musicArrangement,
    lyric_adaptation: work.lyricAdaptation,
    cwr_work_type: work.cwrWorkType,
    grand_rights_indicator: work.grandRights,
    opus_number: work.opusNumber,
    catalogue_number: work.catalogueNumber,
    priority_flag: work.priority,
  });
  const byPosition = (a: WorkParty, b: WorkParty): number => Number(b.controlled) - Number(a.controlled) || a.position - b.position;
  const publishers = work.parties.filter((p) => p.party.kind === 'publisher').sort(byPosition);
  const writers = work.parties.filter((p) => p.party.kind === 'writer').sort(byPosition);
  for (const p of publishers) publisherRecords(c, p, work);
  for (const p of writers) writerRecords(c, p, work);
  titleRecords(c, work);
  relatedRecords(c, work);
  performerRecords(c, work);
  recordingRecords(c, work);
  originRecord(c, work);
  if (work.crossReferences.length > 0 && !c.has('XRF')) {
    c.issue('XRF', 'identifier', 'not-carried', 'warning', work.crossReferences.map((x) => x.identifier).join(' '), `CWR ${version} has no XRF record: cross references are not sent`);
  }
  for (const x of work.crossReferences) {
    c.add('XRF', { organisation_code: x.organisation, identifier: x.identifier, identifier_type: x.type, validity: x.valid });
  }
  // Text the 2.x default encoding (Windows-1252) cannot carry makes the file UTF-8.
  const needsUnicode = c.records.some((r) => Object.values(r.values).some((v) => typeof v === 'string' && /[^\u0000-\u007f]/.test(v) && unencodable(v, 'windows-1252').length > 0));
  return { type, records: c.records, issues: c.issues, needsUnicode };
}

/** Writes a prepared transaction through the builder (which numbers records and counts them). */
export function writeWorkTransaction(b: CwrBuilder, tx: WorkTransaction): void {
  const [head, ...rest] = tx.records;
  if (!head) return;
  b.transaction(head.type, head.values);
  for (const r of rest) b.record(r.type, r.values);
}

export interface SenderHeader {
  /** Sending society code (HDR as society: sender type SO). */
  readonly society: string;
  readonly name: string;
  readonly now: Date;
  /** HDR character set: '' or 'UTF-8'. */
  readonly characterSet: string;
  readonly fileName: string;
  readonly softwareVersion: string;
}

export interface PlacedTransaction {
  readonly type: RegistrationType;
  /** Group id (from 1) and transaction sequence (from 0) in the file. */
  readonly group: number;
  readonly transaction: number;
}

/** A whole registration file written line by line to `sink`: HDR as society, one group per
 * transaction type (NWR before REV: GRP-4), GRT/TRL counted by the builder. `transactionsOf`
 * gives the transactions of a type lazily, so a file of any size is made in bounded memory.
 * Returns, per type, where each transaction went (group id from 1, sequence from 0). */
export function writeRegistrationFile(
  version: CwrVersion,
  hdr: SenderHeader,
  transactionsOf: (type: RegistrationType) => Iterable<WorkTransaction>,
  sink: (line: string) => void,
): Map<RegistrationType, number> {
  const b = new CwrBuilder(version, sink);
  const date = hdr.now.toISOString().slice(0, 10);
  b.header({
    sender_type: 'SO',
    sender_id: Number(hdr.society),
    sender_code: hdr.society,
    sender_name: hdr.name,
    creation_date: date,
    creation_time: hdr.now.toISOString().slice(11, 19),
    transmission_date: date,
    character_set: hdr.characterSet,
    software_package: 'cwrkit',
    software_package_version: hdr.softwareVersion,
    file_name: hdr.fileName,
  });
  const groups = new Map<RegistrationType, number>();
  for (const type of ['NWR', 'REV', 'WRK'] as const) {
    let opened = false;
    for (const tx of transactionsOf(type)) {
      if (!opened) {
        b.group(type);
        groups.set(type, groups.size + 1);
        opened = true;
      }
      writeWorkTransaction(b, tx);
    }
  }
  b.end();
  return groups;
}

/** The same file in memory, for small exports and tests: its lines and where each of `txs` went
 * (same order as `txs`). */
export function registrationFile(version: CwrVersion, hdr: SenderHeader, txs: readonly WorkTransaction[]): { lines: string[]; placed: PlacedTransaction[] } {
  const lines: string[] = [];
  const groups = writeRegistrationFile(version, hdr, (type) => txs.filter((t) => t.type === type), (l) => lines.push(l));
  const seq = new Map<RegistrationType, number>();
  const placed = txs.map((t) => {
    const n = seq.get(t.type) ?? 0;
    seq.set(t.type, n + 1);
    return { type: t.type, group: groups.get(t.type) ?? 0, transaction: n };
  });
  return { lines, placed };
}
