/** `cwrkit works`: Search, show and trace the history of works in the catalogue */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerWorks(program: Command, _ctx: CliContext): void {
  program
    .command('works')
    .description('Search, show and trace the history of works in the catalogue (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit works is not available yet');
    });
}
