#!/usr/bin/env node
/**
 * Mutation fuzz campaign against the built code (dist/): damaged copies of valid CWR files go
 * through `acknowledgeFile` (validation with the full CISAC rule set + the ACK writer), and each
 * ACK is read back. Same properties as test/unit/fuzz/mutation.test.ts, for bigger runs:
 *
 *   npm run build && node bench/fuzz.mjs [SEED] [COUNT] [--keep]
 *
 * Defaults: seed 20261128, 20000 cases. Base files: test/fixtures/cwr/ack/input, samples/cwr and
 * the public samples beside the clone (../shared/samples/public). On a failure the damaged
 * file is kept under the printed folder and the process exits 1; a run that finds nothing exits 0.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutate, prng } from './fuzz.mutations.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const keep = process.argv.includes('--keep');
const SEED = Number(args[0] ?? 20261128);
const COUNT = Number(args[1] ?? 20000);
if (!Number.isInteger(SEED) || !Number.isInteger(COUNT) || COUNT < 1) {
  console.error('usage: node bench/fuzz.mjs [SEED] [COUNT] [--keep]');
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist/app/ack.js'))) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(2);
}
const { acknowledgeFile } = await import(join(ROOT, 'dist/app/ack.js'));
const { readCwrFile } = await import(join(ROOT, 'dist/formats/cwr/reader.js'));
const { buildValidation } = await import(join(ROOT, 'dist/validation/setup.js'));

const STRUCTURE = new Set([
  'file-empty', 'file-binary', 'file-not-cwr', 'hdr-first', 'hdr-duplicate', 'grh-expected', 'grt-missing', 'trl-missing', 'after-trl',
  'group-id-sequence', 'grt-group-id', 'grt-transaction-count', 'grt-record-count', 'trl-group-count', 'trl-transaction-count',
  'trl-record-count', 'transaction-sequence', 'detail-transaction-sequence', 'record-sequence', 'record-outside-transaction', 'record-too-long', 'group-type-mismatch',
]);

const files = [];
for (const [dir, re] of [
  [join(ROOT, 'test/fixtures/cwr/ack/input'), /./],
  [join(ROOT, 'samples/cwr'), /\.(V2[12]|SUB)$/i],
  [join(ROOT, '../shared/samples/public'), /\.(V2[12]|SUB|ISR)$/i],
]) {
  if (!existsSync(dir)) continue;
  for (const n of readdirSync(dir).sort()) if (re.test(n)) files.push({ name: n, bytes: readFileSync(join(dir, n)) });
}
if (files.length === 0) {
  console.error('no base files found');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'cwrkit-fuzz-'));
const validation = await buildValidation({ society: '177' });
const r = prng(SEED);
const started = Date.now();
const failures = [];
let diagnostics = 0;
let acks = 0;

function fail(i, base, what, why, bytes) {
  const dir = join(work, `failure-${i}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, base.name), bytes);
  writeFileSync(join(dir, 'what.txt'), `${what}\n${why}\n`);
  failures.push({ i, base: base.name, what, why, dir });
  console.error(`case ${i}: ${base.name}: ${what}\n  ${why}\n  kept in ${dir}`);
}

for (let i = 0; i < COUNT; i++) {
  const base = r.pick(files);
  const { bytes, what } = mutate(base.bytes, r);
  const input = join(work, base.name);
  writeFileSync(input, bytes);
  const outDir = join(work, 'out');
  try {
    const res = await acknowledgeFile(input, { outDir, sequence: 1, society: '177', validation });
    diagnostics += res.diagnostics.length;
    const lines = bytes.toString('latin1').split(/\r\n|\n|\r/).length;
    const bad = res.diagnostics.find((d) => (d.line === null ? d.level !== 'file' : d.line < 1 || d.line > lines));
    if (bad) fail(i, base, what, `diagnostic ${bad.rule} at line ${bad.line} (level ${bad.level}) of ${lines} lines`, bytes);
    const back = await readCwrFile(res.output);
    const broken = back.diagnostics.find((d) => STRUCTURE.has(d.rule));
    if (broken) fail(i, base, what, `ACK breaks ${broken.rule} at line ${broken.line}: ${broken.message}`, bytes);
    const n = back.transmission.groups.flatMap((g) => g.transactions).filter((t) => t.header.type === 'ACK').length;
    if (n !== res.transactions.total + res.fileLevelAcks) fail(i, base, what, `ACK count ${n}, expected ${res.transactions.total + res.fileLevelAcks}`, bytes);
    acks += n;
  } catch (e) {
    fail(i, base, what, `threw: ${e instanceof Error ? e.stack : String(e)}`, bytes);
  }
  rmSync(outDir, { recursive: true, force: true });
  if ((i + 1) % 1000 === 0) process.stderr.write(`  ${i + 1}/${COUNT} cases, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const seconds = (Date.now() - started) / 1000;
console.log(JSON.stringify({ seed: SEED, count: COUNT, bases: files.length, failures: failures.length, diagnostics, acks, seconds: Number(seconds.toFixed(1)) }));
if (failures.length === 0 && !keep) rmSync(work, { recursive: true, force: true });
process.exit(failures.length === 0 ? 0 : 1);
