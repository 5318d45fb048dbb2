/** `cwrkit parse FILE`: the file's structure as JSON, NDJSON (streaming) or a short outline. */
import type { Command } from 'commander';
import { recordJson, transactionJson } from '../../formats/cwr/json.js';
import { readCwrFile, streamCwr } from '../../formats/cwr/reader.js';
import type { Diagnostic } from '../../validation/diagnostic.js';
import { withExamples, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { readInputOptions, type InputFlags } from './input-flags.js';

interface Flags extends InputFlags {
  json?: boolean;
  ndjson?: boolean;
}

function diagJson(d: Diagnostic): Record<string, unknown> {
  return { rule: d.rule, level: d.level, severity: d.severity, line: d.line, column: d.column, record: d.record, field: d.field, transaction: d.transaction, message: d.message };
}

export function registerParse(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('parse')
    .description('Read a CWR file into its structure: transmission, groups, transactions, records with typed fields')
    .argument('<file>', 'CWR file (2.1, 2.2, 3.0 or 3.1)')
    .option('--json', 'the whole file as one JSON document')
    .option('--ndjson', 'stream: one JSON object per line (header, each group, each transaction, trailer), any file size');
  readInputOptions(cmd);
  withExamples(cmd, 'cwrkit parse CW260001ABC_177.V21 --json', 'cwrkit parse big.V21 --ndjson | jq -c "select(.kind==\\"transaction\\") | .transaction.type"');
  cmd.action(async (file: string, flags: Flags, command: Command) => {
    const out = ctx.output(command);
    const input = readInputOptions.toOptions(flags);
    let errors = false;
    if (flags.ndjson) {
      const diags: Diagnostic[] = [];
      const stream = streamCwr(file, input, (d) => diags.push(d));
      for await (const batch of stream.events) {
        for (const ev of batch) {
          switch (ev.kind) {
            case 'hdr':
            case 'trl':
            case 'stray':
              out.ndjson({ kind: ev.kind, record: recordJson(ev.record) });
              break;
            case 'grh':
              out.ndjson({ kind: 'grh', transactionType: ev.group.transactionType, record: recordJson(ev.group.header) });
              break;
            case 'grt':
              if (ev.group.trailer) out.ndjson({ kind: 'grt', record: recordJson(ev.group.trailer) });
              break;
            case 'transaction':
              out.ndjson({ kind: 'transaction', transaction: transactionJson(ev.transaction) });
              break;
          }
        }
        for (const d of diags.splice(0)) {
          if (d.severity === 'error') errors = true;
          out.ndjson({ kind: 'diagnostic', diagnostic: diagJson(d) });
        }
      }
      for (const d of diags.splice(0)) {
        if (d.severity === 'error') errors = true;
        out.ndjson({ kind: 'diagnostic', diagnostic: diagJson(d) });
      }
      out.ndjson({ kind: 'end', version: stream.info.version, encoding: stream.info.encoding, lines: stream.info.lines });
    } else {
      if (flags.json) {
        // One JSON document: the whole file is held in memory (use --ndjson for big files).
        const { info, transmission: t, diagnostics } = await readCwrFile(file, input);
        errors = diagnostics.some((d) => d.severity === 'error');
        out.json({
          schemaVersion: 1,
          file,
          version: info.version,
          encoding: info.encoding,
          lines: info.lines,
          header: t.header ? recordJson(t.header) : null,
          groups: t.groups.map((g) => ({
            transactionType: g.info.transactionType,
            id: g.info.id,
            header: recordJson(g.info.header),
            transactions: g.transactions.map(transactionJson),
            stray: g.stray.map(recordJson),
            trailer: g.info.trailer ? recordJson(g.info.trailer) : null,
          })),
          trailer: t.trailer ? recordJson(t.trailer) : null,
          stray: t.stray.map(recordJson),
          diagnostics: diagnostics.map(diagJson),
        });
      } else {
        // The outline streams: counts per group and record type, any file size.
        let errs = 0;
        const stream = streamCwr(file, input, (d) => {
          if (d.severity === 'error') errs++;
        });
        const c = out.out;
        let body = '';
        let counts = new Map<string, number>();
        for await (const batch of stream.events) {
          for (const ev of batch) {
            if (ev.kind === 'hdr') {
              const h = ev.record;
              body += `  sender ${h.str('sender_type')} ${h.str('sender_id') || h.str('sender_code')} ${h.str('sender_name')}, created ${h.str('creation_date')} ${h.str('creation_time')}\n`;
            } else if (ev.kind === 'grh') {
              counts = new Map();
            } else if (ev.kind === 'transaction') {
              const tx = ev.transaction;
              counts.set(tx.header.type, (counts.get(tx.header.type) ?? 0) + 1);
              for (const r of tx.records) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
            } else if (ev.kind === 'grt') {
              const g = ev.group;
              body += `  group ${g.id ?? '?'} ${g.transactionType}: ${g.transactionCount} transactions; ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}\n`;
            }
          }
        }
        const info = stream.info;
        errors = errs > 0;
        let text = `${c.bold(file)}: CWR ${info.version}, ${info.encoding}, ${info.lines} lines\n${body}`;
        text += `  ${errs} structural errors${errs ? ' (run `cwrkit validate` for details)' : ''}\n`;
        out.print(text);
      }
    }
    if (errors) ctx.fail(EXIT.FINDINGS);
  });
}
