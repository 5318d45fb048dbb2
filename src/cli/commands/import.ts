/** `cwrkit import`: Import CWR registrations and acknowledgements into the catalogue */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerImport(program: Command, _ctx: CliContext): void {
  program
    .command('import')
    .description('Import CWR registrations and acknowledgements into the catalogue (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit import is not available yet');
    });
}
