import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/app/import.js';
import { conflictStatusFor, ConflictsRepository } from '../../../src/catalogue/repositories/conflicts.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { catalogue, cwrName, ipi, iswc, OTHER, QMP, simpleParties, writeCwr, type PartySpec } from './fixture.js';

const WRITER_A = ipi('004411223');
const WRITER_B = ipi('004411224');
const PUB_A = ipi('007123456');
const PUB_B = ipi('007123457');

/** Co-publishing: each submitter controls its own publisher and writer (25% + 25% PR) and names
 * the other side as other publisher / other writer. */
function half(mine: 'A' | 'B', territory = '2136', prOfMine = 2500): PartySpec[] {
  const a = mine === 'A';
  return [
    { kind: 'publisher', id: 'PA', name: 'PUB A', ipi: PUB_A, pr: a ? prOfMine : 2500, controlled: a, territory },
    { kind: 'publisher', id: 'PB', name: 'PUB B', ipi: PUB_B, pr: a ? 2500 : prOfMine, controlled: !a, territory },
    { kind: 'writer', id: 'WA', name: 'WRITER A', ipi: WRITER_A, pr: 2500, controlled: a, territory },
    { kind: 'writer', id: 'WB', name: 'WRITER B', ipi: WRITER_B, pr: 2500, controlled: !a, territory },
  ];
}

