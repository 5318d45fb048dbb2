/** Demo step: find a Kazakh work by its Cyrillic title, show it, and register the catalogue with
 * PRS (052) as a CWR 2.1 file that our own validator accepts. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openCatalogue, type Db } from '../../catalogue/db.js';
import { SendersRepository } from '../../catalogue/repositories/senders.js';
import type { DemoStep } from '../demo.js';
import { exportCwr } from '../export.js';
import { importFiles } from '../import.js';
import { validateFiles } from '../validate-files.js';
import { search, showWorks } from '../works.js';

/** The catalogue of the import step, or (when the demo runs without it) one filled here. */
async function catalogue(state: Map<string, unknown>, work: string, samples: string): Promise<Db> {
  const known = state.get('db');
  if (typeof known === 'string') return openCatalogue(known);
  const db = openCatalogue(join(work, 'export-demo.db'));
  new SendersRepository(db).add({ code: 'QMP', name: 'QAZAQ MUSIC PUBLISHING', ipi: '00712345669', added_at: new Date().toISOString() });
  await importFiles(db, ['CW260001QMP_177.V21', 'CW260002QMP_177.V22', 'CW260001052_177.V21'].map((f) => join(samples, 'cwr', f)), {});
  return db;
}

export const exportStep: DemoStep = {
  name: 'Search the catalogue and register its works with PRS (CWR 2.1 export)',
  async run(ctx) {
    const db = await catalogue(ctx.state, ctx.work, ctx.samples);
    try {
      const hits = search(db, 'Дала әні', { limit: 5 });
      for (const h of hits) ctx.log(`  search "Дала әні": #${h.id} ${h.title} (${h.iswc ?? 'no ISWC'}) matched by ${h.matched}`);
      const shown = hits[0] ? showWorks(db, `#${hits[0].id}`, new Date().toISOString().slice(0, 10))[0] : undefined;
      if (shown) ctx.log(`  show: ${shown.work.titles.length} other titles, ${shown.work.parties.length} parties, ${shown.registrations.length} registration(s), version ${shown.version}`);
      const outDir = join(ctx.work, 'outbox');
      mkdirSync(outDir, { recursive: true });
      const r = exportCwr(db, { version: '2.1', from: '177', fromName: 'KAZAK', to: '052', works: [], outDir, now: new Date(), softwareVersion: 'demo' });
      if (!r.path) return { step: 'export', ok: false, details: { reason: 'nothing exported' } };
      const v = await validateFiles.one(r.path, {});
      const verdict = v.valid ? ctx.color.green('valid') : ctx.color.red('not valid');
      ctx.log(`  ${r.file}: ${r.counts.NWR} NWR, ${r.counts.REV} REV, ${r.encoding}; cwrkit validate: ${verdict}`);
      for (const i of r.issues.slice(0, 3)) ctx.log(`      note: ${i.message}`);
      return { step: 'export', ok: hits.length > 0 && v.valid, details: { file: r.file, counts: r.counts, valid: v.valid } };
    } finally {
      db.close();
    }
  },
};
