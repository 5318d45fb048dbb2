// Builds dist/ once before the suite, so end-to-end tests spawn the CLI as users run it.
// tsc emits even when it finds type errors; those are reported by test/unit/typecheck.test.ts,
// so one type error fails one test instead of hiding every other result.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env['CWRKIT_SKIP_BUILD'] === '1') return;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`tsc reported errors (see typecheck test):\n${r.stdout}${r.stderr}`);
}
