#!/usr/bin/env node
/**
 * Reconciliation benchmark (runs against dist/: `npm run build` first).
 *
 *   node bench/reconcile.mjs [--works N] [--lines N] [--fuzzy 0.1] [--ids-only] [--per-party] [--engine sql|js] [--json] [--keep] [--digest]
 *
 * Builds a synthetic catalogue of N works (2 writers each, one a KazAK member; titles from a
 * syllable generator, so title words are varied) and a statement of L lines straight into a real
 * SQLite file, then times `ReconcileService.reconcile` — index load, matching, allocation and
 * storing every line result — and reports lines/s and peak RSS. A share `--fuzzy` of the lines
 * has no identifier: a misspelt title plus a writer name, matched by fuzzy title + writer.
 * Wall time depends on what else runs on the machine: CPU seconds of the reconcile phase are
 * reported too (run with --expose-gc for exact heap figures).
 * --digest adds a SHA-256 (first 16 hex digits) of everything stored — every line result,
 * allocation, finding and the totals, in statement line order — read after the timed phase, so two
 * builds can be shown to give the same results on the same (seeded) data.
 * --per-party: each identifier line names one of the work's two writers by IPI name number, with
 * a share paid (one line per interested party, as CRD statements pay), instead of paying the work.
 * Default: the two runs of issue 6 — 1,000,000 lines (10% fuzzy) against 1,000,000 works, and
 * 200,000 lines matched by identifiers (the reference peer does ~22,000 lines/s).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIST = new URL('../dist/', import.meta.url);
const { openCatalogue } = await import(new URL('catalogue/db.js', DIST));
const { ReconcileService } = await import(new URL('app/reconcile.js', DIST));
const { sqlStatementSource } = await import(new URL('reconcile/statement-source.js', DIST));
const { iswcCheckDigit, ipiNameCheckDigits } = await import(new URL('domain/identifiers.js', DIST));

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const json = args.includes('--json');
const keep = args.includes('--keep');
const digest = args.includes('--digest');
const perParty = args.includes('--per-party');
/** 'js': the reconciler alone, line by line (the reference the SQL path is compared with). */
const engine = opt('--engine', 'sql');

/** SHA-256 of the stored results, independent of row ids (lines by statement line). */
function resultDigest(db) {
  const h = createHash('sha256');
  const queries = [
    `SELECT statement_line_id, line_ref, decision_key, status, method, confidence, match_key, work_id, party_id, party_method, right, territory,
            share_paid, share_registered, amount, net, local, unallocated, local_unallocated, reason, candidates
     FROM reconciliation_lines ORDER BY statement_line_id`,
    `SELECT l.statement_line_id, a.party_id, a.weight, a.amount, a.local FROM reconciliation_allocations a JOIN reconciliation_lines l ON l.id = a.line_id
     ORDER BY l.statement_line_id, a.party_id`,
    `SELECT f.kind, l.statement_line_id, f.work_id, f.party_id, f.detail FROM reconciliation_findings f LEFT JOIN reconciliation_lines l ON l.id = f.line_id ORDER BY f.id`,
    `SELECT total, declared_total, charges, allocated, unallocated, local_total, local_allocated, local_unallocated, lines, matched, review, unmatched,
            discrepancies, claims, summary FROM reconciliations`,
  ];
  for (const q of queries) {
    for (const row of db.prepare(q).raw().safeIntegers().iterate()) h.update(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
    h.update('\n');
  }
  return h.digest('hex').slice(0, 16);
}

let seed = 12345;
/** mulberry32: deterministic, no period problems at a few million draws. */
const rnd = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];
const SYL = ['ka', 'ra', 'tor', 'gai', 'da', 'la', 'al', 'ma', 'ty', 'kok', 'tem', 'zhel', 'tu', 'man', 'san', 'ar', 'ka', 'ly', 'bek', 'nur', 'ai', 'gul', 'sha', 'mir', 'zan', 'ko', 'be', 'ri', 'es', 'ton', 'vel', 'qu', 'pa', 'lo', 'ne', 'vi', 'ser', 'om', 'ud', 'fi'];
const word = () => {
  let w = '';
  const n = 2 + Math.floor(rnd() * 2);
  for (let i = 0; i < n; i++) w += pick(SYL);
  return w;
};
const title = () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, word).join(' ').toUpperCase();
const iswc = (k) => {
  const nine = String(k).padStart(9, '0');
  return `T${nine}${iswcCheckDigit(nine)}`;
};
const ipi = (k) => {
  const nine = String(k).padStart(9, '0');
  return nine + ipiNameCheckDigits(nine);
};
const typo = (t) => {
  const i = 1 + Math.floor(rnd() * (t.length - 2));
  return t[i] === ' ' ? t : t.slice(0, i) + t.slice(i + 1);
};

