#!/usr/bin/env node
/**
 * Where validation time goes: runs validateCwr with the full rule set under the V8 CPU profiler
 * and attributes every sample to the outermost rule file on its stack (dist/validation/rules/..),
 * or to "engine (reading, structure, field checks)" / "garbage collector" otherwise.
 *
 *   node bench/rule-cost.mjs FILE [--json]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const [file, ...rest] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/rule-cost.mjs FILE [--json]\n');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'cwrkit-prof-'));
try {
  const script = `
    const { validateCwr } = await import(${JSON.stringify(join(ROOT, 'dist/validation/engine.js'))});
    const { buildValidation } = await import(${JSON.stringify(join(ROOT, 'dist/validation/setup.js'))});
    await validateCwr(${JSON.stringify(file)}, await buildValidation({}));`;
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--input-type=module', '-e', script], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`profiled run failed (${r.status})`);
  const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const prof = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const parent = new Map();
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const cost = new Map();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    let label = null;
    const leaf = byId.get(id);
    if (leaf.callFrame.functionName === '(garbage collector)') label = 'garbage collector';
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const m = /\/validation\/rules\/(.+)\.js$/.exec(byId.get(n).callFrame.url);
      if (m) label = `rules/${m[1]}`;
    }
    label ??= leaf.callFrame.functionName === '(idle)' ? 'idle' : 'engine (reading, structure, field checks)';
    cost.set(label, (cost.get(label) ?? 0) + dt);
  });
  const rows = [...cost].sort((a, b) => b[1] - a[1]).map(([label, us]) => ({ label, seconds: us / 1e6, share: us / total }));
  if (rest.includes('--json')) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else for (const r of rows) process.stdout.write(`${(r.share * 100).toFixed(1).padStart(5)}%  ${r.seconds.toFixed(2).padStart(7)} s  ${r.label}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
