/** `cwrkit parties show IPI`: a party with its affiliations and works. */
import type { Command } from 'commander';
import { showParties } from '../../app/works.js';
import { renderParty } from '../../reporting/work-text.js';
import { withExamples, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { withDbOption, type SettingsFlags } from '../settings-flags.js';
import { parseLimit, withCatalogue } from './works.js';

interface Flags extends SettingsFlags {
  json?: boolean;
  limit?: string;
}

export function registerParties(program: Command, ctx: CliContext): void {
  const parties = program.command('parties').description('Interested parties in the catalogue: writers and publishers with their works');
  withExamples(parties, 'cwrkit parties show 00441122310');
  const show = parties
    .command('show')
    .description('Show a party by IPI name number (or IPI base number): names, affiliations, works with role and shares')
    .argument('<ipi>', 'IPI name number (zero padding optional) or IPI base number I-123456789-3')
    .option('--limit <n>', 'at most this many works listed (1-1000)', '200')
    .option('--json', 'one JSON document');
  withDbOption(show);
  withExamples(show, 'cwrkit parties show 00441122310', 'cwrkit parties show I-000112233-2 --json');
  show.action((ipi: string, flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const limit = parseLimit(flags.limit, 200);
    const found = withCatalogue(ctx, flags, (db) => showParties(db, ipi, limit));
    if (out.opts.json) out.json({ schemaVersion: 1, ref: ipi, count: found.length, parties: found });
    else if (found.length === 0) out.print(`no party with IPI "${ipi}"`);
    else out.print(found.map((p) => renderParty(p, out.out)).join('\n'));
    if (found.length === 0) ctx.fail(EXIT.FINDINGS);
  });
}
