/** `cwrkit export`: Export works from the catalogue as CWR for a society */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerExport(program: Command, _ctx: CliContext): void {
  program
    .command('export')
    .description('Export works from the catalogue as CWR for a society (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit export is not available yet');
    });
}