describe('conflicts on import', () => {
  const tmp = useTempDir();

  const twoSubmitters = async (a: Parameters<typeof writeCwr>[3], b: Parameters<typeof writeCwr>[3]) => {
    const db = catalogue(tmp());
    await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, a)]);
    const s = await importFiles(db, [writeCwr(tmp(), cwrName(1, 'OTH'), { pb: OTHER }, b)]);
    return { db, s, kinds: new ConflictsRepository(db).list().map((c) => [c.kind, c.right, c.territory, c.total]) };
  };

  it.each([
    ['same ISWC, different titles and writers', { iswc: iswc('321000101'), title: 'DALA' }, { iswc: iswc('321000101'), title: 'STEPPE' }],
    ['same normalised title and writer IPIs, no ISWC', { iswc: null, title: 'DALA ENI (REMASTERED)' }, { iswc: null, title: 'DALA ENI' }],
  ])('two submitters registering the same work (%s) -> duplicate, no overwrite', async (_what, a, b) => {
    const { db, kinds } = await twoSubmitters(
      [{ type: 'NWR', works: [{ swn: 'A1', title: a.title, iswc: a.iswc, parties: half('A') }] }],
      [{ type: 'NWR', works: [{ swn: 'B1', title: b.title, iswc: b.iswc, parties: half('B') }] }],
    );
    expect(kinds).toEqual([['duplicate', null, null, null]]);
    expect(db.prepare('SELECT submitter, title FROM works ORDER BY id').all()).toEqual([
      { submitter: String(QMP), title: a.title },
      { submitter: String(OTHER), title: b.title },
    ]);
    expect(conflictStatusFor(db, String(OTHER), 'B1')).toBe('DU');
    expect(conflictStatusFor(db, String(QMP), 'A1')).toBe('DU');
  });

  it('claims above 100% for a right and territory -> shares conflict, CO for both submitters', async () => {
    // A claims everything (publisher 50% + writer 50% PR); B claims its half on top.
    const { db, s, kinds } = await twoSubmitters(
      [{ type: 'NWR', works: [{ swn: 'A1', title: 'DALA', iswc: iswc('321000101'), parties: simpleParties('004411223', '007123456') }] }],
      [{ type: 'NWR', works: [{ swn: 'B1', title: 'DALA', iswc: iswc('321000101'), parties: half('B') }] }],
    );
    expect(kinds).toEqual([
      ['duplicate', null, null, null],
      ['shares', 'PR', '2136', 15000],
      ['shares', 'MR', '2136', 15000],
      ['shares', 'SR', '2136', 15000],
    ]);
    expect(s.conflicts).toBe(4);
    expect(conflictStatusFor(db, String(QMP), 'A1')).toBe('CO');
    expect(conflictStatusFor(db, `00${QMP}`, 'A1')).toBe('CO'); // as an 11-digit HDR sender id
    expect(conflictStatusFor(db, String(OTHER), 'B1')).toBe('CO');
  });

  it('co-publishers splitting the work exactly: duplicate only, shares add up to 100%', async () => {
    const { kinds } = await twoSubmitters(
      [{ type: 'NWR', works: [{ swn: 'A1', title: 'DALA', iswc: iswc('321000101'), parties: half('A') }] }],
      [{ type: 'NWR', works: [{ swn: 'B1', title: 'DALA', iswc: iswc('321000101'), parties: half('B') }] }],
    );
    expect(kinds).toEqual([['duplicate', null, null, null]]);
  });

  it('a world claim and a Kazakhstan claim meet in Kazakhstan (TIS hierarchy)', async () => {
    const { kinds } = await twoSubmitters(
      [{ type: 'NWR', works: [{ swn: 'A1', title: 'DALA', iswc: iswc('321000101'), parties: simpleParties('004411223', '007123456') }] }],
      [{ type: 'NWR', works: [{ swn: 'B1', title: 'DALA', iswc: iswc('321000101'), parties: half('B', '0398') }] }],
    );
    expect(kinds).toEqual([
      ['duplicate', null, null, null],
      ['shares', 'PR', '0398 2136', 15000],
      ['shares', 'MR', '0398 2136', 15000],
      ['shares', 'SR', '0398 2136', 15000],
    ]);
  });

  it('claims for territories that do not overlap do not add up', async () => {
    const { kinds } = await twoSubmitters(
      [{ type: 'NWR', works: [{ swn: 'A1', title: 'DALA', iswc: iswc('321000101'), parties: simpleParties('004411223', '007123456').map((p) => ({ ...p, territory: '0398' })) }] }],
      [{ type: 'NWR', works: [{ swn: 'B1', title: 'DALA', iswc: iswc('321000101'), parties: half('B', '0276') }] }],
    );
    expect(kinds).toEqual([['duplicate', null, null, null]]);
  });

  it('a different work from another submitter is no conflict; status null', async () => {
    const { db, kinds } = await twoSubmitters(
      [{ type: 'NWR', works: [{ swn: 'A1', title: 'DALA', iswc: iswc('321000101'), parties: half('A') }] }],
      [{ type: 'NWR', works: [{ swn: 'B1', title: 'OTHER SONG', iswc: iswc('321000102'), parties: half('B') }] }],
    );
    expect(kinds).toEqual([]);
    expect(conflictStatusFor(db, String(QMP), 'A1')).toBeNull();
    expect(conflictStatusFor(db, String(QMP), 'NOT-THERE')).toBeNull();
  });

  it('an EXC from a society is recorded against the work it names (history and an exc conflict)', async () => {
    const db = catalogue(tmp());
    await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [{ swn: 'A1', title: 'DALA', parties: half('A') }] }])]);
    const s = await importFiles(db, [writeCwr(tmp(), cwrName(1, '052'), { so: 52 }, [{ type: 'EXC', works: [{ type: 'EXC', swn: 'A1', title: 'DALA', parties: half('A') }] }])]);
    expect(s.transactions).toEqual({ total: 1, accepted: 1, rejected: 0 });
    expect(new ConflictsRepository(db).list().map((c) => [c.kind, c.submitter_work_number])).toEqual([['exc', 'A1']]);
    expect(db.prepare('SELECT action FROM work_history ORDER BY id').pluck().all()).toEqual(['insert', 'exc']);
    expect(conflictStatusFor(db, String(QMP), 'A1')).toBeNull();
  });

  it('importing the second registration again (REV) does not repeat open conflicts', async () => {
    const db = catalogue(tmp());
    await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [{ swn: 'A1', title: 'DALA', iswc: iswc('321000101'), parties: half('A') }] }])]);
    await importFiles(db, [writeCwr(tmp(), cwrName(1, 'OTH'), { pb: OTHER }, [{ type: 'NWR', works: [{ swn: 'B1', title: 'DALA', iswc: iswc('321000101'), parties: half('B') }] }])]);
    await importFiles(db, [writeCwr(tmp(), cwrName(2, 'OTH'), { pb: OTHER }, [{ type: 'REV', works: [{ type: 'REV', swn: 'B1', title: 'DALA', iswc: iswc('321000101'), parties: half('B'), alt: ['X'] }] }])]);
    expect(new ConflictsRepository(db).list()).toHaveLength(1);
  });
});
