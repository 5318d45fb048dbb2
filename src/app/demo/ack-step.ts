/** Demo step: acknowledge every bundled publisher submission, as the society would, and show the
 * statuses (after the import, so accepted works carry the society's work numbers). */
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { acknowledgeFile } from '../ack.js';
import type { DemoStep } from '../demo.js';

/** Submissions from publishers (CWyynnnnABC_...): ACK files received from societies are not answered. */
const SUBMISSION = /^CW[0-9]{6}[A-Z][A-Z0-9]{1,3}_[A-Z0-9]{2,4}(\.V2[12]|_V3-[01]-[0-9]+\.SUB)$/i;

export const ackStep: DemoStep = {
  name: 'Acknowledge the submissions (ACK files back to the publishers)',
  async run(ctx) {
    const fromState = ctx.state.get('cwrFiles');
    const all = Array.isArray(fromState) ? fromState.filter((f): f is string => typeof f === 'string') : readdirSync(join(ctx.samples, 'cwr')).map((f) => join(ctx.samples, 'cwr', f));
    const files = all.filter((f) => SUBMISSION.test(basename(f))).sort();
    const outDir = join(ctx.work, 'ack');
    mkdirSync(outDir, { recursive: true });
    const details: Record<string, unknown> = {};
    const outputs: string[] = [];
    for (const f of files) {
      // After the import step the catalogue knows the works: accepted ones are answered AS with
      // the society's work number, conflicts CO/DU; its registered senders count as known.
      const db = ctx.state.get('db');
      const r = await acknowledgeFile(f, { outDir, cwd: ctx.work, ...(typeof db === 'string' ? { db, env: { CWRKIT_DB: db } } : {}) });
      const t = r.transactions;
      const statuses = (['AS', 'AC', 'RA', 'RJ', 'CO', 'DU'] as const).filter((s) => t[s] > 0).map((s) => `${t[s]} ${s}`).join(', ');
      const verdict = r.fileRejected ? ctx.color.red('file rejected') : t.RJ > 0 ? ctx.color.yellow('some rejected') : ctx.color.green('accepted');
      ctx.log(`  ${basename(f).padEnd(30)} -> ${basename(r.output).padEnd(30)} ${statuses || 'no transactions'}  ${verdict}`);
      details[basename(f)] = { ack: basename(r.output), version: r.version, fileRejected: r.fileRejected, transactions: t };
      outputs.push(r.output);
    }
    ctx.state.set('ackFiles', outputs);
    return { step: 'ack', ok: files.length > 0, details };
  },
};
