/** `cwrkit distribute`: Distribute a local amount over works by usage and write the result */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerDistribute(program: Command, _ctx: CliContext): void {
  program
    .command('distribute')
    .description('Distribute a local amount over works by usage and write the result (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit distribute is not available yet');
    });
}
