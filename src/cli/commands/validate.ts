/** `cwrkit validate FILE...`: CISAC validation with compiler-style output or a JSON document. */
import type { Command } from 'commander';
import { fetchLines } from '../../io/fetch-lines.js';
import { renderDiagnostic } from '../../reporting/diagnostics-text.js';
import type { Diagnostic } from '../../validation/diagnostic.js';
import type { ValidationResult } from '../../validation/engine.js';
import { validateFiles, type ValidateFilesOptions } from '../../app/validate-files.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { ProfileError } from '../../validation/profile.js';
import type { Output } from '../output.js';
import { readInputOptions, type InputFlags } from './input-flags.js';

interface Flags extends InputFlags {
  json?: boolean;
  ndjson?: boolean;
  profile?: string;
  society?: string;
  db?: string;
  maxShown?: string;
  notes?: boolean;
}

/** The JSON shape of one diagnostic (in `validate --json` and `--ndjson`). */
function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return {
    rule: d.rule,
    level: d.level,
    severity: d.severity,
    line: d.line,
    column: d.column,
    record: d.record,
    field: d.field,
    transaction: d.transaction,
    message: d.message,
  };
}

/** A file's verdict and summary, without its diagnostics. */
function verdictJson(r: ValidationResult): Record<string, unknown> {
  return {
    path: r.path,
    version: r.info.version,
    encoding: r.info.encoding,
    valid: r.valid,
    summary: {
      transactions: r.summary.transactions,
      accepted: r.summary.accepted,
      rejected: r.summary.rejected,
      errors: r.summary.errors,
      warnings: r.summary.warnings,
      byLevel: r.summary.byLevel,
    },
  };
}

/** The stable JSON shape of one file's result (documented in docs/json.md). */
export function validationJson(r: ValidationResult): Record<string, unknown> {
  return {
    ...verdictJson(r),
    /** Diagnostics counted in the summary but not listed (beyond the in-memory cap). */
    omittedDiagnostics: r.omittedDiagnostics,
    diagnostics: r.diagnostics.map(diagnosticJson),
  };
}

async function renderHuman(out: Output, r: ValidationResult, maxShown: number, notes: boolean): Promise<void> {
  const shown = r.diagnostics.filter((d) => notes || d.severity !== 'info').slice(0, maxShown);
  const lines = await fetchLines(r.path, new Set(shown.flatMap((d) => (d.line !== null ? [d.line] : []))), r.info.encoding);
  let text = '';
  for (const d of shown) text += renderDiagnostic(d, { file: r.path, lines, color: out.out }) + '\n';
  const hidden = r.diagnostics.filter((d) => notes || d.severity !== 'info').length - shown.length;
  if (hidden > 0) text += out.out.dim(`... and ${hidden} more (use --json for all)\n`);
  if (r.omittedDiagnostics > 0) text += out.out.dim(`(${r.omittedDiagnostics} further diagnostics were counted but not kept in memory)\n`);
  const s = r.summary;
  const lv = s.byLevel;
  const verdict = r.valid ? out.out.green.bold('valid') : out.out.red.bold('not valid');
  text += `${out.out.bold(r.path)}: ${verdict} — CWR ${r.info.version}, ${s.transactions} transactions: ${s.accepted} accepted, ${s.rejected} rejected; `;
  text += `${s.errors} errors, ${s.warnings} warnings (file ${lv.file}, group ${lv.group}, transaction ${lv.transaction}, record ${lv.record}, field ${lv.field})\n`;
  out.print(text);
}

export function registerValidate(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('validate')
    .description('Validate CWR files against the CISAC rules (and a society profile)')
    .argument('<files...>', 'CWR files to validate')
    .option('--json', 'print one JSON document with every diagnostic')
    .option('--ndjson', 'stream one JSON object per line: each diagnostic as it is found ({"kind":"diagnostic"}), then each file\'s verdict and summary ({"kind":"file"}); bounded memory on files of any size')
    .option('--profile <name>', 'society profile on top of the CISAC rules (name or JSON file)')
    .option('--society <code>', 'the receiving society (CISAC code; default from config, else 177 KazAK)')
    .option('--db <path>', 'catalogue whose registered senders count as known (default: $CWRKIT_DB, config, else ./cwrkit.db)')
    .option('--max-shown <n>', 'diagnostics shown per file in human output', '200')
    .option('--notes', 'also show notes (padded lines, line endings)');
  readInputOptions(cmd);
  withExamples(cmd, 'cwrkit validate CW260001ABC_177.V21', 'cwrkit validate *.V22 --json --profile kazak', 'cwrkit validate big.V21 --ndjson | jq -c \'select(.kind == "diagnostic") | [.line, .rule]\'');
  cmd.action(async (files: string[], flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const opts: ValidateFilesOptions = {
      ...readInputOptions.toOptions(flags),
      ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
      ...(flags.society !== undefined ? { society: flags.society } : {}),
      ...(flags.db !== undefined ? { db: flags.db } : {}),
      env: ctx.io.env,
      cwd: ctx.io.cwd,
    };
    if (flags.ndjson) {
      // Nothing is kept but file- and group-level findings: every diagnostic is printed as it is settled.
      let valid = true;
      try {
        for (const f of files) {
          const r = await validateFiles.one(f, { ...opts, maxDiagnostics: 0 }, { onDiagnostic: (d) => out.ndjson({ kind: 'diagnostic', path: f, ...diagnosticJson(d) }) });
          out.ndjson({ kind: 'file', ...verdictJson(r) });
          valid &&= r.valid;
        }
      } catch (e) {
        if (e instanceof ProfileError) throw new CliError(e.message);
        throw e;
      }
      if (!valid) ctx.fail(EXIT.FINDINGS);
      return;
    }
    const spinner = out.spinner(`validating ${files.length} file(s)`);
    const results: ValidationResult[] = [];
    try {
      for (const f of files) results.push(await validateFiles.one(f, opts));
    } catch (e) {
      if (e instanceof ProfileError) throw new CliError(e.message); // a bad profile is a usage error (exit 2)
      throw e;
    } finally {
      spinner.stop();
    }
    if (out.opts.json) {
      out.json({ schemaVersion: 1, valid: results.every((r) => r.valid), files: results.map(validationJson) });
    } else {
      const max = Number(flags.maxShown ?? 200);
      for (const r of results) await renderHuman(out, r, Number.isFinite(max) ? max : 200, flags.notes === true);
    }
    if (!results.every((r) => r.valid)) ctx.fail(EXIT.FINDINGS);
  });
}
