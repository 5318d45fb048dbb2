/**
 * Demo step: build the works catalogue from the bundled samples in the throwaway folder —
 * register the sample publisher as a local sender, import its registrations (NWR, REV, WRK),
 * then the PRS acknowledgement — and show what the import stored.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openCatalogue } from '../../catalogue/db.js';
import { SendersRepository } from '../../catalogue/repositories/senders.js';
import type { DemoStep } from '../demo.js';
import { importFiles } from '../import.js';

/** The bundled samples' publisher: its 2.x sender id and its 3.x sender code. */
const SAMPLE_SENDERS = [
  { code: '712345669', name: 'QAZAQ MUSIC PUBLISHING', ipi: '00712345669' },
  { code: 'QMP', name: 'QAZAQ MUSIC PUBLISHING', ipi: '00712345669' },
];

export const importStep: DemoStep = {
  name: 'Import the registrations and the acknowledgement into a works catalogue',
  async run(ctx) {
    const path = join(ctx.work, 'cwrkit.db');
    const db = openCatalogue(path);
    try {
      const senders = new SendersRepository(db);
      for (const s of SAMPLE_SENDERS) senders.add({ ...s, added_at: new Date().toISOString() });
      const dir = join(ctx.samples, 'cwr');
      const all = readdirSync(dir).filter((f) => /\.(V2[12]|SUB)$/i.test(f)).sort();
      // Registrations first, acknowledgements (from a society: not our sender) last.
      const isAck = (f: string): boolean => !/QMP/.test(f);
      const files = [...all.filter((f) => !isAck(f)), ...all.filter(isAck)];
      const s = await importFiles(db, files.map((f) => join(dir, f)));
      for (const f of s.files) {
        const name = f.path.slice(dir.length + 1);
        const t = f.transactions;
        const verdict = f.status === 'imported' ? ctx.color.green('imported') : ctx.color.red(f.status);
        ctx.log(`  ${name.padEnd(32)} ${verdict}  ${t.accepted}/${t.total} transactions accepted; works +${f.works.inserted} ~${f.works.updated}${f.acks.received > 0 ? `; ACKs ${f.acks.matched} matched` : ''}`);
      }
      const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
      ctx.log(
        `  catalogue (run ${s.run ?? '-'}): ${count('SELECT COUNT(*) FROM works')} works, ${count('SELECT COUNT(*) FROM parties')} parties, ` +
          `${count("SELECT COUNT(*) FROM titles WHERE non_roman = 1")} titles in Cyrillic, ${count("SELECT COUNT(*) FROM work_identifiers WHERE kind = 'society'")} society work numbers, ` +
          `${s.conflicts} conflicts`,
      );
      ctx.state.set('db', path);
      ctx.state.set('catalogue', path);
      return {
        step: 'import',
        ok: s.run !== null && s.works.inserted > 0,
        details: { run: s.run, works: s.works, transactions: s.transactions, acks: s.acks, conflicts: s.conflicts },
      };
    } finally {
      db.close();
    }
  },
};