function buildCatalogue(db, works) {
  const writers = Math.max(1000, Math.floor(works / 20));
  const names = Array.from({ length: writers }, () => ({ last: word().toUpperCase(), first: word().toUpperCase() }));
  const now = new Date().toISOString();
  const titles = new Array(works);
  db.transaction(() => {
    db.prepare("INSERT INTO runs (id, command, started_at) VALUES (1, 'import', ?)").run(now);
    const party = db.prepare("INSERT INTO parties (id, key, kind, ipi_name_number, submitter, ip_number, name, first_name, name_key, created_run) VALUES (?, ?, 'writer', ?, 'BEN', ?, ?, ?, '', 1)");
    names.forEach((n, i) => party.run(i + 1, `ipi:${ipi(i + 1)}`, ipi(i + 1), `W${i + 1}`, n.last, n.first));
    const work = db.prepare("INSERT INTO works (id, submitter, submitter_work_number, title, title_key, writer_key, iswc, snapshot_hash, created_run, updated_run) VALUES (?, 'BEN', ?, ?, '', '', ?, 'x', 1, 1)");
    const wp = db.prepare("INSERT INTO work_parties (work_id, position, party_id, kind, ip_number, role, controlled, pr_society, mr_society, pr_share, mr_share) VALUES (?, ?, ?, 'writer', ?, 'CA', 1, ?, ?, ?, ?)");
    for (let id = 1; id <= works; id++) {
      const t = title();
      titles[id] = t;
      work.run(id, `BEN${id}`, t, iswc(id));
      const a = 1 + Math.floor(rnd() * writers);
      let b = 1 + Math.floor(rnd() * writers);
      if (b === a) b = (a % writers) + 1;
      wp.run(id, 1, a, `W${a}`, '177', '177', 5000, 5000);
      wp.run(id, 2, b, `W${b}`, '052', '052', 5000, 5000);
    }
  })();
  return { titles, names, writerOf: (id) => db.prepare('SELECT party_id FROM work_parties WHERE work_id = ? AND position = 1').pluck().get(id) };
}

function buildStatement(db, id, cat, works, lines, fuzzy) {
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare("INSERT INTO statements (id, content_hash, from_society, format, file_name, currency, scale, lines, imported_at) VALUES (?, ?, '052', 'csv', 'bench.csv', 'EUR', 2, ?, ?)").run(id, `bench-${id}`, lines, now);
    const ins = db.prepare("INSERT INTO statement_lines (statement_id, n, line_ref, society_work_code, iswc, title, writers, ipi_name_number, share, right, territory, amount, currency, source_line) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, 'PR', '0398', ?, 'EUR', ?)");
    const writerIpi = db.prepare('SELECT p.ipi_name_number FROM work_parties wp JOIN parties p ON p.id = wp.party_id WHERE wp.work_id = ? AND wp.position = ?').pluck();
    const writerName = db.prepare('SELECT p.first_name, p.name FROM work_parties wp JOIN parties p ON p.id = wp.party_id WHERE wp.work_id = ? AND wp.position = 1');
    for (let n = 1; n <= lines; n++) {
      const w = 1 + Math.floor(rnd() * works);
      const amount = BigInt(1 + Math.floor(rnd() * 100000));
      if (rnd() < fuzzy) {
        const p = writerName.get(w);
        ins.run(id, n, `L${n}`, null, typo(cat.titles[w]), `${p.first_name} ${p.name}`, null, null, amount, n);
      } else {
        ins.run(id, n, `L${n}`, iswc(w), null, null, perParty ? writerIpi.get(w, 1 + Math.floor(rnd() * 2)) : null, perParty ? 5000 : null, amount, n);
      }
    }
  })();
}

