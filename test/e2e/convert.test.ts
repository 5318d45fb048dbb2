import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as STRUCTURE from '../../src/validation/rules/structure.js';
import { PUBLIC_SAMPLES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const SAMPLE = 'CW220001DMP_000.V21';
const STRUCTURE_RULES = new Set(Object.values(STRUCTURE).map((r) => r.id));

interface ConvertJson {
  output: string;
  from: string;
  to: string;
  records: number;
  losses: Array<{ line: number | null; record: string; field: string | null; reason: string }>;
}
interface ValidateJson {
  files: Array<{ version: string; diagnostics: Array<{ rule: string; severity: string; line: number | null }> }>;
}

const lossKeys = (j: ConvertJson): string[] => j.losses.map((l) => `${l.line}:${l.record}.${l.field ?? ''}`).sort();

/** Structure diagnostics that are not notes (padding, line endings) in a validate --json run. */
async function structureProblems(file: string, cwd: string): Promise<string[]> {
  const v = await runCli(['validate', file, '--json'], { cwd });
  const doc = JSON.parse(v.stdout) as ValidateJson;
  return (doc.files[0]?.diagnostics ?? []).filter((d) => STRUCTURE_RULES.has(d.rule) && d.severity !== 'info').map((d) => `${d.rule}@${d.line}`);
}

describe('cwrkit convert (built CLI)', () => {
  const tmp = useTempDir();

  it('2.1 -> 2.2 carries everything: exit 0, default name in the current folder, structure clean', async () => {
    const dir = tmp();
    const r = await runCli(['convert', join(PUBLIC_SAMPLES, SAMPLE), '--to', '2.2', '--json'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as ConvertJson;
    expect(j).toMatchObject({ from: '2.1', to: '2.2', output: join(dir, 'CW220001DMP_000.V22'), records: 22, losses: [] });
    expect(await structureProblems(j.output, dir)).toEqual([]);
  });

  it('2.1 -> 3.0 -> 2.1: each loss is reported with line and field; outputs are structure clean', async () => {
    const dir = tmp();
    copyFileSync(join(PUBLIC_SAMPLES, SAMPLE), join(dir, SAMPLE));
    const up = await runCli(['convert', SAMPLE, '--to', '3.0', '--json'], { cwd: dir });
    expect(up.exitCode, up.stderr).toBe(1);
    const uj = JSON.parse(up.stdout) as ConvertJson;
    expect(uj.output).toBe(join(dir, 'CW220001DMP_000_V3-0-0.SUB'));
    expect(lossKeys(uj)).toEqual(
      [
        '4:SPU.pr_ownership_share',
        '4:SPU.mr_ownership_share',
        '4:SPU.sr_ownership_share',
        '6:OPU.pr_ownership_share',
        '6:OPU.mr_ownership_share',
        '6:OPU.sr_ownership_share',
        '6:OPU.first_recording_refusal_indicator',
        '7:SWR.pr_ownership_share',
        '10:SWR.pr_ownership_share',
      ].sort(),
    );
    expect(await structureProblems(uj.output, dir)).toEqual([]);
    const text = readFileSync(uj.output, 'utf8');
    expect(text.split('\r\n')[1]).toMatch(/^GRHWRK0000103\.00/);
    expect(text).toMatch(/^SPT.{48}52  44  44  /m);

    const down = await runCli(['convert', 'CW220001DMP_000_V3-0-0.SUB', '--to', '2.1', '-o', 'back.V21'], { cwd: dir });
    expect(down.exitCode, down.stderr).toBe(1);
    expect(down.stdout.trim()).toBe(join(dir, 'back.V21'));
    expect(down.stderr).toMatch(/:9: PWR publisher_sequence_number: not carried/);
    expect(down.stderr).toMatch(/:12: PWR publisher_sequence_number: not carried/);
    expect(down.stderr).not.toMatch(/KOLARIC|MATIJA/);
    expect(await structureProblems(join(dir, 'back.V21'), dir)).toEqual([]);
    const back = readFileSync(join(dir, 'back.V21'), 'latin1');
    expect(back).toMatch(/^SPU.{109}052/m);
    expect(back).toMatch(/^NWR0{16}MUSIC PUB CARTOONS/m);
  });

  it('usage errors exit 2: no --to, an unknown version, a missing file, a file that is not CWR', async () => {
    const dir = tmp();
    const runs = await Promise.all([
      runCli(['convert', join(PUBLIC_SAMPLES, SAMPLE)], { cwd: dir }),
      runCli(['convert', join(PUBLIC_SAMPLES, SAMPLE), '--to', '4.0'], { cwd: dir }),
      runCli(['convert', 'missing.V21', '--to', '2.2'], { cwd: dir }),
      runCli(['convert', join(PUBLIC_SAMPLES, 'README.md'), '--to', '2.2'], { cwd: dir }),
    ]);
    for (const r of runs) {
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/cwrkit/);
      expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+/m);
    }
  });

  it('--help shows an example', async () => {
    const r = await runCli(['convert', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n\s+\$ cwrkit convert/);
  });
});
