/**
 * Round trip through the catalogue: import a valid CWR file, export it in the same version, import
 * the export into a fresh catalogue: every work carries the same data (compared as Work models,
 * ignoring record order, who submitted, and export dates).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportCwr } from '../../../src/app/export.js';
import { importFiles } from '../../../src/app/import.js';
import { openCatalogue, type Db } from '../../../src/catalogue/db.js';
import { loadWork } from '../../../src/catalogue/queries/load-work.js';
import type { Work } from '../../../src/domain/work.js';
import type { CwrVersion } from '../../../src/formats/cwr/versions.js';
import { SAMPLES } from '../../helpers/paths.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { sampleCatalogue } from './queries/setup.js';
import { comparable } from './queries/work-compare.js';

function allWorks(db: Db): Map<string, Work> {
  const out = new Map<string, Work>();
  for (const { id } of db.prepare('SELECT id FROM works ORDER BY id').all() as { id: number }[]) {
    const w = loadWork(db, id);
    if (w) out.set(w.submitterWorkNumber, w);
  }
  return out;
}

describe('catalogue round trip: import, export, import again', () => {
  const tmp = useTempDir();
  const open: Db[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  async function exportAndReimport(source: Db, version: CwrVersion, name: string): Promise<{ db: Db; issues: number }> {
    const dir = join(tmp(), name);
    mkdirSync(dir);
    const r = exportCwr(source, { version, from: '177', fromName: 'KAZAK', to: '052', works: [], outDir: dir, now: new Date('2026-11-28T12:00:00Z'), softwareVersion: '0.1.0' });
    expect(r.counts.heldBack).toBe(0);
    const db = openCatalogue(join(dir, 'copy.db'));
    open.push(db);
    const imported = await importFiles(db, [join(dir, r.file ?? '')], {});
    expect(imported.transactions.rejected).toBe(0);
    expect(imported.works.inserted).toBe(r.works.length);
    return { db, issues: r.issues.length };
  }

  it.each([
    ['2.1', 'CW260001QMP_177.V21'],
    ['2.2', 'CW260002QMP_177.V22'],
  ] as const)('CWR %s: %s exported in the same version carries the same works', async (version, sample) => {
    const source = await sampleCatalogue(tmp(), [join(SAMPLES, 'cwr', sample)]);
    open.push(source);
    const { db: copy, issues } = await exportAndReimport(source, version, `v${version}`);
    expect(issues).toBe(0);
    const before = allWorks(source);
    const after = allWorks(copy);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [swn, w] of before) expect(comparable(after.get(swn) as Work), swn).toEqual(comparable(w));
  });

  it('the whole sample catalogue (NWR, REV, ACK numbers, XRF) survives a 2.2 export', async () => {
    const source = await sampleCatalogue(tmp());
    open.push(source);
    const { db: copy } = await exportAndReimport(source, '2.2', 'all');
    const before = allWorks(source);
    const after = allWorks(copy);
    // Society work numbers learnt from ACKs are not registration data: they stay with us. Works
    // first sent in 2.1 gain the PWR publisher sequence 2.2 requires (the publisher's chain).
    const chainOf = (w: Work, ip: string): number | null => w.parties.find((p) => p.party.kind === 'publisher' && p.party.ipNumber === ip)?.chain ?? null;
    const strip = (w: Work): unknown =>
      comparable({
        ...w,
        societyWorkNumbers: w.societyWorkNumbers.filter((s) => s.society === '177'),
        links: w.links.map((l) => ({ ...l, chain: l.chain ?? chainOf(w, l.publisherIpNumber) })),
      });
    for (const [swn, w] of before) expect(strip(after.get(swn) as Work), swn).toEqual(strip(w));
  });

  it.each(['3.0', '3.1'] as const)('CWR %s: originals are reported, and a second round trip changes nothing', async (version) => {
    const source = await sampleCatalogue(tmp(), [join(SAMPLES, 'cwr', 'CW260001QMP_177.V21')]);
    open.push(source);
    const first = await exportAndReimport(source, version, `a${version}`);
    expect(first.issues).toBeGreaterThan(0);
    const second = await exportAndReimport(first.db, version, `b${version}`);
    expect(second.issues).toBe(0);
    const a = allWorks(first.db);
    const b = allWorks(second.db);
    for (const [swn, w] of a) expect(comparable(b.get(swn) as Work), swn).toEqual(comparable(w));
    // Titles, shares and identifiers made it through 3.x unchanged.
    const original = allWorks(source).get('QMP-0001');
    const v3 = a.get('QMP-0001');
    expect(v3?.title).toBe(original?.title);
    expect(v3?.iswc).toBe(original?.iswc);
    expect(v3?.parties.map((p) => p.collection)).toEqual(original?.parties.map((p) => p.collection));
  });
});
