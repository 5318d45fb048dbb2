import { execa } from 'execa';
import { BIN } from './paths.js';

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Spawns the built CLI without a TTY, with colour off and a clean environment, as cron would. */
export async function runCli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  const r = await execa(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? process.cwd(),
    reject: false,
    extendEnv: false,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: opts.cwd ?? process.env['HOME'] ?? '/tmp', NO_COLOR: '1', TZ: 'UTC', ...opts.env },
    ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' as const }),
    timeout: 120_000,
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
