import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReconcileService } from '../../../src/app/reconcile.js';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { ReconciliationRepository } from '../../../src/catalogue/repositories/reconciliation.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { line } from './fixtures.js';
import { MemoryStatements, seedWorks, type SeedParty } from './seed.js';

const ABAI: SeedParty = { name: 'KUNANBAYULY', first: 'ABAI', ipi: '00014107338', society: '177', share: 5000 };
const ZHAMBYL: SeedParty = { name: 'ZHABAYEV', first: 'ZHAMBYL', ipi: '00025436718', society: '177', share: 2500 };
const SMITH: SeedParty = { name: 'SMITH', first: 'JOHN', ipi: '00034567892', society: '052', share: 2500 };

const REQ = { society: '177', localCurrency: 'KZT', rate: null, received: null } as const;

/** n lines over two works: every third line repeats the one before (a duplicate-line finding),
 * every seventh is unmatched; matched lines split over two members (two allocation rows). */
function statement(id: number, n: number) {
  const lines = Array.from({ length: n }, (_, i) => {
    const k = i + 1;
    const same = k % 3 === 0 ? k - 1 : k;
    return line({ id: id * 10_000 + k, ref: `L${k}`, submitterWorkNumber: same % 7 === 0 ? 'NONE' : `SW${(same % 2) + 1}`, amount: BigInt(100 + same) });
  });
  return { header: { id, fromSociety: '052', currency: 'EUR', scale: 2, declaredTotal: null, rate: null }, lines };
}

describe('line results stored in multi-row batches', () => {
  const tmp = useTempDir();

  // Sizes around the batch of 100 rows: empty, one, a partial batch, exact batches, several with a tail.
  it.each([0, 1, 99, 100, 200, 257])('stores %i lines with ids, allocations and findings that refer to the right line', (n) => {
    const db = openCatalogue(join(tmp(), 'c.db'));
    seedWorks(db, [
      { title: 'Dala', swn: 'SW1', writers: [ABAI, ZHAMBYL, SMITH] },
      { title: 'Kara Torgai', swn: 'SW2', writers: [ZHAMBYL, ABAI] },
    ]);
    const st = new MemoryStatements();
    const a = statement(1, 30);
    const b = statement(2, n);
    st.add(a.header, a.lines);
    st.add(b.header, b.lines);
    const svc = new ReconcileService(db, st);
    svc.reconcile(1, REQ);
    const before = Number(db.prepare('SELECT MAX(id) FROM reconciliation_lines').pluck().get());
    const out = svc.reconcile(2, REQ);
    const repo = new ReconciliationRepository(db);
    const rows = repo.lines(out.reconciliationId);
    expect(rows).toHaveLength(n);
    // Ids follow on from the rows already stored, in statement order, as SQLite would give them.
    expect(rows.map((r) => Number(r.id))).toEqual(Array.from({ length: n }, (_, i) => before + 1 + i));
    expect(rows.map((r) => Number(r.statement_line_id))).toEqual(b.lines.map((l) => l.id));
    for (const r of rows) {
      const parts = repo.allocations(Number(r.id));
      expect(parts.reduce((s, p) => s + p.amount, 0n)).toBe(r.net - r.unallocated);
      expect(parts).toHaveLength(r.status === 'matched' ? 2 : 0);
    }
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const dups = repo.findings(out.reconciliationId).filter((f) => f.kind === 'duplicate-line');
    expect(dups).toHaveLength(Math.floor(n / 3));
    for (const f of dups) {
      const r = byId.get(Number(f.line_id));
      expect((Number(r?.statement_line_id) - 20_000) % 3).toBe(0);
      expect(JSON.parse(f.detail)).toEqual({ firstLine: Number(r?.statement_line_id) - 1 });
    }
    const s = out.summary;
    expect(s.allocated + s.unallocated).toBe(s.total);
    expect(repo.memberTotals(out.reconciliationId).reduce((t, m) => t + m.amount, 0n)).toBe(s.allocated);
    db.close();
  });
});
