/**
 * A diagnostic is data: which rule, at which CISAC level, where (file, line, column, record,
 * field, transaction) and with which parameters. Wording is rendered separately (messages).
 */

/** CISAC rejection scopes: ER file, GR group, TR transaction, RR record, FR field. */
export type Level = 'file' | 'group' | 'transaction' | 'record' | 'field';

export const LEVELS: readonly Level[] = ['file', 'group', 'transaction', 'record', 'field'];

/** The letter used for a level in ACK MSG records (message_type / message_level). */
export const LEVEL_LETTER: Readonly<Record<Level, 'E' | 'G' | 'T' | 'R' | 'F'>> = {
  file: 'E',
  group: 'G',
  transaction: 'T',
  record: 'R',
  field: 'F',
};

/** error: rejects the file, group, transaction or record. warning: a field replaced by its default
 * or a finding that rejects nothing. info: a note (e.g. a line padded to its layout length). */
export type Severity = 'error' | 'warning' | 'info';

export type ParamValue = string | number | boolean | null;

export interface Diagnostic {
  readonly rule: string;
  readonly level: Level;
  readonly severity: Severity;
  /** 1-based line number in the file, or null for whole-file findings. */
  readonly line: number | null;
  /** 1-based column of the field (or of the problem) in the line, or null. */
  readonly column: number | null;
  /** Length of the offending text from `column`, for underlining. */
  readonly length?: number;
  /** Record type of the line, e.g. "NWR". */
  readonly record: string | null;
  readonly field: string | null;
  /** Transaction sequence number of the transaction the line belongs to. */
  readonly transaction: number | null;
  /** Group id of the group the line belongs to. */
  readonly group?: number | null;
  readonly message: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

/** The severity a level implies: field-level findings replace the field and let the transaction
 * through, so they are warnings; the others reject something. */
export function severityOf(level: Level): Severity {
  return level === 'field' ? 'warning' : 'error';
}
