/** `cwrkit statement`: import, list, show and export royalty statements (CRD, CSV, XML). */
import type { Command } from 'commander';
import { crdLayouts } from '../../formats/crd/layouts.js';
import { resolve } from 'node:path';
import { DistributeError, exportDistribution } from '../../app/distribute.js';
import { getStatement, importStatement, listStatements, type ImportStatementResult } from '../../app/statements.js';
import { StatementsRepository, type StoredStatement } from '../../catalogue/repositories/statements.js';
import { normaliseSociety, ConfigError } from '../../config.js';
import { formatForCurrency, formatUnits } from '../../domain/money.js';
import { fetchLines } from '../../io/fetch-lines.js';
import { renderDiagnostic } from '../../reporting/diagnostics-text.js';
import { inferProfile } from '../../statements/csv/infer.js';
import { STATEMENT_FORMATS, type StatementFormat } from '../../statements/model.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { openFromFlags, withDbOption, type SettingsFlags } from '../settings-flags.js';

interface ImportFlags extends SettingsFlags {
  from: string;
  format?: string;
  currency?: string;
  layouts?: string;
  encoding?: string;
  json?: boolean;
}

function society(code: string, flag: string): string {
  try {
    return normaliseSociety(code);
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(`${flag}: ${e.message}`);
    throw e;
  }
}

function positiveInt(text: string, what: string): number {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1) throw new CliError(`${what} must be a positive whole number, not "${text}"`);
  return Number(text);
}

/** Totals as decimal strings, trailing zeros trimmed to the currency's minor units. */
export function totalsJson(totals: ReadonlyMap<string, bigint> | readonly { currency: string; total: bigint }[], scale: number): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = totals instanceof Map ? [...totals.entries()] : (totals as readonly { currency: string; total: bigint }[]).map((t) => [t.currency, t.total] as const);
  for (const [c, v] of [...entries].sort((a, b) => a[0].localeCompare(b[0]))) out[c] = formatForCurrency({ minor: v, scale, currency: c });
  return out;
}

function statementJson(s: StoredStatement): Record<string, unknown> {
  return {
    id: s.id,
    from: s.fromSociety,
    format: s.format,
    profile: s.profile,
    file: s.fileName,
    period: { start: s.periodStart, end: s.periodEnd },
    distribution: s.distributionRef,
    currency: s.currency,
    scale: s.scale,
    lines: s.lines,
    totals: totalsJson(s.totals, s.scale),
    declared: Object.fromEntries(s.totals.filter((t) => t.declared !== null).map((t) => [t.currency, formatForCurrency({ minor: t.declared ?? 0n, scale: s.scale, currency: t.currency })])),
    importedAt: s.importedAt,
  };
}

async function renderDiagnostics(ctx: CliContext, command: Command, path: string, shownAs: string, r: ImportStatementResult, max = 50): Promise<void> {
  const out = ctx.output(command);
  const shown = r.diagnostics.slice(0, max);
  const lines = r.format === 'xml' ? new Map<number, string>() : await fetchLines(path, new Set(shown.flatMap((d) => (d.line !== null ? [d.line] : []))), r.encoding);
  let text = '';
  for (const d of shown) text += renderDiagnostic(d, { file: shownAs, lines, color: out.err }) + '\n';
  if (r.diagnostics.length > shown.length) text += `... and ${r.diagnostics.length - shown.length} more (use --json for all)\n`;
  if (text !== '') ctx.io.stderr.write(text);
}

/** Which CRD record layouts are confirmed and which provisional, from the layout data itself. */
function crdLayoutStatus(): string {
  const records = [...crdLayouts().records.values()];
  const confirmed = records.filter((r) => r.provisional !== true).map((r) => r.type);
  const provisional = records.filter((r) => r.provisional === true).map((r) => r.type);
  return [
    `CRD 2.0 record layouts: confirmed ${confirmed.join(', ')}; provisional ${provisional.join(', ')}`,
    '(positions not confirmed by a CISAC text: check docs/crd.md and correct them with --layouts FILE).',
  ].join('\n');
}

