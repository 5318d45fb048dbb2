/** `cwrkit convert FILE --to VERSION`: convert a CWR file to another CWR version, reporting losses. */
import type { Command } from 'commander';
import { ConvertInputError, convertFile, type ConvertResult } from '../../app/convert.js';
import { isCwrVersion } from '../../formats/cwr/versions.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { readInputOptions, type InputFlags } from './input-flags.js';

interface Flags extends InputFlags {
  to?: string;
  output?: string;
  revision?: boolean;
  senderCode?: string;
  senderId?: string;
  json?: boolean;
}

/** The stable JSON shape of a conversion. */
export function convertJson(r: ConvertResult): Record<string, unknown> {
  return {
    input: r.input,
    output: r.output,
    from: r.from,
    to: r.to,
    encoding: r.encoding,
    records: r.recordsWritten,
    recordsRead: r.recordsRead,
    lossless: r.losses.length === 0,
    losses: r.losses.map((l) => ({ line: l.line, record: l.record, field: l.field ?? null, reason: l.reason })),
  };
}

function renderHuman(out: Output, r: ConvertResult): void {
  for (const l of r.losses) {
    out.warn(`${r.input}:${l.line ?? '-'}: ${l.record}${l.field ? ` ${l.field}` : ''}: not carried: ${l.reason}`);
  }
  out.print(r.output);
  const verdict = r.losses.length === 0 ? 'nothing lost' : `${r.losses.length} item(s) could not be carried`;
  out.info(`${r.input} (CWR ${r.from}) -> ${r.output} (CWR ${r.to}, ${r.encoding}): ${r.recordsRead} records read, ${r.recordsWritten} written; ${verdict}`);
}

export function registerConvert(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('convert')
    .description('Convert a CWR file to another CWR version (2.1, 2.2, 3.0, 3.1), reporting what the target cannot carry')
    .argument('<file>', 'CWR file to convert')
    .option('--to <version>', 'target CWR version: 2.1, 2.2, 3.0 or 3.1')
    .option('-o, --output <file>', 'output file (default: the input name in the target convention, in the current folder)')
    .option('--revision', 'from 3.x: write WRK transactions as REV (default NWR)')
    .option('--sender-code <code>', 'to 3.x: the 2-4 character CWR sender code (default: from the input file name)')
    .option('--sender-id <number>', 'to 2.x: the numeric HDR sender id (default: the 3.x HDR IPI name number)')
    .option('--json', 'print {output, from, to, records, losses} as JSON');
  readInputOptions(cmd);
  withExamples(cmd, 'cwrkit convert CW260001QMP_177.V21 --to 3.0', 'cwrkit convert CW260003QMP_177_V3-0-0.SUB --to 2.2 --revision -o out.V22 --json');
  cmd.action(async (file: string, flags: Flags, command: Command) => {
    const out = ctx.output(command);
    if (flags.to === undefined) throw new CliError('--to is required: 2.1, 2.2, 3.0 or 3.1');
    if (!isCwrVersion(flags.to)) throw new CliError(`--to must be 2.1, 2.2, 3.0 or 3.1, not "${flags.to}"`);
    if (flags.senderCode !== undefined && !/^[A-Z0-9]{2,4}$/i.test(flags.senderCode)) throw new CliError(`--sender-code must be 2 to 4 letters or digits, not "${flags.senderCode}"`);
    if (flags.senderId !== undefined && !/^[0-9]{1,9}$/.test(flags.senderId)) throw new CliError(`--sender-id must be a number of up to 9 digits, not "${flags.senderId}"`);
    let result: ConvertResult;
    try {
      result = await convertFile(file, {
        ...readInputOptions.toOptions(flags),
        to: flags.to,
        cwd: ctx.io.cwd,
        ...(flags.output !== undefined ? { output: flags.output } : {}),
        ...(flags.revision ? { revision: true } : {}),
        ...(flags.senderCode !== undefined ? { senderCode: flags.senderCode.toUpperCase() } : {}),
        ...(flags.senderId !== undefined ? { senderId: Number(flags.senderId) } : {}),
      });
    } catch (e) {
      if (e instanceof ConvertInputError) throw new CliError(`${file}: ${e.message}`);
      throw e;
    }
    if (out.opts.json) out.json({ schemaVersion: 1, ...convertJson(result) });
    else renderHuman(out, result);
    if (result.losses.length > 0) ctx.fail(EXIT.FINDINGS);
  });
}
