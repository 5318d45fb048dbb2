/**
 * Migration: reconciliation results (issue 6). One current result per statement: re-running a
 * statement replaces its rows (ON DELETE CASCADE), so nothing is ever counted twice.
 *
 * Amounts are INTEGER minor units: statement currency at reconciliations.scale, local currency
 * at reconciliations.local_scale. Shares are hundredths of a percent. statement_id and
 * statement_line_id refer to the statements tables of migration 0002; work_id and party_id to the
 * catalogue (0001). They carry no foreign key on purpose: a catalogue re-import or an undo may
 * rewrite works, and the result of a past reconciliation must stay readable.
 */
import type { Migration } from './index.js';

export const RECONCILIATION: Migration = {
  name: '0003-reconciliation',
  sql: `
CREATE TABLE reconciliations (
  id                INTEGER PRIMARY KEY,
  statement_id      INTEGER NOT NULL UNIQUE,
  society           TEXT NOT NULL,              -- receiving society (whose members are paid)
  from_society      TEXT NOT NULL,              -- remitting society
  currency          TEXT NOT NULL,
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
  created_at        TEXT NOT NULL
) STRICT;

-- One row per statement line: how it matched and where its money went.
CREATE TABLE reconciliation_lines (
  id                INTEGER PRIMARY KEY,
  reconciliation_id INTEGER NOT NULL REFERENCES reconciliations(id) ON DELETE CASCADE,
  statement_line_id INTEGER NOT NULL,
  line_ref          TEXT,
  decision_key      TEXT,                       -- remitting society work code (or T:title key)
  status            TEXT NOT NULL CHECK (status IN ('matched', 'review', 'unmatched')),
  method            TEXT,                       -- decision | society-code | iswc | submitter-number | isrc | title-writer
  confidence        REAL NOT NULL,              -- 0..1 (a score, not money)
  match_key         TEXT,
  work_id           INTEGER,
  party_id          INTEGER,
  party_method      TEXT,                       -- ipi-name | ipi-base | name
  right             TEXT,
  territory         TEXT,
  share_paid        INTEGER,
  share_registered  INTEGER,
  amount            INTEGER NOT NULL,           -- as on the statement
  net               INTEGER NOT NULL,           -- after bank charges
  local             INTEGER,
  unallocated       INTEGER NOT NULL,
  local_unallocated INTEGER,
  reason            TEXT,                       -- why money stayed unallocated
  candidates        TEXT                        -- JSON [{workId, score, title, writerConfirmed}]
) STRICT;
CREATE INDEX reconciliation_lines_status ON reconciliation_lines(reconciliation_id, status);
CREATE INDEX reconciliation_lines_statement_line ON reconciliation_lines(statement_line_id);

-- Money of one line per member paid.
CREATE TABLE reconciliation_allocations (
  line_id  INTEGER NOT NULL REFERENCES reconciliation_lines(id) ON DELETE CASCADE,
  party_id INTEGER NOT NULL,
  weight   INTEGER NOT NULL,                    -- collection share used (hundredths of a percent)
  amount   INTEGER NOT NULL,
  local    INTEGER,
  PRIMARY KEY (line_id, party_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX reconciliation_allocations_party ON reconciliation_allocations(party_id);

-- Discrepancies and claim candidates.
CREATE TABLE reconciliation_findings (
  id                INTEGER PRIMARY KEY,
  reconciliation_id INTEGER NOT NULL REFERENCES reconciliations(id) ON DELETE CASCADE,
  kind              TEXT NOT NULL,              -- share-discrepancy | party-not-on-work | claim-candidate | duplicate-line | control-total
  line_id           INTEGER,                    -- reconciliation_lines.id
  work_id           INTEGER,
  party_id          INTEGER,
  detail            TEXT NOT NULL               -- JSON
) STRICT;
CREATE INDEX reconciliation_findings_run ON reconciliation_findings(reconciliation_id, kind);

-- Review decisions, remembered per remitting society and its work code: 'accept' makes the next
-- reconciliation match the code to the work; 'reject' keeps the work out of its candidates.
CREATE TABLE review_decisions (
  from_society TEXT NOT NULL,
  work_code    TEXT NOT NULL,
  work_id      INTEGER NOT NULL,
  decision     TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
  decided_at   TEXT NOT NULL,
  PRIMARY KEY (from_society, work_code, work_id)
) STRICT, WITHOUT ROWID;

-- Statement files the cron inbox has processed, by content hash (a file seen twice is skipped).
CREATE TABLE inbox_files (
  sha256       TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  statement_id INTEGER,
  processed_at TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('done', 'error'))
) STRICT, WITHOUT ROWID;
`,
};
