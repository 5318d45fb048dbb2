import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distribute, exportDistribution, periodDates } from '../../../src/app/distribute.js';
import { importStatement } from '../../../src/app/statements.js';
import { openCatalogue, type Db } from '../../../src/catalogue/db.js';
import { StatementsRepository } from '../../../src/catalogue/repositories/statements.js';
import { readCrd } from '../../../src/formats/crd/reader.js';
import { readCsv } from '../../../src/statements/csv/read-csv.js';
import { collectStatement } from '../../../src/statements/intake.js';
import { GENERIC_CSV } from '../../../src/statements/profile.js';
import { SAMPLES } from '../../helpers/paths.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const CRD = join(SAMPLES, 'statements', 'CD260001052_177.CRD');
const CSV = join(SAMPLES, 'statements', 'gema-2026q2.csv');

function count(db: Db, table: string): number {
  return Number(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get());
}

describe('statement import into a real SQLite catalogue', () => {
  const tmp = useTempDir();
  const db = (): Db => openCatalogue(join(tmp(), 'c.db'));

  it('stores a CRD statement whole, with source locations, once per content hash', async () => {
    const d = db();
    const a = await importStatement(d, CRD, { from: '052' });
    expect(a).toMatchObject({ status: 'imported', id: 1, lines: 7, scale: 2 });
    expect(a.totals).toEqual(new Map([['GBP', 41075n]]));
    const b = await importStatement(d, CRD, { from: '052' });
    expect(b).toMatchObject({ status: 'existing', id: 1, lines: 7 });
    expect(count(d, 'statements')).toBe(1);
    const lines = new StatementsRepository(d).lines(1, 0, 10);
    expect(lines).toHaveLength(7);
    expect(lines[3]).toMatchObject({ net: -1225n, adjustmentRef: 'P-2025-0077', source: { file: 'CD260001052_177.CRD', line: 16, column: 126 } });
    expect(new StatementsRepository(d).get(1)).toMatchObject({ currency: 'GBP', periodStart: '2026-01-01', distributionRef: 'PRS-2026H1-INT', totals: [{ currency: 'GBP', total: 41075n, declared: 41075n }] });
    d.close();
  });

  it('keeps Kazakh text through CSV import and back out of the database', async () => {
    const d = db();
    const r = await importStatement(d, CSV, { from: '035' });
    expect(r).toMatchObject({ status: 'imported', lines: 4, scale: 6 });
    const [first] = new StatementsRepository(d).lines(r.id ?? 0, 0, 1);
    expect(first).toMatchObject({ title: 'Көктем вальсі', writers: ['Нұрланқызы Айгерім', 'Hoffmann Klaus'], partyName: 'Нұрланқызы Айгерім', net: 3750000n, source: { line: 2 } });
    d.close();
  });

  it.each([
    ['a bad amount', 'bad.csv', 'title,amount,currency\nA,1.00,EUR\nB,1.0.0,EUR\n', {}, 'stmt-amount-invalid'],
    ['an unknown --currency', 'ok.csv', 'title,amount\nA,1\n', { currency: 'XXY' }, 'stmt-currency-unknown'],
    ['a missing profile file', 'ok.csv', 'title,amount\nA,1\n', { profile: './nope.json' }, 'stmt-profile-invalid'],
    ['a CSV profile for XML', 'ok.xml', '<statement/>', { profile: 'generic' }, 'stmt-profile-invalid'],
    ['a truncated CRD', 'cut.CRD', readFileSync(CRD, 'utf8').split('\r\n').slice(0, 14).join('\r\n'), { from: '052' }, 'crd-truncated'],
  ])('stores nothing from a statement with %s', async (_n, name, text, opts, rule) => {
    const d = db();
    const p = join(tmp(), name);
    writeFileSync(p, text);
    const r = await importStatement(d, p, { from: '035', ...opts });
    expect(r.status).toBe('invalid');
    expect(r.id).toBeNull();
    expect(r.diagnostics.map((x) => x.rule)).toContain(rule);
    expect([count(d, 'statements'), count(d, 'statement_lines'), count(d, 'statement_totals')]).toEqual([0, 0, 0]);
    d.close();
  });

  it('says so when the same file comes again from another society', async () => {
    const d = db();
    await importStatement(d, CRD, { from: '052' });
    const r = await importStatement(d, CRD, { from: '035' });
    expect(r).toMatchObject({ status: 'existing', id: 1 });
    expect(r.diagnostics.map((x) => [x.rule, x.severity])).toEqual([['stmt-already-imported', 'warning']]);
    d.close();
  });

  it('refuses an unusable --layouts file (overlapping fields) before reading', async () => {
    const d = db();
    const bad = join(tmp(), 'layouts.json');
    writeFileSync(bad, JSON.stringify({ records: { WER: { length: 20, fields: [{ name: 'a', start: 1, length: 10, type: 'A' }, { name: 'b', start: 5, length: 3, type: 'A' }] } } }));
    const r = await importStatement(d, CRD, { from: '052', layouts: bad });
    expect(r.status).toBe('invalid');
    expect(r.diagnostics[0]?.message).toMatch(/inside the previous field/);
    d.close();
  });

  it('a rejected file can be fixed and imported afterwards (nothing half-stored blocks it)', async () => {
    const d = db();
    const p = join(tmp(), 's.csv');
    writeFileSync(p, 'title,amount,currency\nA,x,EUR\n');
    expect((await importStatement(d, p, { from: '035' })).status).toBe('invalid');
    writeFileSync(p, 'title,amount,currency\nA,1,EUR\n');
    expect(await importStatement(d, p, { from: '035' })).toMatchObject({ status: 'imported', id: expect.any(Number) });
    d.close();
  });
});

