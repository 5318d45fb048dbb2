/** A real catalogue file in a temp folder, filled by the importer with the bundled samples. */
import { join } from 'node:path';
import { importFiles } from '../../../../src/app/import.js';
import { openCatalogue, type Db } from '../../../../src/catalogue/db.js';
import { SendersRepository } from '../../../../src/catalogue/repositories/senders.js';
import { SAMPLES } from '../../../helpers/paths.js';

export const SAMPLE_FILES = ['CW260001QMP_177.V21', 'CW260002QMP_177.V22', 'CW260005QMP_177.V21', 'CW260001052_177.V21'].map((f) => join(SAMPLES, 'cwr', f));

/** The publisher of the bundled samples, registered as a local sender so its files validate. */
export function addSampleSender(db: Db): void {
  new SendersRepository(db).add({ code: 'QMP', name: 'QAZAQ MUSIC PUBLISHING', ipi: '00712345669', added_at: '2026-11-20' });
}

export async function sampleCatalogue(dir: string, files: readonly string[] = SAMPLE_FILES): Promise<Db> {
  const db = openCatalogue(join(dir, 'cwrkit.db'));
  addSampleSender(db);
  const r = await importFiles(db, files, {});
  if (r.works.inserted === 0) throw new Error(`sample import inserted nothing: ${JSON.stringify(r.transactions)}`);
  return db;
}
