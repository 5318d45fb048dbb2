/** `cwrkit rules`: List the validation rules with their ids, CISAC levels and sources */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerRules(program: Command, _ctx: CliContext): void {
  program
    .command('rules')
    .description('List the validation rules with their ids, CISAC levels and sources (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit rules is not available yet');
    });
}
