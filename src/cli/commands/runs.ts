/** `cwrkit runs`: List import runs and undo one */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerRuns(program: Command, _ctx: CliContext): void {
  program
    .command('runs')
    .description('List import runs and undo one (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit runs is not available yet');
    });
}
