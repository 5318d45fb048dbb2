#!/usr/bin/env node
/**
 * Fuzzy-step benchmark (runs against dist/ of this tree: build first).
 *
 *   node bench/fuzzy.mjs DB [--limit N]
 *
 * DB: a catalogue kept by `node bench/reconcile.mjs ... --keep` (its bench.db). Times, on their
 * own, the two costs of fuzzy reconciliation: building the fuzzy index (CatalogueIndex, first fuzzy
 * lookup) and matching the statement lines that have no identifier (matchLine). Prints wall and CPU
 * seconds of each, peak RSS, and a SHA-256 (first 16 hex digits) of every match result in line
 * order, so two builds can be shown to match identically.
 */
import { createHash } from 'node:crypto';

const DIST = new URL('../dist/', import.meta.url);
const { openCatalogue } = await import(new URL('catalogue/db.js', DIST));
const { CatalogueIndex } = await import(new URL('reconcile/catalogue-index.js', DIST));
const { matchLine, DEFAULT_MATCH_OPTIONS, NO_DECISIONS } = await import(new URL('reconcile/match.js', DIST));

const args = process.argv.slice(2);
const file = args[0];
if (!file) {
  console.error('usage: node bench/fuzzy.mjs DB [--limit N]');
  process.exit(2);
}
const li = args.indexOf('--limit');
const limit = li >= 0 ? Number(args[li + 1]) : 1e12;

const db = openCatalogue(file);
const rows = db
  .prepare("SELECT id, title, writers FROM statement_lines WHERE iswc IS NULL AND society_work_code IS NULL ORDER BY id LIMIT ?")
  .raw()
  .all(limit);
const lines = rows.map(([id, title, writers]) => ({
  id, ref: null, workCode: null, iswc: null, submitterWorkNumber: null, isrc: null, title,
  writers: writers ? writers.split(';').map((w) => w.trim()).filter((w) => w !== '') : [],
  ipiName: null, ipiBase: null, partyName: null, right: 'PR', territory: null, share: null, amount: 1n, period: null,
}));

const secs = (t, c) => {
  const u = process.cpuUsage(c);
  return { wall: +((performance.now() - t) / 1000).toFixed(2), cpu: +((u.user + u.system) / 1e6).toFixed(2) };
};

const index = new CatalogueIndex(db);
let t = performance.now();
let c = process.cpuUsage();
index.byTitleToken('X');
const build = secs(t, c);

const ctx = { index, fromSociety: '052', decisions: NO_DECISIONS, options: DEFAULT_MATCH_OPTIONS };
const h = createHash('sha256');
const counts = { matched: 0, review: 0, unmatched: 0 };
t = performance.now();
c = process.cpuUsage();
for (const line of lines) {
  const r = matchLine(line, ctx);
  counts[r.status]++;
  h.update(JSON.stringify(r));
  h.update('\n');
}
const match = secs(t, c);
const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(
  `fuzzy: ${lines.length} lines vs ${index.size} works; index build ${build.wall}s (CPU ${build.cpu}s); matching ${match.wall}s (CPU ${match.cpu}s); ` +
    `matched ${counts.matched}, review ${counts.review}, unmatched ${counts.unmatched}; peak RSS ${peakRssMB} MB; heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB; results ${h.digest('hex').slice(0, 16)}`,
);
db.close();
