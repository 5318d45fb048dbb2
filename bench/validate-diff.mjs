#!/usr/bin/env node
/**
 * Differential check for performance work on validation: two builds (e.g. a copy of dist/ from
 * before a change and the new dist/) validate the same files, and their diagnostics, summaries
 * and verdicts must be identical, with the plain rule set and the kazak profile. Files: the
 * validation corpus, the valid and ACK fixtures, samples/cwr, the public samples, and COUNT
 * damaged copies: 70% field-level damage (a field of a record overwritten with a bad code, a
 * wrong check digit, lower case, Cyrillic, blanks, random digits), 30% the mutations of
 * bench/fuzz.mutations.mjs.
 *
 *   cp -r dist /tmp/dist-before && (change, npm run build) && node bench/validate-diff.mjs /tmp/dist-before dist [COUNT] [SEED]
 *
 * Exits 1 and prints the first differences when the builds disagree. RULES=1 lists how often
 * each rule fired (to see what the damage reached).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mutate, prng } from './fuzz.mutations.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const [distA, distB, COUNT = '3000', SEED = '7'] = process.argv.slice(2);
if (!distA || !distB) {
  console.error('usage: node bench/validate-diff.mjs DIST_A DIST_B [COUNT] [SEED]');
  process.exit(2);
}
const A = pathToFileURL(resolve(distA)).href;
const B = pathToFileURL(resolve(distB)).href;
async function load(dist) {
  const { validateCwr } = await import(`${dist}/validation/engine.js`);
  const { buildValidation } = await import(`${dist}/validation/setup.js`);
  return { validateCwr, plain: await buildValidation({ society: '177', territoryDate: '2026-11-28' }), kazak: await buildValidation({ profile: 'kazak', territoryDate: '2026-11-28' }) };
}
const a = await load(A), b = await load(B);
const files = [];
for (const [dir, re] of [
  [join(ROOT, 'test/fixtures/cwr/invalid'), /\.(V2[12]|V3|SUB|ISR|v22|V21)$/i],
  [join(ROOT, 'test/fixtures/cwr/valid'), /./],
  [join(ROOT, 'test/fixtures/cwr/ack/input'), /./],
  [join(ROOT, 'samples/cwr'), /\.(V2[12]|SUB|ISR)$/i],
  [join(ROOT, '../shared/samples/public'), /\.(V2[12]|SUB|ISR|v22)$/i],
]) {
  if (!existsSync(dir)) continue;
  for (const n of readdirSync(dir).sort()) if (re.test(n) && !n.endsWith('.json')) files.push({ name: n, bytes: readFileSync(join(dir, n)) });
}
async function* src(bytes) { yield bytes; }
async function run(x, opts, name, bytes) {
  try {
    const r = await x.validateCwr(src(bytes), { ...opts, fileName: name });
    for (const d of r.diagnostics) RULES.set(d.rule, (RULES.get(d.rule) ?? 0) + 1);
    return JSON.stringify({ d: r.diagnostics, s: r.summary, v: r.valid });
  } catch (e) { return 'THREW ' + (e?.message ?? e); }
}
let n = 0, bad = 0;
const RULES = new Map();
async function cmp(name, bytes, what) {
  for (const k of ['plain', 'kazak']) {
    const x = await run(a, a[k], name, bytes), y = await run(b, b[k], name, bytes);
    n++;
    if (x !== y) { bad++; if (bad < 6) { console.log('DIFF', name, what, k); const dx = JSON.parse(x.startsWith('THREW') ? '{}' : x).d ?? [], dy = JSON.parse(y.startsWith('THREW') ? '{}' : y).d ?? []; console.log(' A:', x.slice(0, 300)); console.log(' B:', y.slice(0, 300)); for (let i = 0; i < Math.max(dx.length, dy.length); i++) if (JSON.stringify(dx[i]) !== JSON.stringify(dy[i])) { console.log('  first diff A', JSON.stringify(dx[i])); console.log('  first diff B', JSON.stringify(dy[i])); break; } } }
  }
}
for (const f of files) await cmp(f.name, f.bytes, 'base');
const { layoutsFor } = await import(`${A}/formats/cwr/versions.js`);
const VALUES = ['', ' ', '0', '00000000000', 'E', 'AQ', 'PA', 'SE', 'X', 'ZZ', 'CA', 'C', 'A', 'AR', 'I', 'Y', 'N', 'U', 'EN', 'KK', 'en', 'ORI', 'MOD', 'POP', 'SER', 'MUS', 'FM',
  '2136', '398', '0398', '2WL', '177', '52', '052', '099', '000', '5000', '05000', '10000', '99999', '00500', '-1', '1', '2', '01', '001',
  'T1000000008', 'T1000000009', 'T-100.000.000-8', 'I-000800000-6', 'I-000800000-7', ' I-000800000-6', '00070000052', '70000052', '70000053', '00070000053', '0007000005', '00000000001',
  'USRC17607839', 'USRC1760783', 'us-rc1-76-07839', '4006381333931', '4006381333932', 'ABAI', 'abai', 'Абай', 'ÄBC', '\u00a0', '\t1', 'A\u00a0B', 'É', 'Ә', '£', '~', '*', ',', 'O\'NEIL', 'PUBLIC DOMAIN', 'DP', 'D', 'OS', 'PS', 'S'];
function fieldMutation(bytes, r, name) {
  const text = Buffer.from(bytes).toString('latin1');
  const lines = text.split(/(?<=\r\n|\n)/);
  const v = /V3|SUB|ISR/i.test(name) ? '3.0' : /22|v22/.test(name) ? '2.2' : '2.1';
  let set; try { set = layoutsFor(v); } catch { return { bytes, what: 'no layouts' }; }
  const done = [];
  const n = 1 + r.int(3);
  for (let k = 0; k < n; k++) {
    const i = r.int(lines.length);
    const line = lines[i];
    const lay = set.records.get(line.slice(0, 3));
    if (!lay || lay.fields.length < 2) continue;
    const f = r.pick(lay.fields.slice(1));
    let val = r.pick(VALUES);
    if (r.next() < 0.3) val = String(r.int(10 ** Math.min(f.length, 9))).padStart(r.next() < 0.5 ? f.length : 1, '0');
    if (r.next() < 0.2) val = val.padStart(f.length, ' ');
    const enc = Buffer.from(val, 'utf8').toString('latin1'); // non-Latin1 text arrives as its UTF-8 bytes
    const body = line.replace(/\r?\n$/, ''), eol = line.slice(body.length);
    const padded = body.padEnd(f.start - 1 + f.length, ' ');
    lines[i] = padded.slice(0, f.start - 1) + (r.next() < 0.5 ? enc : val.replace(/[^\x00-\xff]/g, '?')).padEnd(f.length, ' ').slice(0, f.length) + padded.slice(f.start - 1 + f.length) + eol;
    done.push(`${line.slice(0, 3)}.${f.name}=${JSON.stringify(val)}`);
  }
  return { bytes: Buffer.from(lines.join(''), 'latin1'), what: done.join('; ') };
}
const r = prng(Number(SEED));
for (let i = 0; i < Number(COUNT); i++) {
  const base = r.pick(files);
  const { bytes, what } = r.next() < 0.7 ? fieldMutation(base.bytes, r, base.name) : mutate(base.bytes, r);
  await cmp(base.name, bytes, what);
}
if (process.env.RULES) console.log([...RULES].sort().map(([k, v]) => `${k}:${v / 2}`).join(' '));
console.log(JSON.stringify({ files: files.length, runs: n, differences: bad }));
process.exit(bad ? 1 : 0);
