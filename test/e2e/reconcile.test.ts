/**
 * cwrkit reconcile end to end through the built CLI: the cron inbox (import + reconcile, silent on
 * success, archive, manifest), the lock (a second run exits 3 at once), --json amounts, review and
 * explain. The catalogue is seeded by SQL in a real file; statements go through `statement import`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/db.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { seedWorks } from '../unit/reconcile/seed.js';

const HEADER = 'society_work_code,iswc,title,writers,ipi_name_number,party_name,role,right,territory,share,amount,currency,line_ref';

function catalogue(dir: string): void {
  const db = openCatalogue(join(dir, 'c.db'));
  seedWorks(db, [
    {
      title: 'Қара торғай',
      swn: 'SW1',
      iswc: 'T0345246801',
      writers: [
        { name: 'KUNANBAYULY', first: 'ABAI', ipi: '00014107338', society: '177', share: 5000 },
        { name: 'ZHABAYEV', first: 'ZHAMBYL', ipi: '00025436718', society: '177', share: 2500 },
        { name: 'SMITH', first: 'JOHN', ipi: '00034567892', society: '035', share: 2500 },
      ],
    },
    { title: 'Dala', swn: 'SW2', writers: [{ name: 'ZHABAYEV', first: 'ZHAMBYL', ipi: '00025436718', society: '177', share: 10000 }] },
  ]);
  db.close();
}

describe('cwrkit reconcile (built CLI)', () => {
  const tmp = useTempDir();

  it('runs the cron inbox silently, refuses a second run while locked, and reports exact amounts', async () => {
    const dir = tmp();
    catalogue(dir);
    mkdirSync(join(dir, 'in'));
    writeFileSync(
      join(dir, 'in', 'GEMA_035_2026Q2.csv'),
      [HEADER, ',T-034.524.680-1,Kara Torgai,,,,,PR,0398,,100.00,EUR,G-1', ',,KARA TORGAI,Abai Kunanbayuly,,,,PR,0398,,10.01,EUR,G-2', ',,Dala,Zhambyl Zhabayev,00025436718,,,PR,0398,100.00,0.99,EUR,G-3'].join('\n') + '\n',
    );
    const env = { CWRKIT_DB: join(dir, 'c.db') };

    // A live process holds the lock: the run exits 3 at once and leaves the file alone.
    writeFileSync(join(dir, 'in', '.cwrkit-reconcile.lock'), JSON.stringify({ pid: process.pid }));
    const locked = await runCli(['reconcile', '--inbox', 'in', '--archive', 'done'], { cwd: dir, env });
    expect(locked.exitCode).toBe(3);
    expect(locked.stderr).toMatch(/another cwrkit reconcile --inbox \(pid \d+\) is running/);
    expect(existsSync(join(dir, 'in', 'GEMA_035_2026Q2.csv'))).toBe(true);

    // The holder is gone (stale lock): the run proceeds, silent on success.
    writeFileSync(join(dir, 'in', '.cwrkit-reconcile.lock'), JSON.stringify({ pid: 2147483646 }));
    const cron = await runCli(['reconcile', '--inbox', 'in', '--archive', 'done', '--quiet'], { cwd: dir, env });
    expect(cron).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
    expect(readdirSync(join(dir, 'done')).sort()).toEqual(['GEMA_035_2026Q2.csv', 'manifests']);
    const [manifestName] = readdirSync(join(dir, 'done', 'manifests'));
    const manifest = JSON.parse(readFileSync(join(dir, 'done', 'manifests', manifestName ?? ''), 'utf8')) as { statements: number[]; errors: string[] };
    expect(manifest).toMatchObject({ statements: [1], errors: [] });
    expect(readFileSync(join(dir, 'in', '.cwrkit-reconcile.log'), 'utf8')).not.toMatch(/ABAI|00014107338|100\.00/);

    const json = await runCli(['reconcile', '1', '--json', '--rate', 'EUR:KZT=500'], { cwd: dir, env });
    expect(json.exitCode).toBe(0);
    const doc = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      statement: 1,
      currency: 'EUR',
      lines: 3,
      matched: { total: 3, byMethod: { iswc: 1, 'title-writer': 2 } },
      review: 0,
      unmatched: 0,
      discrepancies: 0,
    });
    const scale = String(doc['total']).split('.')[1]?.length ?? 0;
    const amt = (s: string): string => (Number(s).toFixed(scale));
    expect(doc['total']).toBe(amt('111.00'));
    expect(doc['allocated']).toBe(amt('111.00'));
    expect(doc['unallocated']).toBe(amt('0'));
    // 110.01 on work 1 split 2:1 between the two KazAK members; 0.99 to Zhambyl on work 2.
    expect(doc['members']).toEqual([
      { ipi: '00014107338', name: 'ABAI KUNANBAYULY', amount: amt('73.34'), local: '36670.00' },
      { ipi: '00025436718', name: 'ZHAMBYL ZHABAYEV', amount: amt('37.66'), local: '18830.00' },
    ]);

    const explain = await runCli(['reconcile', 'explain', 'G-2', '--json'], { cwd: dir, env });
    expect(explain.exitCode).toBe(0);
    const x = JSON.parse(explain.stdout) as { line: { method: string; workTitle: string }; path: { step: string }[] };
    expect(x.line).toMatchObject({ method: 'title-writer', workTitle: 'Қара торғай' });
    expect(x.path.map((p) => p.step)).toEqual(['key', 'work', 'share', 'rate', 'amount', 'member', 'member']);
  });

  it('exits 1 and says so on stderr when a statement needs a person; review lists the lines', async () => {
    const dir = tmp();
    catalogue(dir);
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'PRS_052_X.csv'), [HEADER, ',,Dala,,,,,PR,0398,,5.00,EUR,X-1', ',,Unknown Song,Nobody,,,,PR,0398,,7.00,EUR,X-2'].join('\n') + '\n');
    const env = { CWRKIT_DB: join(dir, 'c.db') };
    const cron = await runCli(['reconcile', '--inbox', 'in'], { cwd: dir, env });
    expect(cron.exitCode).toBe(1);
    expect(cron.stdout).toBe('');
    expect(cron.stderr).toContain('PRS_052_X.csv: statement 1: 2 lines, 0 matched, 1 review, 1 unmatched — needs review');
    expect(cron.stderr).not.toMatch(/\x1b\[/);
    const review = await runCli(['review', '--json'], { cwd: dir, env });
    expect(review.exitCode).toBe(1);
    const doc = JSON.parse(review.stdout) as { count: number; lines: { ref: string; status: string; candidates: { title: string }[] }[] };
    expect(doc.lines.map((l) => [l.ref, l.status])).toEqual([
      ['X-1', 'review'],
      ['X-2', 'unmatched'],
    ]);
    expect(doc.lines[0]?.candidates[0]?.title).toBe('DALA');
  });
  it('reconciles a statement in two currencies once per currency, each adding up, with a report each', async () => {
    const dir = tmp();
    catalogue(dir);
    const env = { CWRKIT_DB: join(dir, 'c.db') };
    writeFileSync(
      join(dir, 'mixed.csv'),
      [
        HEADER,
        ',T-034.524.680-1,Kara Torgai,,,,,PR,0398,,100.00,EUR,M-1',
        ',,Dala,Zhambyl Zhabayev,00025436718,,,PR,0398,100.00,20.00,EUR,M-2',
        ',T-034.524.680-1,Kara Torgai,,,,,PR,0398,,30.00,USD,M-3',
        ',,NOT IN THE CATALOGUE,Nobody,,,,PR,0398,,5.00,USD,M-4',
      ].join('\n') + '\n',
    );
    const imported = await runCli(['statement', 'import', 'mixed.csv', '--from', '035'], { cwd: dir, env });
    expect(imported.exitCode).toBe(0);

    const run = async (): Promise<Record<string, unknown>[]> => {
      const r = await runCli(['reconcile', '1', '--json', '--rate', 'EUR:KZT=500', '--report', 'q.html'], { cwd: dir, env });
      expect(r.exitCode).toBe(1); // the USD line not in the catalogue is unmatched
      return JSON.parse(r.stdout) as Record<string, unknown>[];
    };
    const docs = await run();
    expect(docs.map((d) => [d['currency'], d['lines'], d['unmatched']])).toEqual([
      ['EUR', 2, 0],
      ['USD', 2, 1],
    ]);
    const scale = (d: Record<string, unknown>): number => String(d['total']).split('.')[1]?.length ?? 0;
    const [eur, usd] = docs as [Record<string, unknown>, Record<string, unknown>];
    expect(eur['total']).toBe((120).toFixed(scale(eur)));
    expect(eur['allocated']).toBe((120).toFixed(scale(eur))); // each line split over the work's KazAK members
    expect(usd['total']).toBe((35).toFixed(scale(usd)));
    expect(usd['allocated']).toBe((30).toFixed(scale(usd)));
    expect(usd['unallocated']).toBe((5).toFixed(scale(usd)));
    // The EUR rate converts the EUR lines only: the USD result has no local amounts.
    expect(eur['local']).toMatchObject({ currency: 'KZT', rate: 'EUR:KZT=500' });
    expect((usd['local'] as { total: unknown } | null)?.total ?? null).toBeNull();
    expect(readdirSync(dir).filter((f) => f.endsWith('.html')).sort()).toEqual(['q-EUR.html', 'q-USD.html']);
    expect(readFileSync(join(dir, 'q-USD.html'), 'utf8')).toContain('USD');

    // Re-running replaces each currency's result, never double counts.
    const without = (d: Record<string, unknown>): Record<string, unknown> => ({ ...d, reconciliation: null });
    expect((await run()).map(without)).toEqual(docs.map(without));
    const db = openCatalogue(join(dir, 'c.db'));
    expect(db.prepare('SELECT currency, lines FROM reconciliations ORDER BY id').all()).toEqual([
      { currency: 'EUR', lines: 2 },
      { currency: 'USD', lines: 2 },
    ]);
    expect(db.prepare('SELECT COUNT(*) FROM reconciliation_lines').pluck().get()).toBe(4);
    db.close();

    // The human summary names each currency in its heading.
    const human = await runCli(['reconcile', '1', '--rate', 'EUR:KZT=500'], { cwd: dir, env });
    expect(human.stdout).toMatch(/statement 1 \(EUR\): 2 lines[\s\S]*statement 1 \(USD\): 2 lines/);

    // review lists the unmatched USD line of the statement.
    const review = await runCli(['review', '1', '--json'], { cwd: dir, env });
    expect(review.stdout).toContain('M-4');

    // The cron inbox reconciles every currency too, and counts the lines of all of them.
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'GEMA_035_mixed.csv'), readFileSync(join(dir, 'mixed.csv'), 'utf8').replace(/M-/g, 'N-'));
    const cron = await runCli(['reconcile', '--inbox', 'in', '--quiet', '--max-unmatched', '50', '--rate', 'EUR:KZT=500'], { cwd: dir, env });
    expect(cron).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
    const manifests = join(dir, 'in', 'manifests');
    const manifest = JSON.parse(readFileSync(join(manifests, readdirSync(manifests)[0] ?? ''), 'utf8')) as { files: Record<string, unknown>[] };
    expect(manifest.files[0]).toMatchObject({ status: 'done', statement: 2, lines: 4, matched: 3, unmatched: 1 });
    const log = readFileSync(join(dir, 'in', '.cwrkit-reconcile.log'), 'utf8');
    expect(log).toContain('GEMA_035_mixed.csv: statement 2 (EUR), 2 lines');
    expect(log).toContain('GEMA_035_mixed.csv: statement 2 (USD), 2 lines');
  });
});
