/** Renders diagnostics the way a good compiler does: where, rule, message, the line, a caret. */
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../validation/diagnostic.js';

export interface RenderOptions {
  readonly file: string;
  readonly lines: ReadonlyMap<number, string>;
  readonly color: ChalkInstance;
}

function severityLabel(d: Diagnostic, c: ChalkInstance): string {
  switch (d.severity) {
    case 'error':
      return c.red.bold('error');
    case 'warning':
      return c.yellow.bold('warning');
    case 'info':
      return c.cyan('note');
  }
}

export function renderDiagnostic(d: Diagnostic, o: RenderOptions): string {
  const c = o.color;
  const where = `${o.file}${d.line !== null ? `:${d.line}` : ''}${d.column !== null && d.line !== null ? `:${d.column}` : ''}`;
  const ctx = [d.record, d.field].filter((x) => x !== null && x !== '').join('.');
  let out = `${c.bold(where)}: ${severityLabel(d, c)} ${c.dim(`[${d.rule}, ${d.level}]`)} ${d.message}${ctx ? c.dim(` (${ctx})`) : ''}\n`;
  const text = d.line !== null ? o.lines.get(d.line) : undefined;
  if (text !== undefined && d.line !== null) {
    const gutter = String(d.line).padStart(6, ' ');
    out += `${c.dim(`${gutter} | `)}${text.replace(/\t/g, ' ')}\n`;
    if (d.column !== null) {
      const len = Math.max(1, Math.min(d.length ?? 1, 80));
      out += `${c.dim(`${' '.repeat(6)} | `)}${' '.repeat(d.column - 1)}${c.red('^'.repeat(len))}\n`;
    }
  }
  return out;
}
