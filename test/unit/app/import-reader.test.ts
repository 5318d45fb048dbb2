/**
 * The import reads and validates in a worker thread for big files and inline for small ones:
 * both must leave exactly the same catalogue, summary and diagnostics, and a failure on either
 * side must roll the file back and surface as the same error.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, type ImportOptions, type ImportSummary } from '../../../src/app/import.js';
import { BATCH_TRANSACTIONS, MAX_IN_FLIGHT, workerModule } from '../../../src/app/import/source.js';
import type { Db } from '../../../src/catalogue/db.js';
import { PUBLIC_SAMPLES, SAMPLES } from '../../helpers/paths.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { catalogue, cwrName, dump, OTHER, QMP, simpleParties, writeCwr, type WorkSpec } from '../catalogue/fixture.js';

const bundled = readdirSync(join(SAMPLES, 'cwr'))
  .filter((f) => /\.(V2[12]|SUB)$/i.test(f))
  .sort()
  .map((f) => join(SAMPLES, 'cwr', f));
const publicSamples = readdirSync(PUBLIC_SAMPLES)
  .filter((f) => !/\.md$/i.test(f))
  .sort()
  .map((f) => join(PUBLIC_SAMPLES, f));

const fixed = (): ImportOptions => {
  let t = 0;
  return { now: () => new Date(Date.UTC(2026, 10, 20, 9, 0, t++)).toISOString() };
};

/** The summary without what differs by design (none expected: paths are the same). */
const comparable = (s: ImportSummary): unknown => JSON.parse(JSON.stringify(s));

async function both(tmp: string, files: readonly string[], setup: (db: Db) => void = () => undefined): Promise<{ inline: unknown; worker: unknown }> {
  const out: Record<'inline' | 'worker', unknown> = { inline: null, worker: null };
  for (const reader of ['inline', 'worker'] as const) {
    const db = catalogue(tmp, `${reader}.db`);
    setup(db);
    const summary = await importFiles(db, files, { ...fixed(), reader });
    out[reader] = { summary: comparable(summary), rows: dump(db) };
    db.close();
  }
  return out;
}

const work = (swn: string, title: string, extra: Partial<WorkSpec> = {}): WorkSpec => ({ swn, title, parties: simpleParties(), ...extra });

describe('import reader: worker thread and inline give the same catalogue', () => {
  const tmp = useTempDir();

  it('the worker module is found from the sources (tests) as from dist/', () => {
    expect(workerModule()?.href).toMatch(/\/dist\/app\/import\/worker\.js$/);
  });

  it.each([...bundled, ...publicSamples])('%s', async (path) => {
    const r = await both(tmp(), [path], (db) => {
      for (const code of ['20', '199', '52', 'DP1']) db.prepare("INSERT OR IGNORE INTO senders (code, name, added_at) VALUES (?, 'x', 'now')").run(code);
    });
    expect(r.worker).toEqual(r.inline);
  });

  it('registrations, a revision, an ACK and a duplicate from another sender, in one call', async () => {
    const files = [
      ...['CW260001QMP_177.V21', 'CW260002QMP_177.V22', 'CW260001052_177.V21'].map((n) => join(SAMPLES, 'cwr', n)),
      writeCwr(tmp(), cwrName(7, 'OTH'), { pb: OTHER }, [{ type: 'NWR', works: [work('X1', 'DALA ANI', { parties: simpleParties('004411224', '007123457', 'O') })] }]),
    ];
    const r = await both(tmp(), files);
    expect(r.worker).toEqual(r.inline);
  });

  it('a file of many batches (backpressure), then a revision group of changed and unchanged works', async () => {
    const n = BATCH_TRANSACTIONS * MAX_IN_FLIGHT * 2 + 7;
    const works = Array.from({ length: n }, (_, i) => work(`W${i}`, `TITLE ${i}`, { alt: [`ALT ${i}`] }));
    const path = writeCwr(tmp(), cwrName(9), { pb: QMP }, [
      { type: 'NWR', works },
      { type: 'REV', works: works.slice(0, 300).map((w, i) => ({ ...w, type: 'REV' as const, title: i % 2 === 0 ? `NEW ${w.title}` : w.title })) },
    ]);
    const r = await both(tmp(), [path]);
    expect(r.worker).toEqual(r.inline);
    expect((r.worker as { summary: ImportSummary }).summary.works).toEqual({ inserted: n, updated: 150, unchanged: 150 });
  });
});

describe('import phases', () => {
  const tmp = useTempDir();

  it.each([
    ['a new file', 1, ['hash', 'read-write', 'commit', 'checkpoint']],
    ['the same file again', 2, ['hash']],
  ])('%s reports the phases it went through', async (_what, times, expected) => {
    const db = catalogue(tmp());
    const f = writeCwr(tmp(), cwrName(4), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA')] }]);
    let seen: string[] = [];
    for (let i = 0; i < times; i++) {
      seen = [];
      await importFiles(db, [f], { onPhase: (phase, ms) => (expect(ms).toBeGreaterThanOrEqual(0), seen.push(phase)) });
    }
    expect(seen).toEqual(expected);
  });
});

describe('import reader: failures in worker mode', () => {
  const tmp = useTempDir();

  it('a failure while writing stops the worker and leaves the catalogue as it was', async () => {
    const db = catalogue(tmp());
    await importFiles(db, [writeCwr(tmp(), cwrName(1), { pb: QMP }, [{ type: 'NWR', works: [work('W0', 'FIRST')] }])], { reader: 'worker' });
    const before = dump(db);
    const works = Array.from({ length: BATCH_TRANSACTIONS * 3 }, (_, i) => work(`W${i + 1}`, `T ${i}`));
    const f = writeCwr(tmp(), cwrName(2), { pb: QMP }, [{ type: 'NWR', works }]);
    await expect(
      importFiles(db, [f], {
        reader: 'worker',
        afterTransaction: (k) => {
          if (k === BATCH_TRANSACTIONS + 3) throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(db.inTransaction).toBe(false);
    expect(dump(db)).toEqual(before);
    expect((await importFiles(db, [f], { reader: 'worker' })).works.inserted).toBe(works.length);
  });

  it.each(['inline', 'worker'] as const)('%s: an unknown encoding makes the file unreadable, nothing written', async (reader) => {
    const db = catalogue(tmp(), `${reader}.db`);
    const f = writeCwr(tmp(), cwrName(3), { pb: QMP }, [{ type: 'NWR', works: [work('W1', 'DALA')] }]);
    const s = await importFiles(db, [f], { reader, encoding: 'no-such-charset' });
    expect(s.files[0]?.status).toBe('unreadable');
    expect(s.files[0]?.error).toMatch(/no-such-charset/);
    expect(s.run).toBeNull();
    expect(db.prepare('SELECT COUNT(*) FROM works').pluck().get()).toBe(0);
  });
});