/** A tiny catalogue written straight into the schema: works, parties, affiliations, collection shares. */
function seedCatalogue(d: Db): void {
  d.exec(`INSERT INTO runs (id, command, started_at) VALUES (1, 'import', '2026-11-28T00:00:00Z')`);
  const party = d.prepare(`INSERT INTO parties (id, key, kind, ipi_name_number, submitter, ip_number, name, name_key, created_run) VALUES (?, ?, 'writer', ?, 'QMP', ?, ?, ?, 1)`);
  const people: [number, string, string, string][] = [
    [1, '00441122310', 'НҰРЛАНҚЫЗЫ', '177'],
    [2, '00398765094', 'HOFFMANN', '035'],
    [3, '00441122408', 'SEJITOV', '177'],
    [4, '00441122506', 'AEBILQASYM', '177'],
    [5, '00441122604', '=HYPERLINK("x")', '052'],
    [6, '00441122702', 'TRIPLE', '035'],
  ];
  for (const [id, ipi, name] of people) party.run(id, `ipi:${ipi}`, ipi, `W${id}`, name, name.toLowerCase());
  const work = d.prepare(`INSERT INTO works (id, submitter, submitter_work_number, title, title_key, writer_key, iswc, snapshot_hash, created_run, updated_run) VALUES (?, 'QMP', ?, ?, ?, '', ?, 'x', 1, 1)`);
  work.run(1, 'QMP-0001', 'Дала әні', 'dala ani', 'T3210001013');
  work.run(2, 'QMP-0002', 'Алматы түні', 'almaty tuni', null);
  work.run(3, 'QMP-0003', 'THIRDS', 'thirds', null);
  d.prepare(`INSERT INTO work_identifiers (work_id, kind, issuer, value) VALUES (3, 'society', '052', 'PRS880003')`).run();
  const wp = d.prepare(`INSERT INTO work_parties (work_id, position, party_id, kind, ip_number, role, controlled, pr_society, pr_share) VALUES (?, ?, ?, 'writer', ?, 'C', 1, ?, ?)`);
  const cs = d.prepare(`INSERT INTO collection_shares (work_id, position, n, sequence, territory, include, pr_share) VALUES (?, ?, ?, 1, ?, ?, ?)`);
  // Work 1: 50/50 worldwide, one member of each society.
  wp.run(1, 1, 1, 'W1', '177', 5000);
  wp.run(1, 2, 2, 'W2', '035', 5000);
  cs.run(1, 1, 1, '2136', 1, 5000);
  cs.run(1, 2, 1, '2136', 1, 5000);
  // Work 2: party 3 holds 60% for the world but Kazakhstan is excluded; party 4 holds 40% in Kazakhstan.
  wp.run(2, 1, 3, 'W3', '177', 6000);
  wp.run(2, 2, 4, 'W4', '177', 4000);
  cs.run(2, 1, 1, '2136', 1, 6000);
  cs.run(2, 1, 2, '0398', 0, 0);
  cs.run(2, 2, 1, '0398', 1, 4000);
  // Work 3: three thirds (33.33 + 33.33 + 33.34).
  wp.run(3, 1, 5, 'W5', '052', 3333);
  wp.run(3, 2, 6, 'W6', '035', 3333);
  wp.run(3, 3, 1, 'W1', '177', 3334);
  cs.run(3, 1, 1, '2136', 1, 3333);
  cs.run(3, 2, 1, '2136', 1, 3333);
  cs.run(3, 3, 1, '2136', 1, 3334);
}

