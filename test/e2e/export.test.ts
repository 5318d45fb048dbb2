import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { sampleCatalogue } from '../unit/catalogue/queries/setup.js';

describe('cwrkit export cwr / registrations (built CLI, no TTY)', () => {
  const tmp = useTempDir();

  async function catalogue(): Promise<string> {
    const db = await sampleCatalogue(tmp());
    db.close();
    return join(tmp(), 'cwrkit.db');
  }

  it('exports a conventionally named 0600 file that cwrkit validate accepts; registrations show it', async () => {
    const db = await catalogue();
    const r = await runCli(['export', 'cwr', '--version', '2.1', '--to', '52', '--db', db, '--out-dir', '.', '--json'], { cwd: tmp() });
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ schemaVersion: 1, file: 'CW260001177_052.V21', version: '2.1', from: '177', to: '052', encoding: 'utf-8', counts: { NWR: 2, REV: 2, WRK: 0, heldBack: 0 } });
    expect(Object.keys(doc).sort()).toEqual(['characterSet', 'counts', 'encoding', 'file', 'from', 'issues', 'path', 'run', 'schemaVersion', 'to', 'unknownRefs', 'version', 'works']);
    const path = join(tmp(), 'CW260001177_052.V21');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const v = await runCli(['validate', path], { cwd: tmp() });
    expect(v.stdout).toContain('valid — CWR 2.1, 4 transactions: 4 accepted, 0 rejected; 0 errors');
    expect(v.exitCode).toBe(0);
    const reg = await runCli(['registrations', '--society', '052', '--json', '--db', db], { cwd: tmp() });
    expect(reg.exitCode).toBe(0);
    const regs = JSON.parse(reg.stdout) as { count: number; counts: Record<string, number>; registrations: Array<{ status: string; sentFile: string; sentType: string }> };
    expect(regs.counts).toEqual({ accepted: 0, rejected: 0, pending: 4 });
    expect(regs.registrations.every((x) => x.status === 'sent' && x.sentFile === 'CW260001177_052.V21')).toBe(true);
    // Sent as the file sent them: new to PRS as NWR, already registered with PRS as REV.
    expect(regs.registrations.map((x) => x.sentType).sort()).toEqual(['NWR', 'NWR', 'REV', 'REV']);
    const text = await runCli(['registrations', '--society', '052', '--db', db], { cwd: tmp() });
    expect(text.stdout).toContain('sent NWR ');
  });

  it('3.1 to an exact path: originals reported on stderr, file written', async () => {
    const db = await catalogue();
    const r = await runCli(['export', 'cwr', '--version', '3.1', '--to', '058', '--db', db, '-o', 'out.SUB'], { cwd: tmp() });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/out\.SUB: CWR 3\.1 from 177 to 058, 4 WRK; utf-8/);
    expect(r.stderr).toContain('CWR 3.1 has no NAT record: the original-script title "Дала әні" is not sent');
    expect(readdirSync(tmp())).toContain('out.SUB');
  });

  it.each([
    [['export', 'cwr', '--version', '9.9'], 2, /--version must be 2\.1, 2\.2, 3\.0 or 3\.1/],
    [['export', 'cwr', '--version', '2.1', '--to', 'PRS'], 2, /--to must be a CISAC society code/],
    [['export', 'cwr', '--version', '2.1', '--works', 'NOPE-1'], 1, /no work matches "NOPE-1"/],
    [['registrations', '--status', 'lost'], 2, /--status must be rejected, pending or accepted/],
  ])('cwrkit %j exits %i', async (args, code, stderr) => {
    const db = await catalogue();
    const r = await runCli([...args, '--db', db], { cwd: tmp() });
    expect(r.stderr).toMatch(stderr);
    expect(r.exitCode).toBe(code);
  });
});
