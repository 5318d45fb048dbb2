/**
 * The CISAC transaction status an acknowledgement gives a transaction (CWR 2.2 §4.6, transaction
 * status table; user manual CWR19-0479 §5.1). cwrkit decides it from validation alone, plus what
 * the catalogue says about conflicts and duplicates:
 *
 *   RJ  the transaction failed a transaction-, group- or file-level edit (TR/GR/ER), or its group
 *       or the whole file was rejected;
 *   CO  / DU  the catalogue reports a conflict or a duplicate (only for transactions not rejected);
 *   AC  accepted, but a field was replaced by its default (FR) or a record dropped (RR);
 *   AS  accepted as submitted (warnings on the transaction itself change nothing).
 */
import type { Diagnostic } from '../../../validation/diagnostic.js';
import type { TransactionStatus } from '../../../validation/engine.js';

export type AckStatus = 'AS' | 'AC' | 'RJ' | 'CO' | 'DU';

export const ACK_STATUSES: readonly AckStatus[] = ['AS', 'AC', 'RJ', 'CO', 'DU'];

/** What the catalogue says about a transaction that passed validation. */
export type CatalogueVerdict = 'CO' | 'DU' | null;

export interface StatusInput {
  /** The validator's verdict on the transaction itself. */
  readonly validation: TransactionStatus;
  readonly diagnostics: readonly Diagnostic[];
  /** A group-level (GR) error rejected the transaction's group. */
  readonly groupRejected?: boolean;
  /** A file-level (ER) error rejected the whole file. */
  readonly fileRejected?: boolean;
  readonly catalogue?: CatalogueVerdict;
}

/** A finding that replaced a field by its default or dropped a record. */
export function changesSomething(d: Diagnostic): boolean {
  return (d.level === 'field' || d.level === 'record') && (d.severity === 'error' || d.severity === 'warning');
}

export function decideStatus(input: StatusInput): AckStatus {
  if (input.fileRejected === true || input.groupRejected === true || input.validation === 'rejected') return 'RJ';
  if (input.catalogue === 'CO' || input.catalogue === 'DU') return input.catalogue;
  return input.diagnostics.some(changesSomething) ? 'AC' : 'AS';
}

export function isAckStatus(s: string): s is AckStatus {
  return (ACK_STATUSES as readonly string[]).includes(s);
}
