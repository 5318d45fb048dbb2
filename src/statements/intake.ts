/**
 * What every statement intake (CRD, CSV, XML) shares: its options, its result, the line sink that
 * lets a million-line statement stream into storage, and the checks common to all lines.
 */
import { isValidIpiNameNumber, isValidIswc, normaliseIswc } from '../domain/identifiers.js';
import type { Diagnostic } from '../validation/diagnostic.js';
import { diagnostic, type Params, type RuleInfo } from '../validation/rule.js';
import type { ControlTotals, Period, StatementFormat, StatementLine, Statement } from './model.js';
import * as R from './rules.js';

/** Statement-level facts, known before (CSV, XML) or early in (CRD) the lines. */
export interface StatementHeader {
  fromSociety: string;
  format: StatementFormat;
  period: Period;
  distributionId: string | null;
  currency: string | null;
  decimals: number;
}

export interface IntakeResult {
  readonly header: StatementHeader;
  readonly control: ControlTotals;
  readonly diagnostics: Diagnostic[];
  readonly lineCount: number;
  /** Records or elements the intake did not know, kept verbatim (CRD: unknown record types). */
  readonly unknown: readonly { line: number; type: string; text: string }[];
  /** The text encoding the file was read with. */
  readonly encoding?: string;
}

/** Receives lines in batches as they are read. */
export type LineSink = (batch: StatementLine[]) => void;

export interface BaseIntakeOptions {
  /** CISAC code of the sending society (3 digits). */
  readonly fromSociety: string;
  /** Currency for lines whose file gives none. */
  readonly currency?: string;
  /** Name used in source locations (defaults to the path). */
  readonly fileName?: string;
  /** Lines per batch handed to the sink. */
  readonly batchSize?: number;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Builds a diagnostic at a source position. */
export function at(rule: RuleInfo, line: number | null, column: number | null, field: string | null, params: Params = {}, record: string | null = null): Diagnostic {
  return diagnostic(rule, { line, column, field, record }, params);
}

/**
 * Checks common to every intake, applied to a finished line: it must name a work; identifiers
 * are checked (a bad ISWC or IPI is a warning and is kept as given). Returns the line to keep
 * (the ISWC normalised to T + 10 digits when it had punctuation).
 */
export function checkLine(line: StatementLine, report: (d: Diagnostic) => void, columns: Partial<Record<'iswc' | 'ipi' | 'work', number | null>> = {}): StatementLine {
  const where = line.source;
  let out = line;
  if (line.societyWorkCode === null && line.iswc === null && line.title === null) {
    report(at(R.LINE_UNIDENTIFIED, where.line, columns.work ?? null, 'society_work_code'));
  }
  if (line.iswc !== null) {
    const n = normaliseIswc(line.iswc);
    if (n === null || !isValidIswc(n)) report(at(R.ISWC_INVALID, where.line, columns.iswc ?? null, 'iswc', { text: line.iswc }));
    else if (n !== line.iswc) out = { ...out, iswc: n };
  }
  if (line.ipiNameNumber !== null && !isValidIpiNameNumber(line.ipiNameNumber)) {
    report(at(R.IPI_INVALID, where.line, columns.ipi ?? null, 'ipi_name_number', { text: line.ipiNameNumber }));
  }
  return out;
}

/** Collects a streamed intake into a whole Statement (tests, small files, round trips). */
export async function collectStatement(run: (sink: LineSink) => Promise<IntakeResult>): Promise<{ statement: Statement; result: IntakeResult }> {
  const lines: StatementLine[] = [];
  const result = await run((batch) => {
    for (const l of batch) lines.push(l);
  });
  const h = result.header;
  const statement: Statement = {
    id: null,
    fromSociety: h.fromSociety,
    format: h.format,
    period: h.period,
    distributionId: h.distributionId,
    currency: h.currency,
    decimals: h.decimals,
    control: result.control,
    lines,
  };
  return { statement, result };
}