function registerImport(statement: Command, ctx: CliContext): void {
  const cmd = statement
    .command('import')
    .description('Read a statement whole, check it, and store it once (same file again: same id)')
    .argument('<file>', 'statement file (CRD, CSV or XML)')
    .requiredOption('--from <society>', 'CISAC code of the remitting society (e.g. 052 PRS, 035 GEMA)')
    .option('--format <format>', `file format: ${STATEMENT_FORMATS.join(', ')} (default: from the extension or the first bytes)`)
    .option('--profile <name|file>', 'CSV/XML profile: built-in name (generic, generic-xml) or a JSON file')
    .option('--currency <code>', 'ISO 4217 currency for lines whose file has none')
    .option('--layouts <file>', 'CRD: JSON layouts replacing ours record by record')
    .option('--encoding <enc>', 'text encoding (default: the profile\'s, the CRD HDR\'s, or UTF-8)')
    .option('--json', 'print {"id", "lines", "totals"} as JSON');
  withDbOption(cmd);
  cmd.addHelpText('after', `\n${crdLayoutStatus()}\n`);
  withExamples(cmd, 'cwrkit statement import CD260001052_177.CRD --from 052', 'cwrkit statement import gema-2026q1.csv --from 035 --currency EUR --json', 'cwrkit statement import rao.csv --from 093 --profile ./rao-profile.json');
  cmd.action(async (file: string, flags: ImportFlags, command: Command) => {
    const out = ctx.output(command);
    const from = society(flags.from, '--from');
    if (flags.format !== undefined && !(STATEMENT_FORMATS as readonly string[]).includes(flags.format)) throw new CliError(`--format must be one of ${STATEMENT_FORMATS.join(', ')}`);
    const path = resolve(ctx.io.cwd, file);
    const { db } = openFromFlags(ctx, flags);
    let r: ImportStatementResult;
    const spinner = out.spinner(`importing ${file}`);
    try {
      r = await importStatement(db, path, {
        from,
        ...(flags.format !== undefined ? { format: flags.format as StatementFormat } : {}),
        ...(flags.profile !== undefined ? { profile: resolveProfile(ctx, flags.profile) } : {}),
        ...(flags.currency !== undefined ? { currency: flags.currency } : {}),
        ...(flags.layouts !== undefined ? { layouts: resolve(ctx.io.cwd, flags.layouts) } : {}),
        ...(flags.encoding !== undefined ? { encoding: flags.encoding } : {}),
      });
    } finally {
      spinner.stop();
      db.close();
    }
    const totals = totalsJson(r.totals, r.scale);
    if (out.opts.json) {
      out.json({
        schemaVersion: 1,
        id: r.id,
        lines: r.lines,
        totals,
        status: r.status,
        format: r.format,
        file: r.file,
        unknownRecords: r.unknownRecords,
        diagnostics: r.diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, line: d.line, column: d.column, record: d.record, field: d.field, message: d.message })),
      });
    } else {
      await renderDiagnostics(ctx, command, path, file, r);
      if (r.status === 'invalid') {
        out.error(`${file}: not imported (${r.diagnostics.filter((d) => d.severity === 'error').length} errors): nothing was stored`);
      } else {
        const t = Object.entries(totals).map(([c, v]) => `${v} ${c}`).join(', ');
        out.print(`statement ${r.id}${r.status === 'existing' ? ' (already imported)' : ''}: ${r.lines} lines, total ${t || '0'}`);
      }
    }
    if (r.status === 'invalid') ctx.fail(EXIT.FINDINGS);
  });
}

/** Built-in names stay names; anything that looks like a path is resolved against the cwd. */
function resolveProfile(ctx: CliContext, p: string): string {
  return /[\\/.]/.test(p) ? resolve(ctx.io.cwd, p) : p;
}

