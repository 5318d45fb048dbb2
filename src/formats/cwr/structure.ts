/** The shape of a CWR transmission: HDR, groups (GRH ... GRT), transactions, TRL. */
import type { CwrRecord } from './record.js';

/** Record types that open a transaction (2.x and 3.x). */
export const TRANSACTION_HEADER_TYPES: ReadonlySet<string> = new Set([
  'AGR',
  'NWR',
  'REV',
  'ISW',
  'EXC',
  'ACK',
  'COP',
  'WRK',
  'ISR',
  'ISA',
  'DRW',
  'LIC',
]);

export const CONTROL_TYPES: ReadonlySet<string> = new Set(['HDR', 'GRH', 'GRT', 'TRL']);

export interface Transaction {
  /** The transaction header record (NWR, REV, ACK, WRK ...). */
  readonly header: CwrRecord;
  /** Every following record of the transaction, in file order (in an ACK transaction this
   * includes MSG records and the echoed NWR/REV/AGR/EXC with their detail records). */
  readonly records: CwrRecord[];
  /** Group id of the enclosing group (as declared in its GRH). */
  readonly group: number | null;
  /** Position of the transaction in its group, from 0, as counted by the reader. */
  readonly index: number;
}

export interface GroupInfo {
  readonly header: CwrRecord;
  readonly transactionType: string;
  readonly id: number | null;
  trailer: CwrRecord | null;
  transactionCount: number;
  recordCount: number;
}

export type CwrEvent =
  | { readonly kind: 'hdr'; readonly record: CwrRecord }
  | { readonly kind: 'grh'; readonly group: GroupInfo }
  | { readonly kind: 'transaction'; readonly transaction: Transaction }
  | { readonly kind: 'grt'; readonly group: GroupInfo }
  | { readonly kind: 'trl'; readonly record: CwrRecord }
  /** A record that belongs to no transaction or comes after TRL: kept so nothing is lost. */
  | { readonly kind: 'stray'; readonly record: CwrRecord };

/** A whole transmission held in memory (the `parse --json` shape). */
export interface Transmission {
  header: CwrRecord | null;
  groups: Array<{ info: GroupInfo; transactions: Transaction[]; stray: CwrRecord[] }>;
  trailer: CwrRecord | null;
  /** Records outside any group (before the first GRH, between groups, after TRL). */
  stray: CwrRecord[];
}

/** All records of a transaction, header first. */
export function recordsOf(tx: Transaction): CwrRecord[] {
  return [tx.header, ...tx.records];
}
