/** Seeds a real catalogue file with a few works by SQL (schema of migration 0001), and an
 * in-memory statement source, for the reconciliation use-case tests. */
import type { Db } from '../../../src/catalogue/db.js';
import type { StatementSource } from '../../../src/app/reconcile.js';
import type { ReconLine, ReconStatement } from '../../../src/reconcile/types.js';

export interface SeedParty {
  readonly name: string;
  readonly first?: string;
  readonly ipi: string;
  readonly society: string;
  /** PR/MR share, hundredths of a percent, worldwide unless territories are given. */
  readonly share: number;
  readonly territories?: readonly { territory: string; include: boolean; share: number }[];
}

export interface SeedWork {
  readonly title: string;
  readonly swn: string;
  readonly iswc?: string;
  readonly alt?: readonly string[];
  readonly societyCodes?: readonly { society: string; code: string }[];
  readonly isrc?: string;
  readonly writers: readonly SeedParty[];
}

/** Inserts works; returns their ids in order. */
export function seedWorks(db: Db, works: readonly SeedWork[]): number[] {
  const now = new Date().toISOString();
  const run = Number(db.prepare("INSERT INTO runs (command, started_at) VALUES ('import', ?)").run(now).lastInsertRowid);
  const partyIds = new Map<string, number>();
  const party = (p: SeedParty): number => {
    const known = partyIds.get(p.ipi);
    if (known !== undefined) return known;
    const id = Number(
      db
        .prepare("INSERT INTO parties (key, kind, ipi_name_number, submitter, ip_number, name, first_name, name_key, created_run) VALUES (?, 'writer', ?, 'TST', ?, ?, ?, ?, ?)")
        .run(`ipi:${p.ipi}`, p.ipi, p.ipi, p.name, p.first ?? null, p.name, run).lastInsertRowid,
    );
    partyIds.set(p.ipi, id);
    return id;
  };
  return works.map((w) => {
    const id = Number(
      db
        .prepare("INSERT INTO works (submitter, submitter_work_number, title, title_key, writer_key, iswc, snapshot_hash, created_run, updated_run) VALUES ('TST', ?, ?, ?, '', ?, 'x', ?, ?)")
        .run(w.swn, w.title, w.title.toUpperCase(), w.iswc ?? null, run, run).lastInsertRowid,
    );
    (w.alt ?? []).forEach((t, i) => db.prepare("INSERT INTO titles (work_id, position, title, title_key, type) VALUES (?, ?, ?, ?, 'AT')").run(id, i + 1, t, t.toUpperCase()));
    for (const c of w.societyCodes ?? []) db.prepare("INSERT INTO work_identifiers (work_id, kind, issuer, value) VALUES (?, 'society', ?, ?)").run(id, c.society, c.code);
    if (w.isrc) db.prepare('INSERT INTO recordings (work_id, n, isrc) VALUES (?, 1, ?)').run(id, w.isrc);
    w.writers.forEach((p, i) => {
      const pid = party(p);
      db.prepare("INSERT INTO work_parties (work_id, position, party_id, kind, ip_number, role, controlled, pr_society, mr_society, pr_share, mr_share) VALUES (?, ?, ?, 'writer', ?, 'CA', 1, ?, ?, ?, ?)").run(
        id,
        i + 1,
        pid,
        p.ipi,
        p.society,
        p.society,
        p.share,
        p.share,
      );
      (p.territories ?? []).forEach((t, n) =>
        db.prepare('INSERT INTO collection_shares (work_id, position, n, sequence, territory, include, pr_share, mr_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(id, i + 1, n + 1, n + 1, t.territory, t.include ? 1 : 0, t.share, t.share),
      );
    });
    return id;
  });
}

/** Statements held in memory. */
export class MemoryStatements implements StatementSource {
  private readonly statements = new Map<number, { header: ReconStatement; lines: ReconLine[] }>();
  add(header: ReconStatement, lines: ReconLine[]): void {
    this.statements.set(header.id, { header, lines: [...lines].sort((a, b) => a.id - b.id) });
  }
  header(id: number): ReconStatement | null {
    return this.statements.get(id)?.header ?? null;
  }
  total(id: number): bigint {
    return (this.statements.get(id)?.lines ?? []).reduce((s, l) => s + l.amount, 0n);
  }
  page(id: number, after: number, limit: number): readonly ReconLine[] {
    return (this.statements.get(id)?.lines ?? []).filter((l) => l.id > after).slice(0, limit);
  }
}
