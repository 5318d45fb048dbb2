/** What every command gets: the I/O, the output policy built from the global flags, and the exit code. */
import type { Command } from 'commander';
import { EXIT, type ExitCode } from './exit-codes.js';
import { Output, type Io } from './output.js';

export interface GlobalFlags {
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
  json?: boolean;
}

export class CliContext {
  exitCode: ExitCode = EXIT.OK;

  constructor(readonly io: Io) {}

  /** The output for a command, honouring global flags and the command's own --json. */
  output(cmd: Command): Output {
    const flags = cmd.optsWithGlobals<GlobalFlags>();
    return new Output(this.io, {
      json: flags.json === true,
      quiet: flags.quiet === true,
      verbose: flags.verbose === true,
      color: flags.color,
    });
  }

  /** Keeps the worst exit code seen (findings never hide a usage error). */
  fail(code: ExitCode): void {
    if (code > this.exitCode) this.exitCode = code;
  }
}

/** Adds an "Example:" block to a command's help. */
export function withExamples(cmd: Command, ...examples: string[]): Command {
  return cmd.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}
