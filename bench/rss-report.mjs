/**
 * Preloaded (node --import) into a process under measurement: on exit it writes the process's
 * peak resident set size and CPU time, as JSON, to the file named by CWRKIT_BENCH_REPORT.
 * Used by bench/read.mjs to measure the whole `cwrkit validate` process without touching it.
 */
import { writeFileSync } from 'node:fs';

const target = process.env['CWRKIT_BENCH_REPORT'];
if (target) {
  process.on('exit', (code) => {
    const u = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, exitCode: code }));
  });
}
