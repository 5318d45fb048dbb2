/** `cwrkit statement`: Import, list, show and export royalty statements (CRD, CSV, XML) */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerStatement(program: Command, _ctx: CliContext): void {
  program
    .command('statement')
    .description('Import, list, show and export royalty statements (CRD, CSV, XML) (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit statement is not available yet');
    });
}
