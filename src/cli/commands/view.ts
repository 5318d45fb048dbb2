/** `cwrkit view FILE`: records as a documentation officer reads them, one field per line. */
import type { Command } from 'commander';
import { fieldText } from '../../fixed-width/codec.js';
import { formatScaled } from '../../fixed-width/field-types.js';
import type { CwrRecord } from '../../formats/cwr/record.js';
import { streamCwr } from '../../formats/cwr/reader.js';
import { withExamples, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { readInputOptions, type InputFlags } from './input-flags.js';

interface Flags extends InputFlags {
  line?: string;
  transaction?: string;
  group?: string;
  limit?: string;
  json?: boolean;
}

function renderRecord(out: Output, rec: CwrRecord): string {
  const c = out.out;
  const layout = rec.layout;
  let text = `${c.bold(`line ${rec.line}`)}  ${c.cyan(rec.type)}  ${layout?.description ?? c.red('unknown record type')}\n`;
  if (!layout) return text + `  ${rec.text}\n`;
  const d = rec.decoded;
  const width = Math.max(...layout.fields.map((f) => f.name.length));
  for (const f of layout.fields) {
    if (f.name === 'record_type') continue;
    const raw = fieldText(rec.text, f);
    const v = d?.values[f.name] ?? null;
    const bad = d?.issues.find((i) => i.field === f);
    const shown = v === null ? '' : f.scale && (typeof v === 'number' || typeof v === 'bigint') ? `${formatScaled(v, f.scale)}` : String(v);
    const pos = `${f.start}-${f.start + f.length - 1}`.padStart(7, ' ');
    const value = bad ? c.red(`"${raw}" (${bad.problem})`) : shown === '' ? c.dim('—') : shown;
    text += `  ${c.dim(pos)}  ${f.name.padEnd(width, ' ')}  ${value}${f.unverified ? c.dim('  (position unverified)') : ''}\n`;
  }
  if (d && d.padded > 0) text += c.dim(`  (line was ${rec.text.length} characters; ${d.padded} trailing blanks added)\n`);
  return text;
}

export function registerView(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('view')
    .description('Show records field by field, named and aligned, without counting columns')
    .argument('<file>', 'CWR file')
    .option('--line <n>', 'only the record on this line')
    .option('--transaction <n>', 'only this transaction (its sequence number; with --group when there are several groups)')
    .option('--group <n>', 'only this group')
    .option('--limit <n>', 'at most this many records', '200');
  readInputOptions(cmd);
  withExamples(cmd, 'cwrkit view CW260001ABC_177.V21 --line 3', 'cwrkit view CW260001ABC_177.V21 --transaction 0');
  cmd.action(async (file: string, flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const num = (s: string | undefined, what: string): number | undefined => {
      if (s === undefined) return undefined;
      if (!/^[0-9]+$/.test(s)) throw new CliError(`${what} must be a whole number, not "${s}"`);
      return Number(s);
    };
    const line = num(flags.line, '--line');
    const txn = num(flags.transaction, '--transaction');
    const group = num(flags.group, '--group');
    const limit = num(flags.limit, '--limit') ?? 200;
    const stream = streamCwr(file, readInputOptions.toOptions(flags), () => undefined);
    let shown = 0;
    let text = '';
    const show = (rec: CwrRecord): void => {
      if (shown >= limit) return;
      if (line !== undefined && rec.line !== line) return;
      text += renderRecord(out, rec) + '\n';
      shown++;
    };
    outer: for await (const batch of stream.events) {
      for (const ev of batch) {
        if (ev.kind === 'transaction') {
          const tx = ev.transaction;
          if (txn !== undefined && tx.header.transactionSequence !== txn) continue;
          if (group !== undefined && tx.group !== group) continue;
          for (const r of [tx.header, ...tx.records]) show(r);
        } else if (txn === undefined && group === undefined) {
          if (ev.kind === 'grh') show(ev.group.header);
          else if (ev.kind === 'grt') {
            if (ev.group.trailer) show(ev.group.trailer);
          } else show(ev.record);
        }
        if (shown >= limit) break outer;
      }
      out.print(text);
      text = '';
    }
    if (text) out.print(text);
    if (shown === 0) {
      out.warn('no record matched');
      ctx.fail(EXIT.FINDINGS);
    }
  });
}
