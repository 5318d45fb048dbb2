/** Schema migrations in order; the position + 1 is the PRAGMA user_version after applying it.
 * Never edit a released migration: add a new one. */
import { CATALOGUE } from './0001-catalogue.js';
import { STATEMENTS } from './0002-statements.js';
import { RECONCILIATION } from './0003-reconciliation.js';
import { IDENTIFIERS } from './0004-identifiers.js';
import { RECONCILIATION_LEAN } from './0005-reconciliation-lean.js';
import { CONFLICT_RESOLUTION } from './0006-conflict-resolution.js';
import { REGISTRATION_SENT_TYPE } from './0007-registration-sent-type.js';
import { PARTY_ORIGINAL_NAMES } from './0008-party-original-names.js';
import { RECONCILIATION_PER_CURRENCY } from './0009-reconciliation-per-currency.js';

export interface Migration {
  readonly name: string;
  readonly sql: string;
  /** Run with foreign-key enforcement off (a table rebuild); the keys of these tables (those
   * referring to the rebuilt one) are checked before commit. */
  readonly foreignKeysOff?: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [CATALOGUE, STATEMENTS, RECONCILIATION, IDENTIFIERS, RECONCILIATION_LEAN, CONFLICT_RESOLUTION, REGISTRATION_SENT_TYPE, PARTY_ORIGINAL_NAMES, RECONCILIATION_PER_CURRENCY];
