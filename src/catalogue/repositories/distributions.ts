/** Local distributions: stored in one immediate transaction, read back per society for export. */
import type { Db } from '../db.js';
import type { Right } from '../../statements/model.js';

export interface DistributionWork {
  readonly workId: number;
  readonly title: string;
  readonly iswc: string | null;
  /** Decimal string (uses may be minutes or points). */
  readonly uses: string;
  readonly amount: bigint;
  readonly unallocated: bigint;
}

export interface DistributionShare {
  readonly workId: number;
  readonly partyId: number;
  readonly partyName: string;
  readonly ipiNameNumber: string | null;
  readonly role: string | null;
  readonly society: string | null;
  readonly share: number;
  readonly amount: bigint;
}

export interface DistributionUnmatched {
  readonly line: number;
  readonly workRef: string;
  readonly title: string | null;
  readonly uses: string;
  readonly amount: bigint;
}

export interface Distribution {
  readonly id: number;
  readonly society: string;
  readonly right: Right;
  readonly territory: string;
  readonly period: string | null;
  readonly currency: string;
  readonly scale: number;
  readonly amount: bigint;
  readonly allocated: bigint;
  readonly unallocated: bigint;
  readonly usageFile: string;
  readonly usageHash: string;
  readonly usageLines: number;
  readonly matched: number;
  readonly unmatched: number;
  readonly createdAt: string;
}

export interface NewDistribution extends Omit<Distribution, 'id' | 'createdAt'> {
  readonly works: readonly DistributionWork[];
  readonly shares: readonly DistributionShare[];
  readonly unmatchedLines: readonly DistributionUnmatched[];
}

interface Row {
  id: bigint;
  society: string;
  right: Right;
  territory: string;
  period: string | null;
  currency: string;
  scale: bigint;
  amount: bigint;
  allocated: bigint;
  unallocated: bigint;
  usage_file: string;
  usage_hash: string;
  usage_lines: bigint;
  matched: bigint;
  unmatched: bigint;
  created_at: string;
}

function fromRow(r: Row): Distribution {
  return {
    id: Number(r.id),
    society: r.society,
    right: r.right,
    territory: r.territory,
    period: r.period,
    currency: r.currency,
    scale: Number(r.scale),
    amount: r.amount,
    allocated: r.allocated,
    unallocated: r.unallocated,
    usageFile: r.usage_file,
    usageHash: r.usage_hash,
    usageLines: Number(r.usage_lines),
    matched: Number(r.matched),
    unmatched: Number(r.unmatched),
    createdAt: r.created_at,
  };
}

export class DistributionsRepository {
  constructor(private readonly db: Db) {}

  create(d: NewDistribution): number {
    const db = this.db;
    return db
      .transaction(() => {
        const info = db
          .prepare(
            `INSERT INTO distributions (society, right, territory, period, currency, scale, amount, allocated, unallocated, usage_file, usage_hash, usage_lines, matched, unmatched, rounding, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'largest-remainder', ?)`,
          )
          .run(d.society, d.right, d.territory, d.period, d.currency, d.scale, d.amount, d.allocated, d.unallocated, d.usageFile, d.usageHash, d.usageLines, d.matched, d.unmatched, new Date().toISOString());
        const id = Number(info.lastInsertRowid);
        const w = db.prepare('INSERT INTO distribution_works (distribution_id, work_id, title, iswc, uses, amount, unallocated) VALUES (?, ?, ?, ?, ?, ?, ?)');
        for (const x of d.works) w.run(id, x.workId, x.title, x.iswc, x.uses, x.amount, x.unallocated);
        const s = db.prepare('INSERT INTO distribution_shares (distribution_id, work_id, party_id, party_name, ipi_name_number, role, society, share, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (const x of d.shares) s.run(id, x.workId, x.partyId, x.partyName, x.ipiNameNumber, x.role, x.society, x.share, x.amount);
        const u = db.prepare('INSERT INTO distribution_unmatched (distribution_id, line, work_ref, title, uses, amount) VALUES (?, ?, ?, ?, ?, ?)');
        for (const x of d.unmatchedLines) u.run(id, x.line, x.workRef, x.title, x.uses, x.amount);
        return id;
      })
      .immediate();
  }

  /** Every distribution, oldest first. */
  list(): Distribution[] {
    return (this.db.prepare('SELECT * FROM distributions ORDER BY id').safeIntegers().all() as Row[]).map(fromRow);
  }

  get(id: number): Distribution | null {
    const r = this.db.prepare('SELECT * FROM distributions WHERE id = ?').safeIntegers().get(id) as Row | undefined;
    return r ? fromRow(r) : null;
  }

  works(id: number): DistributionWork[] {
    const rows = this.db.prepare('SELECT * FROM distribution_works WHERE distribution_id = ? ORDER BY work_id').safeIntegers().all(id) as {
      work_id: bigint;
      title: string;
      iswc: string | null;
      uses: string;
      amount: bigint;
      unallocated: bigint;
    }[];
    return rows.map((r) => ({ workId: Number(r.work_id), title: r.title, iswc: r.iswc, uses: r.uses, amount: r.amount, unallocated: r.unallocated }));
  }

  /** Shares paid to parties affiliated to `society` (all shares when society is undefined). */
  shares(id: number, society?: string): DistributionShare[] {
    const sql = `SELECT * FROM distribution_shares WHERE distribution_id = ?${society !== undefined ? ' AND society = ?' : ''} ORDER BY work_id, party_id`;
    const rows = this.db.prepare(sql).safeIntegers().all(...(society !== undefined ? [id, society] : [id])) as {
      work_id: bigint;
      party_id: bigint;
      party_name: string;
      ipi_name_number: string | null;
      role: string | null;
      society: string | null;
      share: bigint;
      amount: bigint;
    }[];
    return rows.map((r) => ({
      workId: Number(r.work_id),
      partyId: Number(r.party_id),
      partyName: r.party_name,
      ipiNameNumber: r.ipi_name_number,
      role: r.role,
      society: r.society,
      share: Number(r.share),
      amount: r.amount,
    }));
  }

  unmatched(id: number): DistributionUnmatched[] {
    const rows = this.db.prepare('SELECT * FROM distribution_unmatched WHERE distribution_id = ? ORDER BY line').safeIntegers().all(id) as {
      line: bigint;
      work_ref: string;
      title: string | null;
      uses: string;
      amount: bigint;
    }[];
    return rows.map((r) => ({ line: Number(r.line), workRef: r.work_ref, title: r.title, uses: r.uses, amount: r.amount }));
  }

  /** Money per society of affiliation (null: no society known). */
  totalsBySociety(id: number): { society: string | null; amount: bigint; parties: number }[] {
    const rows = this.db
      .prepare('SELECT society, SUM(amount) AS amount, COUNT(DISTINCT party_id) AS parties FROM distribution_shares WHERE distribution_id = ? GROUP BY society ORDER BY society')
      .safeIntegers()
      .all(id) as { society: string | null; amount: bigint; parties: bigint }[];
    return rows.map((r) => ({ society: r.society, amount: r.amount, parties: Number(r.parties) }));
  }
}
