/** `cwrkit runs list | undo RUN`: every import is a run; undo puts the catalogue back. */
import type { Command } from 'commander';
import { listRuns, undoRun, UndoError } from '../../app/runs.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { openFromFlags, withDbOption, type SettingsFlags } from '../settings-flags.js';

interface Flags extends SettingsFlags {
  json?: boolean;
  force?: boolean;
}

export function registerRuns(program: Command, ctx: CliContext): void {
  const runs = program.command('runs').description('List import runs and undo one');
  withExamples(runs, 'cwrkit runs list', 'cwrkit runs undo 3');

  const list = runs.command('list').description('List the import runs, newest last').option('--json', 'print one JSON document');
  withDbOption(list);
  withExamples(list, 'cwrkit runs list --json');
  list.action((flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const { db } = openFromFlags(ctx, flags, { mustExist: true });
    try {
      const all = listRuns(db);
      if (out.opts.json) return out.json({ runs: all });
      if (all.length === 0) return out.print('no runs yet (cwrkit import FILE creates one)');
      for (const r of all) {
        const w = r.works ? `works ${r.works.inserted} new, ${r.works.updated} updated, ${r.works.unchanged} unchanged` : '';
        const status = r.status === 'undone' ? out.out.dim(`undone ${r.undoneAt ?? ''}`) : 'done';
        out.print(`${String(r.id).padStart(4)}  ${r.startedAt}  ${r.command}  ${status}  ${r.files.map((f) => f.name).join(', ')}  ${w}`);
      }
    } finally {
      db.close();
    }
  });

  const undo = runs
    .command('undo')
    .description('Put the catalogue back as it was before a run')
    .argument('<run>', 'run id (see cwrkit runs list)')
    .option('--force', 'undo even when later runs changed the same works')
    .option('--json', 'print one JSON document');
  withDbOption(undo);
  withExamples(undo, 'cwrkit runs undo 3', 'cwrkit runs undo 3 --force');
  undo.action((run: string, flags: Flags, command: Command) => {
    const out = ctx.output(command);
    if (!/^[0-9]+$/.test(run)) throw new CliError(`run must be a number, not "${run}"`);
    const { db } = openFromFlags(ctx, flags, { mustExist: true });
    try {
      const r = undoRun(db, Number(run), { force: flags.force === true });
      db.pragma('wal_checkpoint(TRUNCATE)');
      if (out.opts.json) out.json({ undone: true, ...r });
      else out.print(`run ${r.run} undone: ${r.deleted} works removed, ${r.restored} works restored${r.laterRuns.length > 0 ? ` (forced over runs ${r.laterRuns.join(', ')})` : ''}`);
    } catch (e) {
      if (!(e instanceof UndoError)) throw e;
      if (e.code === 'CWRKIT_NO_RUN') throw new CliError(e.message, EXIT.USAGE, e.code);
      if (out.opts.json) out.json({ undone: false, run: Number(run), reason: e.code, message: e.message, laterRuns: e.laterRuns });
      else out.error(e.message);
      ctx.fail(EXIT.FINDINGS);
    } finally {
      db.close();
    }
  });
}
