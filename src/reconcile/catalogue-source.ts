/**
 * Details of matched works from the works catalogue (migration 0001): parties, affiliations and
 * collection shares, fetched on demand (or prefetched per page of lines) and cached.
 */
import type { Db } from '../catalogue/db.js';
import type { CollectionShare, Right, WorkDetail, WorkDetails, WorkParty } from './types.js';

const RIGHTS: readonly Right[] = ['PR', 'MR', 'SR'];

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

interface WorkRow {
  id: number;
  title: string;
  iswc: string | null;
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
  private readonly manyWorks;
  private readonly manyParties;
  private readonly manyShares;
  private readonly manyPartyNames;
  /** Party id -> [name, first name, IPI name number, IPI base number]; bounded (cleared when full). */
  private readonly partyCache = new Map<number, [string, string | null, string | null, string | null]>();

  constructor(
    db: Db,
    private readonly cacheSize = 10_000,
    private readonly partyCacheSize = 200_000,
  ) {
    this.work = db.prepare('SELECT id, title, iswc FROM works WHERE id = ?');
    this.parties = db.prepare(
      `SELECT wp.position, wp.party_id, wp.kind, wp.role, p.name, p.first_name, p.ipi_name_number, p.ipi_base_number,
              wp.pr_society, wp.mr_society, wp.sr_society, wp.pr_share, wp.mr_share, wp.sr_share
       FROM work_parties wp JOIN parties p ON p.id = wp.party_id WHERE wp.work_id = ? ORDER BY wp.position`,
    );
    this.shares = db.prepare('SELECT position, territory, include, pr_share, mr_share, sr_share FROM collection_shares WHERE work_id = ? ORDER BY position, n');
    this.affiliations = db.prepare('SELECT right, society FROM party_affiliations WHERE party_id = ?');
    const inList = 'IN (SELECT value FROM json_each(?))';
    this.manyWorks = db.prepare(`SELECT id, title, iswc FROM works WHERE id ${inList}`).raw(true);
    this.manyParties = db
      .prepare(
        `SELECT work_id, position, party_id, kind, role, pr_society, mr_society, sr_society, pr_share, mr_share, sr_share
         FROM work_parties WHERE work_id ${inList} ORDER BY work_id, position`,
      )
      .raw(true);
    this.manyPartyNames = db.prepare(`SELECT id, name, first_name, ipi_name_number, ipi_base_number FROM parties WHERE id ${inList}`).raw(true);
    this.manyShares = db.prepare(`SELECT work_id, position, territory, include, pr_share, mr_share, sr_share FROM collection_shares WHERE work_id ${inList} ORDER BY work_id, position, n`);
  }

  detail(id: number): WorkDetail | null {
    const hit = this.cache.get(id);
    if (hit !== undefined) return hit;
    const w = this.work.get(id) as WorkRow | undefined;
    const d = w ? this.build(w, this.parties.all(id) as PartyRow[], this.shares.all(id) as ShareRow[]) : null;
    this.remember(id, d);
    return d;
  }

  /** Reads the works of a page of lines in a few queries instead of three per work. Party names
   * and IPI numbers are read once per party (a writer has many works), not once per work. */
  prefetch(ids: readonly number[]): void {
    const todo = [...new Set(ids)].filter((id) => !this.cache.has(id)).sort((a, b) => a - b);
    for (let i = 0; i < todo.length; i += 500) {
      const chunk = JSON.stringify(todo.slice(i, i + 500));
      const parties = new Map<number, PartyRow[]>();
      // Raw rows: materialising objects costs twice as much as arrays.
      type Raw = [number, number, number, string, string | null, string | null, string | null, string | null, number | null, number | null, number | null];
      const rows = this.manyParties.all(chunk) as Raw[];
      this.loadParties(rows.map((r) => r[2]));
      for (const r of rows) {
        const [workId, position, party_id, kind, role, pr_society, mr_society, sr_society, pr_share, mr_share, sr_share] = r;
        const p = this.partyCache.get(party_id);
        if (p === undefined) continue; // a work party without a party row (foreign keys prevent it)
        let list = parties.get(workId);
        if (!list) parties.set(workId, (list = []));
        list.push({ position, party_id, kind, role, name: p[0], first_name: p[1], ipi_name_number: p[2], ipi_base_number: p[3], pr_society, mr_society, sr_society, pr_share, mr_share, sr_share });
      }
      const shares = new Map<number, ShareRow[]>();
      for (const s of this.manyShares.all(chunk) as (ShareRow & { work_id: number })[]) {
        let list = shares.get(s.work_id);
        if (!list) shares.set(s.work_id, (list = []));
        list.push(s);
      }
      const found = new Set<number>();
      for (const [id, title, iswc] of this.manyWorks.all(chunk) as [number, string, string | null][]) {
        found.add(id);
        this.remember(id, this.build({ id, title, iswc }, parties.get(id) ?? [], shares.get(id) ?? []));
      }
      for (const id of todo.slice(i, i + 500)) if (!found.has(id)) this.remember(id, null);
    }
  }

  /** Makes sure these parties are in the party cache (when it is full, it starts again with them). */
  private loadParties(ids: readonly number[]): void {
    let distinct = [...new Set(ids)].filter((id) => !this.partyCache.has(id));
    if (distinct.length === 0) return;
    if (this.partyCache.size + distinct.length > this.partyCacheSize) {
      this.partyCache.clear();
      distinct = [...new Set(ids)];
    }
    for (let i = 0; i < distinct.length; i += 500) {
      for (const [id, name, first, ipi, base] of this.manyPartyNames.all(JSON.stringify(distinct.slice(i, i + 500))) as [number, string, string | null, string | null, string | null][]) {
        this.partyCache.set(id, [name, first, ipi, base]);
      }
    }
  }

  private remember(id: number, d: WorkDetail | null): void {
    if (this.cache.size >= this.cacheSize) {
      const first = this.cache.keys().next();
      if (!first.done) this.cache.delete(first.value);
    }
    this.cache.set(id, d);
  }

  private build(w: WorkRow, partyRows: readonly PartyRow[], shares: readonly ShareRow[]): WorkDetail {
    const parties: WorkParty[] = partyRows.map((p) => {
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
