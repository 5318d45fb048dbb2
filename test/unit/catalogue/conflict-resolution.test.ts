import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/app/import.js';
import { conflictStatusFor, ConflictsRepository } from '../../../src/catalogue/repositories/conflicts.js';
import { runCli } from '../../helpers/run-cli.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { catalogue, cwrName, ipi, iswc, OTHER, QMP, writeCwr, type PartySpec } from './fixture.js';

/** Co-publishing, each submitter controlling its half: the same ISWC, no share above 100%. */
function half(mine: 'A' | 'B'): PartySpec[] {
  const a = mine === 'A';
  return [
    { kind: 'publisher', id: 'PA', name: 'PUB A', ipi: ipi('007123456'), pr: 2500, controlled: a, territory: '2136' },
    { kind: 'publisher', id: 'PB', name: 'PUB B', ipi: ipi('007123457'), pr: 2500, controlled: !a, territory: '2136' },
    { kind: 'writer', id: 'WA', name: 'WRITER A', ipi: ipi('004411223'), pr: 2500, controlled: a, territory: '2136' },
    { kind: 'writer', id: 'WB', name: 'WRITER B', ipi: ipi('004411224'), pr: 2500, controlled: !a, territory: '2136' },
  ];
}

const registration = (type: 'NWR' | 'REV', swn: string, mine: 'A' | 'B', title = 'DALA') => [{ type, works: [{ type, swn, title, iswc: iswc('321000101'), parties: half(mine) }] }];

/** Two submitters register the same work: one open duplicate conflict once `second` is imported. */
async function duplicate(dir: string) {
  const db = catalogue(dir);
  await importFiles(db, [writeCwr(dir, cwrName(1), { pb: QMP }, registration('NWR', 'A1', 'A'))]);
  return { db, second: writeCwr(dir, cwrName(1, 'OTH'), { pb: OTHER }, registration('NWR', 'B1', 'B')) };
}

describe('resolving conflicts', () => {
  const tmp = useTempDir();

  it('a resolved duplicate keeps its note, stops the DU answer, and is not raised again; reopen brings it back', async () => {
    const { db, second } = await duplicate(tmp());
    await importFiles(db, [second]);
    const repo = new ConflictsRepository(db);
    const [c] = repo.list();
    expect(c).toMatchObject({ kind: 'duplicate', status: 'open', resolved_at: null });
    expect(conflictStatusFor(db, String(OTHER), 'B1')).toBe('DU');

    expect(repo.resolve([c!.id, 999], 'distinct works, confirmed', '2026-11-28T23:00:00.000Z')).toEqual([c!.id]);
    expect(repo.resolve([c!.id], 'again', '2026-11-28T23:01:00.000Z')).toEqual([]); // already resolved
    expect(repo.list()).toEqual([]);
    expect(repo.list({ all: true })[0]).toMatchObject({ status: 'resolved', resolution: 'distinct works, confirmed', resolved_at: '2026-11-28T23:00:00.000Z' });
    expect(conflictStatusFor(db, String(OTHER), 'B1')).toBeNull();

    // The other submitter revises its work (same ISWC, new title): the pair is not raised again.
    const rev = writeCwr(tmp(), cwrName(2, 'OTH'), { pb: OTHER }, registration('REV', 'B1', 'B', 'DALA (RADIO EDIT)'));
    expect((await importFiles(db, [rev])).works.updated).toBe(1);
    expect(repo.list({ all: true })).toHaveLength(1);

    expect(repo.reopen([c!.id])).toEqual([c!.id]);
    expect(repo.list()[0]).toMatchObject({ status: 'open', resolved_at: null, resolution: null });
    expect(conflictStatusFor(db, String(OTHER), 'B1')).toBe('DU');
    db.close();
  });

  it('through the CLI: resolve needs a note; unknown ids exit 1; --json says what changed', async () => {
    const dir = tmp();
    const { db, second } = await duplicate(dir);
    await importFiles(db, [second]);
    const id = String(new ConflictsRepository(db).list()[0]!.id);
    db.close();
    const dbPath = join(dir, 'cwrkit.db');
    expect((await runCli(['conflicts', 'resolve', id, '--db', dbPath])).exitCode).toBe(2); // no --note
    const r = await runCli(['conflicts', 'resolve', id, '77', '--note', 'same work, other title', '--json', '--db', dbPath]);
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ resolved: [Number(id)], unchanged: [77] });
    const list = await runCli(['conflicts', '--all', '--db', dbPath]);
    expect(list.stdout).toContain('[resolved');
    expect(list.stdout).toContain('same work, other title');
    expect((await runCli(['conflicts', 'reopen', id, '--db', dbPath])).exitCode).toBe(0);
    expect(JSON.parse((await runCli(['conflicts', '--json', '--db', dbPath])).stdout).conflicts[0]).toMatchObject({ status: 'open', resolvedAt: null });
  });
});
