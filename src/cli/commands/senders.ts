/** `cwrkit senders`: Register and list the local submitters the society accepts files from */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerSenders(program: Command, _ctx: CliContext): void {
  program
    .command('senders')
    .description('Register and list the local submitters the society accepts files from (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit senders is not available yet');
    });
}
