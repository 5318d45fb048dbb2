/** `cwrkit ack`: Write the acknowledgement (ACK) file a society sends back for a CWR file */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerAck(program: Command, _ctx: CliContext): void {
  program
    .command('ack')
    .description('Write the acknowledgement (ACK) file a society sends back for a CWR file (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit ack is not available yet');
    });
}
