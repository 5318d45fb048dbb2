#!/usr/bin/env node
/**
 * Statement import benchmark: a 1,000,000-line statement as CRD, CSV and XML, each imported by
 * `importStatement` (stream, batched inserts, one transaction) into a fresh SQLite file in its
 * own child process, so the peak RSS reported is the import's own. Target: under 30 s each in
 * bounded memory. Results go to bench/out/statements.json.
 *
 *   node bench/statements.mjs                    1,000,000 lines, CRD, CSV and XML (generic-xml profile)
 *   node bench/statements.mjs --lines 100000 --only csv
 *
 * Needs a build (npm run build): everything runs from dist/.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('./out/statements/', import.meta.url));
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

/** Deterministic synthetic lines: works of 5 lines (5 parties), amounts from a small LCG. */
function* syntheticLines(n, currency) {
  const { blankLine } = globalThis.__model;
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const w = Math.floor(i / 5);
    yield {
      ...blankLine(currency, { file: 'bench', line: 0, column: null }),
      lineRef: `L${i}`,
      societyWorkCode: `W${String(w).padStart(9, '0')}`,
      title: `SYNTHETIC WORK ${w} ДАЛА`,
      ipNumber: `IP${i % 5}`,
      partyName: `PARTY ${i % 5}`,
      role: i % 5 === 0 ? 'CA' : 'C',
      share: 2000,
      right: 'PR',
      territory: '0826',
      distributionCategory: 'RA',
      gross: BigInt(seed % 100000) * 5n,
      net: BigInt(seed % 100000),
    };
  }
}

async function writeStream(path, chunks) {
  const out = createWriteStream(path);
  let buf = '';
  for (const c of chunks) {
    buf += c;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
}

async function generate(format, n) {
  const dir = join(OUT, `lines-${n}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, format === 'crd' ? 'CD260001052_177.CRD' : `statement-${n}.${format}`);
  if (existsSync(path)) return path;
  globalThis.__model ??= await import(dist('statements/model.js'));
  const t0 = performance.now();
  if (format === 'crd') {
    const { crdRecords } = await import(dist('formats/crd/writer.js'));
    const header = { fromSociety: '052', format: 'crd', period: { start: '2026-01-01', end: '2026-06-30' }, distributionId: 'BENCH', currency: 'GBP', decimals: 2 };
    await writeStream(path, (function* () {
      for (const r of crdRecords(header, () => syntheticLines(n, 'GBP'), { toSociety: '177' })) yield r + '\r\n';
    })());
  } else if (format === 'xml') {
    const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    await writeStream(path, (function* () {
      yield '<?xml version="1.0" encoding="UTF-8"?>\n<statement currency="EUR" distribution="BENCH">\n';
      for (const l of syntheticLines(n, 'EUR')) {
        const a = l.net.toString().padStart(3, '0');
        yield `  <line ref="${l.lineRef}"><work><code>${l.societyWorkCode}</code><title>${esc(l.title)}</title></work><party><name>${esc(l.partyName)}</name><role>${l.role}</role></party><right>PR</right><territory>0276</territory><share>20.00</share><amount>${a.slice(0, -2)}.${a.slice(-2)}</amount></line>\n`;
      }
      yield '</statement>\n';
    })());
  } else {
    await writeStream(path, (function* () {
      yield 'line_ref,society_work_code,title,ipi_name_number,party_name,role,right,territory,share,amount,currency\n';
      for (const l of syntheticLines(n, 'EUR')) {
        const a = l.net.toString().padStart(3, '0');
        yield `${l.lineRef},${l.societyWorkCode},${l.title},,${l.partyName},${l.role},PR,0276,20.00,${a.slice(0, -2)}.${a.slice(-2)},EUR\n`;
      }
    })());
  }
  process.stderr.write(`generated ${path}: ${(statSync(path).size / 1e6).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return path;
}

async function child(path, db) {
  const { openCatalogue } = await import(dist('catalogue/db.js'));
  const { importStatement } = await import(dist('app/statements.js'));
  const d = openCatalogue(db);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await importStatement(d, path, { from: '052' });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  d.close();
  const totals = Object.fromEntries([...r.totals].map(([c, v]) => [c, v.toString()]));
  process.stdout.write(JSON.stringify({ status: r.status, lines: r.lines, totals, errors: r.diagnostics.filter((x) => x.severity === 'error').length, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
}

async function main(argv) {
  if (argv[0] === '--child') return child(argv[1], argv[2]);
  let lines = 1_000_000;
  let only = ['crd', 'csv', 'xml'];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lines') lines = Number(argv[++i]);
    else if (argv[i] === '--only') only = String(argv[++i]).split(',');
    else throw new Error(`unknown option ${argv[i]}`);
  }
  const rows = [];
  for (const format of only) {
    const path = await generate(format, lines);
    const db = join(OUT, `bench-${format}.db`);
    for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', path, db], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`import of ${path} failed: ${r.stderr}`);
    const m = JSON.parse(r.stdout.trim().split('\n').pop());
    rows.push({ format, file: path, mb: statSync(path).size / 1e6, ...m, linesPerSecond: Math.round(m.lines / m.seconds), peakRssMb: Math.round(m.maxRssKb / 1024) });
  }
  // Wall time depends on what else runs on the machine; CPU time is the import's own.
  console.log('format      lines      MB   seconds  cpu s   lines/s   peak RSS MB  status');
  for (const r of rows) {
    console.log(`${r.format.padEnd(6)} ${String(r.lines).padStart(10)} ${r.mb.toFixed(0).padStart(7)} ${r.seconds.toFixed(1).padStart(9)} ${r.cpuSeconds.toFixed(1).padStart(6)} ${String(r.linesPerSecond).padStart(9)} ${String(r.peakRssMb).padStart(13)}  ${r.status}`);
  }
  writeFileSync(join(OUT, 'statements.json'), JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2) + '\n');
}

await main(process.argv.slice(2));
