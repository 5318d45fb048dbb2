/**
 * Demo step: create the throwaway catalogue and register the bundled samples' publisher as a
 * local submitter (what `cwrkit senders add QMP --ipi 00712345669` does), so its files are judged
 * on their content: 2.x files name it by IPI number, 3.x files by its code.
 */
import { join } from 'node:path';
import { openCatalogue } from '../../catalogue/db.js';
import { SendersRepository } from '../../catalogue/repositories/senders.js';
import type { DemoStep } from '../demo.js';

export const SAMPLE_PUBLISHER = { code: 'QMP', name: 'QAZAQ MUSIC PUBLISHING', ipi: '00712345669' } as const;

export const registerStep: DemoStep = {
  name: 'Create a catalogue and register the local publisher as a CWR sender',
  async run(ctx) {
    const path = join(ctx.work, 'cwrkit.db');
    const db = openCatalogue(path);
    try {
      new SendersRepository(db).add({ ...SAMPLE_PUBLISHER, added_at: new Date().toISOString() });
    } finally {
      db.close();
    }
    ctx.state.set('db', path);
    ctx.state.set('catalogue', path);
    ctx.log(`  catalogue ${ctx.color.dim(path)}`);
    ctx.log(`  sender ${SAMPLE_PUBLISHER.code} (${SAMPLE_PUBLISHER.name}, IPI ${SAMPLE_PUBLISHER.ipi})`);
    return { step: 'register', ok: true, details: { db: path, sender: SAMPLE_PUBLISHER.code } };
  },
};