describe('local distribution', () => {
  const tmp = useTempDir();
  const setup = (usage: string): { d: Db; path: string } => {
    const d = openCatalogue(join(tmp(), 'c.db'));
    seedCatalogue(d);
    const path = join(tmp(), 'usage.csv');
    writeFileSync(path, usage);
    return { d, path };
  };
  const USAGE = 'work,uses,title\nT-321.000.101-3,100,Дала әні\nQMP-0002,50.5\nPRS880003,7\n3,3\nNOPE-1,9.5,Белгісіз\n';

  it('splits by use, then by collection share in Kazakhstan, exactly to the minor unit', async () => {
    const { d, path } = setup(USAGE);
    const r = await distribute(d, { usagePath: path, amount: '1000.00', currency: 'KZT', right: 'PR', period: '2026Q3', society: '177' });
    expect(r.id).toBe(1);
    expect(r.diagnostics).toEqual([]);
    // 100 + 50.5 + (7 + 3) + 9.5 = 170 uses; work 3 appears twice and is one weight.
    expect(r.works.map((w) => [w.workId, w.uses, w.amount, w.unallocated])).toEqual([
      [1, '100', 58824n, 0n],
      [2, '50.5', 29706n, 17824n],
      [3, '10', 5882n, 0n],
    ]);
    expect(r.unmatched).toEqual([{ line: 6, workRef: 'NOPE-1', title: 'Белгісіз', uses: '9.5', amount: 5588n }]);
    expect(r.works.reduce((a, w) => a + w.amount, 0n) + r.unmatched.reduce((a, u) => a + u.amount, 0n)).toBe(100000n);
    expect(r.shares.map((s) => [s.workId, s.partyId, s.share, s.amount, s.society])).toEqual([
      [1, 1, 5000, 29412n, '177'],
      [1, 2, 5000, 29412n, '035'],
      [2, 4, 4000, 11882n, '177'],
      // 5882 x 33.33% = 1960.47 twice, x 33.34% = 1961.05: the leftover unit goes to the
      // first of the two equal remainders (file order), deterministically.
      [3, 5, 3333, 1961n, '052'],
      [3, 6, 3333, 1960n, '035'],
      [3, 1, 3334, 1961n, '177'],
    ]);
    expect(r.allocated + r.unallocated).toBe(r.amount);
    expect(r.allocated).toBe(r.shares.reduce((a, s) => a + s.amount, 0n));
    d.close();
  });

  it('pays a party that is on a work twice once, with both shares (a publisher in two chains)', async () => {
    const { d, path } = setup('work,uses\nQMP-0001,1\n');
    // Party 1 also appears a second time on work 1 with 25% (its 50% becomes 75%).
    d.prepare(`INSERT INTO work_parties (work_id, position, party_id, kind, ip_number, role, controlled, pr_society, pr_share) VALUES (1, 3, 1, 'writer', 'W1', 'A', 1, '177', 2500)`).run();
    d.prepare(`INSERT INTO collection_shares (work_id, position, n, sequence, territory, include, pr_share) VALUES (1, 3, 1, 1, '2136', 1, 2500)`).run();
    const r = await distribute(d, { usagePath: path, amount: '100.00', currency: 'KZT', right: 'PR', period: null, society: '177' });
    expect(r.shares.map((s) => [s.workId, s.partyId, s.share, s.amount])).toEqual([
      [1, 1, 7500, 6000n],
      [1, 2, 5000, 4000n],
    ]);
    expect(r.allocated + r.unallocated).toBe(r.amount);
    d.close();
  });

  it.each(['0.01', '0.07', '999999999.99', '1234.56'])('parts always add up to the whole (%s KZT)', async (amount) => {
    const { d, path } = setup(USAGE);
    const r = await distribute(d, { usagePath: path, amount, currency: 'KZT', right: 'PR', period: null, society: '177' });
    const works = r.works.reduce((a, w) => a + w.amount, 0n) + r.unmatched.reduce((a, u) => a + u.amount, 0n);
    expect(works).toBe(r.amount);
    for (const w of r.works) expect(r.shares.filter((s) => s.workId === w.workId).reduce((a, s) => a + s.amount, 0n) + w.unallocated).toBe(w.amount);
    d.close();
  });

  it.each([
    ['no uses column', 'work,plays\nX,1\n', 'stmt-column-missing'],
    ['negative uses', 'work,uses\nQMP-0001,-3\n', 'stmt-uses-invalid'],
    ['empty work', 'work,uses\n,3\n', 'stmt-line-unidentified'],
  ])('stores nothing for a usage file with %s', async (_n, text, rule) => {
    const { d, path } = setup(text);
    const r = await distribute(d, { usagePath: path, amount: '10', currency: 'KZT', right: 'PR', period: null, society: '177' });
    expect(r.id).toBeNull();
    expect(r.diagnostics.map((x) => x.rule)).toContain(rule);
    expect(count(d, 'distributions')).toBe(0);
    d.close();
  });

  it('exports one society as CRD and CSV that cwrkit reads back to the same money (0600 files)', async () => {
    const { d, path } = setup(USAGE);
    const r = await distribute(d, { usagePath: path, amount: '1000.00', currency: 'KZT', right: 'PR', period: '2026Q3', society: '177' });
    const crd = exportDistribution(d, { distribution: r.id ?? 0, to: '035', format: 'crd', dir: tmp() });
    expect(crd.path).toMatch(/CD\d{2}0001177_035\.CRD$/);
    expect(statSync(crd.path).mode & 0o777).toBe(0o600);
    const back = await collectStatement((sink) => readCrd(crd.path, { fromSociety: '177' }, sink));
    expect(back.result.diagnostics).toEqual([]);
    expect(back.statement.lines.map((l) => [l.title, l.net, l.share, l.territory, l.right])).toEqual([
      ['Дала әні', 29412n, 5000, '0398', 'PR'],
      ['THIRDS', 1960n, 3333, '0398', 'PR'],
    ]);
    expect(back.statement.period).toEqual({ start: '2026-07-01', end: '2026-09-30' });

    const csv = exportDistribution(d, { distribution: r.id ?? 0, to: '052', format: 'csv', dir: tmp() });
    const text = readFileSync(csv.path, 'utf8');
    expect(text).toContain(`'=HYPERLINK(""x"")`);
    const copy = join(tmp(), 'again.csv');
    copyFileSync(csv.path, copy);
    const csvBack = await collectStatement((sink) => readCsv(copy, { fromSociety: '177', profile: GENERIC_CSV }, sink));
    expect(csvBack.result.diagnostics).toEqual([]);
    expect(csvBack.statement.lines.map((l) => [l.net, l.currency])).toEqual([[1961000000n / 100n, 'KZT']]);
    expect(() => exportDistribution(d, { distribution: r.id ?? 0, to: '999', format: 'csv', dir: tmp() })).toThrow(/no member of society 999/);
    d.close();
  });

  it.each([
    ['2026Q3', '2026-07-01', '2026-09-30'],
    ['2024H1', '2024-01-01', '2024-06-30'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2026', '2026-01-01', '2026-12-31'],
  ])('period %s runs %s..%s', (p, start, end) => {
    expect(periodDates(p)).toEqual({ start, end });
  });
});
