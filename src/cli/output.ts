/**
 * Output policy in one place: data on stdout, everything else on stderr; colour only on a TTY
 * (NO_COLOR, TERM=dumb and --no-color respected); spinners only when stderr is a TTY and the
 * run is neither --quiet nor --json; nothing on stderr under cron unless something needs a person.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Ora } from 'ora';

/** ora is loaded only when a spinner can be shown (stderr is a TTY): `loadSpinners` at start-up. */
let makeOra: typeof import('ora').default | undefined;

/** Loads the spinner library when stderr is a terminal (keeps non-interactive runs light). */
export async function loadSpinners(io: Io): Promise<void> {
  if (io.stderr.isTTY === true && makeOra === undefined) makeOra = (await import('ora')).default;
}

export interface TextSink {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export interface OutputOptions {
  json: boolean;
  quiet: boolean;
  verbose: boolean;
  color: boolean | undefined;
}

export interface Spinner {
  text(t: string): void;
  stop(): void;
}

const NO_SPINNER: Spinner = { text: () => undefined, stop: () => undefined };

export class Output {
  readonly out: ChalkInstance;
  readonly err: ChalkInstance;

  constructor(
    readonly io: Io,
    readonly opts: OutputOptions,
  ) {
    const env = io.env;
    const noColor = opts.color === false || (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') || env['TERM'] === 'dumb';
    const force = opts.color === true || (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false');
    const level = (tty: boolean | undefined): 0 | 1 => (noColor ? 0 : force || tty === true ? 1 : 0);
    this.out = new Chalk({ level: level(io.stdout.isTTY) });
    this.err = new Chalk({ level: level(io.stderr.isTTY) });
  }

  /** Data: always printed (the result of the command). */
  print(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }

  json(value: unknown): void {
    this.io.stdout.write(JSON.stringify(value, jsonReplacer, 2) + '\n');
  }

  /** One JSON document per line. */
  ndjson(value: unknown): void {
    this.io.stdout.write(JSON.stringify(value, jsonReplacer) + '\n');
  }

  /** Progress and notes for a person: stderr, suppressed by --quiet and --json. */
  info(text: string): void {
    if (this.opts.quiet || this.opts.json) return;
    this.io.stderr.write(text + '\n');
  }

  /** Something a person must see: always on stderr. */
  warn(text: string): void {
    this.io.stderr.write(this.err.yellow(text) + '\n');
  }

  error(text: string): void {
    this.io.stderr.write(this.err.red(`cwrkit: ${text}`) + '\n');
  }

  debug(text: string): void {
    if (this.opts.verbose) this.io.stderr.write(this.err.dim(text) + '\n');
  }

  spinner(text: string): Spinner {
    const tty = this.io.stderr.isTTY === true && this.io.env['TERM'] !== 'dumb' && !this.io.env['CI'];
    if (!tty || this.opts.quiet || this.opts.json || makeOra === undefined) return NO_SPINNER;
    const s: Ora = makeOra({ text, stream: process.stderr, discardStdin: false }).start();
    return { text: (t) => void (s.text = t), stop: () => void s.stop() };
  }
}

/** JSON.stringify replacer: bigint as decimal strings, Maps as objects, Sets as arrays. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}
