/**
 * CSV exports of a reconciliation: member totals, member statement lines, and the unmatched list.
 * Text columns get a formula-injection guard (a leading = + - @ TAB CR, or their full-width forms,
 * is prefixed with a single quote); amount columns stay plain decimal strings.
 */
import { stringify } from 'csv-stringify/sync';
import type { MemberLineRow, ReconReport } from '../reconcile/report.js';

const DANGEROUS = /^[=+\-@\t\r＝＋－＠]/;

/** Guards a free-text cell against spreadsheet formula injection. */
export function guardText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return DANGEROUS.test(value) ? `'${value}` : value;
}

type Cell = string | number | null;

function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))], { eof: true });
}

export function membersCsv(r: ReconReport): string {
  return csv(
    ['party_id', 'ipi', 'name', 'lines', 'amount', 'currency', 'local_amount', 'local_currency'],
    r.members.map((m) => [m.partyId, guardText(m.ipi), guardText(m.name), m.lines, m.amount, r.currency, m.local, r.localCurrency]),
  );
}

/** Header of the member statement lines (one row per line and member paid). */
export const MEMBER_LINES_HEADER = ['ipi', 'name', 'statement_line', 'line_ref', 'work_id', 'title', 'right', 'territory', 'weight', 'amount', 'currency', 'local_amount', 'local_currency'] as const;


/** CSV text of member statement rows (the header only when `header` is true). */
export function memberLinesCsv(rows: readonly MemberLineRow[], header: boolean): string {
  const body = rows.map((r) => [guardText(r.ipi), guardText(r.name), r.statementLine, guardText(r.ref), r.workId, guardText(r.title), r.right, r.territory, r.weight, r.amount, r.currency, r.local, r.localCurrency].map((c) => (c === null ? '' : String(c))));
  return stringify(header ? [[...MEMBER_LINES_HEADER], ...body] : body, { eof: true });
}

export function unmatchedCsv(r: ReconReport): string {
  return csv(
    ['line_id', 'statement_line', 'line_ref', 'status', 'key', 'best_work', 'best_title', 'score', 'amount', 'currency'],
    r.notMatched.map((l) => [l.id, l.statementLine, guardText(l.ref), l.status, guardText(l.key), l.candidates[0]?.workId ?? null, guardText(l.candidates[0]?.title), l.candidates[0]?.score ?? null, l.net, r.currency]),
  );
}
