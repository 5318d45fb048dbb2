import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReconcileService } from '../../../src/app/reconcile.js';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { ReconciliationRepository } from '../../../src/catalogue/repositories/reconciliation.js';
import { parseRate } from '../../../src/reconcile/amounts.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { line } from './fixtures.js';
import { MemoryStatements, seedWorks, type SeedParty } from './seed.js';

const ABAI: SeedParty = { name: 'KUNANBAYULY', first: 'ABAI', ipi: '00014107338', society: '177', share: 5000 };
const ZHAMBYL: SeedParty = { name: 'ZHABAYEV', first: 'ZHAMBYL', ipi: '00025436718', society: '177', share: 2500 };
const SMITH: SeedParty = { name: 'SMITH', first: 'JOHN', ipi: '00034567892', society: '052', share: 2500 };
// Kazakh member whose share covers the world except Kazakhstan.
const ASEL: SeedParty = {
  name: 'ASEL',
  ipi: '00045678901',
  society: '177',
  share: 5000,
  territories: [
    { territory: '2136', include: true, share: 5000 },
    { territory: '0398', include: false, share: 0 },
  ],
};

const STATEMENT = { id: 7, fromSociety: '052', currency: 'EUR', scale: 2, declaredTotal: 1000000n, rate: null };

function lines() {
  return [
    line({ id: 1, workCode: '88001', amount: 10000n }), // society code -> work 1, split 2/3 : 1/3
    line({ id: 2, iswc: 'T-034.524.680-1', ipiName: '00014107338', share: 5000, amount: 2000n }), // iswc -> work 1 (ABAI)
    line({ id: 3, submitterWorkNumber: 'SW2', amount: 3000n }), // work 2 (ZHAMBYL 100% of members)
    line({ id: 4, isrc: 'KZA012300009', amount: 500n }), // isrc -> work 3
    line({ id: 5, title: 'Kara Torgai', writers: ['Abai Kunanbayuly'], amount: 700n }), // fuzzy -> work 1
    line({ id: 6, title: 'Steppe Wind', amount: 800n }), // review (no writer)
    line({ id: 7, title: 'Nothing like it', writers: ['Nobody'], amount: 333n }), // unmatched
    line({ id: 8, submitterWorkNumber: 'SW4', territory: '0398', amount: 400n }), // work 4: ASEL excludes KZ -> no member share
    line({ id: 9, submitterWorkNumber: 'SW4', territory: '0250', amount: 600n }), // work 4 in France: ASEL paid
  ];
}

function seed(dir: string) {
  const db = openCatalogue(join(dir, 'c.db'));
  const ids = seedWorks(db, [
    { title: 'Қара торғай', swn: 'SW1', iswc: 'T0345246801', societyCodes: [{ society: '052', code: '88001' }], writers: [ABAI, ZHAMBYL, SMITH] },
    { title: 'Dala', swn: 'SW2', writers: [ZHAMBYL, SMITH] },
    { title: 'Another One', swn: 'SW3', isrc: 'KZA012300009', writers: [ABAI] },
    { title: 'Far Away', swn: 'SW4', writers: [ASEL, SMITH] },
    { title: 'Steppe Wind Song', swn: 'SW5', writers: [SMITH] },
  ]);
  const st = new MemoryStatements();
  st.add(STATEMENT, lines());
  return { db, ids, st };
}

