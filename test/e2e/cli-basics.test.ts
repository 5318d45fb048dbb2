import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_SAMPLES, SAMPLES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const V21 = join(SAMPLES, 'cwr', 'CW260001QMP_177.V21');
const STACK = /^\s+at .+:\d+:\d+/m;

describe('cwrkit (built CLI, no TTY)', () => {
  const tmp = useTempDir();

  it('prints help with examples and exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('Exit codes');
  });

  it('every command has --help with an example', async () => {
    for (const cmd of ['parse', 'view', 'validate', 'demo']) {
      const r = await runCli([cmd, '--help']);
      expect(r.exitCode, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(/Examples:\n\s+\$ (npx )?cwrkit/);
    }
  });

  it('parse --json gives typed fields, Cyrillic intact, no colour', async () => {
    const r = await runCli(['parse', V21, '--json']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    const doc = JSON.parse(r.stdout) as {
      version: string;
      groups: Array<{ transactions: Array<{ type: string; records: Array<{ type: string; fields: Record<string, unknown> }> }> }>;
    };
    expect(doc.version).toBe('2.1');
    const tx = doc.groups[0]?.transactions[0];
    expect(tx?.type).toBe('NWR');
    const nat = tx?.records.find((r) => r.type === 'NAT');
    expect(nat?.fields['title']).toBe('Дала әні');
    const spu = tx?.records.find((r) => r.type === 'SPU');
    expect(spu?.fields['pr_ownership_share']).toBe('50.00');
    expect(spu?.fields['publisher_sequence_number']).toBe(1);
  });

  it('parse --ndjson streams one object per line', async () => {
    const r = await runCli(['parse', V21, '--ndjson']);
    expect(r.exitCode).toBe(0);
    const kinds = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { kind: string }).kind);
    expect(kinds[0]).toBe('hdr');
    expect(kinds.filter((k) => k === 'transaction')).toHaveLength(3);
    expect(kinds.at(-1)).toBe('end');
  });

  it('view shows one record field by field', async () => {
    const r = await runCli(['view', V21, '--line', '3']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/line 3\s+NWR/);
    expect(r.stdout).toMatch(/82-95\s+submitter_work_number\s+QMP-0001/);
  });

  it('validate: 0 for a valid file, 1 for a broken one, 2 for a missing one; never a stack trace', async () => {
    const ok = await runCli(['validate', V21]);
    expect(ok.exitCode).toBe(0);
    const broken = join(tmp(), 'CW260009QMP_177.V21');
    copyFileSync(V21, broken);
    writeFileSync(broken, 'HDR garbage\r\nNWR\r\n', { flag: 'a' });
    const bad = await runCli(['validate', broken, '--json']);
    expect(bad.exitCode).toBe(1);
    const doc = JSON.parse(bad.stdout) as { files: Array<{ valid: boolean; diagnostics: Array<{ rule: string; line: number }> }> };
    expect(doc.files[0]?.valid).toBe(false);
    expect(doc.files[0]?.diagnostics.map((d) => d.rule)).toContain('after-trl');
    const missing = await runCli(['validate', join(tmp(), 'nope.V21')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect(missing.stderr).not.toMatch(STACK);
  });

  it('validate --ndjson streams the same diagnostics as --json, then one verdict per file', async () => {
    const broken = join(tmp(), 'CW260005QMP_177.V21');
    copyFileSync(join(SAMPLES, 'cwr', 'CW260005QMP_177.V21'), broken);
    const doc = await runCli(['validate', V21, broken, '--json']);
    const nd = await runCli(['validate', V21, broken, '--ndjson']);
    expect(nd.exitCode).toBe(1);
    const objs = nd.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; path: string; rule?: string; line?: number; valid?: boolean });
    expect(objs.filter((o) => o.kind === 'file').map((o) => [o.path, o.valid])).toEqual([
      [V21, true],
      [broken, false],
    ]);
    const files = (JSON.parse(doc.stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string; line: number }> }> }).files;
    const key = (o: { path: string; rule?: string; line?: number }): string => `${o.path}:${o.line}:${o.rule}`;
    const streamed = objs.filter((o) => o.kind === 'diagnostic').map(key).sort();
    expect(streamed).toEqual(files.flatMap((f) => f.diagnostics.map((d) => key({ path: f.path, ...d }))).sort());
    expect(streamed.some((k) => k.endsWith(':ownership-total'))).toBe(true);
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['no-such-command'])).exitCode).toBe(2);
    expect((await runCli(['parse'])).exitCode).toBe(2);
    expect((await runCli(['parse', V21, '--encoding', 'klingon'])).exitCode).toBe(2);
  });

  it('every public sample validates without a crash', async () => {
    const r = await runCli(['validate', '--json', ...['CW220001DMP_000.V21', 'ackexample.V21', 'demo_cwr_cleaned.v22', 'CW220002DMP_0000_V3-0-0.SUB'].map((f) => join(PUBLIC_SAMPLES, f))]);
    expect([0, 1]).toContain(r.exitCode);
    expect(r.stderr).not.toMatch(STACK);
    const doc = JSON.parse(r.stdout) as { files: unknown[] };
    expect(doc.files).toHaveLength(4);
  });
});
