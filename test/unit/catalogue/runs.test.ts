import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/app/import.js';
import { listRuns, undoRun, UndoError } from '../../../src/app/runs.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { catalogue, cwrName, dump, iswc, OTHER, QMP, simpleParties, writeCwr, type WorkSpec } from './fixture.js';

const work = (swn: string, title: string, extra: Partial<WorkSpec> = {}): WorkSpec => ({ swn, title, iswc: null, parties: simpleParties(), ...extra });

describe('runs undo', () => {
  const tmp = useTempDir();

  /** Run 1: two works and a PRS ACK for the first. */
  async function firstRun() {
    const db = catalogue(tmp());
    const r1 = await importFiles(db, [
      writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA', { iswc: iswc('321000101') }), work('W2', 'TUN')] }]),
      writeCwr(tmp(), cwrName(1, '052'), { so: 52 }, [{ type: 'ACK', acks: [{ swn: 'W1', title: 'DALA', societyNumber: 'PRS1', status: 'RA' }] }]),
    ]);
    return { db, r1 };
  }

  /** Run 2 touches everything: a REV, a new work with a new writer, an ISW, an ACK changing a
   * registration, a duplicate from another submitter (a conflict). */
  async function secondRun(db: ReturnType<typeof catalogue>) {
    const newWriter = simpleParties('004411299', '007123456');
    return importFiles(db, [
      writeCwr(tmp(), cwrName(2), { pb: QMP }, [
        { type: 'NWR', works: [work('W3', 'NEW', { parties: newWriter })] },
        { type: 'REV', works: [work('W1', 'DALA ENI', { type: 'REV', iswc: iswc('321000101'), alt: ['STEPPE'] })] },
      ]),
      writeCwr(tmp(), cwrName(2, '052'), { so: 52 }, [
        { type: 'ACK', acks: [{ swn: 'W1', title: 'DALA', societyNumber: 'PRS1', status: 'AS' }, { swn: 'W2', title: 'TUN', societyNumber: 'PRS2' }] },
        { type: 'ISW', works: [work('W2', 'TUN', { type: 'ISW', iswc: iswc('321000102') })] },
      ]),
      writeCwr(tmp(), cwrName(1, 'OTH'), { pb: OTHER }, [{ type: 'NWR', works: [work('X1', 'DALA', { iswc: iswc('321000101'), parties: simpleParties('004411223', '007123499', 'X') })] }]),
    ]);
  }

  it('undo puts every table back exactly as before the run', async () => {
    const { db } = await firstRun();
    const before = dump(db);
    const r2 = await secondRun(db);
    expect(r2.transactions.rejected).toBe(0);
    expect(r2.works).toEqual({ inserted: 2, updated: 2, unchanged: 0 });
    expect(r2.conflicts).toBeGreaterThan(0);
    expect(dump(db)).not.toEqual(before);
    const u = undoRun(db, r2.run as number);
    expect(u).toMatchObject({ deleted: 2, restored: 2, laterRuns: [] });
    expect(dump(db)).toEqual(before);
    expect(listRuns(db).map((r) => r.status)).toEqual(['done', 'undone']);
  });

  it('undoing every run empties the catalogue (senders stay), and the files import again', async () => {
    const { db } = await firstRun();
    const empty = dump(catalogue(tmp(), 'empty.db'));
    const r2 = await secondRun(db);
    undoRun(db, r2.run as number);
    undoRun(db, 1);
    expect(dump(db)).toEqual(empty);
    const again = await secondRun(db);
    expect(again.files.map((f) => f.status)).toEqual(['imported', 'imported', 'imported']);
  });

  it('refuses when a later run changed the same works, unless forced', async () => {
    const { db } = await firstRun();
    const r2 = await secondRun(db);
    const r3 = await importFiles(db, [writeCwr(tmp(), cwrName(3), { pb: QMP }, [{ type: 'REV', works: [work('W3', 'NEWER', { type: 'REV', parties: simpleParties('004411299') })] }])]);
    expect(r3.works.updated).toBe(1);
    const refused = (() => {
      try {
        undoRun(db, r2.run as number);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(UndoError);
    expect(refused).toMatchObject({ code: 'CWRKIT_RUN_LATER', laterRuns: [r3.run] });
    expect(undoRun(db, r2.run as number, { force: true }).laterRuns).toEqual([r3.run]);
    expect(db.prepare("SELECT COUNT(*) FROM works WHERE submitter_work_number = 'W3'").pluck().get()).toBe(0);
  });

  it.each([
    ['an unknown run', 99, 'CWRKIT_NO_RUN'],
    ['a run already undone', 1, 'CWRKIT_RUN_UNDONE'],
  ])('refuses %s', async (_what, id, code) => {
    const { db } = await firstRun();
    undoRun(db, 1);
    expect(() => undoRun(db, id)).toThrow(expect.objectContaining({ code }) as Error);
  });

  it('lists runs with their files and counts', async () => {
    const { db } = await firstRun();
    const runs = listRuns(db);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: 1, command: 'import', status: 'done', works: { inserted: 2, updated: 0, unchanged: 0 } });
    expect(runs[0]?.files.map((f) => f.name)).toEqual([cwrName(1), cwrName(1, '052')]);
  });
});
