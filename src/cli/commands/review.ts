/** `cwrkit review`: Review match candidates and unmatched statement lines */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerReview(program: Command, _ctx: CliContext): void {
  program
    .command('review')
    .description('Review match candidates and unmatched statement lines (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit review is not available yet');
    });
}
