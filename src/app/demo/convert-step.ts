/** Demo step: convert a bundled 2.1 registration to CWR 3.0 and back, showing what cannot be carried. */
import { join } from 'node:path';
import type { DemoStep } from '../demo.js';
import { convertFile } from '../convert.js';

export const convertStep: DemoStep = {
  name: 'Convert a CWR 2.1 registration to CWR 3.0 and back',
  async run(ctx) {
    const input = join(ctx.samples, 'cwr', 'CW260001QMP_177.V21');
    const up = await convertFile(input, { to: '3.0', cwd: ctx.work });
    const down = await convertFile(up.output, { to: '2.1', cwd: ctx.work, output: 'CW260001QMP_177.back.V21' });
    const details: Record<string, unknown> = {};
    for (const r of [up, down]) {
      ctx.log(`  CWR ${r.from} -> ${r.to}: ${r.recordsRead} records read, ${r.recordsWritten} written, ${r.losses.length} item(s) not carried (${r.encoding})`);
      const byReason = new Map<string, number>();
      for (const l of r.losses) {
        const what = l.field ? `${l.record}.${l.field}` : l.record;
        byReason.set(what, (byReason.get(what) ?? 0) + 1);
      }
      for (const [what, n] of [...byReason].slice(0, 6)) ctx.log(`      ${what} x${n}`);
      details[`${r.from}->${r.to}`] = { records: r.recordsWritten, losses: r.losses.length };
    }
    return { step: 'convert', ok: up.recordsWritten > 0 && down.recordsWritten > 0, details };
  },
};
