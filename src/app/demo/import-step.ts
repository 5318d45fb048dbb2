/**
 * Demo step: build the works catalogue from the bundled samples in the throwaway folder —
 * register the sample publisher as a local sender, import its registrations (NWR, REV, WRK),
 * then the PRS acknowledgement — and show what the import stored.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openCatalogue } from '../../catalogue/db.js';
import { SendersRepository } from '../../catalogue/repositories/senders.js';
import { SAMPLE_PUBLISHER } from './register-step.js';
import type { DemoStep } from '../demo.js';
import { importFiles } from '../import.js';


export const importStep: DemoStep = {
  name: 'Import the registrations and the acknowledgement into a works catalogue',
  async run(ctx) {
    const known = ctx.state.get('db');
    const path = typeof known === 'string' ? known : join(ctx.work, 'cwrkit.db');
    const db = openCatalogue(path);
    try {
      // The register step normally did this; the step also runs on its own.
      const senders = new SendersRepository(db);
      if (!senders.list().some((s) => s.code === SAMPLE_PUBLISHER.code)) senders.add({ ...SAMPLE_PUBLISHER, added_at: new Date().toISOString() });
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
