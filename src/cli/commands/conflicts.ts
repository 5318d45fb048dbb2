/** `cwrkit conflicts`: List share and duplicate conflicts found on import */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerConflicts(program: Command, _ctx: CliContext): void {
  program
    .command('conflicts')
    .description('List share and duplicate conflicts found on import (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit conflicts is not available yet');
    });
}
