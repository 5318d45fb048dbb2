import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { sampleCatalogue } from '../unit/catalogue/queries/setup.js';

describe('cwrkit works / parties (built CLI, no TTY)', () => {
  const tmp = useTempDir();

  async function catalogue(): Promise<string> {
    const db = await sampleCatalogue(tmp());
    db.close();
    return join(tmp(), 'cwrkit.db');
  }

  it('works search: Cyrillic finds the Latin title; --json shape; nothing found exits 1', async () => {
    const db = await catalogue();
    const r = await runCli(['works', 'search', 'Дала', 'әні', '--json', '--db', db], { cwd: tmp() });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      schemaVersion: 1,
      query: 'Дала әні',
      count: 1,
      works: [{ id: 1, title: 'DALA AENI', iswc: 'T3210001013', submitter: 'QMP', submitterWorkNumber: 'QMP-0001', matched: 'title', matchedText: 'DALA AENI' }],
    });
    const none = await runCli(['works', 'search', 'no such song', '--db', db], { cwd: tmp() });
    expect(none.exitCode).toBe(1);
    expect(none.stdout).toBe('no work found');
  });

  it('works show: human text with both scripts and shares; --json carries the Work model', async () => {
    const db = await catalogue();
    const human = await runCli(['works', 'show', 'T-321.000.101-3', '--db', db], { cwd: tmp() });
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain('DALA AENI');
    expect(human.stdout).toContain('OT/KK  Дала әні  (original script)');
    expect(human.stdout).toContain('AJGERIM NURLANQYZY (Айгерім Нұрланқызы)');
    expect(human.stdout).toMatch(/incl\. 2136 {2}PR {2}50\.00 {2}MR {3}0\.00/);
    expect(human.stdout).not.toMatch(/\x1b\[/);
    const json = await runCli(['works', 'show', 'PRS880001', '--json', '--db', db], { cwd: tmp() });
    const doc = JSON.parse(json.stdout) as { count: number; works: Array<{ id: number; matchedBy: string; work: { title: string; parties: unknown[] }; registrations: unknown[]; history: unknown[] }> };
    expect(doc.count).toBe(1);
    expect(doc.works[0]).toMatchObject({ id: 1, matchedBy: 'society-work-number', work: { title: 'DALA AENI' } });
    expect(doc.works[0]?.work.parties).toHaveLength(2);
    expect(doc.works[0]?.history).toHaveLength(3);
  });

  it('works history --json and parties show --json', async () => {
    const db = await catalogue();
    const h = await runCli(['works', 'history', 'QMP-0001', '--json', '--db', db], { cwd: tmp() });
    expect(h.exitCode).toBe(0);
    const doc = JSON.parse(h.stdout) as { works: Array<{ entries: Array<{ action: string; changes: Array<{ field: string; from: unknown; to: unknown }> }> }> };
    expect(doc.works[0]?.entries.map((e) => e.action)).toEqual(['insert', 'replace', 'ack']);
    expect(doc.works[0]?.entries[1]?.changes).toContainEqual({ field: 'titles', from: null, to: 'AT/EN: SONG OF THE STEPPE' });
    const p = await runCli(['parties', 'show', '441122310', '--json', '--db', db], { cwd: tmp() });
    expect(p.exitCode).toBe(0);
    const party = JSON.parse(p.stdout) as { count: number; parties: Array<{ name: string; workCount: number; works: Array<{ submitterWorkNumber: string }> }> };
    expect(party.parties[0]).toMatchObject({ name: 'NURLANQYZY', workCount: 3 });
  });

  it.each([
    [['works', 'show', 'QMP-0001', '--db', 'missing.db'], 2, /no catalogue/],
    [['works', 'search', 'x', '--limit', 'many', '--db', 'missing.db'], 2, /--limit must be a whole number/],
    [['works', 'show', 'NOPE-9'], 1, /^$/],
  ])('cwrkit %j exits %i', async (args, code, stderr) => {
    const db = await catalogue();
    const r = await runCli(args[args.length - 1] === 'NOPE-9' ? [...args, '--db', db] : args, { cwd: tmp() });
    expect(r.exitCode).toBe(code);
    expect(r.stderr).toMatch(stderr);
  });
});
