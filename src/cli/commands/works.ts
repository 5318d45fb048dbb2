/** `cwrkit works search|show|history`: find works in the catalogue, show one, trace its changes. */
import type { Command } from 'commander';
import { histories, search, showWorks } from '../../app/works.js';
import type { Db } from '../../catalogue/db.js';
import { renderHistory, renderSearch, renderWork } from '../../reporting/work-text.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { openFromFlags, withDbOption, type SettingsFlags } from '../settings-flags.js';

interface Flags extends SettingsFlags {
  json?: boolean;
  limit?: string;
  contains?: boolean;
}

/** Runs `fn` on the catalogue opened read-only, closing it afterwards. */
export function withCatalogue<T>(ctx: CliContext, flags: SettingsFlags, fn: (db: Db) => T): T {
  const { db } = openFromFlags(ctx, flags, { mustExist: true, readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function parseLimit(text: string | undefined, dflt: number): number {
  if (text === undefined) return dflt;
  if (!/^[0-9]+$/.test(text) || Number(text) < 1 || Number(text) > 1000) throw new CliError(`--limit must be a whole number from 1 to 1000, not "${text}"`);
  return Number(text);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function registerWorks(program: Command, ctx: CliContext): void {
  const works = program.command('works').description('Search, show and trace the history of works in the catalogue');
  withExamples(works, 'cwrkit works search "dala aeni"', 'cwrkit works show T3210001013', 'cwrkit works history QMP-0001 --json');

  const searchCmd = works
    .command('search')
    .description('Find works by title, alternate title, writer or publisher name, ISWC or IPI (accents, case and Cyrillic/Latin spelling do not matter)')
    .argument('<text...>', 'what to look for')
    .option('--limit <n>', 'at most this many works (1-1000)', '20')
    .option('--contains', 'also find titles containing the text anywhere (reads every title: slow on big catalogues)')
    .option('--json', 'one JSON document');
  withDbOption(searchCmd);
  withExamples(searchCmd, 'cwrkit works search "dala aeni"', 'cwrkit works search Дала әні --json', 'cwrkit works search T3210001013', 'cwrkit works search 00441122310');
  searchCmd.action((words: string[], flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const text = words.join(' ');
    const limit = parseLimit(flags.limit, 20);
    const hits = withCatalogue(ctx, flags, (db) => search(db, text, { limit, contains: flags.contains === true }));
    if (out.opts.json) out.json({ schemaVersion: 1, query: text, count: hits.length, works: hits });
    else out.print(renderSearch(hits, out.out));
    if (hits.length === 0) ctx.fail(EXIT.FINDINGS);
  });

  const showCmd = works
    .command('show')
    .description('Show a work: titles, parties, shares per right and territory, identifiers, recordings, registrations, history')
    .argument('<ref>', 'ISWC, submitter work number, society work number or internal id (#123)')
    .option('--json', 'one JSON document');
  withDbOption(showCmd);
  withExamples(showCmd, 'cwrkit works show T-321.000.101-3', 'cwrkit works show QMP-0001 --json', 'cwrkit works show "#42"');
  showCmd.action((ref: string, flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const shown = withCatalogue(ctx, flags, (db) => showWorks(db, ref, today()));
    if (out.opts.json) out.json({ schemaVersion: 1, ref, count: shown.length, works: shown });
    else if (shown.length === 0) out.print(`no work matches "${ref}"`);
    else out.print(shown.map((s) => renderWork(s, out.out)).join('\n'));
    if (shown.length === 0) ctx.fail(EXIT.FINDINGS);
  });

  const historyCmd = works
    .command('history')
    .description('What changed between the registrations of a work, field by field (titles, parties, shares)')
    .argument('<ref>', 'ISWC, submitter work number, society work number or internal id (#123)')
    .option('--json', 'one JSON document');
  withDbOption(historyCmd);
  withExamples(historyCmd, 'cwrkit works history QMP-0001', 'cwrkit works history T3210001013 --json');
  historyCmd.action((ref: string, flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const list = withCatalogue(ctx, flags, (db) => histories(db, ref));
    if (out.opts.json) out.json({ schemaVersion: 1, ref, count: list.length, works: list });
    else if (list.length === 0) out.print(`no work matches "${ref}"`);
    else out.print(list.map((h) => renderHistory(h, out.out)).join('\n'));
    if (list.length === 0) ctx.fail(EXIT.FINDINGS);
  });
}
