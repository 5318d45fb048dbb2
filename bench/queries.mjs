#!/usr/bin/env node
/**
 * Query benchmark (runs against dist/: `npm run build` first): times `works search` and
 * `works show` on a large catalogue, as the CLI runs them (src/app/works.ts on a read-only
 * connection).
 *
 *   node bench/queries.mjs [N=100000] [--db PATH] [--keep] [--json]
 *
 * Without --db it builds a catalogue of N works straight into the catalogue schema (fast
 * bulk inserts, not through CWR): varied Latin and Kazakh titles with an alternate title each,
 * N/10 writers (first name + generated surname, no numbers) and N/200 publishers, two writers and one publisher per work with ownership and
 * collection shares, an ISWC each, one history row each. With --db it times an existing
 * catalogue (e.g. one built by bench/import.mjs --keep; its own titles and writer names are
 * timed as well).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIST = new URL('../dist/', import.meta.url);
const { openCatalogue } = await import(new URL('catalogue/db.js', DIST));
const { titleKey, nameKey } = await import(new URL('domain/text-keys.js', DIST));
const { transliterate } = await import(new URL('domain/transliteration.js', DIST));
const { ipiNameCheckDigits, iswcCheckDigit } = await import(new URL('domain/identifiers.js', DIST));
const { search, showWorks } = await import(new URL('app/works.js', DIST));

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^[0-9]+$/.test(a)) ?? 100000);
const dbArg = args.includes('--db') ? args[args.indexOf('--db') + 1] : undefined;
const keep = args.includes('--keep');
const asJson = args.includes('--json');

const WORDS = ['DALA', 'ALMATY', 'TUN', 'KOKTEM', 'ZHAZ', 'KUZ', 'QYS', 'ANA', 'ZHOL', 'ASPAN', 'TAU', 'OZEN', 'KOL', 'ZHULDYZ', 'AI', 'KUN', 'ZHEL', 'SAGHYNYSH',
  'LOVE', 'NIGHT', 'RIVER', 'STEPPE', 'WIND', 'DREAM', 'HEART', 'SONG', 'DANCE', 'LIGHT', 'ROAD', 'HOME', 'MOTHER', 'SKY', 'STAR', 'SPRING', 'WINTER', 'FIRE'];
const CYR = ['Дала', 'Алматы', 'Түн', 'Көктем', 'Жаз', 'Күз', 'Қыс', 'Ана', 'Жол', 'Аспан', 'Тау', 'Өзен', 'Көл', 'Жұлдыз', 'Ай', 'Күн', 'Жел', 'Сағыныш'];
const SURNAMES = ['NURLANQYZY', 'SEJITOV', 'AEBILQASYM', 'ZHULDYZOVA', 'ABENOV', 'QASYMOV', 'TOQTAROV', 'ERMEKOV', 'BAJMUKHAN', 'SMITH', 'MUELLER', 'IVANOV', 'PETROVA', 'GARCIA'];
const FIRST = ['AJGERIM', 'ERLAN', 'DANA', 'MAEDINA', 'ASKAR', 'ALIJA', 'NURSULTAN', 'ZHANNA', 'JOHN', 'ANNA', 'OLGA', 'MARAT', 'BAUYRZHAN', 'GULNARA', 'TIMUR', 'SAULE', 'KLAUS', 'MARIA', 'PETER', 'ELENA'];
const SYLLABLES = ['NUR', 'LAN', 'QY', 'ZY', 'SE', 'JI', 'TOV', 'AE', 'BIL', 'QA', 'SYM', 'ZHU', 'DYZ', 'MA', 'RAT', 'BE', 'KOV', 'ER', 'MEK', 'SA', 'TO', 'GUL', 'BA', 'EV'];
const SUFFIX = ['OV', 'EV', 'OVA', 'EVA', 'ULY', 'QYZY', 'ENKO', 'ER', 'SON', ''];

// mulberry32: a small deterministic generator (the numbers only need to be spread, not secret).
let seed = 42;
const rnd = (k) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % k;
};
/** A writer surname: a known one now and then, else 2-3 syllables and a suffix (~100k forms). */
const surname = () => (rnd(10) === 0 ? pick(SURNAMES) : pick(SYLLABLES) + pick(SYLLABLES) + (rnd(2) ? pick(SYLLABLES) : '') + pick(SUFFIX));
const pick = (a) => a[rnd(a.length)];
const nine = (k) => String(k).padStart(9, '0');
const ipi = (k) => nine(k) + ipiNameCheckDigits(nine(k));
const iswc = (k) => `T${nine(k)}${iswcCheckDigit(nine(k))}`;

