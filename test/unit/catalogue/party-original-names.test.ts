import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/app/import.js';
import { undoRun } from '../../../src/app/runs.js';
import { SAMPLES } from '../../helpers/paths.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { catalogue, cwrName, QMP, simpleParties, writeCwr } from './fixture.js';

const WRITER = "SELECT name, original_name, original_language FROM parties WHERE ipi_name_number = '00441122310'";

describe('a party registered without its Cyrillic name takes it from a later registration', () => {
  const tmp = useTempDir();

  it('fills the original-script name once, never overwrites it, and undo takes the fill back', async () => {
    const db = catalogue(tmp());
    // The first registration names writer 00441122310 in Latin only (no NWN).
    const first = await importFiles(db, [writeCwr(tmp(), cwrName(9), { pb: QMP }, [{ type: 'NWR', works: [{ swn: 'A1', title: 'DALA', parties: simpleParties() }] }])]);
    expect(first.works.inserted).toBe(1);
    expect(db.prepare(WRITER).get()).toMatchObject({ original_name: null });
    // The sample file registers other works with the same writer, with an NWN in Cyrillic.
    const sample = join(tmp(), 'CW260001QMP_177.V21');
    copyFileSync(join(SAMPLES, 'cwr', 'CW260001QMP_177.V21'), sample);
    const second = await importFiles(db, [sample]);
    expect(second.works.inserted).toBeGreaterThan(0);
    expect(db.prepare(WRITER).get()).toMatchObject({ original_name: 'Нұрланқызы', original_language: 'KK' });
    // Undoing the run that brought it puts the party back as it was.
    undoRun(db, second.run as number, { force: true });
    expect(db.prepare(WRITER).get()).toMatchObject({ original_name: null, original_language: null });
    db.close();
  });

  it('in one file: a later work naming the writer in Cyrillic fills the party the first work created', async () => {
    const db = catalogue(tmp());
    const cyrillic = simpleParties().map((p) => (p.kind === 'writer' ? { ...p, original: 'НҰРЛАНҚЫЗЫ' } : p));
    await importFiles(db, [writeCwr(tmp(), cwrName(9), { pb: QMP }, [{ type: 'NWR', works: [{ swn: 'A1', title: 'DALA', parties: simpleParties() }, { swn: 'A2', title: 'ENI', parties: cyrillic }] }])]);
    expect(db.prepare(WRITER).get()).toMatchObject({ original_name: 'НҰРЛАНҚЫЗЫ', original_language: 'KK' });
    db.close();
  });
});
