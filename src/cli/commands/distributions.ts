/** `cwrkit distributions [ID]`: the local distributions made so far, or one of them in detail. */
import type { Command } from 'commander';
import { DistributionsRepository, type Distribution } from '../../catalogue/repositories/distributions.js';
import { formatUnits } from '../../domain/money.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { openFromFlags, withDbOption, type SettingsFlags } from '../settings-flags.js';
import { distributionJson, distributionText } from './distribution-view.js';

interface Flags extends SettingsFlags {
  json?: boolean;
}

function summaryJson(d: Distribution): Record<string, unknown> {
  const fmt = (v: bigint): string => formatUnits(v, d.scale);
  return {
    id: d.id,
    createdAt: d.createdAt,
    period: d.period,
    right: d.right,
    territory: d.territory,
    currency: d.currency,
    amount: fmt(d.amount),
    allocated: fmt(d.allocated),
    unallocated: fmt(d.unallocated),
    usageFile: d.usageFile,
    lines: d.usageLines,
    matched: d.matched,
    unmatched: d.unmatched,
  };
}

export function registerDistributions(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('distributions')
    .description('List the local distributions made with `cwrkit distribute`, or show one: works, societies, what is held')
    .argument('[id]', 'a distribution id: show it in detail')
    .option('--json', 'print one JSON document');
  withDbOption(cmd);
  withExamples(cmd, 'cwrkit distributions', 'cwrkit distributions 3 --json');
  cmd.action((id: string | undefined, flags: Flags, command: Command) => {
    const out = ctx.output(command);
    if (id !== undefined && !/^[1-9][0-9]*$/.test(id)) throw new CliError(`a distribution id is a number (see cwrkit distributions), not "${id}"`);
    const { db } = openFromFlags(ctx, flags, { mustExist: true });
    try {
      const repo = new DistributionsRepository(db);
      if (id === undefined) {
        const all = repo.list();
        if (out.opts.json) return out.json({ schemaVersion: 1, distributions: all.map(summaryJson) });
        if (all.length === 0) return out.print('no distributions yet (cwrkit distribute USAGE.csv --amount ... makes one)');
        for (const d of all) {
          const fmt = (v: bigint): string => formatUnits(v, d.scale);
          out.print(`${String(d.id).padStart(4)}  ${d.createdAt.slice(0, 10)}  ${d.period ?? '-'}  ${d.right} ${d.territory}  ${fmt(d.amount)} ${d.currency}: paid ${fmt(d.allocated)}, held ${fmt(d.unallocated)}  (${d.matched}/${d.usageLines} lines, ${d.usageFile})`);
        }
        return;
      }
      const d = repo.get(Number(id));
      if (d === null) throw new CliError(`no distribution ${id} (see cwrkit distributions)`);
      const view = {
        id: d.id,
        currency: d.currency,
        scale: d.scale,
        amount: d.amount,
        allocated: d.allocated,
        unallocated: d.unallocated,
        lines: d.usageLines,
        matched: d.matched,
        works: repo.works(d.id),
        societies: repo.totalsBySociety(d.id),
        unmatched: repo.unmatched(d.id),
      };
      if (out.opts.json) out.json(distributionJson(view));
      else out.print(distributionText(view));
      if (view.unmatched.length > 0) ctx.fail(EXIT.FINDINGS);
    } finally {
      db.close();
    }
  });
}
