import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportCwr, type ExportOptions } from '../../../../src/app/export.js';
import { validateFiles } from '../../../../src/app/validate-files.js';
import type { Db } from '../../../../src/catalogue/db.js';
import { useTempDir } from '../../../helpers/temp-dir.js';
import { sampleCatalogue } from './setup.js';

const NOW = new Date('2026-11-28T12:00:00Z');

function options(dir: string, over: Partial<ExportOptions> = {}): ExportOptions {
  return { version: '2.1', from: '177', fromName: 'KAZAK', to: '052', works: [], outDir: dir, now: NOW, softwareVersion: '0.1.0', ...over };
}

const registrations = (db: Db): unknown[] => db.prepare("SELECT work_id, society, status, sent_file, sent_group, sent_transaction FROM registrations WHERE society = '052' ORDER BY work_id").all();

describe('export cwr (use-case) on a real catalogue', () => {
  const tmp = useTempDir();
  let db: Db | null = null;
  afterEach(() => db?.close());

  it('NWR for works new to the society, REV for works it acknowledged; named, private, recorded, valid', async () => {
    db = await sampleCatalogue(tmp());
    const out = join(tmp(), 'outbox');
    mkdirSync(out);
    const r = exportCwr(db, options(out));
    expect(r.file).toBe('CW260001177_052.V21');
    expect(r.counts).toEqual({ NWR: 2, REV: 2, WRK: 0, heldBack: 0 });
    expect(r.works.map((w) => [w.submitterWorkNumber, w.type, w.group, w.transaction])).toEqual([
      ['QMP-0001', 'REV', 2, 0],
      ['QMP-0002', 'REV', 2, 1],
      ['QMP-0003', 'NWR', 1, 0],
      ['QMP-0005', 'NWR', 1, 1],
    ]);
    expect(r.encoding).toBe('utf-8');
    const path = join(out, 'CW260001177_052.V21');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(out)).toEqual(['CW260001177_052.V21']);
    const text = readFileSync(path, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^HDRSO000000177KAZAK {40}01\.102026112812000020261128UTF-8 {10}$/);
    expect(text).toMatch(/\r\nNAT[0-9]{16}Таң шапағы {630}OTKK\r\n/);
    expect(registrations(db)).toEqual([
      { work_id: 1, society: '052', status: 'sent', sent_file: 'CW260001177_052.V21', sent_group: 2, sent_transaction: 0 },
      { work_id: 2, society: '052', status: 'sent', sent_file: 'CW260001177_052.V21', sent_group: 2, sent_transaction: 1 },
      { work_id: 3, society: '052', status: 'sent', sent_file: 'CW260001177_052.V21', sent_group: 1, sent_transaction: 0 },
      { work_id: 4, society: '052', status: 'sent', sent_file: 'CW260001177_052.V21', sent_group: 1, sent_transaction: 1 },
    ]);
    // Undo information: the previous rows (ACKed ones) and new rows (null) of this run.
    const changes = db.prepare('SELECT work_id, previous IS NULL AS created FROM registration_changes WHERE run_id = ? ORDER BY n').all(r.run);
    expect(changes).toEqual([
      { work_id: 1, created: 0 },
      { work_id: 2, created: 0 },
      { work_id: 3, created: 1 },
      { work_id: 4, created: 1 },
    ]);
    const v = await validateFiles.one(path, {});
    expect(v.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(v.summary.accepted).toBe(4);
  });

  it('the next export takes the next sequence and sends REV only', async () => {
    db = await sampleCatalogue(tmp());
    exportCwr(db, options(tmp()));
    const r = exportCwr(db, options(tmp(), { version: '2.2' }));
    expect(r.file).toBe('CW260002177_052.V22');
    expect(r.counts).toEqual({ NWR: 0, REV: 4, WRK: 0, heldBack: 0 });
    const other = exportCwr(db, options(tmp(), { to: '035', works: ['QMP-0001'] }));
    expect(other.file).toBe('CW260003177_035.V21');
    expect(other.counts.NWR).toBe(1);
  });

  it.each([
    ['3.0', 'CW260001177_052_V3-0-0.SUB'],
    ['3.1', 'CW260001177_052_V3-1-0.SUB'],
  ] as const)('CWR %s: WRK transactions, UTF-8, originals reported, valid', async (version, name) => {
    db = await sampleCatalogue(tmp());
    const r = exportCwr(db, options(tmp(), { version }));
    expect(r.file).toBe(name);
    expect(r.counts).toEqual({ NWR: 0, REV: 0, WRK: 4, heldBack: 0 });
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.every((i) => i.severity === 'warning' && i.problem === 'not-carried')).toBe(true);
    const v = await validateFiles.one(join(tmp(), name), {});
    expect(v.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('a work whose title cannot be carried is held back and reported; the rest goes', async () => {
    db = await sampleCatalogue(tmp());
    db.prepare("UPDATE works SET title = 'DALA 歌' WHERE submitter_work_number = 'QMP-0001'").run();
    const r = exportCwr(db, options(tmp()));
    expect(r.counts.heldBack).toBe(1);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([expect.objectContaining({ work: 'QMP-0001', record: 'REV', field: 'work_title', problem: 'charset', chars: ['歌'] })]);
    expect(r.works.map((w) => w.submitterWorkNumber)).toEqual(['QMP-0002', 'QMP-0003', 'QMP-0005']);
    expect((registrations(db) as { work_id: number; status: string }[]).find((x) => x.work_id === 1)?.status).toBe('AS');
  });

  it('--works and --since select works; unknown references are reported', async () => {
    db = await sampleCatalogue(tmp());
    const some = exportCwr(db, options(tmp(), { works: ['T3210001024', 'QMP-0005', 'NOPE'], dryRun: true }));
    expect(some.works.map((w) => w.submitterWorkNumber)).toEqual(['QMP-0002', 'QMP-0005']);
    expect(some.unknownRefs).toEqual(['NOPE']);
    expect(exportCwr(db, options(tmp(), { since: '2000-01-01', dryRun: true })).works).toHaveLength(4);
    expect(exportCwr(db, options(tmp(), { since: '2999-01-01', dryRun: true })).file).toBeNull();
  });

  it('dry run writes nothing and records nothing', async () => {
    db = await sampleCatalogue(tmp());
    const before = registrations(db);
    const r = exportCwr(db, options(tmp(), { dryRun: true }));
    expect(r.file).toBe('CW260001177_052.V21');
    expect(r.run).toBeNull();
    expect(existsSync(join(tmp(), 'CW260001177_052.V21'))).toBe(false);
    expect(registrations(db)).toEqual(before);
  });

  it('when the file cannot be put in place, nothing is recorded and no temporary file is left', async () => {
    db = await sampleCatalogue(tmp());
    const out = join(tmp(), 'outbox');
    mkdirSync(join(out, 'CW260001177_052.V21'), { recursive: true }); // a folder where the file should go
    const before = registrations(db);
    expect(() => exportCwr(db as Db, options(out))).toThrow();
    expect(registrations(db)).toEqual(before);
    expect(readdirSync(out)).toEqual(['CW260001177_052.V21']);
    expect(db.prepare("SELECT count(*) AS n FROM runs WHERE command = 'export'").get()).toEqual({ n: 0 });
  });
});
