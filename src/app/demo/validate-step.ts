/** Demo step: read and validate every bundled CWR sample. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoStep } from '../demo.js';
import { validateFiles } from '../validate-files.js';

export const validateStep: DemoStep = {
  name: 'Read and validate the bundled CWR registrations',
  async run(ctx) {
    const dir = join(ctx.samples, 'cwr');
    const files = readdirSync(dir).filter((f) => /\.(V2[12]|SUB|ACK\d?|ISR)$/i.test(f)).sort();
    const details: Record<string, unknown> = {};
    for (const f of files) {
      const db = ctx.state.get('db');
      const r = await validateFiles.one(join(dir, f), typeof db === 'string' ? { env: { CWRKIT_DB: db }, cwd: ctx.work } : {});
      const s = r.summary;
      const verdict = r.valid ? ctx.color.green('valid') : ctx.color.red('not valid');
      ctx.log(`  ${f.padEnd(32)} CWR ${r.info.version}  ${String(s.transactions).padStart(3)} transactions, ${s.accepted} accepted, ${s.rejected} rejected  ${verdict}`);
      for (const d of r.diagnostics.filter((x) => x.severity !== 'info').slice(0, 3)) {
        ctx.log(`      line ${d.line ?? '-'}: [${d.rule}] ${d.message}`);
      }
      details[f] = { version: r.info.version, valid: r.valid, transactions: s.transactions, accepted: s.accepted, rejected: s.rejected };
    }
    ctx.state.set('cwrFiles', files.map((f) => join(dir, f)));
    return { step: 'validate', ok: files.length > 0, details };
  },
};
