/**
 * The royalty statement model every intake (CRD, CSV, XML) produces and every writer consumes.
 * Amounts are bigint minor units at the statement's `decimals` scale; shares are hundredths of a
 * percent (10000 = 100.00%), as in CWR.
 */

export type StatementFormat = 'crd' | 'csv' | 'xml';
export const STATEMENT_FORMATS: readonly StatementFormat[] = ['crd', 'csv', 'xml'];

export type Right = 'PR' | 'MR' | 'SR';
export const RIGHTS: readonly Right[] = ['PR', 'MR', 'SR'];

export function isRight(x: string): x is Right {
  return (RIGHTS as readonly string[]).includes(x);
}

/** Where a line (or a field of it) came from. */
export interface SourceLocation {
  readonly file: string;
  /** 1-based line of the file (CSV: the physical line the record starts on; XML: the element's line). */
  readonly line: number;
  /** 1-based column of the amount field (CRD) or null. */
  readonly column: number | null;
}

export interface Period {
  /** YYYY-MM-DD or null. */
  readonly start: string | null;
  readonly end: string | null;
}

export interface StatementLine {
  /** The sender's reference of the line (CRD: WER reference identifier). */
  readonly lineRef: string | null;
  readonly societyWorkCode: string | null;
  readonly iswc: string | null;
  readonly title: string | null;
  readonly writers: readonly string[];
  /** The sender's own interested-party number (CRD MIP-4). */
  readonly ipNumber: string | null;
  /** 11-digit IPI name number. */
  readonly ipiNameNumber: string | null;
  readonly partyName: string | null;
  /** Role code (CWR designation: C, A, CA, E, AM ...). */
  readonly role: string | null;
  readonly right: Right | null;
  /** TIS numeric territory code, e.g. "0398" Kazakhstan, "2136" World. */
  readonly territory: string | null;
  /** Hundredths of a percent, 0..10000. */
  readonly share: number | null;
  readonly distributionCategory: string | null;
  /** Gross amount of the usage (before share and deductions), minor units at the statement scale. */
  readonly gross: bigint | null;
  /** Net amount payable for this line, minor units at the statement scale. May be negative. */
  readonly net: bigint;
  readonly currency: string;
  readonly usagePeriod: Period | null;
  /** For corrections: the reference of the line being adjusted. */
  readonly adjustmentRef: string | null;
  readonly source: SourceLocation;
}

export interface ControlTotals {
  /** Number of lines the statement declares (CRD: records; CSV/XML: lines read). */
  readonly lines: number;
  /** Declared total per currency (minor units at the statement scale), when the sender gives one. */
  readonly declared: ReadonlyMap<string, bigint>;
  /** Total computed from the lines per currency. */
  readonly computed: ReadonlyMap<string, bigint>;
}

export interface Statement {
  /** Assigned when stored. */
  readonly id: number | null;
  /** CISAC society code (3 digits) of the sender. */
  readonly fromSociety: string;
  readonly format: StatementFormat;
  readonly period: Period;
  readonly distributionId: string | null;
  /** The statement's main currency (CRD: SDN currency). */
  readonly currency: string | null;
  /** Decimals of every amount of the statement. */
  readonly decimals: number;
  readonly control: ControlTotals;
  readonly lines: readonly StatementLine[];
}

/** An empty line skeleton: the intakes fill what they know. */
export function blankLine(currency: string, source: SourceLocation): StatementLine {
  return {
    lineRef: null,
    societyWorkCode: null,
    iswc: null,
    title: null,
    writers: [],
    ipNumber: null,
    ipiNameNumber: null,
    partyName: null,
    role: null,
    right: null,
    territory: null,
    share: null,
    distributionCategory: null,
    gross: null,
    net: 0n,
    currency,
    usagePeriod: null,
    adjustmentRef: null,
    source,
  };
}

/** Adds `amount` to the running total of `currency`. */
export function addTotal(totals: Map<string, bigint>, currency: string, amount: bigint): void {
  totals.set(currency, (totals.get(currency) ?? 0n) + amount);
}
