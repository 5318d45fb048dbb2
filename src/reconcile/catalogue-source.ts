/**
 * Reads the works catalogue (migration 0001) into what the matcher needs: the in-memory match
 * index (identifiers, title words, writers), built with one streaming pass per table, and the
 * details of matched works (parties, affiliations, collection shares) fetched on demand and cached.
 */
import type { Db } from '../catalogue/db.js';
import { MemoryIndex } from './candidates.js';
import type { CollectionShare, Right, WorkDetail, WorkDetails, WorkParty } from './types.js';

const RIGHTS: readonly Right[] = ['PR', 'MR', 'SR'];

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Builds the match index over every work of the catalogue. */
export function loadIndex(db: Db): MemoryIndex {
  const idx = new MemoryIndex();
  if (!hasTable(db, 'works')) return idx;
  for (const r of db.prepare('SELECT id, title, iswc, submitter_work_number AS swn FROM works ORDER BY id').iterate() as Iterable<{ id: number; title: string; iswc: string | null; swn: string }>) {
    idx.addTitle(r.id, r.title);
    idx.addIswc(r.id, r.iswc);
    idx.addSubmitterNumber(r.id, r.swn);
  }
  for (const r of db.prepare('SELECT work_id AS id, title FROM titles ORDER BY work_id, position').iterate() as Iterable<{ id: number; title: string }>) idx.addTitle(r.id, r.title);
  for (const r of db.prepare('SELECT work_id AS id, kind, issuer, value FROM work_identifiers').iterate() as Iterable<{ id: number; kind: string; issuer: string; value: string }>) {
    if (r.kind === 'iswc') idx.addIswc(r.id, r.value);
    else if (r.kind === 'submitter') idx.addSubmitterNumber(r.id, r.value);
    else if (r.kind === 'society') idx.addSocietyCode(r.id, r.issuer, r.value);
  }
  for (const r of db.prepare('SELECT work_id AS id, society, society_work_number AS code FROM registrations WHERE society_work_number IS NOT NULL').iterate() as Iterable<{ id: number; society: string; code: string }>) {
    idx.addSocietyCode(r.id, r.society, r.code);
  }
  for (const r of db.prepare('SELECT work_id AS id, isrc FROM recordings WHERE isrc IS NOT NULL').iterate() as Iterable<{ id: number; isrc: string }>) idx.addIsrc(r.id, r.isrc);
  const writers = db.prepare(
    `SELECT wp.work_id AS id, p.name, p.first_name AS first, p.ipi_name_number AS ipi, p.ipi_base_number AS base
     FROM work_parties wp JOIN parties p ON p.id = wp.party_id WHERE wp.kind = 'writer' ORDER BY wp.work_id, wp.position`,
  );
  for (const r of writers.iterate() as Iterable<{ id: number; name: string; first: string | null; ipi: string | null; base: string | null }>) {
    idx.addWriter(r.id, displayName(r.name, r.first), r.ipi, r.base);
  }
  return idx;
}

export function displayName(last: string, first: string | null): string {
  return first && first.trim() !== '' ? `${first.trim()} ${last.trim()}` : last.trim();
}

interface PartyRow {
  position: number;
  party_id: number;
  kind: string;
  role: string | null;
  name: string;
  first_name: string | null;
  ipi_name_number: string | null;
  ipi_base_number: string | null;
  pr_society: string | null;
  mr_society: string | null;
  sr_society: string | null;
  pr_share: number | null;
  mr_share: number | null;
  sr_share: number | null;
}

interface ShareRow {
  position: number;
  territory: string;
  include: number;
  pr_share: number | null;
  mr_share: number | null;
  sr_share: number | null;
}

/** Work details from the catalogue, cached (a statement pays the same works many times). */
export class CatalogueDetails implements WorkDetails {
  private readonly cache = new Map<number, WorkDetail | null>();
  private readonly work;
  private readonly parties;
  private readonly shares;
  private readonly affiliations;

  constructor(
    db: Db,
    private readonly cacheSize = 50_000,
  ) {
    this.work = db.prepare('SELECT id, title, iswc FROM works WHERE id = ?');
    this.parties = db.prepare(
      `SELECT wp.position, wp.party_id, wp.kind, wp.role, p.name, p.first_name, p.ipi_name_number, p.ipi_base_number,
              wp.pr_society, wp.mr_society, wp.sr_society, wp.pr_share, wp.mr_share, wp.sr_share
       FROM work_parties wp JOIN parties p ON p.id = wp.party_id WHERE wp.work_id = ? ORDER BY wp.position`,
    );
    this.shares = db.prepare('SELECT position, territory, include, pr_share, mr_share, sr_share FROM collection_shares WHERE work_id = ? ORDER BY position, n');
    this.affiliations = db.prepare('SELECT right, society FROM party_affiliations WHERE party_id = ?');
  }

  detail(id: number): WorkDetail | null {
    const hit = this.cache.get(id);
    if (hit !== undefined) return hit;
    const d = this.read(id);
    if (this.cache.size >= this.cacheSize) {
      const first = this.cache.keys().next();
      if (!first.done) this.cache.delete(first.value);
    }
    this.cache.set(id, d);
    return d;
  }

  private read(id: number): WorkDetail | null {
    const w = this.work.get(id) as { id: number; title: string; iswc: string | null } | undefined;
    if (!w) return null;
    const shares = this.shares.all(id) as ShareRow[];
    const parties: WorkParty[] = (this.parties.all(id) as PartyRow[]).map((p) => {
      const affiliation: Partial<Record<Right, string>> = {};
      const perWork = { PR: p.pr_society, MR: p.mr_society, SR: p.sr_society };
      for (const r of RIGHTS) if (perWork[r]) affiliation[r] = String(perWork[r]).padStart(3, '0');
      if (Object.keys(affiliation).length === 0) {
        for (const a of this.affiliations.all(p.party_id) as { right: Right; society: string }[]) affiliation[a.right] ??= a.society.padStart(3, '0');
      }
      const own = shares.filter((s) => s.position === p.position);
      const collection: CollectionShare[] = [];
      if (own.length > 0) {
        for (const s of own) {
          const v = { PR: s.pr_share, MR: s.mr_share, SR: s.sr_share };
          for (const r of RIGHTS) collection.push({ right: r, share: v[r] ?? 0, territory: s.territory, include: s.include === 1 });
        }
      } else {
        // No territory records: the ownership shares apply worldwide.
        const v = { PR: p.pr_share, MR: p.mr_share, SR: p.sr_share };
        for (const r of RIGHTS) if (v[r] !== null) collection.push({ right: r, share: v[r] ?? 0, territory: '2136', include: true });
      }
      return {
        id: p.party_id,
        name: displayName(p.name, p.first_name),
        ipiName: p.ipi_name_number,
        ipiBase: p.ipi_base_number,
        role: p.role ?? '',
        writer: p.kind === 'writer',
        affiliation,
        collection,
      };
    });
    return { id: w.id, title: w.title, iswc: w.iswc, parties };
  }
}
