/** `cwrkit export cwr`: works of the catalogue as a CWR registration file to another society. */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExportError, exportCwr, type ExportResult } from '../../app/export.js';
import { normaliseSociety } from '../../config.js';
import { isCwrVersion } from '../../formats/cwr/versions.js';
import { society } from '../../reference/tables.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { openFromFlags, withDbOption, withSocietyOption, type SettingsFlags } from '../settings-flags.js';

interface Flags extends SettingsFlags {
  cwrVersion?: string;
  to?: string;
  works?: string[];
  since?: string;
  out?: string;
  outDir?: string;
  dryRun?: boolean;
  json?: boolean;
}

function softwareVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function societyCode(text: string, flag: string): string {
  try {
    return normaliseSociety(text);
  } catch {
    throw new CliError(`${flag} must be a CISAC society code (1 to 3 digits), not "${text}"`);
  }
}

function renderHuman(out: Output, r: ExportResult): void {
  const c = out.out;
  for (const i of r.issues) out.warn(`${i.severity === 'error' ? 'held back' : 'note'}: work ${i.work}: ${i.message}`);
  for (const ref of r.unknownRefs) out.warn(`no work matches "${ref}"`);
  if (r.file === null) {
    out.print(`nothing to export to society ${r.to}${r.counts.heldBack ? ` (${r.counts.heldBack} work(s) held back)` : ''}`);
    return;
  }
  const what = [r.counts.NWR ? `${r.counts.NWR} NWR` : '', r.counts.REV ? `${r.counts.REV} REV` : '', r.counts.WRK ? `${r.counts.WRK} WRK` : ''].filter(Boolean).join(', ');
  out.print(
    `${c.bold(r.path ?? r.file)}: CWR ${r.version} from ${r.from} to ${r.to}, ${what}${r.counts.heldBack ? c.yellow(`, ${r.counts.heldBack} held back`) : ''}; ${r.encoding}${r.run === null ? c.dim(' (dry run: nothing written)') : ''}`,
  );
}

export function registerExport(program: Command, ctx: CliContext): void {
  const exp = program.command('export').description('Write works of the catalogue as registration files for other societies');
  withExamples(exp, 'cwrkit export cwr --version 2.1 --to 052');
  const cmd = exp
    .command('cwr')
    .description('CWR registrations (NWR for works new to the society, REV for the rest; 3.x WRK) named by the CWR convention')
    .requiredOption('--cwr-version <v>', 'CWR version to write: 2.1, 2.2, 3.0 or 3.1 (also accepted as --version <v>)')
    .option('--to <society>', 'receiving society code (000: several societies)', '000')
    .option('--works <ref...>', 'only these works (ISWC, submitter or society work number, #id)')
    .option('--since <date>', 'only works changed on or after this date (YYYY-MM-DD)')
    .option('-o, --out <file>', 'write exactly this file instead of the conventional name')
    .option('--out-dir <dir>', 'folder for the conventionally named file (default: current folder)')
    .option('--dry-run', 'build and check everything, write nothing, record nothing')
    .option('--json', 'one JSON document with the result');
  withDbOption(cmd);
  withSocietyOption(cmd);
  withExamples(cmd, 'cwrkit export cwr --version 2.1 --to 052', 'cwrkit export cwr --version 2.2 --to 035 --works T3210001013 QMP-0002 --out-dir outbox', 'cwrkit export cwr --version 3.1 --to 058 --since 2026-11-01 --json');
  cmd.action((flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const version = flags.cwrVersion ?? '';
    if (!isCwrVersion(version)) throw new CliError(`--version must be 2.1, 2.2, 3.0 or 3.1, not "${version}"`);
    if (flags.out !== undefined && flags.outDir !== undefined) throw new CliError('use either -o/--out or --out-dir, not both');
    if (flags.since !== undefined && (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(flags.since) || Number.isNaN(Date.parse(flags.since)))) {
      throw new CliError(`--since must be a date YYYY-MM-DD, not "${flags.since}"`);
    }
    const to = societyCode(flags.to ?? '000', '--to');
    const { db, settings } = openFromFlags(ctx, flags, { mustExist: true });
    let result: ExportResult;
    try {
      result = exportCwr(db, {
        version,
        from: settings.society,
        fromName: society(settings.society)?.name.toUpperCase() ?? `SOCIETY ${settings.society}`,
        to,
        works: flags.works ?? [],
        ...(flags.since !== undefined ? { since: flags.since } : {}),
        ...(flags.out !== undefined ? { out: resolve(ctx.io.cwd, flags.out) } : {}),
        outDir: resolve(ctx.io.cwd, flags.outDir ?? '.'),
        now: new Date(),
        softwareVersion: softwareVersion(),
        dryRun: flags.dryRun === true,
      });
    } catch (e) {
      if (e instanceof ExportError || e instanceof RangeError) throw new CliError(e.message);
      throw e;
    } finally {
      db.close();
    }
    if (out.opts.json) out.json({ schemaVersion: 1, ...result });
    else renderHuman(out, result);
    if (result.counts.heldBack > 0 || result.unknownRefs.length > 0) ctx.fail(EXIT.FINDINGS);
  });
}
