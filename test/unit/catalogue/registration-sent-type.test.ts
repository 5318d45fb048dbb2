import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/app/import.js';
import { RegistrationsRepository } from '../../../src/catalogue/repositories/registrations.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { catalogue, cwrName, QMP, simpleParties, writeCwr } from './fixture.js';

describe('registrations keep the type they were sent as', () => {
  const tmp = useTempDir();

  it('an undo puts back a row kept before migration 0007 (no sent_type) without failing', async () => {
    const db = catalogue(tmp());
    await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [{ swn: 'A1', title: 'DALA', parties: simpleParties() }] }])]);
    const workId = db.prepare('SELECT id FROM works').pluck().get() as number;
    db.prepare("INSERT INTO runs (id, command, started_at) VALUES (99, 'export', 'now')").run();
    const repo = new RegistrationsRepository(db);
    // The row as a run recorded it before sent_type existed, then a later state to undo.
    const old = { work_id: workId, society: '052', status: 'sent', sent_at: '2026-01-01T00:00:00Z', sent_file: 'CW260001177_052.V21', sent_group: 1, sent_transaction: 0, acked_at: null, ack_file_id: null, society_work_number: null, iswc: null, updated_run: null };
    db.prepare('INSERT INTO registration_changes (run_id, n, work_id, society, previous) VALUES (99, 1, ?, ?, ?)').run(workId, '052', JSON.stringify(old));
    db.prepare("INSERT INTO registrations (work_id, society, status, sent_type) VALUES (?, '052', 'AS', 'REV')").run(workId);
    repo.restore(99);
    expect(repo.get(workId, '052')).toMatchObject({ status: 'sent', sent_file: 'CW260001177_052.V21', sent_type: null });
    expect(() => db.prepare("UPDATE registrations SET sent_type = 'XYZ'").run()).toThrow(/CHECK/);
    db.close();
  });
});