function registerList(statement: Command, ctx: CliContext): void {
  const cmd = statement.command('list').description('List stored statements').option('--json', 'print a JSON document');
  withDbOption(cmd);
  withExamples(cmd, 'cwrkit statement list', 'cwrkit statement list --json');
  cmd.action((flags: SettingsFlags & { json?: boolean }, command: Command) => {
    const out = ctx.output(command);
    const { db } = openFromFlags(ctx, flags, { mustExist: true });
    try {
      const all = listStatements(db);
      if (out.opts.json) {
        out.json({ schemaVersion: 1, statements: all.map(statementJson) });
        return;
      }
      if (all.length === 0) {
        out.info('no statements (import one with cwrkit statement import FILE --from SOCIETY)');
        return;
      }
      let text = `${'id'.padStart(5)}  from  format  ${'lines'.padStart(8)}  period                   totals                file\n`;
      for (const s of all) {
        const t = Object.entries(totalsJson(s.totals, s.scale)).map(([c, v]) => `${v} ${c}`).join(', ');
        const period = `${s.periodStart ?? '?'}..${s.periodEnd ?? '?'}`;
        text += `${String(s.id).padStart(5)}  ${s.fromSociety}   ${s.format.padEnd(6)}  ${String(s.lines).padStart(8)}  ${period.padEnd(23)}  ${t.padEnd(20)}  ${s.fileName}\n`;
      }
      out.print(text);
    } finally {
      db.close();
    }
  });
}

function registerShow(statement: Command, ctx: CliContext): void {
  const cmd = statement
    .command('show')
    .description('Show one statement and its first lines')
    .argument('<id>', 'statement id')
    .option('--lines <n>', 'lines to show', '20')
    .option('--json', 'print a JSON document');
  withDbOption(cmd);
  withExamples(cmd, 'cwrkit statement show 1', 'cwrkit statement show 1 --lines 100 --json');
  cmd.action((idText: string, flags: SettingsFlags & { json?: boolean; lines: string }, command: Command) => {
    const out = ctx.output(command);
    const id = positiveInt(idText, 'the statement id');
    const n = flags.lines === '0' ? 0 : positiveInt(flags.lines, '--lines');
    const { db } = openFromFlags(ctx, flags, { mustExist: true });
    try {
      const s = getStatement(db, id);
      if (s === null) throw new CliError(`no statement ${id} (see cwrkit statement list)`);
      const lines = n === 0 ? [] : new StatementsRepository(db).lines(id, 0, n);
      if (out.opts.json) {
        out.json({
          schemaVersion: 1,
          ...statementJson(s),
          shownLines: lines.map((l) => ({
            n: l.n,
            ref: l.lineRef,
            workCode: l.societyWorkCode,
            iswc: l.iswc,
            title: l.title,
            writers: l.writers,
            ipNumber: l.ipNumber,
            ipi: l.ipiNameNumber,
            party: l.partyName,
            role: l.role,
            right: l.right,
            territory: l.territory,
            share: l.share === null ? null : formatUnits(BigInt(l.share), 2),
            category: l.distributionCategory,
            gross: l.gross === null ? null : formatForCurrency({ minor: l.gross, scale: s.scale, currency: l.currency }),
            amount: formatForCurrency({ minor: l.net, scale: s.scale, currency: l.currency }),
            currency: l.currency,
            adjusts: l.adjustmentRef,
            source: l.source,
          })),
        });
        return;
      }
      const j = statementJson(s);
      let text = `statement ${s.id} from society ${s.fromSociety} (${s.format.toUpperCase()}${s.profile ? `, profile ${s.profile}` : ''}), ${s.fileName}\n`;
      text += `  period ${s.periodStart ?? '?'} .. ${s.periodEnd ?? '?'}${s.distributionRef ? `, distribution ${s.distributionRef}` : ''}\n`;
      text += `  ${s.lines} lines, totals ${Object.entries(j['totals'] as Record<string, string>).map(([c, v]) => `${v} ${c}`).join(', ')}\n`;
      for (const l of lines) {
        const amount = formatForCurrency({ minor: l.net, scale: s.scale, currency: l.currency });
        const who = [l.partyName, l.ipiNameNumber].filter((x) => x !== null).join(' ');
        text += `  ${String(l.n).padStart(6)}  ${(l.societyWorkCode ?? l.iswc ?? '').padEnd(14)} ${(l.title ?? '').slice(0, 30).padEnd(30)} ${who.slice(0, 30).padEnd(30)} ${(l.right ?? '').padEnd(2)} ${amount.padStart(14)} ${l.currency}\n`;
      }
      if (s.lines > lines.length && lines.length > 0) text += `  ... ${s.lines - lines.length} more lines (--lines N)\n`;
      out.print(text);
    } finally {
      db.close();
    }
  });
}

