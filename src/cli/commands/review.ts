/** `cwrkit review [STATEMENT_ID]` and `cwrkit review accept|reject LINE_ID [--work REF]`. */
import type { Command } from 'commander';
import { decide, reviewList, ReviewError } from '../../app/review.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { openFromFlags, withDbOption, type SettingsFlags } from '../settings-flags.js';

interface Flags extends SettingsFlags {
  json?: boolean;
  work?: string;
  limit?: string;
}

function positive(text: string, what: string): number {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1) throw new CliError(`${what} is a positive whole number, not "${text}"`);
  return Number(text);
}

export function registerReview(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('review')
    .description('Review match candidates and unmatched statement lines; accept or reject a candidate work (remembered for the next reconciliation)')
    .argument('[statement]', 'statement id (default: every reconciled statement)')
    .option('--json', 'one JSON document')
    .option('--limit <n>', 'at most this many lines', '200');
  withDbOption(cmd);
  withExamples(cmd, 'cwrkit review', 'cwrkit review 1 --json', 'cwrkit review accept 42', 'cwrkit review accept 43 --work T0345246801', 'cwrkit review reject 44');
  cmd.action((statement: string | undefined, flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const id = statement === undefined ? null : positive(statement, 'a statement id');
    const limit = positive(flags.limit ?? '200', '--limit');
    const { db } = openFromFlags(ctx, flags, { mustExist: true });
    try {
      const items = reviewList(db, id, limit);
      if (out.opts.json) out.json({ schemaVersion: 1, count: items.length, lines: items });
      else if (items.length === 0) out.print('nothing to review');
      else {
        for (const l of items) {
          out.print(`${out.out.bold(`line ${l.id}`)} statement ${l.statement} ${l.ref ?? ''} ${l.status === 'review' ? out.out.yellow('review') : out.out.red('unmatched')} ${l.key ?? ''} ${l.net}`);
          for (const c of l.candidates.slice(0, 3)) out.print(`    candidate work ${c.workId} "${c.title}" score ${c.score}${c.writerConfirmed ? ' (writer confirmed)' : ''}`);
        }
        out.print(`${items.length} line(s); cwrkit review accept LINE [--work REF] or reject LINE, then reconcile again`);
      }
      if (items.length > 0) ctx.fail(EXIT.FINDINGS);
    } finally {
      db.close();
    }
  });

  for (const decision of ['accept', 'reject'] as const) {
    const sub = cmd
      .command(decision)
      .description(decision === 'accept' ? 'Accept a work for a line (its best candidate, or --work): the next reconciliation matches that society work code to it' : 'Reject a candidate work for a line (its best candidate, or --work): it is no longer proposed')
      .argument('<line>', 'reconciliation line id (from cwrkit review)')
      .option('--work <ref>', 'work id, ISWC or submitter work number')
      .option('--json', 'one JSON document');
    withDbOption(sub);
    withExamples(sub, `cwrkit review ${decision} 42`, `cwrkit review ${decision} 42 --work T0345246801`);
    sub.action((line: string, _flags: Flags, command: Command) => {
      const out = ctx.output(command);
      const flags = command.optsWithGlobals<Flags>();
      const lineId = positive(line, 'a line id');
      const { db } = openFromFlags(ctx, flags, { mustExist: true });
      try {
        const r = decide(db, lineId, decision, flags.work ?? null);
        if (out.opts.json) out.json({ schemaVersion: 1, ...r });
        else out.print(`${decision === 'accept' ? 'accepted' : 'rejected'} work ${r.work} "${r.title ?? ''}" for society ${r.fromSociety} code ${r.workCode}; run cwrkit reconcile ${r.statement} to apply`);
      } catch (e) {
        if (e instanceof ReviewError) throw new CliError(e.message, EXIT.USAGE, 'CWRKIT_REVIEW');
        throw e;
      } finally {
        db.close();
      }
    });
  }
}
