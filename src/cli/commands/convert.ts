/** `cwrkit convert`: Convert a CWR file to another CWR version, reporting what the target cannot carry */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerConvert(program: Command, _ctx: CliContext): void {
  program
    .command('convert')
    .description('Convert a CWR file to another CWR version, reporting what the target cannot carry (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit convert is not available yet');
    });
}
