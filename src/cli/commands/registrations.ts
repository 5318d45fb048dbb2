/** `cwrkit registrations`: Track what was registered with which society and what they answered */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerRegistrations(program: Command, _ctx: CliContext): void {
  program
    .command('registrations')
    .description('Track what was registered with which society and what they answered (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit registrations is not available yet');
    });
}
