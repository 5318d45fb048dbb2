/**
 * The JSON snapshot of a Work stored in work_history.snapshot: compact (null values and empty
 * lists are left out, so a typical work takes about half the space) and canonical (keys in the
 * model's order), so `snapshotJson(parseSnapshot(s)) === s` and its hash identifies a state.
 * Read snapshots with parseSnapshot, never with a bare JSON.parse.
 */
import { createHash } from 'node:crypto';
import type { OriginalName, Party } from '../domain/party.js';
import type { Performer, Recording } from '../domain/recording.js';
import type { CollectionShare, SharesByRight, SocietiesByRight } from '../domain/share.js';
import type { CrossReference, RelatedWork, Title, Work, WorkOrigin, WorkParty, WriterPublisherLink } from '../domain/work.js';

type Loose = Record<string, unknown> | undefined;

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const flag = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

const rights = (v: unknown): SharesByRight => {
  const o = obj(v);
  return { PR: num(o['PR']), MR: num(o['MR']), SR: num(o['SR']) };
};
const societies = (v: unknown): SocietiesByRight => {
  const o = obj(v);
  return { PR: str(o['PR']), MR: str(o['MR']), SR: str(o['SR']) };
};

function originalName(v: unknown): OriginalName | null {
  if (v === null || v === undefined) return null;
  const o = obj(v);
  return { name: str(o['name']) ?? '', firstName: str(o['firstName']), language: str(o['language']) };
}

function party(v: unknown): Party {
  const o = obj(v);
  return {
    kind: o['kind'] === 'publisher' ? 'publisher' : 'writer',
    ipNumber: str(o['ipNumber']) ?? '',
    ipiNameNumber: str(o['ipiNameNumber']),
    ipiBaseNumber: str(o['ipiBaseNumber']),
    name: str(o['name']) ?? '',
    firstName: str(o['firstName']),
    originalName: originalName(o['originalName']),
    societies: societies(o['societies']),
  };
}

function collection(v: unknown): CollectionShare {
  const o = obj(v);
  return { territory: str(o['territory']) ?? '', include: o['include'] !== false, shares: rights(o['shares']), sequence: num(o['sequence']) ?? 0 };
}

function workParty(v: unknown): WorkParty {
  const o = obj(v);
  const a = o['agreement'] as Loose;
  return {
    party: party(o['party']),
    role: str(o['role']),
    controlled: o['controlled'] === true,
    chain: num(o['chain']),
    position: num(o['position']) ?? 0,
    unknown: o['unknown'] === true,
    ownership: rights(o['ownership']),
    collection: list(o['collection']).map(collection),
    agreement: a === undefined || a === null ? null : { submitterNumber: str(a['submitterNumber']), societyNumber: str(a['societyNumber']), type: str(a['type']) },
  };
}

function title(v: unknown): Title {
  const o = obj(v);
  return { title: str(o['title']) ?? '', type: str(o['type']) ?? 'AT', language: str(o['language']), nonRoman: o['nonRoman'] === true };
}

function link(v: unknown): WriterPublisherLink {
  const o = obj(v);
  return {
    writerIpNumber: str(o['writerIpNumber']) ?? '',
    publisherIpNumber: str(o['publisherIpNumber']) ?? '',
    chain: num(o['chain']),
    submitterAgreementNumber: str(o['submitterAgreementNumber']),
    societyAgreementNumber: str(o['societyAgreementNumber']),
  };
}

function performer(v: unknown): Performer {
  const o = obj(v);
  return {
    name: str(o['name']) ?? '',
    firstName: str(o['firstName']),
    ipiNameNumber: str(o['ipiNameNumber']),
    ipiBaseNumber: str(o['ipiBaseNumber']),
    originalName: str(o['originalName']),
    language: str(o['language']),
  };
}

function recording(v: unknown): Recording {
  const o = obj(v);
  return {
    isrc: str(o['isrc']),
    releaseDate: str(o['releaseDate']),
    duration: str(o['duration']),
    albumTitle: str(o['albumTitle']),
    albumLabel: str(o['albumLabel']),
    catalogueNumber: str(o['catalogueNumber']),
    ean: str(o['ean']),
    recordingTitle: str(o['recordingTitle']),
    versionTitle: str(o['versionTitle']),
    displayArtist: str(o['displayArtist']),
    recordLabel: str(o['recordLabel']),
    format: str(o['format']),
    technique: str(o['technique']),
    mediaType: str(o['mediaType']),
    submitterRecordingId: str(o['submitterRecordingId']),
  };
}

