/**
 * Demo step: reconcile the imported statements against the catalogue — match each line (society
 * work code, ISWC, ..., fuzzy title + writer), allocate to KazAK members in tenge at a demo rate,
 * and write the HTML report and CSV member statements into the working folder.
 */
import { join } from 'node:path';
import { openCatalogue } from '../../catalogue/db.js';
import { parseRate } from '../../reconcile/amounts.js';
import { formatMinor } from '../../reconcile/amounts.js';
import { sqlStatementSource } from '../../reconcile/statement-source.js';
import type { DemoStep } from '../demo.js';
import { ReconcileService, writeReports } from '../reconcile.js';

/** Illustrative rates for the demo only (1 unit of the statement currency in tenge). */
const DEMO_RATES: Readonly<Record<string, string>> = { GBP: 'GBP:KZT=655.40', EUR: 'EUR:KZT=560.25', USD: 'USD:KZT=515.10' };

export const reconcileStep: DemoStep = {
  name: 'Reconcile the statements against the catalogue (match, allocate to members, report)',
  async run(ctx) {
    const dbPath = (ctx.state.get('catalogue') as string | undefined) ?? join(ctx.work, 'cwrkit.db');
    const db = openCatalogue(dbPath);
    const details: Record<string, unknown> = {};
    try {
      const ids = db.prepare('SELECT id FROM statements ORDER BY id').pluck().all() as number[];
      const source = sqlStatementSource(db);
      const svc = new ReconcileService(db, source);
      for (const id of ids) {
        const header = source.header(id);
        if (!header) continue;
        const rateText = DEMO_RATES[header.currency];
        const o = svc.reconcile(id, { society: '177', localCurrency: 'KZT', rate: rateText ? parseRate(rateText) : null, received: null });
        const s = o.summary;
        const m = (v: bigint): string => formatMinor(v, s.scale);
        const methods = Object.entries(s.byMethod)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ');
        ctx.log(`  statement ${id} from ${header.fromSociety}: ${s.lines} lines, ${ctx.color.green(`${s.matched} matched`)} (${methods || 'none'}), ${s.review} to review, ${s.unmatched} unmatched, ${s.discrepancies} discrepancies`);
        ctx.log(`      ${m(s.total)} ${s.currency}: allocated ${m(s.allocated)}, unallocated ${m(s.unallocated)}${s.localTotal !== null && s.localScale !== null ? `; ${formatMinor(s.localAllocated ?? 0n, s.localScale)} KZT to ${s.members.length} member(s) at ${s.rate ?? ''}` : ''}`);
        const written = writeReports(db, id, { html: join(ctx.work, `reconcile-${id}.html`), csvDir: join(ctx.work, 'member-statements') });
        ctx.log(`      report ${written[0] ?? '-'}`);
        details[String(id)] = { lines: s.lines, matched: s.matched, review: s.review, unmatched: s.unmatched, allocated: m(s.allocated), unallocated: m(s.unallocated) };
      }
      return { step: 'reconcile', ok: ids.length > 0, details };
    } finally {
      db.close();
    }
  },
};