function mb(bytes) {
  return Math.round(bytes / 1024 / 1024);
}

function run(label, works, lines, fuzzy) {
  const dir = mkdtempSync(join(tmpdir(), 'cwrkit-bench-reconcile-'));
  const file = join(dir, 'bench.db');
  try {
    const db = openCatalogue(file);
    let t = performance.now();
    const cat = buildCatalogue(db, works);
    buildStatement(db, 1, cat, works, lines, fuzzy);
    const setup = (performance.now() - t) / 1000;
    globalThis.gc?.();
    const heapBefore = process.memoryUsage();
    t = performance.now();
    const cpu0 = process.cpuUsage();
    const svc = new ReconcileService(db, sqlStatementSource(db));
    svc.matchIndex();
    const indexSeconds = (performance.now() - t) / 1000;
    const o = svc.reconcile(1, { society: '177', localCurrency: 'KZT', rate: null, received: null, engine });
    const seconds = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const heapAfter = process.memoryUsage();
    const s = o.summary;
    const stored = db.prepare('SELECT COUNT(*) FROM reconciliation_lines').pluck().get();
    const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
    const resultSha = digest ? resultDigest(db) : null;
    db.close();
    return {
      label,
      works,
      lines,
      fuzzy,
      setupSeconds: +setup.toFixed(1),
      indexSeconds: +indexSeconds.toFixed(1),
      seconds: +seconds.toFixed(1),
      linesPerSecond: Math.round(lines / seconds),
      cpuSeconds: +cpuSeconds.toFixed(1),
      linesPerCpuSecond: Math.round(lines / cpuSeconds),
      heapBeforeMB: mb(heapBefore.heapUsed),
      heapAfterMB: mb(heapAfter.heapUsed),
      rssBeforeMB: mb(heapBefore.rss),
      bySql: o.bySql ?? 0,
      matched: s.matched,
      byMethod: s.byMethod,
      review: s.review,
      unmatched: s.unmatched,
      exact: s.allocated + s.unallocated === s.total,
      stored,
      dbMB: mb(statSync(file).size),
      peakRssMB,
      ...(resultSha ? { digest: resultSha } : {}),
    };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
if (args.includes('--works') || args.includes('--lines')) {
  results.push(run('custom', Number(opt('--works', '100000')), Number(opt('--lines', '100000')), args.includes('--ids-only') ? 0 : Number(opt('--fuzzy', '0.1'))));
} else {
  results.push(run('identifiers', 200_000, 200_000, 0));
  results.push(run('1M x 1M, 10% fuzzy', 1_000_000, 1_000_000, 0.1));
}
if (json) console.log(JSON.stringify(results, null, 2));
else {
  for (const r of results) {
    console.log(
      `${r.label}: ${r.lines} lines vs ${r.works} works in ${r.seconds}s (index ${r.indexSeconds}s) = ${r.linesPerSecond} lines/s (CPU ${r.cpuSeconds}s = ${r.linesPerCpuSecond} lines per CPU second); settled by SQL ${r.bySql}; matched ${r.matched} (${Object.entries(r.byMethod).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ')}), review ${r.review}, unmatched ${r.unmatched}; exact ${r.exact}; stored ${r.stored}; db ${r.dbMB} MB; peak RSS ${r.peakRssMB} MB (RSS ${r.rssBeforeMB} MB and heap ${r.heapBeforeMB} MB after setup, heap ${r.heapAfterMB} MB after; setup ${r.setupSeconds}s)${r.digest ? `; results ${r.digest}` : ''}`,
    );
  }
}
