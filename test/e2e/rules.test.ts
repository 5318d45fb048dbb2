/** `cwrkit rules` and `cwrkit validate --profile` through the built CLI (4 spawns). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

describe('cwrkit rules', () => {
  it('--json lists every rule with level, severity, CISAC source and MSG key; the kazak profile shows its level changes', async () => {
    const r = await runCli(['rules', '--json', '--profile', 'kazak']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as { profile: string; rules: Array<{ id: string; level: string; severity: string; cisac: string; msg: string | null }> };
    expect(doc.profile).toBe('kazak');
    const byId = new Map(doc.rules.map((x) => [x.id, x]));
    expect(byId.get('ownership-total')).toMatchObject({ level: 'transaction', severity: 'error', msg: 'NWR T 011' });
    expect(byId.get('ipi-name-invalid')).toMatchObject({ level: 'transaction', severity: 'error' });
    expect(byId.get('file-name-2x')).toMatchObject({ level: 'field', severity: 'warning' });
    expect(byId.get('collection-total')?.cisac).toMatch(/NWR transaction edits 14, 44/);
  });

  it('human output: one rule per entry with its summary', async () => {
    const r = await runCli(['rules']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^ownership-total\s+transaction\s+error\s+For each right/m);
    expect(r.stdout).toMatch(/\n\d+ rules$/);
  });
});

describe('cwrkit validate --profile', () => {
  const dir = useTempDir();

  it('reports a CISAC finding in plain words with line and column, exit 1', async () => {
    const r = await runCli(['validate', join(FIXTURES, 'cwr/invalid/ownership-total.V21'), '--profile', 'kazak']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('ownership-total.V21:3:1: error [ownership-total, transaction] PR ownership shares add up to 90.00%, not 100% (or 0%): the transaction is rejected');
  });

  it('a profile file with an unknown rule id is a usage error naming the key, exit 2', async () => {
    const path = join(dir(), 'bad.json');
    writeFileSync(path, JSON.stringify({ name: 'bad', levels: { 'ownership-totl': 'field' } }));
    const r = await runCli(['validate', join(FIXTURES, 'cwr/valid/CW260001ZFP_177.V21'), '--profile', path]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('"levels.ownership-totl": unknown rule id');
  });
});
