#!/usr/bin/env node
/**
 * Reading and validation benchmark for one CWR file, measured side by side in one run. Each
 * measurement runs in a fresh child process, so its peak RSS is its own:
 *
 *   bare      a hand-tuned bare Node script: createReadStream (default 64 KiB chunks), latin1
 *             decode, split on \n, count lines (the strictest baseline)
 *   readline  the idiomatic bare Node script: node:readline over createReadStream,
 *             `for await (const line of rl)`, count lines (what "a script that only splits the
 *             file into lines" usually is; issue 2 quotes ~1.2 M records/s for it)
 *   engine    streamCwr from dist/: lines -> records -> transactions, consumed and discarded
 *   parse     plain parsing: the engine plus every record decoded into typed fields (what
 *             `cwrkit parse` computes before printing)
 *   validate  validateCwr in-process with the full rule set (buildValidation, as the CLI does)
 *   cli       the whole `cwrkit validate FILE` process (spawned; startup included)
 *
 *   node bench/read.mjs FILE [--json] [--only bare,readline,engine,parse,validate,cli] [--repeat N]
 *
 * The file is read once before measuring (page cache warm-up, result discarded).
 * With --repeat N every measurement runs N times and the fastest run is kept (the machine is
 * shared; the minimum is the least noisy estimate). CPU seconds (user + system) are reported
 * beside wall seconds: on a loaded machine their ratio is the steadier one. Prints a table, or
 * JSON with --json.
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..');
const KINDS = ['bare', 'readline', 'engine', 'parse', 'validate', 'cli'];
const SELF = fileURLToPath(import.meta.url);

// ---- what runs inside a measurement child -------------------------------------------------

async function measureBare(file) {
  let lines = 0;
  let rest = '';
  for await (const chunk of createReadStream(file)) {
    const parts = (rest + chunk.toString('latin1')).split('\n');
    rest = parts.pop() ?? '';
    lines += parts.length;
  }
  if (rest !== '') lines++;
  return { records: lines, transactions: null };
}

async function measureReadline(file) {
  const { createInterface } = await import('node:readline');
  let lines = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const _line of rl) lines++;
  return { records: lines, transactions: null };
}

async function measureParse(file) {
  const { streamCwr } = await import(pathToFileURL(join(ROOT, 'dist/formats/cwr/reader.js')).href);
  let transactions = 0;
  let diagnostics = 0;
  let fields = 0;
  const stream = streamCwr(file, {}, () => {
    diagnostics++;
  });
  const decode = (rec) => {
    const d = rec.decoded;
    if (d !== undefined) fields++;
  };
  for await (const batch of stream.events) {
    for (const ev of batch) {
      if (ev.kind === 'transaction') {
        transactions++;
        decode(ev.transaction.header);
        for (const rec of ev.transaction.records) decode(rec);
      } else if (ev.kind === 'hdr' || ev.kind === 'trl' || ev.kind === 'stray') decode(ev.record);
      else if (ev.kind === 'grh') decode(ev.group.header);
      else if (ev.kind === 'grt' && ev.group.trailer) decode(ev.group.trailer);
    }
  }
  return { records: stream.info.lines, transactions, diagnostics, decoded: fields };
}

async function measureEngine(file) {
  const { streamCwr } = await import(pathToFileURL(join(ROOT, 'dist/formats/cwr/reader.js')).href);
  let transactions = 0;
  let diagnostics = 0;
  const stream = streamCwr(file, {}, () => {
    diagnostics++;
  });
  for await (const batch of stream.events) {
    for (const ev of batch) if (ev.kind === 'transaction') transactions++;
  }
  return { records: stream.info.lines, transactions, diagnostics };
}

async function measureValidate(file) {
  const { validateCwr } = await import(pathToFileURL(join(ROOT, 'dist/validation/engine.js')).href);
  const { buildValidation } = await import(pathToFileURL(join(ROOT, 'dist/validation/setup.js')).href);
  const result = await validateCwr(file, await buildValidation({}));
  return { records: result.info.lines, transactions: result.summary.transactions, diagnostics: result.summary.errors + result.summary.warnings, valid: result.valid };
}

async function child(kind, file) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const measure = { bare: measureBare, readline: measureReadline, engine: measureEngine, parse: measureParse, validate: measureValidate }[kind];
  const r = await measure(file);
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ ...r, seconds, cpuSeconds: (c.user + c.system) / 1e6, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
}

// ---- the parent: spawn, collect, print -------------------------------------------------------

function run(cmd, args, env = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      if (out.length < 1 << 16) out += d;
    });
    p.stderr.on('data', (d) => {
      if (err.length < 1 << 16) err += d;
    });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out, err, wall: (performance.now() - t0) / 1000 }));
  });
}

async function measureOnce(kind, file) {
  if (kind === 'cli') {
    const dir = mkdtempSync(join(tmpdir(), 'cwrkit-bench-'));
    const report = join(dir, 'rss.json');
    try {
      const r = await run(process.execPath, ['--import', pathToFileURL(join(HERE, 'rss-report.mjs')).href, join(ROOT, 'bin/cwrkit.js'), 'validate', file], { CWRKIT_BENCH_REPORT: report });
      if (r.code !== 0 && r.code !== 1) throw new Error(`cwrkit validate exited ${r.code}: ${r.err.slice(0, 500)}`);
      const rss = JSON.parse(readFileSync(report, 'utf8'));
      const m = /(\d+) transactions/.exec(r.out);
      return { records: null, transactions: m ? Number(m[1]) : null, seconds: r.wall, cpuSeconds: (rss.userMs + rss.systemMs) / 1000, maxRssKb: rss.maxRssKb, exitCode: r.code };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const r = await run(process.execPath, [SELF, '--child', kind, file]);
  if (r.code !== 0) throw new Error(`${kind} measurement failed (${r.code}): ${r.err.slice(0, 500)}`);
  return JSON.parse(r.out.trim().split('\n').pop());
}

/** Measures one file; returns rows with ratios to the bare splitter. */
export async function benchFile(file, { kinds = KINDS, repeat = 1 } = {}) {
  const bytes = statSync(file).size;
  // Warm the page cache first, so whichever measurement runs first does not pay for the disk.
  await measureOnce('bare', file);
  const rows = [];
  for (const kind of kinds) {
    let best = null;
    for (let i = 0; i < repeat; i++) {
      const m = await measureOnce(kind, file);
      if (best === null || m.seconds < best.seconds) best = m;
    }
    rows.push({ kind, ...best });
  }
  const bare = rows.find((r) => r.kind === 'bare');
  const readline = rows.find((r) => r.kind === 'readline');
  const records = bare?.records ?? rows.find((r) => r.records !== null)?.records ?? null;
  for (const r of rows) {
    r.records ??= records;
    r.mb = bytes / 1e6;
    r.recordsPerSecond = r.records !== null ? Math.round(r.records / r.seconds) : null;
    r.mbPerSecond = bytes / 1e6 / r.seconds;
    r.ratioToBare = bare ? r.seconds / bare.seconds : null;
    r.cpuRatioToBare = bare ? r.cpuSeconds / bare.cpuSeconds : null;
    r.ratioToReadline = readline ? r.seconds / readline.seconds : null;
    r.cpuRatioToReadline = readline ? r.cpuSeconds / readline.cpuSeconds : null;
    r.peakRssMb = r.maxRssKb / 1024;
  }
  return { file, bytes, rows };
}

