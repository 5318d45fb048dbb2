/** `cwrkit distribute USAGE.csv`: split a local amount over works by use, then over parties by share. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { distribute, DistributeError, KAZAKHSTAN } from '../../app/distribute.js';
import { DistributionsRepository } from '../../catalogue/repositories/distributions.js';
import { normaliseTis } from '../../domain/territories.js';
import { renderDiagnostic } from '../../reporting/diagnostics-text.js';
import { isRight } from '../../statements/model.js';
import { withExamples, type CliContext } from '../context.js';
import { distributionJson, distributionText } from './distribution-view.js';
import { CliError, EXIT } from '../exit-codes.js';
import { openFromFlags, withDbOption, withSocietyOption, type SettingsFlags } from '../settings-flags.js';

interface Flags extends SettingsFlags {
  amount: string;
  currency?: string;
  right: string;
  period?: string;
  territory: string;
  json?: boolean;
}

export function registerDistribute(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('distribute')
    .description('Distribute a local amount over works by usage, then over each work\'s parties by collection share')
    .argument('<usage>', 'CSV with a header: work (ISWC, submitter or society work number, cwrkit id), uses, optional title')
    .requiredOption('--amount <amount>', 'the amount to distribute, e.g. 1000000.00')
    .option('--currency <code>', 'ISO 4217 currency of the amount (default: settings currency, KZT)')
    .option('--right <right>', 'PR, MR or SR', 'PR')
    .option('--period <period>', 'distribution period, e.g. 2026Q3')
    .option('--territory <tis>', 'TIS code the collection shares are taken for', KAZAKHSTAN)
    .option('--json', 'print a JSON document');
  withDbOption(cmd);
  withSocietyOption(cmd);
  withExamples(cmd, 'cwrkit distribute radio-2026q3.csv --amount 1000000.00 --currency KZT --period 2026Q3', 'cwrkit distribute usage.csv --amount 250000 --right MR --json');
  cmd.action(async (usage: string, flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const right = flags.right.toUpperCase();
    if (!isRight(right)) throw new CliError('--right must be PR, MR or SR');
    if (flags.period !== undefined && !/^\d{4}(Q[1-4]|H[12]|-\d{2})?$/i.test(flags.period)) throw new CliError('--period must look like 2026Q3, 2026H1, 2026-07 or 2026');
    if (!/^[0-9]{1,4}$/.test(flags.territory)) throw new CliError('--territory must be a TIS numeric code such as 0398');
    const { db, settings } = openFromFlags(ctx, flags);
    try {
      const r = await distribute(db, {
        usagePath: resolve(ctx.io.cwd, usage),
        amount: flags.amount,
        currency: flags.currency ?? settings.currency,
        right,
        period: flags.period?.toUpperCase() ?? null,
        society: settings.society,
        territory: normaliseTis(flags.territory),
      });
      if (r.id === null) {
        if (out.opts.json) out.json({ schemaVersion: 1, id: null, diagnostics: r.diagnostics.map((d) => ({ rule: d.rule, line: d.line, column: d.column, field: d.field, message: d.message })) });
        else for (const d of r.diagnostics) ctx.io.stderr.write(renderDiagnostic(d, { file: usage, lines: new Map(), color: out.err }));
        out.error(`${usage}: no distribution was made`);
        ctx.fail(EXIT.FINDINGS);
        return;
      }
      const view = { ...r, id: r.id, societies: new DistributionsRepository(db).totalsBySociety(r.id) };
      if (out.opts.json) out.json(distributionJson(view));
      else out.print(distributionText(view));
      if (r.unmatched.length > 0) ctx.fail(EXIT.FINDINGS);
    } catch (e) {
      if (e instanceof DistributeError) throw new CliError(e.message);
      throw e;
    } finally {
      db.close();
    }
  });
}