function registerExport(statement: Command, ctx: CliContext): void {
  const cmd = statement
    .command('export')
    .description("Write what one foreign society's members earned in a distribution, as CRD or CSV")
    .requiredOption('--distribution <id>', 'distribution id (from cwrkit distribute)')
    .requiredOption('--to <society>', 'CISAC code of the society receiving the statement')
    .option('--format <format>', 'crd or csv', 'crd')
    .option('-o, --out <file>', 'output file (default: CDyynnnnSSS_RRR.CRD or distribution-ID-SOCIETY.csv here)')
    .option('--json', 'print a JSON summary');
  withDbOption(cmd);
  withExamples(cmd, 'cwrkit statement export --distribution 1 --to 052', 'cwrkit statement export --distribution 1 --to 035 --format csv -o gema.csv');
  cmd.action((flags: SettingsFlags & { distribution: string; to: string; format: string; out?: string; json?: boolean }, command: Command) => {
    const out = ctx.output(command);
    if (flags.format !== 'crd' && flags.format !== 'csv') throw new CliError('--format must be crd or csv');
    const id = positiveInt(flags.distribution, '--distribution');
    const to = society(flags.to, '--to');
    const { db } = openFromFlags(ctx, flags, { mustExist: true });
    try {
      const r = exportDistribution(db, { distribution: id, to, format: flags.format, dir: ctx.io.cwd, ...(flags.out !== undefined ? { out: flags.out } : {}) });
      const total = formatForCurrency({ minor: r.total, scale: r.scale, currency: r.currency });
      if (out.opts.json) out.json({ schemaVersion: 1, path: r.path, lines: r.lines, total, currency: r.currency });
      else out.print(`${r.path}: ${r.lines} lines, ${total} ${r.currency} for the members of society ${to}`);
    } catch (e) {
      if (e instanceof DistributeError) {
        out.error(e.message);
        ctx.fail(EXIT.FINDINGS);
        return;
      }
      throw e;
    } finally {
      db.close();
    }
  });
}

function registerProfile(statement: Command, ctx: CliContext): void {
  const profile = statement.command('profile').description('Statement profiles (how a CSV or XML file maps to the model)');
  const infer = profile
    .command('infer')
    .description('Propose a CSV profile from a file header (JSON on stdout)')
    .argument('<file>', 'a CSV statement')
    .option('--name <name>', 'name of the proposed profile', 'inferred');
  withExamples(infer, 'cwrkit statement profile infer sacem.csv > sacem-profile.json');
  infer.action((file: string, flags: { name: string }, command: Command) => {
    const out = ctx.output(command);
    const r = inferProfile(resolve(ctx.io.cwd, file), flags.name);
    out.json(r.profile);
    if (r.unmapped.length > 0) out.info(`columns not mapped: ${r.unmapped.join(', ')}`);
    for (const p of r.problems) out.warn(`cwrkit: ${p}`);
    if (r.problems.length > 0) ctx.fail(EXIT.FINDINGS);
  });
}

export function registerStatement(program: Command, ctx: CliContext): void {
  const statement = program.command('statement').description('Import, list, show and export royalty statements (CRD, CSV, XML)');
  withExamples(statement, 'cwrkit statement import CD260001052_177.CRD --from 052', 'cwrkit statement list', 'cwrkit statement profile infer sacem.csv');
  registerImport(statement, ctx);
  registerList(statement, ctx);
  registerShow(statement, ctx);
  registerExport(statement, ctx);
  registerProfile(statement, ctx);
}
