/**
 * `cwrkit reconcile STATEMENT_ID...`: reconcile stored statements against the catalogue;
 * `cwrkit reconcile --inbox DIR`: the cron flow (import + reconcile every new file, under a lock);
 * `cwrkit reconcile explain LINE`: the money path of one line.
 */
import type { Command } from 'commander';
import { kill } from 'node:process';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { DEFAULT_RULES, InboxError, parseRules, processInbox, type FileRoute } from '../../app/inbox.js';
import { parseRateFile, parseReceived, pickRate, rateForCurrency, ReconcileService, reconcileJson, writeReports } from '../../app/reconcile.js';
import { importStatement } from '../../app/statements.js';
import type { Db } from '../../catalogue/db.js';
import { ReconciliationRepository } from '../../catalogue/repositories/reconciliation.js';
import { parseRate, type Rate } from '../../reconcile/amounts.js';
import { ReconcileError } from '../../reconcile/engine.js';
import { ReportReader } from '../../reconcile/report.js';
import { sqlStatementSource } from '../../reconcile/statement-source.js';
import { renderReconcileSummary, type SummaryJson } from '../../reporting/reconcile-text.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { openFromFlags, withDbOption, withSocietyOption, type SettingsFlags } from '../settings-flags.js';

interface Flags extends SettingsFlags {
  json?: boolean;
  report?: string;
  csv?: string;
  rate?: string;
  rateFile?: string;
  received?: string;
  currency?: string;
  inbox?: string;
  archive?: string;
  fromFilenameRules?: string;
  maxUnmatched?: string;
  log?: string;
  manifestDir?: string;
}

function parseIds(ids: readonly string[]): number[] {
  return ids.map((t) => {
    if (!/^[0-9]+$/.test(t) || Number(t) < 1) throw new CliError(`a statement id is a positive whole number, not "${t}" (see cwrkit statement list)`);
    return Number(t);
  });
}

function rateFrom(flag: string | undefined): Rate | null {
  if (flag === undefined) return null;
  const r = parseRate(flag);
  if (r === null) throw new CliError(`--rate must look like EUR:KZT=512.34 (1 EUR = 512.34 KZT), not "${flag}"`);
  return r;
}

/** The rate for the lines of each currency of a statement: --rate (rateForCurrency), else the
 * matching rate of --rate-file. */
function ratesFrom(ctx: CliContext, flags: Flags): (currency: string, local: string, currencies: readonly string[]) => Rate | null {
  const fixed = rateFrom(flags.rate);
  if (fixed !== null || flags.rateFile === undefined) return (currency, local, currencies) => rateForCurrency(fixed, currency, local, currencies);
  const file = resolve(ctx.io.cwd, flags.rateFile);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`cannot read the rate file ${flags.rateFile}`);
  }
  const rates = parseRateFile(text);
  if (!Array.isArray(rates)) throw new CliError(`${flags.rateFile}:${rates.badLine}: a rate looks like EUR:KZT=512.34`);
  return (currency, local) => pickRate(rates, currency, local);
}

