import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { runCli } from '../helpers/run-cli.js';
import { BIN, SAMPLES } from '../helpers/paths.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { cwrName, OTHER, QMP, simpleParties, writeCwr, type WorkSpec } from '../unit/catalogue/fixture.js';

const sample = (name: string): string => join(SAMPLES, 'cwr', name);

describe('cwrkit import (CLI)', () => {
  const tmp = useTempDir();

  it('imports, prints the documented JSON, and says "already imported" the second time', async () => {
    const cwd = tmp();
    expect((await runCli(['senders', 'add', '712345669', '--name', 'QAZAQ MUSIC PUBLISHING'], { cwd })).exitCode).toBe(0);
    const r = await runCli(['import', sample('CW260001QMP_177.V21'), sample('CW260001052_177.V21'), '--json'], { cwd });
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['works', 'transactions', 'acks', 'conflicts', 'run', 'files']);
    expect(doc).toMatchObject({
      works: { inserted: 3, updated: 0, unchanged: 0 },
      transactions: { total: 5, accepted: 5, rejected: 0 },
      acks: { received: 2, matched: 2, unmatched: 0 },
      conflicts: 0,
      run: 1,
    });
    const again = await runCli(['import', sample('CW260001QMP_177.V21')], { cwd });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('already imported in run 1: nothing to do');
  });

  it('exit 1 when a transaction is rejected (with the validator diagnostics), 2 for a missing file', async () => {
    const cwd = tmp();
    await runCli(['senders', 'add', '712345669', '--name', 'QMP'], { cwd });
    const r = await runCli(['import', sample('CW260005QMP_177.V21')], { cwd });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('[ownership-total, transaction]');
    expect(r.stdout).toContain('1 accepted, 1 rejected');
    const json = await runCli(['import', 'nothere.V21', '--json', '--db', 'other.db'], { cwd });
    expect(json.exitCode).toBe(2);
    expect((JSON.parse(json.stdout) as { files: Array<{ status: string }> }).files[0]?.status).toBe('unreadable');
  });

  it('runs list / undo, conflicts, and --dry-run through the CLI', async () => {
    const cwd = tmp();
    await runCli(['senders', 'add', '712345669', '--name', 'QMP'], { cwd });
    const dry = await runCli(['import', sample('CW260001QMP_177.V21'), '--dry-run', '--json'], { cwd });
    expect(JSON.parse(dry.stdout)).toMatchObject({ works: { inserted: 3 }, run: null });
    await runCli(['import', sample('CW260001QMP_177.V21')], { cwd });
    const list = JSON.parse((await runCli(['runs', 'list', '--json'], { cwd })).stdout) as { runs: Array<{ id: number; status: string }> };
    expect(list.runs.map((r) => [r.id, r.status])).toEqual([[1, 'done']]);
    expect(JSON.parse((await runCli(['conflicts', '--json'], { cwd })).stdout)).toEqual({ conflicts: [] });
    const undo = await runCli(['runs', 'undo', '1'], { cwd });
    expect([undo.exitCode, undo.stdout.trim()]).toEqual([0, 'run 1 undone: 3 works removed, 0 works restored']);
    const twice = await runCli(['runs', 'undo', '1'], { cwd });
    expect(twice.exitCode).toBe(1);
    expect(twice.stderr).toContain('already undone');
  });

  it('two concurrent imports into one catalogue: one waits, both succeed (or one exits 3); never a corrupt database', async () => {
    const cwd = tmp();
    await runCli(['senders', 'add', String(QMP), '--name', 'A'], { cwd });
    await runCli(['senders', 'add', String(OTHER), '--name', 'B'], { cwd });
    const works = (prefix: string): WorkSpec[] => Array.from({ length: 300 }, (_, i) => ({ swn: `${prefix}${i}`, title: `${prefix} SONG ${i}`, parties: simpleParties() }));
    const a = writeCwr(cwd, cwrName(1), { pb: QMP }, [{ type: 'NWR', works: works('A') }]);
    const b = writeCwr(cwd, cwrName(1, 'OTH'), { pb: OTHER }, [{ type: 'NWR', works: works('B') }]);
    const [ra, rb] = await Promise.all([runCli(['import', a, '--json'], { cwd }), runCli(['import', b, '--json'], { cwd })]);
    const codes = [ra.exitCode, rb.exitCode].sort();
    expect([[0, 0], [0, 3]]).toContainEqual(codes);
    const db = new Database(join(cwd, 'cwrkit.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = db.prepare('SELECT COUNT(*) FROM works').pluck().get();
    expect(stored).toBe(codes[1] === 0 ? 600 : 300);
    expect(db.prepare('SELECT COUNT(DISTINCT run_id) FROM files').pluck().get()).toBe(codes[1] === 0 ? 2 : 1);
    db.close();
  });

  it('an import killed mid-way leaves the catalogue as it was (all or nothing), and can be redone', async () => {
    const cwd = tmp();
    await runCli(['senders', 'add', String(QMP), '--name', 'A'], { cwd });
    const n = 3000;
    const works: WorkSpec[] = Array.from({ length: n }, (_, i) => ({ swn: `K${i}`, title: `KILLED ${i}`, parties: simpleParties() }));
    const file = writeCwr(cwd, cwrName(1), { pb: QMP }, [{ type: 'NWR', works }]);
    const child = execa(process.execPath, [BIN, 'import', file], { cwd, reject: false, stdin: 'ignore', env: { NO_COLOR: '1' } });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGKILL');
    await child;
    const db = new Database(join(cwd, 'cwrkit.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = db.prepare('SELECT COUNT(*) FROM works').pluck().get() as number;
    const files = db.prepare('SELECT COUNT(*) FROM files').pluck().get() as number;
    expect([[0, 0], [n, 1]]).toContainEqual([stored, files]);
    db.close();
    const again = await runCli(['import', file, '--json'], { cwd });
    expect(again.exitCode).toBe(0);
    const doc = JSON.parse(again.stdout) as { works: { inserted: number }; files: Array<{ status: string }> };
    expect(stored === 0 ? doc.works.inserted : doc.files[0]?.status).toBe(stored === 0 ? n : 'already-imported');
  });

  it('--help shows an example', async () => {
    const r = await runCli(['import', '--help'], { cwd: tmp() });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('$ cwrkit import CW260001QMP_177.V21');
  });
});
