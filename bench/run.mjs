#!/usr/bin/env node
/**
 * `npm run bench`: generates synthetic CWR files of 10k, 100k and 1M works (cached in bench/out/)
 * and runs bench/read.mjs on each. Results go to bench/out/results-<version>.json and .md.
 *
 *   npm run bench                          10k, 100k, 1M works, CWR 2.1
 *   npm run bench -- --sizes 10000,100000  chosen sizes
 *   npm run bench -- --gb                  also a file of about 1 GB (~640k works in 2.1)
 *   npm run bench -- --version 2.2 --repeat 3 --only bare,engine
 *
 * Needs a build (npm run build): the generator and the measured code run from dist/.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cwrFileName, generateCwr } from './generate.mjs';
import { benchFile, table } from './read.mjs';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const GB = 1e9;

function parseArgs(argv) {
  const o = { sizes: [10_000, 100_000, 1_000_000], gb: false, version: '2.1', repeat: 1, kinds: undefined, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') o.sizes = String(argv[++i]).split(',').filter(Boolean).map(Number);
    else if (a === '--gb') o.gb = true;
    else if (a === '--version') o.version = String(argv[++i]);
    else if (a === '--repeat') o.repeat = Number(argv[++i]);
    else if (a === '--only') o.kinds = String(argv[++i]).split(',');
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** The cached file for a size, generated when missing (sequence number = thousands of works). */
function fileFor(works, version, seed) {
  const name = cwrFileName(version, Math.round(works / 1000) % 10000);
  const dir = join(OUT, `v${version}-s${seed}-w${works}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  if (!existsSync(path)) {
    const t0 = performance.now();
    const r = generateCwr({ works, version, out: path, seed });
    process.stderr.write(`generated ${path}: ${r.lines.toLocaleString('en-US')} records, ${(r.bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  return path;
}

function label(works) {
  return works >= 1e6 && works % 1e6 === 0 ? `${works / 1e6}M` : works >= 1000 && works % 1000 === 0 ? `${works / 1000}k` : String(works);
}

const o = parseArgs(process.argv.slice(2));
mkdirSync(OUT, { recursive: true });
const sizes = [...o.sizes];
if (o.gb) {
  // Bytes per work from a small sample, then enough works for 1 GB.
  const sample = fileFor(10_000, o.version, o.seed);
  const perWork = statSync(sample).size / 10_000;
  sizes.push(Math.ceil(GB / perWork / 1000) * 1000);
}
const results = [];
let md = `# cwrkit read/validate benchmark\n\nCWR ${o.version}, seed ${o.seed}, Node ${process.version}, ${new Date().toISOString()}\n`;
for (const works of sizes) {
  const file = fileFor(works, o.version, o.seed);
  process.stderr.write(`measuring ${label(works)} works ...\n`);
  const r = await benchFile(file, { repeat: o.repeat, ...(o.kinds ? { kinds: o.kinds } : {}) });
  results.push({ works, ...r });
  const section = `\n## ${label(works)} works (${(r.bytes / 1e6).toFixed(0)} MB)\n\n${table(r)}\n`;
  md += section;
  process.stdout.write(section);
}
const base = join(OUT, `results-${o.version}`);
writeFileSync(base + '.json', JSON.stringify({ version: o.version, seed: o.seed, node: process.version, at: new Date().toISOString(), results }, null, 2) + '\n');
writeFileSync(base + '.md', md);
process.stderr.write(`results: ${base}.json, ${base}.md\n`);
