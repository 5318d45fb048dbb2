/** The documented exit codes of every cwrkit command (also in README.md). */
export const EXIT = {
  /** Success; for checks: nothing that needs a person. */
  OK: 0,
  /** The command ran, and the input had errors or findings. */
  FINDINGS: 1,
  /** Usage error, or input that cannot be read at all (missing file, unsupported encoding). */
  USAGE: 2,
  /** Another run holds the lock (cron inbox) or the catalogue stayed busy: try again later. */
  BUSY: 3,
  /** Internal error: a bug. Re-run with --verbose for the stack trace. */
  INTERNAL: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An operational failure with the exit code it maps to (not a data problem: those are diagnostics). */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.USAGE,
    readonly code = 'CWRKIT_USAGE',
  ) {
    super(message);
  }
}