function isAlive(pid: number): boolean {
  try {
    kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function asCliError(e: unknown): never {
  if (e instanceof ReconcileError) throw new CliError(e.message, EXIT.USAGE, 'CWRKIT_RECONCILE');
  if (e instanceof InboxError) throw new CliError(e.message, e.code === 'CWRKIT_LOCKED' ? EXIT.BUSY : EXIT.USAGE, e.code);
  throw e;
}

export function registerReconcile(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('reconcile')
    .description('Reconcile incoming statements against the catalogue: match lines to works and parties, allocate to members, report (interactive or from cron)')
    .argument('[statements...]', 'ids of stored statements (cwrkit statement list)')
    .option('--json', 'one JSON document (an array when several statements)')
    .option('--report <file.html>', 'write a self-contained HTML report (one statement)')
    .option('--csv <dir>', 'write member statements and the unmatched list as CSV files into this folder')
    .option('--rate <A:B=R>', 'exchange rate from the statement currency to the local one, e.g. EUR:KZT=512.34')
    .option('--rate-file <file>', 'rates, one a line (EUR:KZT=512.34); the one for each statement currency is used')
    .option('--received <amount>', 'amount actually received (bank charges) for the statement\'s main currency: 1234.56 in that currency, or KZT:612345.00')
    .option('--currency <code>', 'local currency (default: settings, else KZT)')
    .option('--inbox <dir>', 'cron: import and reconcile every new statement file in this folder')
    .option('--archive <dir>', 'cron: move processed files here')
    .option('--from-filename-rules <file>', 'cron: JSON rules telling sender society and format from file names')
    .option('--max-unmatched <percent>', 'cron: a statement with more unmatched or review lines than this needs a person (exit 1)', '5')
    .option('--log <file>', 'cron: log file (default DIR/.cwrkit-reconcile.log; no personal data)')
    .option('--manifest-dir <dir>', 'cron: where run manifests go (default: the archive, else the inbox, /manifests)');
  withDbOption(cmd);
  withSocietyOption(cmd);
  withExamples(
    cmd,
    'cwrkit reconcile 1',
    'cwrkit reconcile 1 --rate EUR:KZT=512.34 --received KZT:2480000 --report stmt1.html --csv out/',
    'cwrkit reconcile 1 2 --json',
    'cwrkit reconcile --inbox /srv/statements/in --archive /srv/statements/done --quiet',
    'cwrkit reconcile explain 42',
  );
  cmd.action(async (ids: string[], flags: Flags, command: Command) => {
    const out = ctx.output(command);
    if (flags.inbox !== undefined) return runInbox(ctx, flags, command);
    if (ids.length === 0) throw new CliError('give statement ids (cwrkit statement list) or --inbox DIR');
    const statementIds = parseIds(ids);
    if (flags.report !== undefined && statementIds.length > 1) throw new CliError('--report writes one statement: give one id');
    const rateFor = ratesFrom(ctx, flags);
    const { db, settings } = openFromFlags(ctx, flags);
    try {
      const source = sqlStatementSource(db);
      const svc = new ReconcileService(db, source);
      const docs: Record<string, unknown>[] = [];
      for (const id of statementIds) {
        const header = source.header(id);
        if (header === null) throw new CliError(`no statement ${id} in ${settings.db} (import it with cwrkit statement import)`);
        const received = flags.received === undefined ? null : parseReceived(flags.received, header.currency, header.scale);
        if (flags.received !== undefined && received === null) throw new CliError(`--received must be a positive amount such as 1234.56 or KZT:612345.00, not "${flags.received}"`);
        const local = (flags.currency ?? settings.currency).toUpperCase();
        // One reconciliation per currency of the statement's lines, the main currency first.
        const currencies = source.currencies(id);
        if (received !== null && currencies.length > 1) out.warn(`statement ${id}: --received applies to its ${header.currency} lines only`);
        for (const currency of currencies) {
          const main = currency === header.currency;
          const spin = out.spinner(`reconciling statement ${id}${currencies.length > 1 ? ` (${currency})` : ''}`);
          let o;
          try {
            o = svc.reconcile(id, { society: settings.society, localCurrency: local, currency, rate: rateFor(currency, local, currencies), received: main ? received : null });
          } catch (e) {
            asCliError(e);
          } finally {
            spin.stop();
          }
          const doc = reconcileJson(o);
          docs.push(doc);
          const s = o.summary;
          if (s.unmatched > 0 || s.review > 0 || s.discrepancies > 0) ctx.fail(EXIT.FINDINGS);
          if (!out.opts.json) out.print(renderReconcileSummary(doc as unknown as SummaryJson, out.out, undefined, currencies.length > 1));
        }
        const written = writeReports(db, id, { ...(flags.report !== undefined ? { html: resolve(ctx.io.cwd, flags.report) } : {}), ...(flags.csv !== undefined ? { csvDir: resolve(ctx.io.cwd, flags.csv) } : {}) });
        for (const w of written) out.info(`wrote ${w}`);
      }
      if (out.opts.json) out.json(docs.length === 1 ? docs[0] : docs);
    } finally {
      db.close();
    }
  });

  const explain = cmd
    .command('explain')
    .description('The money path of one reconciled line: key -> work (score), party, registered share, rate, amount')
    .argument('<line>', 'reconciliation line id (as shown by cwrkit review) or the statement line reference')
    .option('--json', 'one JSON document');
  withDbOption(explain);
  withExamples(explain, 'cwrkit reconcile explain 42', 'cwrkit reconcile explain PRS-2026-000123 --json');
  explain.action((ref: string, _flags: Flags, command: Command) => {
    const out = ctx.output(command);
    // --db may be given before or after "explain": read it wherever commander put it.
    const flags = command.optsWithGlobals<Flags>();
    const { db } = openFromFlags(ctx, flags, { mustExist: true });
    try {
      const repo = new ReconciliationRepository(db);
      const row = /^[0-9]+$/.test(ref) ? (repo.line(Number(ref)) ?? repo.lineByRef(ref)) : repo.lineByRef(ref);
      if (!row) throw new CliError(`no reconciled line "${ref}" (run cwrkit reconcile first; see cwrkit review for line ids)`);
      const x = new ReportReader(db).explain(Number(row.id));
      if (!x) throw new CliError(`no reconciled line "${ref}"`);
      if (out.opts.json) out.json({ schemaVersion: 1, ...x });
      else {
        out.print(`line ${x.line.id}${x.line.ref ? ` (${x.line.ref})` : ''} of statement ${x.reconciliation.statement}: ${x.line.status}`);
        for (const p of x.path) out.print(`  ${p.step.padEnd(7)} ${p.text}`);
      }
    } finally {
      db.close();
    }
  });
}

async function runInbox(ctx: CliContext, flags: Flags, command: Command): Promise<void> {
  const out = ctx.output(command);
  const inbox = resolve(ctx.io.cwd, flags.inbox ?? '.');
  const archive = flags.archive !== undefined ? resolve(ctx.io.cwd, flags.archive) : null;
  const max = Number(flags.maxUnmatched ?? '5');
  if (!Number.isFinite(max) || max < 0 || max > 100) throw new CliError(`--max-unmatched is a percentage from 0 to 100, not "${flags.maxUnmatched}"`);
  let rules = DEFAULT_RULES;
  try {
    if (flags.fromFilenameRules !== undefined) {
      const f = resolve(ctx.io.cwd, flags.fromFilenameRules);
      rules = parseRules(readFileSync(f, 'utf8'), f);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`cannot read ${flags.fromFilenameRules}: no such file`);
    asCliError(e);
  }
  const rateFor = ratesFrom(ctx, flags);
  const { db, settings } = openFromFlags(ctx, flags);
  try {
    const importer = async (d: Db, file: string, route: FileRoute): Promise<{ statementId: number } | { errors: readonly string[] }> => {
      const r = await importStatement(d, file, { from: route.from, ...(route.format ? { format: route.format } : {}), ...(route.profile ? { profile: route.profile } : {}), ...(route.currency ? { currency: route.currency } : {}) });
      if (r.id === null || r.status === 'invalid') return { errors: r.diagnostics.filter((x) => x.severity === 'error').map((x) => `line ${x.line ?? '-'}: ${x.rule}`) };
      return { statementId: r.id };
    };
    let manifest;
    try {
      manifest = await processInbox(db, {
        inbox,
        archive,
        rules,
        request: { society: settings.society, localCurrency: (flags.currency ?? settings.currency).toUpperCase(), rate: null, received: null },
        rateFor,
        maxUnmatchedPercent: max,
        logFile: flags.log !== undefined ? resolve(ctx.io.cwd, flags.log) : join(inbox, '.cwrkit-reconcile.log'),
        manifestDir: flags.manifestDir !== undefined ? resolve(ctx.io.cwd, flags.manifestDir) : join(archive ?? inbox, 'manifests'),
        importStatement: importer,
        source: sqlStatementSource,
        pid: process.pid,
        isAlive,
      });
    } catch (e) {
      asCliError(e);
    }
    if (manifest.needsPerson) ctx.fail(EXIT.FINDINGS);
    if (out.opts.json) out.json(manifest);
    else if (out.opts.verbose || manifest.needsPerson) {
      for (const f of manifest.files) {
        const what = f.status === 'error' ? `error: ${f.error ?? ''}` : f.status === 'skipped' ? 'already processed' : `statement ${f.statement}: ${f.lines} lines, ${f.matched} matched, ${f.review} review, ${f.unmatched} unmatched${f.needsPerson ? ' — needs review' : ''}`;
        (f.needsPerson ? out.warn.bind(out) : out.info.bind(out))(`${f.file}: ${what}`);
      }
      out.info(`manifest ${manifest.manifest}`);
    }
  } finally {
    db.close();
  }
}
