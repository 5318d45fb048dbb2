#!/usr/bin/env node
/**
 * What storing reconciliation results costs in SQLite before any matching is done: the floor
 * under issue 6's "200,000 lines by identifiers at 220,000 lines/s, storage included" (0.91 s).
 * Runs against dist/ (`npm run build` first) on a catalogue and statement that bench/reconcile.mjs
 * builds (same seed), then times, each alone and in SQL only (no JavaScript per line):
 *   read     every statement line into JavaScript (the columns reconciliation reads);
 *   match    each line's work by ISWC (one index lookup per line, nothing stored);
 *   store    one result row per line and one allocation row per line (INSERT ... SELECT), committed;
 *   copy     the same rows with the work looked up by ISWC in the same statement;
 *   minimal  the least a reconciliation that stores what issue 6 asks can do, each step in its
 *            cheapest form: the work by ISWC and its member's registered share, a result row per
 *            line, an allocation row per member paid, repeated lines (lines sharing ISWC and
 *            amount), the total per member and per status, committed. No territories, collection
 *            shares, affiliations, review decisions, named parties, claim candidates or share
 *            checks: what it costs is a lower bound for the real thing.
 *
 *   node bench/reconcile-floor.mjs [--works 200000] [--lines 200000] [--repeat 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const works = Number(opt('--works', '200000'));
const lines = Number(opt('--lines', '200000'));
const repeat = Number(opt('--repeat', '3'));

const DIST = new URL('../dist/', import.meta.url);
const { openCatalogue } = await import(new URL('catalogue/db.js', DIST));

// The catalogue and statement of bench/reconcile.mjs (kept with --keep; its directory is printed last).
const dir = mkdtempSync(join(tmpdir(), 'cwrkit-bench-floor-'));
const script = new URL('reconcile.mjs', import.meta.url).pathname;
execFileSync(process.execPath, [script, '--works', String(works), '--lines', String(lines), '--ids-only', '--keep', '--json'], { env: { ...process.env, TMPDIR: dir }, stdio: ['ignore', 'ignore', 'inherit'] });
const [sub] = execFileSync('ls', [dir]).toString().trim().split('\n');
const file = join(dir, sub, 'bench.db');

const db = openCatalogue(file);
db.pragma('cache_size = -65536');
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
function time(label, fn) {
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    db.exec('DELETE FROM reconciliations');
    const w = performance.now();
    const c = cpu();
    const n = fn();
    runs.push({ wall: (performance.now() - w) / 1000, cpu: cpu() - c, n });
  }
  const best = runs.reduce((a, b) => (b.cpu < a.cpu ? b : a));
  best.index = runs.indexOf(best);
  console.log(`${label.padEnd(8)} ${best.wall.toFixed(2)} s wall, ${best.cpu.toFixed(2)} CPU s (best of ${repeat}; ${best.n} rows)`);
  return best;
}
const [lo, hi] = db.prepare('SELECT MIN(id), MAX(id) FROM statement_lines WHERE statement_id = 1').raw().get();
const header = () =>
  db
    .prepare(
      `INSERT INTO reconciliations (id, statement_id, society, from_society, currency, scale, total, charges, allocated, unallocated, lines, matched, review, unmatched, discrepancies, claims, summary, created_at)
       VALUES (1, 1, '177', '052', 'EUR', 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '{}', 'x')`,
    )
    .run();
const LINE = `INSERT INTO reconciliation_lines (id, reconciliation_id, statement_line_id, line_ref, decision_key, status, method, confidence, match_key, work_id, party_id,
  party_method, right, territory, share_paid, share_registered, amount, net, local, unallocated, local_unallocated, reason, candidates)`;

time('read', () => {
  let n = 0;
  for (const _row of db.prepare('SELECT id, line_ref, society_work_code, iswc, title, writers, ipi_name_number, party_name, right, territory, share, amount, usage_start, usage_end FROM statement_lines WHERE id BETWEEN ? AND ?').raw().safeIntegers().iterate(lo, hi)) n++;
  return n;
});
time('match', () => db.prepare('SELECT COUNT(w.id) FROM statement_lines sl JOIN works w ON w.iswc = sl.iswc WHERE sl.id BETWEEN ? AND ?').pluck().get(lo, hi));
time('store', () =>
  db.transaction(() => {
    header();
    db.prepare(`${LINE} SELECT id, 1, id, line_ref, NULL, 'matched', 'iswc', 1.0, iswc, 1, NULL, NULL, right, territory, share, 5000, amount, amount, NULL, 0, NULL, NULL, NULL FROM statement_lines WHERE id BETWEEN ? AND ?`).run(lo, hi);
    return db.prepare('INSERT INTO reconciliation_allocations (line_id, party_id, weight, amount, local) SELECT id, 1, 5000, amount, NULL FROM statement_lines WHERE id BETWEEN ? AND ?').run(lo, hi).changes;
  }).immediate(),
);
time('copy', () =>
  db.transaction(() => {
    header();
    db.prepare(`${LINE} SELECT sl.id, 1, sl.id, sl.line_ref, NULL, 'matched', 'iswc', 1.0, sl.iswc, w.id, NULL, NULL, sl.right, sl.territory, sl.share, 5000, sl.amount, sl.amount, NULL, 0, NULL, NULL, NULL
       FROM statement_lines sl JOIN works w ON w.iswc = sl.iswc WHERE sl.id BETWEEN ? AND ?`).run(lo, hi);
    return db.prepare('INSERT INTO reconciliation_allocations (line_id, party_id, weight, amount, local) SELECT id, 1, 5000, amount, NULL FROM statement_lines WHERE id BETWEEN ? AND ?').run(lo, hi).changes;
  }).immediate(),
);
const phases = [];
const minimal = time('minimal', () =>
  db.transaction(() => {
    const mine = {};
    phases.push(mine);
    const step = (name, fn) => {
      const t = performance.now();
      fn();
      mine[name] = performance.now() - t;
    };
    header();
    step('lines', () =>
      db.prepare(`${LINE} SELECT sl.id, 1, sl.id, sl.line_ref, NULL, 'matched', 'iswc', 1.0, sl.iswc, w.id, NULL, NULL, sl.right, sl.territory, sl.share, wp.pr_share, sl.amount, sl.amount, NULL, 0, NULL, NULL, NULL
         FROM statement_lines sl JOIN works w ON w.iswc = sl.iswc LEFT JOIN work_parties wp ON wp.work_id = w.id AND wp.pr_society = '177' WHERE sl.id BETWEEN ? AND ?`).run(lo, hi),
    );
    step('allocations', () =>
      db.prepare(`INSERT INTO reconciliation_allocations (line_id, party_id, weight, amount, local)
         SELECT rl.id, wp.party_id, wp.pr_share, rl.net, NULL FROM reconciliation_lines rl JOIN work_parties wp ON wp.work_id = rl.work_id AND wp.pr_society = '177' WHERE rl.id BETWEEN ? AND ?`).run(lo, hi),
    );
    step('duplicates', () => db.prepare(`SELECT coalesce(iswc, ''), amount FROM statement_lines WHERE id BETWEEN ? AND ? GROUP BY 1, 2 HAVING count(*) > 1`).all(lo, hi));
    step('totals', () => {
      db.prepare('SELECT status, method, reason, count(*), sum(net), sum(unallocated) FROM reconciliation_lines WHERE id BETWEEN ? AND ? GROUP BY 1, 2, 3').all(lo, hi);
      db.prepare('SELECT party_id, sum(amount), count(*) FROM reconciliation_allocations WHERE line_id BETWEEN ? AND ? GROUP BY party_id').all(lo, hi);
    });
    return db.prepare('SELECT count(*) FROM reconciliation_allocations').pluck().get();
  }).immediate(),
);
const split = phases[minimal.index];
console.log(`         of which (ms): ${Object.entries(split).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}, commit and the rest ${(minimal.wall * 1000 - Object.values(split).reduce((a, b) => a + b, 0)).toFixed(0)}`);
db.close();
rmSync(dir, { recursive: true, force: true });
console.log(`budget at 220,000 lines/s: ${(lines / 220000).toFixed(2)} s for ${lines} lines`);
