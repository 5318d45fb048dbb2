/** `cwrkit parties`: Show an interested party of the catalogue */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerParties(program: Command, _ctx: CliContext): void {
  program
    .command('parties')
    .description('Show an interested party of the catalogue (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit parties is not available yet');
    });
}
