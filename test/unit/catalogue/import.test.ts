import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/app/import.js';
import { parseSnapshot } from '../../../src/catalogue/snapshot.js';
import { PUBLIC_SAMPLES, SAMPLES } from '../../helpers/paths.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { catalogue, cwrName, cwrText, dump, iswc, OTHER, QMP, simpleParties, writeCwr, type WorkSpec } from './fixture.js';

const count = (db: ReturnType<typeof catalogue>, table: string): number => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

const bundled = readdirSync(join(SAMPLES, 'cwr')).filter((f) => /\.(V2[12]|SUB)$/i.test(f)).sort();
const publicSamples = readdirSync(PUBLIC_SAMPLES).filter((f) => !/\.md$/i.test(f)).sort();

describe('import of samples', () => {
  const tmp = useTempDir();

  it.each(bundled)('bundled %s: stores exactly what it reports and survives a second import', async (name) => {
    const db = catalogue(tmp());
    const s = await importFiles(db, [join(SAMPLES, 'cwr', name)]);
    const f = s.files[0];
    expect(f?.status === 'imported' || f?.status === 'rejected').toBe(true);
    expect(count(db, 'works')).toBe(s.works.inserted);
    expect(s.transactions.accepted + s.transactions.rejected).toBe(s.transactions.total);
    const before = dump(db);
    const again = await importFiles(db, [join(SAMPLES, 'cwr', name)]);
    expect(dump(db)).toEqual(before);
    if (f?.status === 'imported') expect(again.files[0]?.status).toBe('already-imported');
  });

  it('the bundled 2.x registrations and the PRS ACK build the catalogue with Kazakh text intact', async () => {
    const db = catalogue(tmp());
    const names = ['CW260001QMP_177.V21', 'CW260002QMP_177.V22', 'CW260001052_177.V21'];
    const s = await importFiles(db, names.map((n) => join(SAMPLES, 'cwr', n)));
    expect(s.works).toEqual({ inserted: 3, updated: 1, unchanged: 0 });
    expect(s.acks).toEqual({ received: 2, matched: 2, unmatched: 0 });
    expect(db.prepare("SELECT title FROM titles WHERE non_roman = 1 ORDER BY work_id").pluck().all()).toEqual(['Дала әні', 'Алматы түні', 'Көктем вальсі']);
    expect(db.prepare("SELECT original_name FROM parties WHERE ipi_name_number = '00441122310'").pluck().get()).toBe('Нұрланқызы');
    expect(db.prepare("SELECT value FROM work_identifiers WHERE kind = 'society' AND issuer = '052' ORDER BY value").pluck().all()).toEqual(['PRS880001', 'PRS880002']);
    expect(db.prepare("SELECT status FROM registrations WHERE society = '052'").pluck().all()).toEqual(['AS', 'AS']);
  });

  it.each(publicSamples)('public %s: imports or rejects with diagnostics, never throws', async (name) => {
    const db = catalogue(tmp());
    for (const code of ['20', '199', '52', 'DP1']) db.prepare("INSERT OR IGNORE INTO senders (code, name, added_at) VALUES (?, 'x', 'now')").run(code);
    const s = await importFiles(db, [join(PUBLIC_SAMPLES, name)]);
    const f = s.files[0];
    expect(['imported', 'rejected']).toContain(f?.status);
    if (f?.status === 'rejected') expect(f.validation?.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(count(db, 'works')).toBe(s.works.inserted);
  });
});

describe('import semantics', () => {
  const tmp = useTempDir();
  const work = (swn: string, title: string, extra: Partial<WorkSpec> = {}): WorkSpec => ({
    swn,
    title,
    parties: simpleParties(),
    ...extra,
  });

  it('the same file twice changes nothing and says so', async () => {
    const db = catalogue(tmp());
    const f = writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA')] }]);
    const first = await importFiles(db, [f]);
    const before = dump(db);
    const runs = count(db, 'runs');
    const second = await importFiles(db, [f]);
    expect(second.files[0]?.status).toBe('already-imported');
    expect(second.files[0]?.previousRun).toBe(first.run);
    expect(second.run).toBeNull();
    expect(dump(db)).toEqual(before);
    expect(count(db, 'runs')).toBe(runs);
  });

  it('a copy of a file under another name is recognised by its content', async () => {
    const db = catalogue(tmp());
    const f = writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA')] }]);
    await importFiles(db, [f]);
    const copy = join(tmp(), cwrName(2));
    writeFileSync(copy, readFileSync(f));
    expect((await importFiles(db, [copy])).files[0]?.status).toBe('already-imported');
  });

  it('REV replaces the work: new title and alternate titles, version 2, two history entries', async () => {
    const db = catalogue(tmp());
    await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA', { alt: ['OLD ALT'] })] }])]);
    const s = await importFiles(db, [writeCwr(tmp(), cwrName(2), { pb: QMP }, [{ type: 'REV', works: [work('W1', 'DALA ENI', { type: 'REV', alt: ['NEW ALT', 'SECOND'] })] }])]);
    expect(s.works).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(db.prepare('SELECT title, version FROM works').all()).toEqual([{ title: 'DALA ENI', version: 2 }]);
    expect(db.prepare('SELECT title FROM titles ORDER BY position').pluck().all()).toEqual(['NEW ALT', 'SECOND']);
    expect(db.prepare('SELECT action FROM work_history ORDER BY id').pluck().all()).toEqual(['insert', 'replace']);
  });

  it('a REV identical to what is stored counts as unchanged', async () => {
    const db = catalogue(tmp());
    await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA')] }])]);
    const s = await importFiles(db, [writeCwr(tmp(), cwrName(2), { pb: QMP }, [{ type: 'REV', works: [work('W1', 'DALA', { type: 'REV' })] }])]);
    expect(s.works).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect(db.prepare('SELECT version FROM works').pluck().get()).toBe(1);
  });

  it('ISW from a society records the ISWC on the work, and a later REV without ISWC keeps it', async () => {
    const db = catalogue(tmp());
    await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA')] }])]);
    const code = iswc('321000101');
    const s = await importFiles(db, [writeCwr(tmp(), cwrName(1, '052'), { so: 52 }, [{ type: 'ISW', works: [work('W1', 'DALA', { type: 'ISW', iswc: code })] }])]);
    expect(s.transactions.rejected).toBe(0);
    expect(db.prepare('SELECT iswc FROM works').pluck().get()).toBe(code);
    // The ISWC lives in works.iswc only (migration 0004), not again in work_identifiers.
    expect(db.prepare("SELECT COUNT(*) FROM work_identifiers WHERE kind <> 'society'").pluck().get()).toBe(0);
    await importFiles(db, [writeCwr(tmp(), cwrName(3), { pb: QMP }, [{ type: 'REV', works: [work('W1', 'DALA 2', { type: 'REV' })] }])]);
    expect(db.prepare('SELECT iswc FROM works').pluck().get()).toBe(code);
  });

  it('an ACK from a society stores its work number, status and registration against the acknowledged work', async () => {
    const db = catalogue(tmp());
    await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA'), work('W2', 'TUN')] }])]);
    const ack = writeCwr(tmp(), cwrName(1, '052'), { so: 52 }, [
      { type: 'ACK', acks: [{ swn: 'W2', title: 'TUN', societyNumber: 'PRS1', originalTransaction: 1 }, { swn: 'NOPE', title: 'X', societyNumber: 'PRS2', status: 'RJ' }] },
    ]);
    const s = await importFiles(db, [ack]);
    expect(s.acks).toEqual({ received: 2, matched: 1, unmatched: 1 });
    expect(db.prepare("SELECT w.submitter_work_number, i.issuer, i.value FROM work_identifiers i JOIN works w ON w.id = i.work_id WHERE kind = 'society'").all()).toEqual([
      { submitter_work_number: 'W2', issuer: '052', value: 'PRS1' },
    ]);
    expect(db.prepare('SELECT society, status, society_work_number, sent_transaction FROM registrations').all()).toEqual([
      { society: '052', status: 'AS', society_work_number: 'PRS1', sent_transaction: 1 },
    ]);
    expect(db.prepare('SELECT submitter_work_number, work_id IS NOT NULL AS matched, status FROM acknowledgements ORDER BY id').all()).toEqual([
      { submitter_work_number: 'W2', matched: 1, status: 'AS' },
      { submitter_work_number: 'NOPE', matched: 0, status: 'RJ' },
    ]);
    const snapshot = parseSnapshot(db.prepare("SELECT snapshot FROM work_history WHERE action = 'ack'").pluck().get() as string);
    expect(snapshot.societyWorkNumbers).toEqual([{ society: '052', number: 'PRS1' }]);
  });

  it('an ACK for a number two submitters use goes to the work sent in that group and transaction', async () => {
    const db = catalogue(tmp());
    await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('SAME', 'DALA')] }])]);
    await importFiles(db, [writeCwr(tmp(), cwrName(1, 'OTH'), { pb: OTHER }, [{ type: 'NWR', works: [work('SAME', 'TUN', { parties: simpleParties('004411224', '007123457', 'O') })] }])]);
    const other = db.prepare('SELECT id FROM works WHERE submitter = ?').pluck().get(String(OTHER)) as number;
    db.prepare("INSERT INTO registrations (work_id, society, status, sent_group, sent_transaction) VALUES (?, '052', 'sent', 1, 7)").run(other);
    await importFiles(db, [writeCwr(tmp(), cwrName(2, '052'), { so: 52 }, [{ type: 'ACK', acks: [{ swn: 'SAME', title: 'TUN', societyNumber: 'PRS9', originalTransaction: 7 }] }])]);
    expect(db.prepare("SELECT work_id, status, society_work_number FROM registrations WHERE society = '052'").all()).toEqual([{ work_id: other, status: 'AS', society_work_number: 'PRS9' }]);
  });

  it('a group rejected at its GRT leaves nothing; the other group of the file enters', async () => {
    const db = catalogue(tmp());
    await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA')] }])]);
    const text = cwrText({ pb: QMP }, [
      { type: 'NWR', works: [work('W5', 'NEW ONE')] },
      { type: 'REV', works: [work('W1', 'DALA CHANGED', { type: 'REV' })] },
    ]);
    const lines = text.split('\r\n');
    const grt = lines.findLastIndex((l) => l.startsWith('GRT'));
    lines[grt] = `${(lines[grt] ?? '').slice(0, 8)}00000009${(lines[grt] ?? '').slice(16)}`;
    const path = join(tmp(), cwrName(2));
    writeFileSync(path, lines.join('\r\n'));
    const s = await importFiles(db, [path]);
    expect(s.files[0]?.validation?.rejectedGroups).toEqual([2]);
    expect(s.works).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(db.prepare('SELECT submitter_work_number, title FROM works ORDER BY id').all()).toEqual([
      { submitter_work_number: 'W1', title: 'DALA' },
      { submitter_work_number: 'W5', title: 'NEW ONE' },
    ]);
  });

  it('a rejected first group does not take the run and file rows with it', async () => {
    const db = catalogue(tmp());
    const text = cwrText({ pb: QMP }, [
      { type: 'NWR', works: [work('W1', 'FIRST'), work('W2', 'SECOND')] },
      { type: 'REV', works: [work('W3', 'THIRD', { type: 'REV' })] },
    ]);
    const lines = text.split('\r\n');
    const grt = lines.findIndex((l) => l.startsWith('GRT'));
    lines[grt] = `${(lines[grt] ?? '').slice(0, 8)}00000009${(lines[grt] ?? '').slice(16)}`;
    const path = join(tmp(), cwrName(1));
    writeFileSync(path, lines.join('\r\n'));
    const s = await importFiles(db, [path]);
    expect(s.files[0]?.validation?.rejectedGroups).toEqual([1]);
    expect(s.works).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(db.prepare('SELECT w.submitter_work_number, h.file_id = f.id AS linked FROM works w JOIN work_history h ON h.work_id = w.id JOIN files f ON f.run_id = ?').all(s.run)).toEqual([
      { submitter_work_number: 'W3', linked: 1 },
    ]);
  });

  it('a failure in the middle of a file leaves the catalogue exactly as it was', async () => {
    const db = catalogue(tmp());
    await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA')] }])]);
    const before = dump(db);
    const runs = count(db, 'runs');
    const f = writeCwr(tmp(), cwrName(2), { pb: QMP }, [{ type: 'NWR', works: [work('W2', 'A'), work('W3', 'B'), work('W4', 'C')] }, { type: 'REV', works: [work('W1', 'D', { type: 'REV' })] }]);
    await expect(
      importFiles(db, [f], {
        afterTransaction: (n) => {
          if (n === 3) throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(db.inTransaction).toBe(false);
    expect(dump(db)).toEqual(before);
    expect(count(db, 'runs')).toBe(runs);
    // and the file can be imported afterwards
    expect((await importFiles(db, [f])).works.inserted).toBe(3);
  });

  it('--dry-run reports what would change and stores nothing', async () => {
    const db = catalogue(tmp());
    const before = dump(db);
    const s = await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA'), work('W2', 'TUN')] }])], { dryRun: true });
    expect(s.works.inserted).toBe(2);
    expect(s.run).toBeNull();
    expect(dump(db)).toEqual(before);
    expect(count(db, 'runs')).toBe(0);
  });

  it('a file from an unknown sender is rejected and leaves no trace', async () => {
    const db = catalogue(tmp());
    const before = dump(db);
    const s = await importFiles(db, [writeCwr(tmp(), cwrName(1, 'XYZ'), { pb: 712345681 }, [{ type: 'NWR', works: [work('W1', 'DALA')] }])]);
    expect(s.files[0]?.status).toBe('rejected');
    expect(s.transactions.rejected).toBe(1);
    expect(dump(db)).toEqual(before);
  });

  it('a missing file is unreadable, the others are imported', async () => {
    const db = catalogue(tmp());
    const f = writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA')] }]);
    const s = await importFiles(db, [join(tmp(), 'missing.V21'), f]);
    expect(s.files.map((x) => x.status)).toEqual(['unreadable', 'imported']);
    expect(s.works.inserted).toBe(1);
  });

  it('one run covers every file of the call', async () => {
    const db = catalogue(tmp());
    const a = writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA')] }]);
    const b = writeCwr(tmp(), cwrName(2, 'OTH'), { pb: OTHER }, [{ type: 'NWR', works: [work('X1', 'OTHER', { parties: simpleParties('004411224', '007123457', 'O') })] }]);
    const s = await importFiles(db, [a, b]);
    expect(db.prepare('SELECT DISTINCT run_id FROM files').pluck().all()).toEqual([s.run]);
    expect(db.prepare('SELECT DISTINCT created_run FROM works').pluck().all()).toEqual([s.run]);
  });
});
