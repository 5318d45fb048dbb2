/**
 * Demo step: the money side. Import the bundled statements (a CRD from PRS 052, a CSV from GEMA
 * 035, both paying KazAK members), distribute a local amount by usage, and export what GEMA's
 * members earned as CRD and CSV.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openCatalogue } from '../../catalogue/db.js';
import { SendersRepository } from '../../catalogue/repositories/senders.js';
import { formatForCurrency, formatUnits } from '../../domain/money.js';
import type { DemoStep } from '../demo.js';
import { distribute, exportDistribution } from '../distribute.js';
import { importFiles } from '../import.js';
import { importStatement } from '../statements.js';

const STATEMENTS: readonly { file: string; from: string }[] = [
  { file: 'CD260001052_177.CRD', from: '052' },
  { file: 'gema-2026q2.csv', from: '035' },
];

export const statementStep: DemoStep = {
  name: 'Statements in, local distribution, statement out (CRD, CSV)',
  async run(ctx) {
    const dbPath = (ctx.state.get('catalogue') as string | undefined) ?? join(ctx.work, 'cwrkit.db');
    const db = openCatalogue(dbPath);
    const details: Record<string, unknown> = {};
    try {
      // The distribution needs works: use the catalogue an earlier step filled, else fill it here.
      if (Number(db.prepare('SELECT COUNT(*) FROM works').pluck().get()) === 0) {
        new SendersRepository(db).add({ code: 'QMP', name: 'QAZAQ MUSIC PUBLISHING', ipi: '00712345669', added_at: new Date().toISOString() });
        const cwr = readdirSync(join(ctx.samples, 'cwr')).sort().map((f) => join(ctx.samples, 'cwr', f));
        const s = await importFiles(db, cwr, {});
        ctx.log(`  catalogue: ${s.works.inserted} works from ${cwr.length} CWR samples`);
      }
      let ok = true;
      for (const st of STATEMENTS) {
        const r = await importStatement(db, join(ctx.samples, 'statements', st.file), { from: st.from });
        const totals = [...r.totals].map(([c, v]) => `${formatForCurrency({ minor: v, scale: r.scale, currency: c })} ${c}`).join(', ');
        const verdict = r.status === 'invalid' ? ctx.color.red('not imported') : ctx.color.green(`statement ${r.id}`);
        ctx.log(`  ${st.file.padEnd(24)} from ${st.from}: ${String(r.lines).padStart(3)} lines, ${totals.padEnd(14)} ${verdict}`);
        for (const d of r.diagnostics.filter((x) => x.severity !== 'info').slice(0, 3)) ctx.log(`      line ${d.line ?? '-'}: [${d.rule}] ${d.message}`);
        details[st.file] = { status: r.status, id: r.id, lines: r.lines };
        ok &&= r.status !== 'invalid';
      }
      const usage = join(ctx.samples, 'statements', 'usage-2026q3.csv');
      const d = await distribute(db, { usagePath: usage, amount: '1000000.00', currency: 'KZT', right: 'PR', period: '2026Q3', society: '177' });
      if (d.id === null) {
        ctx.log(ctx.color.red(`  distribution failed: ${d.diagnostics.map((x) => x.message).join('; ')}`));
        return { step: 'statements', ok: false, details };
      }
      const fmt = (v: bigint): string => formatUnits(v, d.scale);
      ctx.log(`  distribution ${d.id}: ${fmt(d.amount)} KZT over ${d.works.length} works; paid ${fmt(d.allocated)}, held ${fmt(d.unallocated)} (${d.unmatched.length} usage line(s) unmatched)`);
      const exported: string[] = [];
      for (const format of ['crd', 'csv'] as const) {
        const e = exportDistribution(db, { distribution: d.id, to: '035', format, dir: ctx.work });
        ctx.log(`  -> ${basename(e.path).padEnd(24)} ${e.lines} lines, ${formatForCurrency({ minor: e.total, scale: e.scale, currency: e.currency })} ${e.currency} for GEMA members`);
        exported.push(e.path);
      }
      details['distribution'] = { id: d.id, amount: fmt(d.amount), allocated: fmt(d.allocated), unallocated: fmt(d.unallocated), exported: exported.map((p) => basename(p)) };
      ctx.state.set('distribution', d.id);
      return { step: 'statements', ok, details };
    } finally {
      db.close();
    }
  },
};
