/**
 * Details of matched works from the works catalogue (migration 0001): parties, affiliations and
 * collection shares, fetched on demand (or prefetched per page of lines) and cached.
 */
import type { Db } from '../catalogue/db.js';
import type { CollectionShare, Right, WorkDetail, WorkDetails, WorkParty } from './types.js';

const RIGHTS: readonly Right[] = ['PR', 'MR', 'SR'];
/** A work party's per-work values as one SQL literal list (kind, role, PR/MR/SR society, PR/MR/SR
 * share): one string per row instead of eight values, and the key under which equal ones are shared. */
const SIGNATURE = "quote(wp.kind) || ',' || quote(wp.role) || ',' || quote(wp.pr_society) || ',' || quote(wp.mr_society) || ',' || quote(wp.sr_society) || ',' || quote(wp.pr_share) || ',' || quote(wp.mr_share) || ',' || quote(wp.sr_share)";

/** Reads back a list of SQL literals as quote() writes them: NULL, integers, 'text' ('' for a quote). */
export function parseSignature(sig: string): (string | number | null)[] {
  const out: (string | number | null)[] = [];
  let i = 0;
  while (i < sig.length) {
    if (sig.startsWith('NULL', i)) {
      out.push(null);
      i += 4;
    } else if (sig[i] === "'") {
      let v = '';
      let j = i + 1;
      for (;;) {
        const q = sig.indexOf("'", j);
        if (q < 0) throw new Error(`bad signature ${sig}`);
        v += sig.slice(j, q);
        if (sig[q + 1] === "'") {
          v += "'";
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(v);
    } else {
      let j = i;
      while (j < sig.length && sig[j] !== ',') j++;
      out.push(Number(sig.slice(i, j)));
      i = j;
    }
    i++; // the comma
  }
  return out;
}

/** Works per bulk read. */
const CHUNK = 2000;

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

/** A bounded cache in two generations: when the current one is full it becomes the old one (the
 * one before is dropped). No deletes: evicting one entry at a time from the front of a Map slows
 * every later lookup of its first key. */
class GenerationCache<V> {
  private cur = new Map<number, V>();
  private old = new Map<number, V>();
  constructor(private readonly size: number) {}
  get(id: number): V | undefined {
    const v = this.cur.get(id);
    return v !== undefined ? v : this.old.get(id);
  }
  /** True when cached; an entry of the old generation moves to the current one (so a page's
   * works all stay while the page is settled, when the cache holds at least a page). */
  keep(id: number): boolean {
    if (this.cur.has(id)) return true;
    const v = this.old.get(id);
    if (v === undefined) return false;
    this.set(id, v);
    return true;
  }
  set(id: number, v: V): void {
    if (this.cur.size >= this.size) {
      this.old = this.cur;
      this.cur = new Map();
    }
    this.cur.set(id, v);
  }
}

/** Work details from the catalogue, cached (a statement pays the same works many times). */
export class CatalogueDetails implements WorkDetails {
  private readonly cache: GenerationCache<WorkDetail | null>;
  private readonly work;
  private readonly parties;
  private readonly shares;
  private readonly affiliations;
  private readonly manyWorkParties;
  private readonly manyShares;
  private readonly manyPartyNames;
  /** Party id -> [name, first name, IPI name number, IPI base number]; bounded (cleared when full). */
  private readonly partyCache = new Map<number, [string, string | null, string | null, string | null]>();
  /** Parties with the same per-work values (no territory rules) share one object: per party id,
   * its variants with the raw values they were built from; bounded. */
  private readonly shared = new Map<number, Map<string, WorkParty>>();
  private sharedCount = 0;

  constructor(
    db: Db,
    cacheSize = 10_000,
    private readonly partyCacheSize = 200_000,
  ) {
    this.cache = new GenerationCache(cacheSize);
    this.work = db.prepare('SELECT id, title, iswc FROM works WHERE id = ?');
    this.parties = db.prepare(
      `SELECT wp.position, wp.party_id, wp.kind, wp.role, p.name, p.first_name, p.ipi_name_number, p.ipi_base_number,
              wp.pr_society, wp.mr_society, wp.sr_society, wp.pr_share, wp.mr_share, wp.sr_share
       FROM work_parties wp JOIN parties p ON p.id = wp.party_id WHERE wp.work_id = ? ORDER BY wp.position`,
    );
    this.shares = db.prepare('SELECT position, territory, include, pr_share, mr_share, sr_share FROM collection_shares WHERE work_id = ? ORDER BY position, n');
    this.affiliations = db.prepare('SELECT right, society FROM party_affiliations WHERE party_id = ?');
    const inList = 'IN (SELECT value FROM json_each(?))';
    this.manyWorkParties = db
      .prepare(
        `SELECT w.id, w.title, w.iswc, wp.position, wp.party_id, ${SIGNATURE}
         FROM works w LEFT JOIN work_parties wp ON wp.work_id = w.id WHERE w.id ${inList} ORDER BY w.id, wp.position`,
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

  /** Reads the works of a page of lines in a few queries instead of three per work: works and
   * their parties in one join (raw rows, sorted ids so the B-tree is walked in order), collection
   * shares in one query. Party names and IPI numbers are read once per party (a writer has many
   * works), and a party's per-work values are shared between works that have the same ones. */
  prefetch(ids: readonly number[]): void {
    const todo = [...new Set(ids)].filter((id) => !this.cache.keep(id)).sort((a, b) => a - b);
    for (let i = 0; i < todo.length; i += CHUNK) {
      const ids = todo.slice(i, i + CHUNK);
      const chunk = JSON.stringify(ids);
      // work id, title, ISWC, position, party id, signature (null position: no parties)
      type Raw = [number, string, string | null, number | null, number | null, string | null];
      const rows = this.manyWorkParties.all(chunk) as Raw[];
      const partyIds: number[] = [];
      for (const r of rows) if (r[4] !== null) partyIds.push(r[4]);
      this.loadParties(partyIds);
      const shares = new Map<number, ShareRow[]>();
      for (const s of this.manyShares.all(chunk) as (ShareRow & { work_id: number })[]) {
        let list = shares.get(s.work_id);
        if (!list) shares.set(s.work_id, (list = []));
        list.push(s);
      }
      let found = 0;
      for (let j = 0; j < rows.length; ) {
        const [workId, title, iswc] = rows[j] as Raw;
        const own = shares.get(workId);
        const parties: WorkParty[] = [];
        for (; j < rows.length && (rows[j] as Raw)[0] === workId; j++) {
          const r = rows[j] as Raw;
          if (r[3] === null || r[4] === null) continue;
          const p = this.partyCache.get(r[4]);
          if (p === undefined) continue; // a work party without a party row (foreign keys prevent it)
          const sig = r[5] ?? '';
          const row = (): PartyRow => {
            const [kind, role, prSociety, mrSociety, srSociety, prShare, mrShare, srShare] = parseSignature(sig);
            return {
              position: r[3] as number,
              party_id: r[4] as number,
              kind: typeof kind === 'string' ? kind : '',
              role: typeof role === 'string' ? role : null,
              name: p[0],
              first_name: p[1],
              ipi_name_number: p[2],
              ipi_base_number: p[3],
              pr_society: typeof prSociety === 'string' ? prSociety : null,
              mr_society: typeof mrSociety === 'string' ? mrSociety : null,
              sr_society: typeof srSociety === 'string' ? srSociety : null,
              pr_share: typeof prShare === 'number' ? prShare : null,
              mr_share: typeof mrShare === 'number' ? mrShare : null,
              sr_share: typeof srShare === 'number' ? srShare : null,
            };
          };
          const positionShares = own === undefined ? [] : own.filter((s) => s.position === r[3]);
          if (positionShares.length > 0) parties.push(this.party(row(), positionShares));
          else {
            // Without territory rules a party's values are often the same on many works: shared
            // (per party id and signature of its per-work values).
            let variants = this.shared.get(r[4]);
            let wp = variants?.get(sig);
            if (wp === undefined) {
              if (this.sharedCount >= this.partyCacheSize) {
                this.shared.clear();
                this.sharedCount = 0;
                variants = undefined;
              }
              wp = this.party(row(), []);
              if (variants === undefined) this.shared.set(r[4], (variants = new Map()));
              variants.set(sig, wp);
              this.sharedCount++;
            }
            parties.push(wp);
          }
        }
        found++;
        this.remember(workId, { id: workId, title, iswc, parties });
      }
      if (found < ids.length) {
        const seen = new Set(rows.map((r) => r[0]));
        for (const id of ids) if (!seen.has(id)) this.remember(id, null);
      }
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
    this.cache.set(id, d);
  }

  private build(w: WorkRow, partyRows: readonly PartyRow[], shares: readonly ShareRow[]): WorkDetail {
    const parties = partyRows.map((p) => this.party(p, shares.filter((s) => s.position === p.position)));
    return { id: w.id, title: w.title, iswc: w.iswc, parties };
  }

  /** One party of a work, from its row and its own collection share rows (none: ownership shares worldwide). */
  private party(p: PartyRow, own: readonly ShareRow[]): WorkParty {
    const affiliation: Partial<Record<Right, string>> = {};
    const perWork = { PR: p.pr_society, MR: p.mr_society, SR: p.sr_society };
    for (const r of RIGHTS) if (perWork[r]) affiliation[r] = String(perWork[r]).padStart(3, '0');
    if (Object.keys(affiliation).length === 0) {
      for (const a of this.affiliations.all(p.party_id) as { right: Right; society: string }[]) affiliation[a.right] ??= a.society.padStart(3, '0');
    }
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
  }
}
