/** `cwrkit conflicts`: works registered by two submitters, and shares claimed above 100%. */
import type { Command } from 'commander';
import { ConflictsRepository, type ConflictView } from '../../catalogue/repositories/conflicts.js';
import { formatShare } from '../../domain/share.js';
import { withExamples, type CliContext } from '../context.js';
import { openFromFlags, withDbOption, type SettingsFlags } from '../settings-flags.js';

interface Flags extends SettingsFlags {
  json?: boolean;
  all?: boolean;
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
  return `#${c.id} ${c.kind.padEnd(9)} ${c.submitter}/${c.submitter_work_number} "${c.title}"${other}: ${what}`;
}

export function registerConflicts(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('conflicts')
    .description('List conflicts found on import: duplicate registrations and shares above 100%')
    .option('--json', 'print one JSON document')
    .option('--all', 'include resolved conflicts');
  withDbOption(cmd);
  withExamples(cmd, 'cwrkit conflicts', 'cwrkit conflicts --json --db /srv/kazak/cwrkit.db');
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
}