function fmt(n, digits = 2) {
  return n === null || n === undefined ? '-' : typeof n === 'number' ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(n);
}

/** A plain-text (also valid Markdown) table of one file's rows. */
export function table(result) {
  const head = ['measure', 'records', 'MB', 'seconds', 'records/s', 'MB/s', 'x bare', 'x readline', 'CPU s', 'x bare (CPU)', 'x readline (CPU)', 'peak RSS MB'];
  const body = result.rows.map((r) => [r.kind, fmt(r.records, 0), fmt(r.mb, 1), fmt(r.seconds, 2), fmt(r.recordsPerSecond, 0), fmt(r.mbPerSecond, 1), fmt(r.ratioToBare, 2), fmt(r.ratioToReadline, 2), fmt(r.cpuSeconds, 2), fmt(r.cpuRatioToBare, 2), fmt(r.cpuRatioToReadline, 2), fmt(r.peakRssMb, 0)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|', ...body.map(line)].join('\n');
}

function parseArgs(argv) {
  const o = { files: [], json: false, kinds: KINDS, repeat: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--only') o.kinds = String(argv[++i]).split(',');
    else if (a === '--repeat') o.repeat = Number(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.files.push(a);
  }
  for (const k of o.kinds) if (!KINDS.includes(k)) throw new Error(`unknown measure ${k} (${KINDS.join(', ')})`);
  return o;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    await child(argv[1], argv[2]);
  } else {
    try {
      const o = parseArgs(argv);
      if (o.files.length === 0) {
        process.stderr.write(`usage: node bench/read.mjs FILE... [--json] [--only ${KINDS.join(',')}] [--repeat N]\n`);
        process.exitCode = 2;
      }
      const all = [];
      for (const f of o.files) {
        const r = await benchFile(f, o);
        all.push(r);
        if (!o.json) process.stdout.write(`\n${f} (${fmt(r.bytes / 1e6, 1)} MB)\n${table(r)}\n`);
      }
      if (o.json) process.stdout.write(JSON.stringify(all, null, 2) + '\n');
    } catch (err) {
      process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    }
  }
}
