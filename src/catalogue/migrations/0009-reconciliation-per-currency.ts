/**
 * Migration: one reconciliation per statement and currency (was one per statement). A statement
 * whose lines are in several currencies is reconciled once per currency, each with its own
 * totals, rate and money check; re-running a statement replaces the result of each currency.
 * SQLite cannot drop a UNIQUE constraint, so the table is rebuilt (the documented procedure:
 * new table, copy, drop, rename) with foreign-key enforcement off, which keeps the result lines
 * and findings that refer to it; `migrate` checks their keys before committing.
 */
import type { Migration } from './index.js';

export const RECONCILIATION_PER_CURRENCY: Migration = {
  name: '0009-reconciliation-per-currency',
  foreignKeysOff: ['reconciliation_lines', 'reconciliation_findings'],
  sql: `
CREATE TABLE reconciliations_0009 (
  id                INTEGER PRIMARY KEY,
  statement_id      INTEGER NOT NULL,
  society           TEXT NOT NULL,              -- receiving society (whose members are paid)
  from_society      TEXT NOT NULL,              -- remitting society
  currency          TEXT NOT NULL,              -- the lines of the statement in this currency
  scale             INTEGER NOT NULL,
  local_currency    TEXT,
  local_scale       INTEGER,
  rate              TEXT,                       -- 'EUR:KZT=512.34' as used
  received          INTEGER,                    -- amount actually received (minor units)
  received_currency TEXT,
  total             INTEGER NOT NULL,           -- sum of the lines
  declared_total    INTEGER,
  charges           INTEGER NOT NULL,           -- total - received (statement currency)
  allocated         INTEGER NOT NULL,
  unallocated       INTEGER NOT NULL,
  local_total       INTEGER,
  local_allocated   INTEGER,
  local_unallocated INTEGER,
  lines             INTEGER NOT NULL,
  matched           INTEGER NOT NULL,
  review            INTEGER NOT NULL,
  unmatched         INTEGER NOT NULL,
  discrepancies     INTEGER NOT NULL,
  claims            INTEGER NOT NULL,
  summary           TEXT NOT NULL,              -- JSON: byMethod, unallocatedByReason
  created_at        TEXT NOT NULL,
  UNIQUE (statement_id, currency)
) STRICT;
INSERT INTO reconciliations_0009 SELECT * FROM reconciliations;
DROP TABLE reconciliations;
ALTER TABLE reconciliations_0009 RENAME TO reconciliations;
`,
};
