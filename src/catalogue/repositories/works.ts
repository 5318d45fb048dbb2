/**
 * Works: the works row, its owned rows (titles, identifiers, parties, shares, links, recordings,
 * performers, origin, cross references, related works) and its history. Every statement is
 * prepared once; a work is written as a batch of inserts keyed by (work_id, position).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db.js';
import { titleKey } from '../../domain/text-keys.js';
import { writerKey, type Work } from '../../domain/work.js';
import { parseSnapshot } from '../snapshot.js';
import type { PartiesRepository } from './parties.js';

export interface WorkRef {
  id: number;
  submitter: string;
  submitter_work_number: string;
  version: number;
  snapshot_hash: string;
  iswc: string | null;
}

/** One territory line of a controlled party's collection shares. */
export interface ClaimLine {
  work: number;
  position: number;
  territory: string;
  include: number;
  pr: number | null;
  mr: number | null;
  sr: number | null;
}

export type HistoryAction = 'insert' | 'replace' | 'unchanged' | 'iswc' | 'ack' | 'exc';

export interface HistoryEntry {
  workId: number;
  runId: number;
  fileId: number;
  group: number | null;
  transaction: number | null;
  type: string;
  line: number;
  action: HistoryAction;
  version: number;
  snapshot: string | null;
}

export { snapshotOf } from '../snapshot.js';

const OWNED = ['titles', 'work_identifiers', 'work_parties', 'collection_shares', 'pwr_links', 'recordings', 'performers', 'work_origins', 'cross_references', 'related_works'];

const bit = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);

/** Title and writer keys of a work, computed once per work object (they are needed three times). */
const keyCache = new WeakMap<Work, { title: string; writers: string }>();
export function workKeys(work: Work): { title: string; writers: string } {
  let k = keyCache.get(work);
  if (k === undefined) keyCache.set(work, (k = { title: titleKey(work.title), writers: writerKey(work) }));
  return k;
}

/** Records keys computed elsewhere (the import's reader thread) for a work object. */
export function primeWorkKeys(work: Work, keys: { title: string; writers: string }): void {
  keyCache.set(work, keys);
}

export class WorksRepository {
  readonly #find: Statement;
  readonly #insert: Statement;
  readonly #update: Statement;
  readonly #deletes: Statement[];
  readonly #title: Statement;
  readonly #identifier: Statement;
  readonly #party: Statement;
  readonly #collection: Statement;
  readonly #pwr: Statement;
  readonly #recording: Statement;
  readonly #performer: Statement;
  readonly #origin: Statement;
  readonly #xref: Statement;
  readonly #related: Statement;
  readonly #history: Statement;
  readonly #byIswc: Statement;
  readonly #byTitleWriters: Statement;
  readonly #byNumber: Statement;