function build(path) {
  const db = openCatalogue(path);
  const t0 = performance.now();
  const now = new Date().toISOString();
  db.prepare("INSERT INTO runs (id, command, started_at, status) VALUES (1, 'bench', ?, 'done')").run(now);
  db.prepare("INSERT INTO files (id, run_id, sha256, name, size, cwr_version, encoding, imported_at) VALUES (1, 1, 'bench', 'bench.V21', 0, '2.1', 'utf-8', ?)").run(now);
  const writers = Math.max(10, Math.floor(n / 10));
  const publishers = Math.max(2, Math.floor(n / 200));
  const party = db.prepare('INSERT INTO parties (id, key, kind, ipi_name_number, submitter, ip_number, name, first_name, name_key, original_name, created_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)');
  const work = db.prepare(`INSERT INTO works (id, submitter, submitter_work_number, title, title_key, writer_key, language, iswc, category, version_type, recorded, snapshot_hash, created_run, updated_run)
    VALUES (?, 'QMP', ?, ?, ?, ?, ?, ?, 'POP', 'ORI', 'Y', '', 1, 1)`);
  const title = db.prepare('INSERT INTO titles (work_id, position, title, title_key, type, language, non_roman) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const ident = db.prepare("INSERT INTO work_identifiers (work_id, kind, issuer, value) VALUES (?, ?, ?, ?)");
  const wp = db.prepare(`INSERT INTO work_parties (work_id, position, party_id, kind, ip_number, role, controlled, chain, pr_society, mr_society, sr_society, pr_share, mr_share, sr_share)
    VALUES (?, ?, ?, ?, ?, ?, 1, ?, '177', '177', '177', ?, ?, ?)`);
  const cs = db.prepare('INSERT INTO collection_shares (work_id, position, n, sequence, territory, include, pr_share, mr_share, sr_share) VALUES (?, ?, 1, 1, ?, 1, ?, ?, ?)');
  const hist = db.prepare("INSERT INTO work_history (work_id, run_id, file_id, transaction_type, line, action, version, snapshot) VALUES (?, 1, 1, 'NWR', ?, 'insert', 1, NULL)");
  db.transaction(() => {
    for (let i = 1; i <= writers + publishers; i++) {
      const isPub = i > writers;
      const last = isPub ? `${pick(WORDS)} ${pick(WORDS)} MUSIC` : surname();
      const first = isPub ? null : pick(FIRST);
      party.run(i, `ipi:${ipi(1000000 + i)}`, isPub ? 'publisher' : 'writer', ipi(1000000 + i), 'QMP', `IP${i}`, last, first, nameKey(`${first ?? ''} ${last}`), null);
    }
  })();
  const batch = 50000;
  for (let from = 1; from <= n; from += batch) {
    db.transaction(() => {
      for (let id = from; id < Math.min(from + batch, n + 1); id++) {
        const kazakh = rnd(3) === 0;
        const words = [kazakh ? pick(CYR) : pick(WORDS), kazakh ? pick(CYR) : pick(WORDS), String(id)];
        const original = words.join(' ');
        const main = kazakh ? transliterate(original) : original;
        const w1 = 1 + rnd(writers);
        const w2 = 1 + rnd(writers);
        const pub = writers + 1 + rnd(publishers);
        work.run(id, `QMP-${id}`, main, titleKey(main), [ipi(1000000 + w1), ipi(1000000 + w2)].sort().join(' '), kazakh ? 'KK' : 'EN', iswc(200000000 + id));
        if (kazakh) title.run(id, 1, original, titleKey(original), 'OT', 'KK', 1);
        title.run(id, 2, `${pick(WORDS)} ${pick(WORDS)} ${id}`, titleKey(`${pick(WORDS)} ${pick(WORDS)} ${id}`), 'AT', 'EN', 0);
        // A society work number for one work in 10 (migration 0004: work_identifiers holds
        // society numbers only; the ISWC and the submitter number are works columns).
        if (id % 10 === 0) ident.run(id, 'society', '052', `PRS${id}`);
        wp.run(id, 1, pub, 'publisher', `IP${pub}`, 'E', 1, 5000, 10000, 10000);
        cs.run(id, 1, '2136', 5000, 10000, 10000);
        const solo = w2 === w1 ? 5000 : 2500;
        wp.run(id, 2, w1, 'writer', `IP${w1}`, 'CA', null, solo, 0, 0);
        cs.run(id, 2, '2136', solo, 0, 0);
        if (w2 !== w1) {
          wp.run(id, 3, w2, 'writer', `IP${w2}`, 'CA', null, 2500, 0, 0);
          cs.run(id, 3, '2136', 2500, 0, 0);
        }
        hist.run(id, id);
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  return (performance.now() - t0) / 1000;
}

function timeIt(label, runs, fn) {
  const ms = [];
  let results = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    results += fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(2);
  return { label, runs, p50: Number(q(0.5)), p95: Number(q(0.95)), max: Number(ms[ms.length - 1].toFixed(2)), avgResults: Number((results / runs).toFixed(1)) };
}

const dir = dbArg ? null : mkdtempSync(join(tmpdir(), 'cwrkit-bench-queries-'));
const path = dbArg ?? join(dir, 'cwrkit.db');
const buildSeconds = dbArg ? null : build(path);
const db = openCatalogue(path, { readonly: true, mustExist: true });
const count = db.prepare('SELECT count(*) AS c FROM works').get().c;
const maxId = db.prepare('SELECT max(id) AS m FROM works').get().m;
const someIswc = (i) => db.prepare('SELECT iswc FROM works WHERE id = ?').get(1 + ((i * 7919) % maxId))?.iswc ?? 'T0000000000';
const someSwn = (i) => db.prepare('SELECT submitter_work_number AS s FROM works WHERE id = ?').get(1 + ((i * 104729) % maxId))?.s ?? 'X';
const someIpi = (i) => db.prepare('SELECT ipi_name_number AS p FROM parties WHERE id = ?').get(1 + (i % 50))?.p ?? '0';
const today = new Date().toISOString().slice(0, 10);
const R = 200;
const results = [
  timeIt('search: title prefix (Latin)', R, (i) => search(db, `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}`, { limit: 20 }).length),
  timeIt('search: title in Cyrillic', R, (i) => search(db, `${CYR[i % CYR.length]} ${CYR[(i * 5) % CYR.length]}`, { limit: 20 }).length),
  timeIt('search: writer surname (word of a name)', R, (i) => search(db, SURNAMES[i % SURNAMES.length].toLowerCase(), { limit: 20 }).length),
  timeIt('search: writer first name (Cyrillic)', R, (i) => search(db, ['Айгерім', 'Ерлан', 'Дана', 'Асқар'][i % 4], { limit: 20 }).length),
  timeIt('search: ISWC', R, (i) => search(db, someIswc(i), { limit: 20 }).length),
  timeIt('search: IPI', R, (i) => search(db, someIpi(i), { limit: 20 }).length),
  timeIt('search: no match', R, (i) => search(db, `ZZZ NOTHING ${i}`, { limit: 20 }).length),
  timeIt('show: by ISWC', R, (i) => showWorks(db, someIswc(i), today).length),
  timeIt('show: by submitter work number', R, (i) => showWorks(db, someSwn(i), today).length),
];
// A catalogue built by bench/import.mjs has its own titles and names (BENCH WORK n, ALT TITLE n,
// WRITERk): time those too, so the searches there return results.
if (db.prepare("SELECT 1 FROM works WHERE title LIKE 'BENCH WORK %' LIMIT 1").get()) {
  const some = (i) => 1 + ((i * 7919) % maxId);
  results.push(
    timeIt('search: imported title (BENCH WORK n)', R, (i) => search(db, `BENCH WORK ${some(i) - 1}`, { limit: 20 }).length),
    timeIt('search: imported alternate title', R, (i) => search(db, `ALT TITLE ${some(i) - 1}`, { limit: 20 }).length),
    timeIt('search: imported writer surname', R, (i) => search(db, `WRITER${(i * 977) % 50000}`, { limit: 20 }).length),
  );
}
db.close();
const size = statSync(path).size;
const report = { works: count, buildSeconds, dbBytes: size, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), results };
if (asJson) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`catalogue: ${count} works, ${(size / 1048576).toFixed(0)} MB${buildSeconds !== null ? `, built in ${buildSeconds.toFixed(1)} s` : ''}; peak RSS ${report.maxRssMB} MB`);
  for (const r of results) console.log(`${r.label.padEnd(42)} p50 ${String(r.p50).padStart(7)} ms  p95 ${String(r.p95).padStart(7)} ms  max ${String(r.max).padStart(7)} ms  (${r.avgResults} results)`);
}
if (dir && !keep) rmSync(dir, { recursive: true, force: true });
else if (dir) console.error(`kept ${path}`);
