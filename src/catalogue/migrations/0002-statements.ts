/**
 * Migration: royalty statements received and local distributions (issue 5). Documented in
 * docs/statements.md.
 *
 * Money is INTEGER minor units: statement amounts at statements.scale in the line's currency,
 * distribution amounts at distributions.scale in distributions.currency. Shares are INTEGER
 * hundredths of a percent. A statement is stored whole or not at all, once per content hash.
 * Distribution rows keep the party's name, IPI and society as used, so a later catalogue change
 * does not rewrite what was paid (work_id / party_id carry no foreign key on purpose).
 */
import type { Migration } from './index.js';

export const STATEMENTS: Migration = {
  name: '0002-statements',
  sql: `
CREATE TABLE statements (
  id              INTEGER PRIMARY KEY,
  content_hash    TEXT NOT NULL UNIQUE,           -- SHA-256 of the file bytes: same file = same statement
  from_society    TEXT NOT NULL,                  -- CISAC code of the remitting society, 3 digits
  format          TEXT NOT NULL CHECK (format IN ('crd', 'csv', 'xml')),
  profile         TEXT,                           -- CSV/XML profile name used
  file_name       TEXT NOT NULL,
  period_start    TEXT,                           -- YYYY-MM-DD
  period_end      TEXT,
  distribution_ref TEXT,                          -- the sender's distribution identifier
  currency        TEXT,                           -- main currency (CRD: SDN currency)
  scale           INTEGER NOT NULL CHECK (scale BETWEEN 0 AND 18),
  rate            TEXT,                           -- exchange rate declared by the statement, if any
  lines           INTEGER NOT NULL,
  imported_at     TEXT NOT NULL
) STRICT;

-- Totals per currency: computed from the lines, and declared by the sender when it gives one.
CREATE TABLE statement_totals (
  statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  currency     TEXT NOT NULL,
  total        INTEGER NOT NULL,
  declared     INTEGER,
  PRIMARY KEY (statement_id, currency)
) STRICT, WITHOUT ROWID;

CREATE TABLE statement_lines (
  id                    INTEGER PRIMARY KEY,
  statement_id          INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  n                     INTEGER NOT NULL,         -- 1-based order in the statement
  line_ref              TEXT,
  society_work_code     TEXT,
  iswc                  TEXT,
  title                 TEXT,
  writers               TEXT,                     -- names joined with '; '
  ip_number             TEXT,
  ipi_name_number       TEXT,
  party_name            TEXT,
  role                  TEXT,
  right                 TEXT CHECK (right IN ('PR', 'MR', 'SR')),
  territory             TEXT,                     -- TIS numeric code
  share                 INTEGER,                  -- hundredths of a percent
  distribution_category TEXT,
  gross                 INTEGER,
  amount                INTEGER NOT NULL,         -- net payable, minor units at statements.scale
  currency              TEXT NOT NULL,
  usage_start           TEXT,
  usage_end             TEXT,
  adjustment_ref        TEXT,
  source_line           INTEGER NOT NULL,         -- where the line is in the file
  source_column         INTEGER,
  UNIQUE (statement_id, n)
) STRICT;
-- No index on work code or ISWC: lines are read in order per statement (reconciliation pages
-- through them); every extra index would slow a million-line import.

-- A local distribution: an amount split over works by use, then over parties by collection share.
CREATE TABLE distributions (
  id           INTEGER PRIMARY KEY,
  society      TEXT NOT NULL,                      -- the distributing society (ours)
  right        TEXT NOT NULL CHECK (right IN ('PR', 'MR', 'SR')),
  territory    TEXT NOT NULL,                      -- TIS code the shares are taken for (0398)
  period       TEXT,                               -- e.g. 2026Q3
  currency     TEXT NOT NULL,
  scale        INTEGER NOT NULL,
  amount       INTEGER NOT NULL,                   -- the whole amount distributed
  allocated    INTEGER NOT NULL,                   -- paid to parties
  unallocated  INTEGER NOT NULL,                   -- held: unmatched usage, shares missing
  usage_file   TEXT NOT NULL,
  usage_hash   TEXT NOT NULL,
  usage_lines  INTEGER NOT NULL,
  matched      INTEGER NOT NULL,
  unmatched    INTEGER NOT NULL,
  rounding     TEXT NOT NULL,                      -- 'largest-remainder'
  created_at   TEXT NOT NULL
) STRICT;

-- Per work: its uses (decimal text as given, summed) and its part of the amount.
CREATE TABLE distribution_works (
  distribution_id INTEGER NOT NULL REFERENCES distributions(id) ON DELETE CASCADE,
  work_id         INTEGER NOT NULL,
  title           TEXT NOT NULL,
  iswc            TEXT,
  uses            TEXT NOT NULL,                   -- decimal string
  amount          INTEGER NOT NULL,
  unallocated     INTEGER NOT NULL,                -- the part of collection shares nobody holds
  PRIMARY KEY (distribution_id, work_id)
) STRICT, WITHOUT ROWID;

-- Per work and party: the collection share used and the money.
CREATE TABLE distribution_shares (
  distribution_id INTEGER NOT NULL REFERENCES distributions(id) ON DELETE CASCADE,
  work_id         INTEGER NOT NULL,
  party_id        INTEGER NOT NULL,
  party_name      TEXT NOT NULL,
  ipi_name_number TEXT,
  role            TEXT,
  society         TEXT,                            -- affiliation for the right; NULL = none known
  share           INTEGER NOT NULL,                -- hundredths of a percent
  amount          INTEGER NOT NULL,
  PRIMARY KEY (distribution_id, work_id, party_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX distribution_shares_society ON distribution_shares(distribution_id, society);

-- Usage lines that matched no work; their part of the amount is held (distributions.unallocated).
CREATE TABLE distribution_unmatched (
  distribution_id INTEGER NOT NULL REFERENCES distributions(id) ON DELETE CASCADE,
  line            INTEGER NOT NULL,
  work_ref        TEXT NOT NULL,
  title           TEXT,
  uses            TEXT NOT NULL,
  amount          INTEGER NOT NULL,
  PRIMARY KEY (distribution_id, line)
) STRICT, WITHOUT ROWID;
`,
};
