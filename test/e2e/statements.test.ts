import { copyFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { SAMPLES } from '../helpers/paths.js';
import { useTempDir } from '../helpers/temp-dir.js';

const CRD = join(SAMPLES, 'statements', 'CD260001052_177.CRD');
const USAGE = join(SAMPLES, 'statements', 'usage-2026q3.csv');

describe('cwrkit statement / distribute (built CLI, no TTY)', () => {
  const tmp = useTempDir();

  it('imports a CRD statement once, lists and shows it, refuses a bad CSV with its position', async () => {
    const cwd = tmp();
    const first = await runCli(['statement', 'import', CRD, '--from', '052', '--json'], { cwd });
    expect(first.exitCode).toBe(0);
    const doc = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ id: 1, lines: 7, totals: { GBP: '410.75' }, status: 'imported' });
    expect(statSync(join(cwd, 'cwrkit.db')).mode & 0o777).toBe(0o600);

    const again = await runCli(['statement', 'import', CRD, '--from', '52'], { cwd });
    expect(again).toMatchObject({ exitCode: 0, stdout: 'statement 1 (already imported): 7 lines, total 410.75 GBP' });

    writeFileSync(join(cwd, 'bad.csv'), 'title,amount,currency\nДала әні,12.5,EUR\nSong,12,5,EUR\n');
    const bad = await runCli(['statement', 'import', 'bad.csv', '--from', '035'], { cwd });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('bad.csv:3:');
    expect(bad.stderr).toContain('[stmt-currency-unknown');
    expect(bad.stderr).toContain('nothing was stored');
    expect(bad.stderr).not.toMatch(/\x1b\[/);

    const list = await runCli(['statement', 'list', '--json'], { cwd });
    expect(JSON.parse(list.stdout)).toMatchObject({ statements: [{ id: 1, from: '052', format: 'crd', lines: 7, totals: { GBP: '410.75' } }] });

    const show = await runCli(['statement', 'show', '1', '--lines', '4', '--json'], { cwd });
    const s = JSON.parse(show.stdout) as { shownLines: { amount: string; adjusts: string | null }[] };
    expect(s.shownLines.map((l) => [l.amount, l.adjusts])).toEqual([
      ['108.00', null],
      ['108.00', null],
      ['40.50', null],
      ['-12.25', 'P-2025-0077'],
    ]);
  });

  it('distributes a local amount and exports a foreign society a CRD that imports back', async () => {
    const cwd = tmp();
    expect((await runCli(['senders', 'add', 'QMP', '--name', 'QAZAQ MUSIC PUBLISHING', '--ipi', '00712345669'], { cwd })).exitCode).toBe(0);
    const imp = await runCli(['import', join(SAMPLES, 'cwr', 'CW260001QMP_177.V21'), join(SAMPLES, 'cwr', 'CW260001052_177.V21')], { cwd });
    expect(imp.exitCode).toBe(0);
    copyFileSync(USAGE, join(cwd, 'usage.csv'));
    const dist = await runCli(['distribute', 'usage.csv', '--amount', '1000000.00', '--currency', 'KZT', '--period', '2026Q3', '--json'], { cwd });
    // One usage line matches no work: findings (exit 1), the distribution is still made.
    expect(dist.exitCode).toBe(1);
    const d = JSON.parse(dist.stdout) as { id: number; amount: string; allocated: string; unallocated: string; societies: { society: string; amount: string }[]; unmatched: { work: string }[] };
    expect(d).toMatchObject({ id: 1, amount: '1000000.00', unmatched: [{ work: 'KZ-LOST-1' }] });
    const cents = (x: string): bigint => BigInt(x.replace('.', ''));
    expect(cents(d.allocated) + cents(d.unallocated)).toBe(100000000n);
    const gema = d.societies.find((x) => x.society === '035');
    expect(gema).toBeDefined();

    // The distribution is kept: listed, and shown again exactly as it was made.
    const list = await runCli(['distributions', '--json'], { cwd });
    expect(JSON.parse(list.stdout)).toMatchObject({ distributions: [{ id: 1, period: '2026Q3', right: 'PR', territory: '0398', currency: 'KZT', amount: d.amount, allocated: d.allocated, unallocated: d.unallocated }] });
    const again = await runCli(['distributions', '1', '--json'], { cwd });
    expect(again.exitCode).toBe(1); // still one unmatched usage line
    expect(JSON.parse(again.stdout)).toEqual(d);
    expect((await runCli(['distributions', '9'], { cwd })).exitCode).toBe(2);

    const exp = await runCli(['statement', 'export', '--distribution', '1', '--to', '035', '--json'], { cwd });
    expect(exp.exitCode).toBe(0);
    const e = JSON.parse(exp.stdout) as { path: string; total: string; lines: number };
    expect(e.total).toBe(gema?.amount);
    expect(existsSync(e.path)).toBe(true);
    expect(statSync(e.path).mode & 0o777).toBe(0o600);

    const back = await runCli(['statement', 'import', e.path, '--from', '177', '--db', join(cwd, 'other.db'), '--json'], { cwd });
    expect(back.exitCode).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ lines: e.lines, totals: { KZT: e.total }, diagnostics: [] });
  });

  it('usage errors exit 2; help shows examples; profile infer prints JSON', async () => {
    const cwd = tmp();
    const noFrom = await runCli(['statement', 'import', CRD], { cwd });
    expect(noFrom.exitCode).toBe(2);
    expect(noFrom.stderr).toContain('--from');
    const help = await runCli(['statement', 'import', '--help'], { cwd });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('$ cwrkit statement import');
    writeFileSync(join(cwd, 'fr.csv'), 'Titre;Montant;Devise\nLa mer;1,50;EUR\n');
    const infer = await runCli(['statement', 'profile', 'infer', 'fr.csv'], { cwd });
    expect(infer.exitCode).toBe(0);
    expect(JSON.parse(infer.stdout)).toMatchObject({ kind: 'csv', delimiter: ';', decimalSeparator: ',', columns: { title: 'Titre', amount: 'Montant', currency: 'Devise' } });
  });
});
