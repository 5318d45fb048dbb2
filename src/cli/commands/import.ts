/** `cwrkit import FILE...`: validate CWR registrations and ACKs and store what is accepted. */
import type { Command } from 'commander';
import { CatalogueBusyError, importFiles, type ImportFileResult, type ImportSummary } from '../../app/import.js';
import { fetchLines } from '../../io/fetch-lines.js';
import { renderDiagnostic } from '../../reporting/diagnostics-text.js';
import { ProfileError } from '../../validation/profile.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { openFromFlags, withDbOption, type SettingsFlags } from '../settings-flags.js';
import { readInputOptions, type InputFlags } from './input-flags.js';
import { validationJson } from './validate.js';

interface Flags extends InputFlags, SettingsFlags {
  json?: boolean;
  dryRun?: boolean;
  maxShown?: string;
}

function fileJson(f: ImportFileResult): Record<string, unknown> {
  const v = f.validation;
  return {
    path: f.path,
    sha256: f.sha256,
    status: f.status,
    previousRun: f.previousRun,
    version: v?.info.version ?? null,
    encoding: v?.info.encoding ?? null,
    transactions: f.transactions,
    works: f.works,
    acks: f.acks,
    conflicts: f.conflicts,
    unmatched: f.unmatched,
    error: f.error,
    diagnostics: v ? validationJson(v)['diagnostics'] : [],
  };
}

/** The documented --json document (docs/catalogue.md). */
export function importJson(s: ImportSummary): Record<string, unknown> {
  return { works: s.works, transactions: s.transactions, acks: s.acks, conflicts: s.conflicts, run: s.run, files: s.files.map(fileJson) };
}

async function renderFile(out: Output, f: ImportFileResult, maxShown: number, dryRun: boolean): Promise<void> {
  const c = out.out;
  const name = c.bold(f.path);
  if (f.status === 'unreadable') return out.print(`${name}: ${c.red('cannot read')} (${f.error ?? 'unknown error'})`);
  if (f.status === 'already-imported') return out.print(`${name}: already imported${f.previousRun !== null ? ` in run ${f.previousRun}` : ''}: nothing to do`);
  const v = f.validation;
  let text = '';
  if (v) {
    const shown = v.diagnostics.filter((d) => d.severity !== 'info').slice(0, maxShown);
    const lines = await fetchLines(f.path, new Set(shown.flatMap((d) => (d.line !== null ? [d.line] : []))), v.info.encoding);
    for (const d of shown) text += renderDiagnostic(d, { file: f.path, lines, color: c }) + '\n';
    const hidden = v.diagnostics.filter((d) => d.severity !== 'info').length - shown.length;
    if (hidden > 0) text += c.dim(`... and ${hidden} more (use --json for all)\n`);
  }
  const t = f.transactions;
  const verdict = f.status === 'imported' ? c.green(dryRun ? 'would be imported' : 'imported') : c.red('rejected, nothing stored');
  text += `${name}: ${verdict} — CWR ${v?.info.version ?? '?'}, ${t.total} transactions: ${t.accepted} accepted, ${t.rejected} rejected; `;
  text += `works ${f.works.inserted} new, ${f.works.updated} updated, ${f.works.unchanged} unchanged`;
  if (f.acks.received > 0) text += `; ACKs ${f.acks.matched} matched, ${f.acks.unmatched} unmatched`;
  if (f.conflicts > 0) text += `; ${c.yellow(`${f.conflicts} conflicts`)}`;
  if (f.unmatched > 0) text += `; ${f.unmatched} notices for unknown works`;
  out.print(text);
}

export function registerImport(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('import')
    .description('Import CWR registrations and acknowledgements into the catalogue (only accepted transactions enter)')
    .argument('<files...>', 'CWR files (NWR/REV/ISW/EXC/WRK registrations, ACK files from societies)')
    .option('--json', 'print one JSON document: works, transactions, acks, conflicts, run, files')
    .option('--dry-run', 'validate and apply everything, then roll back: show what would change')
    .option('--profile <name>', 'society profile on top of the CISAC rules (name or JSON file)')
    .option('--society <code>', 'the receiving society (CISAC code; default from config, else 177 KazAK)')
    .option('--max-shown <n>', 'diagnostics shown per file in human output', '50');
  withDbOption(cmd);
  readInputOptions(cmd);
  withExamples(cmd, 'cwrkit import CW260001QMP_177.V21', 'cwrkit import inbox/*.V21 --db /srv/kazak/cwrkit.db --json', 'cwrkit import CW260001052_177.V21 --dry-run');
  cmd.action(async (files: string[], flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const input = readInputOptions.toOptions(flags);
    const { db, settings } = openFromFlags(ctx, flags);
    let summary: ImportSummary;
    const spinner = out.spinner(`importing ${files.length} file(s)`);
    try {
      summary = await importFiles(db, files, {
        ...input,
        ...(flags.dryRun ? { dryRun: true } : {}),
        ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
        society: flags.society ?? settings.society,
        env: ctx.io.env,
        cwd: ctx.io.cwd,
        onProgress: (p) => spinner.text(`importing ${p.path}: ${p.transactions} transactions`),
      });
    } catch (e) {
      if (e instanceof CatalogueBusyError) throw new CliError(e.message, EXIT.BUSY, e.code);
      if (e instanceof ProfileError) throw new CliError(e.message); // a bad profile is a usage error (exit 2)
      throw e;
    } finally {
      spinner.stop();
      db.close();
    }
    if (out.opts.json) {
      out.json(importJson(summary));
    } else {
      const max = Number(flags.maxShown ?? 50);
      for (const f of summary.files) await renderFile(out, f, Number.isFinite(max) ? max : 50, summary.dryRun);
      const w = summary.works;
      const t = summary.transactions;
      const a = summary.acks;
      const head = summary.dryRun ? 'dry run, nothing stored' : summary.run !== null ? `run ${summary.run}` : 'nothing stored';
      out.print(
        `${head}: ${t.total} transactions (${t.accepted} accepted, ${t.rejected} rejected); works ${w.inserted} new, ${w.updated} updated, ${w.unchanged} unchanged; ` +
          `ACKs ${a.received} received (${a.matched} matched, ${a.unmatched} unmatched); ${summary.conflicts} conflicts`,
      );
    }
    if (summary.files.some((f) => f.status === 'unreadable')) ctx.fail(EXIT.USAGE);
    else if (summary.transactions.rejected > 0 || summary.files.some((f) => f.status === 'rejected')) ctx.fail(EXIT.FINDINGS);
  });
}
