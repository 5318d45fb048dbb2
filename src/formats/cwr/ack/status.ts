/**
 * The CISAC transaction status an acknowledgement gives a transaction (CWR 2.2 §4.6, transaction
 * status table; user manual CWR19-0479 §5.1). cwrkit decides it from validation alone, plus what
 * the catalogue says about conflicts and duplicates:
 *
 *   RJ  the transaction failed a transaction-, group- or file-level edit (TR/GR/ER), or its group
 *       or the whole file was rejected;
 *   CO  / DU  the catalogue reports a conflict or a duplicate (only for transactions not rejected);
 *   AC  accepted, but a field was replaced by its default (FR) or a record dropped (RR);
 *   AS  accepted as submitted (warnings on the transaction itself change nothing);
 *   RA  a work registration (NWR, REV, WRK) that passed the edits, when no society work number
 *       is known for it: AS and AC say a work was created and then require the Recipient
 *       Creation # (CWR 2.2 §4.6; user manual §5.1.2-5.1.4), so without a catalogue the honest
 *       answer is "accepted, final state pending". With a catalogue that supplies the number,
 *       AS or AC is given.
 */
import type { Diagnostic } from '../../../validation/diagnostic.js';
import type { TransactionStatus } from '../../../validation/engine.js';

export type AckStatus = 'AS' | 'AC' | 'RA' | 'RJ' | 'CO' | 'DU';

export const ACK_STATUSES: readonly AckStatus[] = ['AS', 'AC', 'RA', 'RJ', 'CO', 'DU'];

/** Transaction types that register a work (an accepted one gets a society work number). */
export const WORK_REGISTRATIONS: ReadonlySet<string> = new Set(['NWR', 'REV', 'WRK']);

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
  /** The transaction registers a work (NWR, REV, WRK). */
  readonly registersWork?: boolean;
  /** The society's work number for it (Recipient Creation #), when the catalogue has one. */
  readonly recipientNumber?: string | null;
}

/** A finding that replaced a field by its default or dropped a record. */
export function changesSomething(d: Diagnostic): boolean {
  return (d.level === 'field' || d.level === 'record') && (d.severity === 'error' || d.severity === 'warning');
}

export function decideStatus(input: StatusInput): AckStatus {
  if (input.fileRejected === true || input.groupRejected === true || input.validation === 'rejected') return 'RJ';
  if (input.catalogue === 'CO' || input.catalogue === 'DU') return input.catalogue;
  if (input.registersWork === true && (input.recipientNumber ?? '') === '') return 'RA';
  return input.diagnostics.some(changesSomething) ? 'AC' : 'AS';
}

export function isAckStatus(s: string): s is AckStatus {
  return (ACK_STATUSES as readonly string[]).includes(s);
}
