/** `cwrkit senders add CODE --name NAME | list`: local submitters known to the society. */
import type { Command } from 'commander';
import { normaliseSender } from '../../app/import.js';
import { SendersRepository } from '../../catalogue/repositories/senders.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError } from '../exit-codes.js';
import { openFromFlags, withDbOption, type SettingsFlags } from '../settings-flags.js';

interface Flags extends SettingsFlags {
  json?: boolean;
  name?: string;
  ipi?: string;
}

export function registerSenders(program: Command, ctx: CliContext): void {
  const senders = program.command('senders').description('Local submitters (publishers, agents) whose CWR files the society accepts');
  withExamples(senders, 'cwrkit senders add QMP --name "QAZAQ MUSIC PUBLISHING" --ipi 00712345669', 'cwrkit senders list');

  const add = senders
    .command('add')
    .description('Register a local sender (its HDR sender code or id)')
    .argument('<code>', 'sender code (3.x) or sender id (2.x HDR)')
    .requiredOption('--name <name>', 'sender name')
    .option('--ipi <ipi>', 'IPI name number of the sender')
    .option('--json', 'print one JSON document');
  withDbOption(add);
  withExamples(add, 'cwrkit senders add 712345669 --name "QAZAQ MUSIC PUBLISHING"');
  add.action((code: string, flags: Flags, command: Command) => {
    const out = ctx.output(command);
    if (!/^[A-Za-z0-9]{1,11}$/.test(code.trim())) throw new CliError(`sender code must be 1 to 11 letters or digits, not "${code}"`);
    const ipi = flags.ipi?.trim();
    if (ipi !== undefined && !/^[0-9]{1,11}$/.test(ipi)) throw new CliError(`--ipi must be an IPI name number (up to 11 digits), not "${flags.ipi ?? ''}"`);
    const { db } = openFromFlags(ctx, flags);
    try {
      const row = { code: normaliseSender(code), name: (flags.name ?? '').trim(), ipi: ipi === undefined ? null : ipi.padStart(11, '0'), added_at: new Date().toISOString() };
      const added = new SendersRepository(db).add(row);
      if (out.opts.json) out.json({ sender: row, added });
      else out.print(`${added ? 'added' : 'updated'} sender ${row.code} (${row.name})`);
    } finally {
      db.close();
    }
  });

  const list = senders.command('list').description('List the local senders').option('--json', 'print one JSON document');
  withDbOption(list);
  list.action((flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const { db } = openFromFlags(ctx, flags, { mustExist: true });
    try {
      const rows = new SendersRepository(db).list();
      if (out.opts.json) return out.json({ senders: rows });
      if (rows.length === 0) return out.print('no local senders (cwrkit senders add CODE --name NAME)');
      for (const r of rows) out.print(`${r.code.padEnd(12)} ${r.name}${r.ipi ? `  IPI ${r.ipi}` : ''}`);
    } finally {
      db.close();
    }
  });
}
