/** `cwrkit ack FILE`: write the acknowledgement (ACK) file a society sends back for a CWR file. */
import type { Command } from 'commander';
import { acknowledgeFile, allAccepted, type AckOptions, type AckResult } from '../../app/ack.js';
import { UnsupportedEncodingError } from '../../formats/cwr/reader.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { settingsFrom, withDbOption, withSocietyOption } from '../settings-flags.js';
import { readInputOptions, type InputFlags } from './input-flags.js';

interface Flags extends InputFlags {
  out?: string;
  outDir?: string;
  profile?: string;
  society?: string;
  sequence?: string;
  json?: boolean;
  db?: string;
}

/** The stable JSON shape of an ACK run. */
export function ackJson(r: AckResult): Record<string, unknown> {
  const t = r.transactions;
  return {
    input: r.input,
    output: r.output,
    version: r.version,
    fileRejected: r.fileRejected,
    transactions: { total: t.total, AS: t.AS, AC: t.AC, RA: t.RA, RJ: t.RJ, CO: t.CO, DU: t.DU },
  };
}

function renderHuman(out: Output, r: AckResult): void {
  const t = r.transactions;
  const c = out.out;
  let text = `${r.output}\n`;
  text += `${c.bold(r.input)}: CWR ${r.version}, ${t.total} transactions: ${c.green(`${t.AS} accepted`)}, ${t.AC} accepted with changes, `;
  text += `${t.RA} accepted pending a work number (RA), `;
  text += `${t.RJ > 0 ? c.red(`${t.RJ} rejected`) : `${t.RJ} rejected`}, ${t.CO} in conflict, ${t.DU} duplicate`;
  if (r.fileRejected) text += ` — ${c.red.bold('the file was rejected')}`;
  out.print(text + '\n');
}

function parseSequence(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[0-9]{1,4}$/.test(raw)) throw new CliError(`--sequence must be a number from 0 to 9999, not "${raw}"`);
  return Number(raw);
}

export function registerAck(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('ack')
    .description('Write the acknowledgement (ACK) file a society sends back for a CWR file')
    .argument('<file>', 'the CWR file received from a publisher')
    .option('-o, --out <path>', 'write the ACK to this path (default: named by the CWR convention)')
    .option('--out-dir <dir>', 'folder for the conventionally named ACK (default: current folder)')
    .option('--sequence <n>', 'file number nnnn in the ACK name (default: next free one in the folder)')
    .option('--profile <name>', 'society profile on top of the CISAC rules (name or JSON file)')
    .option('--json', 'print a JSON summary');
  withSocietyOption(cmd);
  readInputOptions(cmd);
  withDbOption(cmd);
  cmd.addHelpText(
    'after',
    `
Statuses: AS accepted, AC accepted with changes (a field defaulted or a record dropped), RA accepted
pending the society's work number (no catalogue number yet), RJ rejected, CO conflict, DU duplicate.
The ACK is named CWyynnnn<society>_<submitter>.V21/.V22 (3.x: ..._V3-m-0.ACK1), where nnnn is
--sequence or the next free number in the folder; it is written atomically with mode 0600.
Exit codes: 0 every transaction accepted, 1 some rejected or the file rejected, 2 usage/unreadable.`,
  );
  withExamples(cmd, 'cwrkit ack CW260001DMP_177.V21', 'cwrkit ack CW260001DMP_177.V21 --out-dir acks --json', 'cwrkit ack in.V22 -o answer.V22 --society 177');
  cmd.action(async (file: string, flags: Flags, command: Command) => {
    const out = ctx.output(command);
    if (flags.out !== undefined && flags.outDir !== undefined) throw new CliError('use either --out or --out-dir, not both');
    const settings = settingsFrom(ctx, flags);
    const sequence = parseSequence(flags.sequence);
    const opts: AckOptions = {
      ...readInputOptions.toOptions(flags),
      society: settings.society,
      ...(flags.profile !== undefined ? { profile: flags.profile } : settings.profile !== null ? { profile: settings.profile } : {}),
      ...(flags.out !== undefined ? { out: flags.out } : {}),
      ...(flags.outDir !== undefined ? { outDir: flags.outDir } : {}),
      ...(sequence !== undefined ? { sequence } : {}),
      db: settings.db,
      env: ctx.io.env,
      cwd: ctx.io.cwd,
    };
    const spinner = out.spinner(`acknowledging ${file}`);
    let r: AckResult;
    try {
      r = await acknowledgeFile(file, opts);
    } catch (e) {
      if (e instanceof UnsupportedEncodingError || e instanceof RangeError) throw new CliError(e.message);
      throw e;
    } finally {
      spinner.stop();
    }
    if (out.opts.json) out.json(ackJson(r));
    else renderHuman(out, r);
    if (!allAccepted(r)) ctx.fail(EXIT.FINDINGS);
  });
}
