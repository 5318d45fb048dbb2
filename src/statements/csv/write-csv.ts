/**
 * Statement lines as CSV in the generic profile's columns (so cwrkit reads its own export back).
 * Text columns are guarded against spreadsheet formula injection (OWASP: a leading = + - @ TAB CR,
 * or their full-width forms, gets a leading apostrophe); amounts and shares stay plain decimals.
 */
import { stringify } from 'csv-stringify/sync';
import { formatUnits } from '../../domain/money.js';
import type { StatementLine } from '../model.js';

export const EXPORT_COLUMNS = ['line_ref', 'society_work_code', 'iswc', 'title', 'writers', 'ipi_name_number', 'party_name', 'role', 'right', 'territory', 'share', 'amount', 'currency'] as const;

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Guards one free-text cell. */
export function guardText(value: string | null): string {
  if (value === null) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function linesCsv(lines: Iterable<StatementLine>, decimals: number): string {
  const rows: string[][] = [[...EXPORT_COLUMNS]];
  for (const l of lines) {
    rows.push([
      guardText(l.lineRef),
      guardText(l.societyWorkCode),
      l.iswc ?? '',
      guardText(l.title),
      guardText(l.writers.join('; ')),
      l.ipiNameNumber ?? '',
      guardText(l.partyName),
      guardText(l.role),
      l.right ?? '',
      l.territory ?? '',
      l.share === null ? '' : formatUnits(BigInt(l.share), 2),
      formatUnits(l.net, decimals),
      l.currency,
    ]);
  }
  return stringify(rows, { record_delimiter: '\n' });
}
