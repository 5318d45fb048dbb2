/** Every sub-command, in the order `cwrkit --help` lists them. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
export type Register = (program: Command, ctx: CliContext) => void;

/** A sub-command by name, with a loader for its module (loaded only when it runs or help lists it). */
export interface CommandEntry {
  readonly name: string;
  load(): Promise<Register>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'demo', load: async () => (await import('./demo.js')).registerDemo },
  // reading and checking CWR
  { name: 'parse', load: async () => (await import('./parse.js')).registerParse },
  { name: 'view', load: async () => (await import('./view.js')).registerView },
  { name: 'validate', load: async () => (await import('./validate.js')).registerValidate },
  { name: 'rules', load: async () => (await import('./rules.js')).registerRules },
  { name: 'ack', load: async () => (await import('./ack.js')).registerAck },
  { name: 'convert', load: async () => (await import('./convert.js')).registerConvert },
  { name: 'senders', load: async () => (await import('./senders.js')).registerSenders },
  // the catalogue
  { name: 'import', load: async () => (await import('./import.js')).registerImport },
  { name: 'works', load: async () => (await import('./works.js')).registerWorks },
  { name: 'parties', load: async () => (await import('./parties.js')).registerParties },
  { name: 'conflicts', load: async () => (await import('./conflicts.js')).registerConflicts },
  { name: 'registrations', load: async () => (await import('./registrations.js')).registerRegistrations },
  { name: 'export', load: async () => (await import('./export.js')).registerExport },
  { name: 'runs', load: async () => (await import('./runs.js')).registerRuns },
  // money
  { name: 'statement', load: async () => (await import('./statement.js')).registerStatement },
  { name: 'distribute', load: async () => (await import('./distribute.js')).registerDistribute },
  { name: 'distributions', load: async () => (await import('./distributions.js')).registerDistributions },
  { name: 'reconcile', load: async () => (await import('./reconcile.js')).registerReconcile },
  { name: 'review', load: async () => (await import('./review.js')).registerReview },
];

/**
 * The registrations a command line needs: only the named sub-command's module when the first
 * argument names one (start-up stays fast for cron and scripts), every module otherwise (help,
 * typos with suggestions, no command).
 */
export async function commandsFor(argv: readonly string[]): Promise<Register[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const named = COMMANDS.find((c) => c.name === first);
  const help = argv.includes('--help') || argv.includes('-h') || first === 'help';
  if (named === undefined && !help && (argv.includes('--version') || argv.includes('-V'))) return [];
  const wanted = named !== undefined && !help ? [named] : COMMANDS;
  return Promise.all(wanted.map((c) => c.load()));
}
