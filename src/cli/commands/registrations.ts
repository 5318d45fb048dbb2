/** `cwrkit registrations`: what was sent to which society, and what the acknowledgements said. */
import type { Command } from 'commander';
import { listRegistrations, type RegistrationState } from '../../catalogue/queries/registrations.js';
import { normaliseSociety } from '../../config.js';
import { renderRegistrations } from '../../reporting/work-text.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { withDbOption, type SettingsFlags } from '../settings-flags.js';
import { parseLimit, today, withCatalogue } from './works.js';

interface Flags extends SettingsFlags {
  society?: string;
  status?: string;
  stale?: string;
  limit?: string;
  json?: boolean;
}

const STATES: readonly RegistrationState[] = ['rejected', 'pending', 'accepted'];

export function registerRegistrations(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('registrations')
    .description('Registrations sent to societies and their acknowledgements: outstanding, rejected, stale')
    .option('--society <code>', 'only registrations with this society')
    .option('--status <state>', 'only rejected, pending (no final ACK yet) or accepted')
    .option('--stale <days>', 'only pending registrations sent more than this many days ago')
    .option('--limit <n>', 'at most this many rows (1-1000)', '1000')
    .option('--json', 'one JSON document');
  withDbOption(cmd);
  withExamples(cmd, 'cwrkit registrations --society 052', 'cwrkit registrations --status rejected --json', 'cwrkit registrations --stale 30');
  cmd.action((flags: Flags, command: Command) => {
    const out = ctx.output(command);
    let societyCode: string | undefined;
    if (flags.society !== undefined) {
      try {
        societyCode = normaliseSociety(flags.society);
      } catch {
        throw new CliError(`--society must be a CISAC society code (1 to 3 digits), not "${flags.society}"`);
      }
    }
    if (flags.status !== undefined && !(STATES as readonly string[]).includes(flags.status)) {
      throw new CliError(`--status must be rejected, pending or accepted, not "${flags.status}"`);
    }
    if (flags.stale !== undefined && !/^[0-9]+$/.test(flags.stale)) throw new CliError(`--stale must be a whole number of days, not "${flags.stale}"`);
    const limit = parseLimit(flags.limit, 1000);
    const rows = withCatalogue(ctx, flags, (db) =>
      listRegistrations(db, {
        ...(societyCode !== undefined ? { society: societyCode } : {}),
        ...(flags.status !== undefined ? { state: flags.status as RegistrationState } : {}),
        ...(flags.stale !== undefined ? { staleDays: Number(flags.stale) } : {}),
        today: today(),
        limit,
      }),
    );
    const counts = { accepted: 0, rejected: 0, pending: 0 };
    for (const r of rows) counts[r.state]++;
    if (out.opts.json) {
      out.json({ schemaVersion: 1, count: rows.length, counts, registrations: rows });
    } else {
      out.print(rows.length === 0 ? 'no registration matches' : renderRegistrations(rows, out.out) + `${rows.length} registration(s): ${counts.accepted} accepted, ${counts.pending} pending, ${counts.rejected} rejected`);
    }
    // Rejected or stale registrations need a person.
    if (rows.some((r) => r.state === 'rejected') || (flags.stale !== undefined && rows.length > 0)) ctx.fail(EXIT.FINDINGS);
  });
}