  constructor(
    private readonly db: Db,
    private readonly parties: PartiesRepository,
  ) {
    const cols = `submitter, submitter_work_number, title, title_key, writer_key, language, iswc, copyright_date, copyright_number,
      category, duration, recorded, text_music_relationship, composite_type, version_type, excerpt_type, music_arrangement,
      lyric_adaptation, cwr_work_type, grand_rights, opus_number, catalogue_number, priority, version, snapshot_hash`;
    const params = `@submitter, @submitter_work_number, @title, @title_key, @writer_key, @language, @iswc, @copyright_date, @copyright_number,
      @category, @duration, @recorded, @text_music_relationship, @composite_type, @version_type, @excerpt_type, @music_arrangement,
      @lyric_adaptation, @cwr_work_type, @grand_rights, @opus_number, @catalogue_number, @priority, @version, @snapshot_hash`;
    this.#find = db.prepare('SELECT id, submitter, submitter_work_number, version, snapshot_hash, iswc FROM works WHERE submitter = ? AND submitter_work_number = ?');
    this.#insert = db.prepare(`INSERT INTO works (${cols}, created_run, updated_run) VALUES (${params}, @run, @run)`);
    this.#update = db.prepare(`UPDATE works SET (${cols}, updated_run) = (${params}, @run) WHERE id = @id`);
    this.#deletes = OWNED.map((t) => db.prepare(`DELETE FROM ${t} WHERE work_id = ?`));
    this.#title = db.prepare('INSERT INTO titles (work_id, position, title, title_key, type, language, non_roman) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.#identifier = db.prepare('INSERT OR IGNORE INTO work_identifiers (work_id, kind, issuer, value) VALUES (?, ?, ?, ?)');
    this.#party = db.prepare(`INSERT INTO work_parties (work_id, position, party_id, kind, ip_number, role, controlled, chain, unknown,
        pr_society, mr_society, sr_society, pr_share, mr_share, sr_share, agreement_submitter, agreement_society, agreement_type)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#collection = db.prepare(`INSERT INTO collection_shares (work_id, position, n, sequence, territory, include, pr_share, mr_share, sr_share)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#pwr = db.prepare(`INSERT INTO pwr_links (work_id, n, writer_ip_number, publisher_ip_number, chain, submitter_agreement_number, society_agreement_number)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.#recording = db.prepare(`INSERT INTO recordings (work_id, n, isrc, release_date, duration, album_title, album_label, catalogue_number, ean,
        recording_title, version_title, display_artist, record_label, format, technique, media_type, submitter_recording_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#performer = db.prepare(`INSERT INTO performers (work_id, n, name, first_name, ipi_name_number, ipi_base_number, original_name, language)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#origin = db.prepare(`INSERT INTO work_origins (work_id, intended_purpose, production_title, cd_identifier, cut_number, library,
        production_number, episode_title, episode_number, year_of_production, isan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#xref = db.prepare('INSERT INTO cross_references (work_id, n, organisation, identifier, type, valid) VALUES (?, ?, ?, ?, ?, ?)');
    this.#related = db.prepare(`INSERT INTO related_works (work_id, n, relation, title, iswc, submitter_work_number, writers)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.#history = db.prepare(`INSERT INTO work_history (work_id, run_id, file_id, group_id, transaction_seq, transaction_type, line, action, version, snapshot)
      VALUES (@workId, @runId, @fileId, @group, @transaction, @type, @line, @action, @version, @snapshot)`);
    this.#byIswc = db.prepare('SELECT id, submitter FROM works WHERE iswc = ? AND submitter <> ?');
    this.#byTitleWriters = db.prepare('SELECT id, submitter FROM works WHERE title_key = ? AND writer_key = ? AND submitter <> ?');
    this.#byNumber = db.prepare('SELECT id, submitter, submitter_work_number, version, snapshot_hash, iswc FROM works WHERE submitter_work_number = ? ORDER BY id');
  }

  find(submitter: string, submitterWorkNumber: string): WorkRef | undefined {
    return this.#find.get(submitter, submitterWorkNumber) as WorkRef | undefined;
  }

  /** Every work registered under this submitter work number (any submitter). */
  byNumber(submitterWorkNumber: string): WorkRef[] {
    return this.#byNumber.all(submitterWorkNumber) as WorkRef[];
  }

  /** Works of other submitters that are the same work: same ISWC, or same title key and writers. */
  sameWork(work: Work): number[] {
    const ids = new Set<number>();
    if (work.iswc !== null) for (const r of this.#byIswc.all(work.iswc, work.submitter) as Array<{ id: number }>) ids.add(r.id);
    const keys = workKeys(work);
    if (keys.writers !== '') for (const r of this.#byTitleWriters.all(keys.title, keys.writers, work.submitter) as Array<{ id: number }>) ids.add(r.id);
    return [...ids];
  }

  #row(work: Work, hash: string, version: number, runId: number): Record<string, unknown> {
    const keys = workKeys(work);
    return {
      submitter: work.submitter,
      submitter_work_number: work.submitterWorkNumber,
      title: work.title,
      title_key: keys.title,
      writer_key: keys.writers,
      language: work.language,
      iswc: work.iswc,
      copyright_date: work.copyrightDate,
      copyright_number: work.copyrightNumber,
      category: work.category,
      duration: work.duration,
      recorded: work.recorded,
      text_music_relationship: work.textMusicRelationship,
      composite_type: work.compositeType,
      version_type: work.versionType,
      excerpt_type: work.excerptType,
      music_arrangement: work.musicArrangement,
      lyric_adaptation: work.lyricAdaptation,
      cwr_work_type: work.cwrWorkType,
      grand_rights: bit(work.grandRights),
      opus_number: work.opusNumber,
      catalogue_number: work.catalogueNumber,
      priority: work.priority,
      version,
      snapshot_hash: hash,
      run: runId,
    };
  }

  insert(work: Work, hash: string, runId: number, partyRun: number = runId): number {
    const id = Number(this.#insert.run(this.#row(work, hash, 1, runId)).lastInsertRowid);
    this.#children(id, work, partyRun);
    return id;
  }

  /** Rewrites a work from `work` (its row and every owned row). */
  replace(id: number, work: Work, hash: string, version: number, runId: number, partyRun: number = runId): void {
    for (const d of this.#deletes) d.run(id);
    this.#update.run({ ...this.#row(work, hash, version, runId), id });
    this.#children(id, work, partyRun);
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM works WHERE id = ?').run(id);
  }

  #children(id: number, work: Work, runId: number): void {
    work.titles.forEach((t, i) => this.#title.run(id, i + 1, t.title, titleKey(t.title), t.type, t.language, t.nonRoman ? 1 : 0));
    if (work.iswc !== null) this.#identifier.run(id, 'iswc', '', work.iswc);
    if (work.submitterWorkNumber !== '') this.#identifier.run(id, 'submitter', work.submitter, work.submitterWorkNumber);
    for (const s of work.societyWorkNumbers) this.#identifier.run(id, 'society', s.society, s.number);
    for (const p of work.parties) {
      const partyId = this.parties.ensure(work.submitter, p.party, runId);
      const s = p.party.societies;
      const o = p.ownership;
      const a = p.agreement;
      this.#party.run(id, p.position, partyId, p.party.kind, p.party.ipNumber, p.role, p.controlled ? 1 : 0, p.chain, p.unknown ? 1 : 0,
        s.PR, s.MR, s.SR, o.PR, o.MR, o.SR, a?.submitterNumber ?? null, a?.societyNumber ?? null, a?.type ?? null);
      p.collection.forEach((c, i) =>
        this.#collection.run(id, p.position, i + 1, c.sequence, c.territory, c.include ? 1 : 0, c.shares.PR, c.shares.MR, c.shares.SR),
      );
    }
    work.links.forEach((l, i) => this.#pwr.run(id, i + 1, l.writerIpNumber, l.publisherIpNumber, l.chain, l.submitterAgreementNumber, l.societyAgreementNumber));
    work.recordings.forEach((r, i) =>
      this.#recording.run(id, i + 1, r.isrc, r.releaseDate, r.duration, r.albumTitle, r.albumLabel, r.catalogueNumber, r.ean, r.recordingTitle,
        r.versionTitle, r.displayArtist, r.recordLabel, r.format, r.technique, r.mediaType, r.submitterRecordingId),
    );
    work.performers.forEach((p, i) => this.#performer.run(id, i + 1, p.name, p.firstName, p.ipiNameNumber, p.ipiBaseNumber, p.originalName, p.language));
    const o = work.origin;
    if (o) this.#origin.run(id, o.intendedPurpose, o.productionTitle, o.cdIdentifier, o.cutNumber, o.library, o.productionNumber, o.episodeTitle, o.episodeNumber, o.yearOfProduction, o.isan);
    work.crossReferences.forEach((x, i) => this.#xref.run(id, i + 1, x.organisation, x.identifier, x.type, x.valid));
    work.related.forEach((r, i) => this.#related.run(id, i + 1, r.relation, r.title, r.iswc, r.submitterWorkNumber, JSON.stringify(r.writers)));
  }

  history(e: HistoryEntry): void {
    this.#history.run(e);
  }

  /** The latest stored snapshot of a work (its current state). */
  snapshot(workId: number): Work | undefined {
    const json = this.db.prepare('SELECT snapshot FROM work_history WHERE work_id = ? AND snapshot IS NOT NULL ORDER BY id DESC LIMIT 1').pluck().get(workId) as string | undefined;
    return json === undefined ? undefined : parseSnapshot(json);
  }

  /** The collection share lines of the controlled parties of works, party by party in file order. */
  claimLines(workIds: readonly number[]): ClaimLine[] {
    return this.db
      .prepare(
        `SELECT cs.work_id AS work, cs.position, cs.territory, cs.include, cs.pr_share AS pr, cs.mr_share AS mr, cs.sr_share AS sr
         FROM collection_shares cs JOIN work_parties wp ON wp.work_id = cs.work_id AND wp.position = cs.position
         WHERE cs.work_id IN (SELECT value FROM json_each(?)) AND wp.controlled = 1
         ORDER BY cs.work_id, cs.position, cs.n`,
      )
      .all(JSON.stringify(workIds)) as ClaimLine[];
  }
}