function origin(v: unknown): WorkOrigin | null {
  if (v === null || v === undefined) return null;
  const o = obj(v);
  return {
    intendedPurpose: str(o['intendedPurpose']),
    productionTitle: str(o['productionTitle']),
    cdIdentifier: str(o['cdIdentifier']),
    cutNumber: num(o['cutNumber']),
    library: str(o['library']),
    productionNumber: str(o['productionNumber']),
    episodeTitle: str(o['episodeTitle']),
    episodeNumber: str(o['episodeNumber']),
    yearOfProduction: num(o['yearOfProduction']),
    isan: str(o['isan']),
  };
}

function xref(v: unknown): CrossReference {
  const o = obj(v);
  return { organisation: str(o['organisation']) ?? '', identifier: str(o['identifier']) ?? '', type: str(o['type']), valid: str(o['valid']) };
}

function related(v: unknown): RelatedWork {
  const o = obj(v);
  const relation = o['relation'] === 'entire' || o['relation'] === 'component' ? o['relation'] : 'original';
  return {
    relation,
    title: str(o['title']) ?? '',
    iswc: str(o['iswc']),
    submitterWorkNumber: str(o['submitterWorkNumber']),
    originalTitle: str(o['originalTitle']),
    writers: list(o['writers']).map((w) => {
      const x = obj(w);
      return { name: str(x['name']) ?? '', firstName: str(x['firstName']), ipiNameNumber: str(x['ipiNameNumber']) };
    }),
  };
}

/** A Work from any object of its shape (a parsed snapshot): missing values become null / []. */
export function normaliseWork(v: unknown): Work {
  const o = obj(v);
  return {
    submitter: str(o['submitter']) ?? '',
    submitterWorkNumber: str(o['submitterWorkNumber']) ?? '',
    title: str(o['title']) ?? '',
    language: str(o['language']),
    iswc: str(o['iswc']),
    titles: list(o['titles']).map(title),
    societyWorkNumbers: list(o['societyWorkNumbers']).map((s) => ({ society: str(obj(s)['society']) ?? '', number: str(obj(s)['number']) ?? '' })),
    copyrightDate: str(o['copyrightDate']),
    copyrightNumber: str(o['copyrightNumber']),
    category: str(o['category']),
    duration: str(o['duration']),
    recorded: str(o['recorded']),
    textMusicRelationship: str(o['textMusicRelationship']),
    compositeType: str(o['compositeType']),
    versionType: str(o['versionType']),
    excerptType: str(o['excerptType']),
    musicArrangement: str(o['musicArrangement']),
    lyricAdaptation: str(o['lyricAdaptation']),
    cwrWorkType: str(o['cwrWorkType']),
    grandRights: flag(o['grandRights']),
    opusNumber: str(o['opusNumber']),
    catalogueNumber: str(o['catalogueNumber']),
    priority: str(o['priority']),
    parties: list(o['parties']).map(workParty),
    links: list(o['links']).map(link),
    performers: list(o['performers']).map(performer),
    recordings: list(o['recordings']).map(recording),
    origin: origin(o['origin']),
    crossReferences: list(o['crossReferences']).map(xref),
    related: list(o['related']).map(related),
  };
}

/**
 * Drops `"key":null` and `"key":[]` members from JSON text. Safe on any JSON.stringify output:
 * inside a string every quote is escaped, so `"letters":` can only be an object key. Two passes:
 * every member but the first goes with its leading comma; then an empty first member goes
 * (with its trailing comma, if any), once the others are gone at most one per object is left.
 */
function compact(json: string): string {
  return json.replace(/,"[A-Za-z]+":(?:null|\[\])/g, '').replace(/\{"[A-Za-z]+":(?:null|\[\]),?/g, '{');
}

/**
 * The canonical compact JSON of a work. Works built by toWork or normaliseWork have their keys
 * in the canonical order already, so the native JSON.stringify is used as is (a replacer
 * function made this several times slower); other objects are normalised first.
 */
export function snapshotJson(work: Work, canonical = true): string {
  return compact(JSON.stringify(canonical ? work : normaliseWork(work)));
}

/** The work a snapshot holds. */
export function parseSnapshot(json: string): Work {
  return normaliseWork(JSON.parse(json));
}

/** The snapshot of a work and its SHA-256 (the state's identity: equal hash = unchanged). */
export function snapshotOf(work: Work): { json: string; hash: string } {
  const json = snapshotJson(work);
  return { json, hash: createHash('sha256').update(json).digest('hex') };
}
