/**
 * The cwrkit program: builds the commander tree, maps failures to exit codes. `main` returns an
 * exit code and never calls process.exit, so tests can run it in-process.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { CliContext } from './context.js';
import { CliError, EXIT, type ExitCode } from './exit-codes.js';
import { loadSpinners, type Io } from './output.js';
import { COMMANDS, commandsFor, type Register } from './commands/index.js';

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The commander tree with the given sub-commands (all of them by default). */
export async function buildProgram(ctx: CliContext, commands?: readonly Register[]): Promise<Command> {
  const registers = commands ?? (await Promise.all(COMMANDS.map((c) => c.load())));
  const program = new Command('cwrkit')
    .description('CISAC CWR and CRD toolkit for collective management societies: read, validate, acknowledge, catalogue and reconcile.')
    .version(version(), '-V, --version')
    .option('-q, --quiet', 'print nothing on stderr unless something needs a person')
    .option('-v, --verbose', 'more detail on stderr (timings, stack traces)')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.io.stdout.write(s),
      writeErr: (s) => void ctx.io.stderr.write(s),
    })
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 the input had errors or findings, 2 usage error or unreadable input,
3 busy (another run holds the lock), 70 internal error.

Examples:
  $ cwrkit demo
  $ cwrkit validate CW260001ABC_177.V21
  $ cwrkit parse CW260001ABC_177.V21 --json
`,
    );
  for (const register of registers) register(program, ctx);
  // Sub-commands inherit the output configuration and error handling.
  const configure = (cmd: Command): void => {
    for (const sub of cmd.commands) {
      sub.exitOverride().configureOutput({
        writeOut: (s) => void ctx.io.stdout.write(s),
        writeErr: (s) => void ctx.io.stderr.write(s),
      });
      configure(sub);
    }
  };
  configure(program);
  return program;
}

/** Commander lets the program's own --version win anywhere on the line; after `export` it means
 * the CWR version to write, so it is handed to that command as --cwr-version. */
function routeVersionFlag(argv: readonly string[]): string[] {
  if (argv[0] !== 'export') return [...argv];
  return argv.map((a) => (a === '--version' ? '--cwr-version' : a.startsWith('--version=') ? `--cwr-version=${a.slice(10)}` : a));
}

export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const ctx = new CliContext(io);
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  try {
    await loadSpinners(io);
    const program = await buildProgram(ctx, await commandsFor(argv));
    await program.parseAsync(routeVersionFlag(argv), { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE;
    }
    if (err instanceof CliError) {
      io.stderr.write(`cwrkit: ${err.message}\n`);
      return err.exitCode;
    }
    const e = err as NodeJS.ErrnoException;
    if (e && typeof e === 'object' && (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR' || e.code === 'ENOTDIR')) {
      io.stderr.write(`cwrkit: cannot read ${e.path ?? 'input'}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : 'permission denied'}\n`);
      return EXIT.USAGE;
    }
    if (e && typeof e === 'object' && (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_LOCKED')) {
      io.stderr.write('cwrkit: the catalogue is busy (another process is writing); try again\n');
      return EXIT.BUSY;
    }
    io.stderr.write(`cwrkit: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (verbose && e instanceof Error && e.stack) io.stderr.write(e.stack + '\n');
    else io.stderr.write('Re-run with --verbose for details.\n');
    return EXIT.INTERNAL;
  }
}
