/** `cwrkit reconcile`: Reconcile incoming statements against the catalogue (interactive or from cron) */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';

export function registerReconcile(program: Command, _ctx: CliContext): void {
  program
    .command('reconcile')
    .description('Reconcile incoming statements against the catalogue (interactive or from cron) (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new CliError('cwrkit reconcile is not available yet');
    });
}
