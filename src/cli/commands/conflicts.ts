/** `cwrkit conflicts`: works registered by two submitters, and shares claimed above 100%. */
import type { Command } from 'commander';
import { ConflictsRepository, type ConflictView } from '../../catalogue/repositories/conflicts.js';
import { formatShare } from '../../domain/share.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { openFromFlags, withDbOption, type SettingsFlags } from '../settings-flags.js';

interface Flags extends SettingsFlags {
  json?: boolean;
  all?: boolean;
  note?: string;
}

function conflictJson(c: ConflictView): Record<string, unknown> {
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    run: c.run_id,
    work: { id: c.work_id, submitter: c.submitter, submitterWorkNumber: c.submitter_work_number, title: c.title },
    other: c.other_work_id === null ? null : { id: c.other_work_id, submitter: c.other_submitter, submitterWorkNumber: c.other_submitter_work_number },
    right: c.right,
    territory: c.territory,
    total: c.total,
    details: JSON.parse(c.details) as unknown,
    createdAt: c.created_at,
    resolvedAt: c.resolved_at,
    resolution: c.resolution,
  };
}

function describe(c: ConflictView): string {
  const other = c.other_work_id === null ? '' : ` vs ${c.other_submitter ?? '?'}/${c.other_submitter_work_number ?? '?'}`;
  const what =
    c.kind === 'shares'
      ? `${c.right ?? ''} shares in territory ${c.territory ?? ''} claimed ${formatShare(c.total)}%`
      : c.kind === 'duplicate'
        ? 'registered by another submitter'
        : 'EXC received from a society';
  const resolved = c.status === 'resolved' ? ` [resolved ${c.resolved_at ?? ''}${c.resolution ? `: ${c.resolution}` : ''}]` : '';
  return `#${c.id} ${c.kind.padEnd(9)} ${c.submitter}/${c.submitter_work_number} "${c.title}"${other}: ${what}${resolved}`;
}

/** Conflict ids from the command line (positive integers). */
function ids(args: readonly string[]): number[] {
  for (const a of args) if (!/^[0-9]+$/.test(a) || Number(a) === 0) throw new CliError(`conflict ids are numbers (see cwrkit conflicts), not "${a}"`);
  return args.map(Number);
}

export function registerConflicts(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('conflicts')
    .description('List conflicts found on import (duplicate registrations, shares above 100%); resolve or reopen them')
    .option('--json', 'print one JSON document')
    .option('--all', 'include resolved conflicts');
  withDbOption(cmd);
  withExamples(cmd, 'cwrkit conflicts', 'cwrkit conflicts --json --db /srv/kazak/cwrkit.db', 'cwrkit conflicts resolve 4 --note "distinct works"');
  cmd.action((flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const { db } = openFromFlags(ctx, flags, { mustExist: true });
    try {
      const list = new ConflictsRepository(db).list({ all: flags.all === true });
      if (out.opts.json) return out.json({ conflicts: list.map(conflictJson) });
      if (list.length === 0) return out.print('no open conflicts');
      for (const c of list) out.print(describe(c));
    } finally {
      db.close();
    }
  });

  // A person's decision: resolved conflicts no longer make the ACK answer CO or DU.
  const change = (name: 'resolve' | 'reopen', description: string, examples: string[]): void => {
    const sub = cmd.command(name).description(description).argument('<ids...>', 'conflict ids (see cwrkit conflicts)').option('--json', 'print one JSON document');
    if (name === 'resolve') sub.requiredOption('--note <text>', 'why: what was decided (kept with the conflict)');
    withDbOption(sub);
    withExamples(sub, ...examples);
    sub.action((args: string[], own: Flags, command: Command) => {
      const out = ctx.output(command);
      // `conflicts` itself takes --db and --json: written after the sub-command they may land on either.
      const flags: Flags = { ...command.optsWithGlobals<Flags>(), ...own };
      const wanted = ids(args);
      const { db } = openFromFlags(ctx, flags, { mustExist: true });
      try {
        const repo = new ConflictsRepository(db);
        const changed = name === 'resolve' ? repo.resolve(wanted, (flags.note ?? '').trim(), new Date().toISOString()) : repo.reopen(wanted);
        const skipped = wanted.filter((id) => !changed.includes(id));
        if (out.opts.json) out.json({ [name === 'resolve' ? 'resolved' : 'reopened']: changed, unchanged: skipped });
        else {
          if (changed.length > 0) out.print(`${name === 'resolve' ? 'resolved' : 'reopened'}: ${changed.map((id) => `#${id}`).join(' ')}`);
          if (skipped.length > 0) out.warn(`not ${name === 'resolve' ? 'open' : 'resolved'} or unknown: ${skipped.map((id) => `#${id}`).join(' ')}`);
        }
        if (skipped.length > 0) ctx.fail(EXIT.FINDINGS);
      } finally {
        db.close();
      }
    });
  };
  change('resolve', 'Mark conflicts resolved, with the reason: the ACK answers AS/AC for their works again', ['cwrkit conflicts resolve 4 --note "distinct works: confirmed with both publishers"', 'cwrkit conflicts resolve 4 7 --note "PR shares corrected by REV" --json']);
  change('reopen', 'Open resolved conflicts again', ['cwrkit conflicts reopen 4']);
}