describe('ReconcileService on a real catalogue file', () => {
  const tmp = useTempDir();

  it('matches per method, allocates exactly, stores and re-runs idempotently', () => {
    const { db, ids, st } = seed(tmp());
    const svc = new ReconcileService(db, st);
    const r = svc.reconcile(7, { society: '177', localCurrency: 'KZT', rate: parseRate('EUR:KZT=500'), received: null });
    const s = r.summary;
    expect(s.byMethod).toEqual({ decision: 0, 'society-code': 1, iswc: 1, 'submitter-number': 3, isrc: 1, 'title-writer': 1 });
    expect({ lines: s.lines, matched: s.matched, review: s.review, unmatched: s.unmatched }).toEqual({ lines: 9, matched: 7, review: 1, unmatched: 1 });
    expect(s.total).toBe(18333n);
    expect(s.allocated).toBe(10000n + 2000n + 3000n + 500n + 700n + 600n);
    expect(s.unallocatedByReason).toEqual({ review: 800n, unmatched: 333n, 'no-member-share': 400n });
    expect(s.allocated + s.unallocated).toBe(s.total);
    expect(s.localTotal).toBe(18333n * 500n);
    const byIpi = Object.fromEntries(s.members.map((m) => [m.ipi, m.amount]));
    expect(byIpi).toEqual({ '00014107338': 6667n + 2000n + 500n + 467n, '00025436718': 3333n + 3000n + 233n, '00045678901': 600n });
    expect(r.findings.map((f) => f.kind).sort()).toEqual(['control-total']);
    expect(ids).toHaveLength(5);

    const repo = new ReconciliationRepository(db);
    const [first] = repo.ofStatement(7);
    expect(first?.allocated).toBe(s.allocated);
    // Re-run: replaces, never double counts.
    const again = new ReconcileService(db, st).reconcile(7, { society: '177', localCurrency: 'KZT', rate: null, received: null });
    expect(db.prepare('SELECT COUNT(*) AS n FROM reconciliations').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM reconciliation_lines').get()).toEqual({ n: 9 });
    expect(repo.memberTotals(again.reconciliationId).reduce((a, m) => a + m.amount, 0n)).toBe(s.allocated);
    expect((statSync(join(tmp(), 'c.db')).mode & 0o777).toString(8)).toBe('600');
    db.close();
  });

  it('remembers an accepted review decision and matches more after a catalogue update', () => {
    const { db, ids, st } = seed(tmp());
    const svc = new ReconcileService(db, st);
    const first = svc.reconcile(7, { society: '177', localCurrency: 'KZT', rate: null, received: null });
    expect(first.summary.review).toBe(1);
    const repo = new ReconciliationRepository(db);
    const reviewLine = repo.lines(first.reconciliationId, 'review')[0];
    expect(reviewLine?.decision_key).toBe('T:STEPE VIND');
    repo.decide('052', reviewLine?.decision_key ?? '', ids[4] ?? 0, 'accept');
    const second = new ReconcileService(db, st).reconcile(7, { society: '177', localCurrency: 'KZT', rate: null, received: null });
    expect(second.summary).toMatchObject({ review: 0, matched: 8 });
    expect(second.summary.byMethod.decision).toBe(1);
    // The unmatched line's work arrives in the catalogue: the next run matches it.
    seedWorks(db, [{ title: 'Nothing Like It', swn: 'SW9', writers: [{ name: 'NOBODY', ipi: '00056789012', society: '177', share: 10000 }] }]);
    const third = new ReconcileService(db, st).reconcile(7, { society: '177', localCurrency: 'KZT', rate: null, received: null });
    expect(third.summary).toMatchObject({ matched: 9, unmatched: 0 });
    db.close();
  });

  it('pays a party that is on the work twice once, with both shares (a publisher in two chains)', () => {
    const db = openCatalogue(join(tmp(), 'twice.db'));
    const [work] = seedWorks(db, [{ title: 'Twice', swn: 'TW1', iswc: 'T0345246801', writers: [ABAI, { ...ABAI, share: 2500 }, SMITH] }]);
    const st = new MemoryStatements();
    st.add({ ...STATEMENT, declaredTotal: null }, [line({ id: 1, iswc: 'T0345246801', amount: 1001n })]);
    const o = new ReconcileService(db, st).reconcile(7, { society: '177', localCurrency: 'KZT', rate: null, received: null });
    expect(o.summary.allocated).toBe(1001n);
    expect(o.summary.members.map((m) => [m.ipi, m.amount, m.lines])).toEqual([['00014107338', 1001n, 1]]);
    const rows = db.prepare('SELECT party_id, weight, amount FROM reconciliation_allocations').all();
    expect(rows).toEqual([{ party_id: 1, weight: 7500, amount: 1001 }]);
    expect(o.findings.filter((f) => f.kind === 'claim-candidate')).toEqual([]);
    expect(work).toBeGreaterThan(0);
    db.close();
  });
});
