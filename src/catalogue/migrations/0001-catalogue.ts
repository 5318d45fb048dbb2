/**
 * Migration: the works catalogue (issue 4). Documented in docs/catalogue.md.
 *
 * Stable names: other modules (catalogue/queries, from-work, statements, reconciliation) query
 * these tables; never rename a table or column here, add a migration instead.
 *
 * Conventions: every table is STRICT; shares are INTEGER hundredths of a percent (10000 = 100%);
 * dates are TEXT 'YYYY-MM-DD', times 'HH:MM:SS', timestamps ISO 8601 UTC; booleans INTEGER 0/1;
 * society codes are 3-digit TEXT ("177"); ISWCs normalised 'T1234567894'; IPI name numbers 11
 * digits. *_key columns hold normalised search keys from src/domain/text-keys.ts.
 * Rows owned by a work are keyed (work_id, position/n), not by surrogate ids, so a work can be
 * rewritten from its JSON snapshot (work_history.snapshot) identically (runs undo relies on it).
 */
import type { Migration } from './index.js';

export const CATALOGUE: Migration = {
  name: '0001-catalogue',
  sql: `
-- Every import (and undo) is a run. summary: JSON of the import summary.
CREATE TABLE runs (
  id          INTEGER PRIMARY KEY,
  command     TEXT NOT NULL,                 -- 'import'
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  status      TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'undone')),
  undone_at   TEXT,
  summary     TEXT                           -- JSON
) STRICT;

-- Files imported, identified by the SHA-256 of their bytes (same file twice = no-op).
CREATE TABLE files (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  sha256        TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,                -- base name as imported
  size          INTEGER NOT NULL,
  cwr_version   TEXT NOT NULL,                -- '2.1' | '2.2' | '3.0' | '3.1'
  encoding      TEXT NOT NULL,
  sender_type   TEXT,                         -- HDR sender type (PB, SO, AA, WR ...)
  sender        TEXT,                         -- HDR sender id / code
  sender_name   TEXT,
  created_on    TEXT,                         -- HDR creation date
  transactions  INTEGER NOT NULL DEFAULT 0,
  accepted      INTEGER NOT NULL DEFAULT 0,
  rejected      INTEGER NOT NULL DEFAULT 0,
  imported_at   TEXT NOT NULL
) STRICT;
CREATE INDEX files_run ON files(run_id);

-- Local submitters (publishers / agents / our own society) that may send us CWR.
CREATE TABLE senders (
  code      TEXT PRIMARY KEY,                 -- sender code or id as in the HDR
  name      TEXT NOT NULL,
  ipi       TEXT,                             -- IPI name number of the sender, if any
  added_at  TEXT NOT NULL
) STRICT;

-- Interested parties. key: 'ipi:<IPI name number>' when known (one row per IPI worldwide),
-- else 'ip:<submitter>:<writer|publisher>:<ip number>'. First registration wins for names;
-- per-work values (role, societies, shares) live in work_parties.
CREATE TABLE parties (
  id                  INTEGER PRIMARY KEY,
  key                 TEXT NOT NULL UNIQUE,
  kind                TEXT NOT NULL CHECK (kind IN ('writer', 'publisher')),
  ipi_name_number     TEXT,
  ipi_base_number     TEXT,
  submitter           TEXT NOT NULL,          -- who first sent it
  ip_number           TEXT NOT NULL,          -- that submitter's interested party number
  name                TEXT NOT NULL,          -- last name or publisher name (Latin)
  first_name          TEXT,
  name_key            TEXT NOT NULL,          -- nameKey(first + last)
  original_name       TEXT,                   -- NPN / NWN: name in original script
  original_first_name TEXT,
  original_language   TEXT,
  created_run         INTEGER NOT NULL REFERENCES runs(id)
) STRICT;
CREATE INDEX parties_ipi_name ON parties(ipi_name_number);
CREATE INDEX parties_ipi_base ON parties(ipi_base_number);
CREATE INDEX parties_name_key ON parties(name_key);

-- Society affiliations of a party per right, as seen in registrations.
CREATE TABLE party_affiliations (
  party_id    INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
  right       TEXT NOT NULL CHECK (right IN ('PR', 'MR', 'SR')),
  society     TEXT NOT NULL,
  created_run INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (party_id, right, society)
) STRICT, WITHOUT ROWID;

-- A work as one submitter registers it. Two submitters registering the same work give two rows
-- (and a 'duplicate' conflict). version counts replacements (REV, ISW, ACK updates).
CREATE TABLE works (
  id                      INTEGER PRIMARY KEY,
  submitter               TEXT NOT NULL,      -- HDR sender of the registering file
  submitter_work_number   TEXT NOT NULL,
  title                   TEXT NOT NULL,
  title_key               TEXT NOT NULL,      -- titleKey(title)
  writer_key              TEXT NOT NULL,      -- sorted writer IPI name numbers, space separated
  language                TEXT,
  iswc                    TEXT,
  copyright_date          TEXT,
  copyright_number        TEXT,
  category                TEXT,               -- musical work distribution category
  duration                TEXT,
  recorded                TEXT,
  text_music_relationship TEXT,
  composite_type          TEXT,
  version_type            TEXT,
  excerpt_type            TEXT,
  music_arrangement       TEXT,
  lyric_adaptation        TEXT,
  cwr_work_type           TEXT,
  grand_rights            INTEGER,
  opus_number             TEXT,
  catalogue_number        TEXT,
  priority                TEXT,
  version                 INTEGER NOT NULL DEFAULT 1,
  snapshot_hash           TEXT NOT NULL,      -- SHA-256 of the JSON snapshot: detects "unchanged"
  created_run             INTEGER NOT NULL REFERENCES runs(id),
  updated_run             INTEGER NOT NULL REFERENCES runs(id),
  UNIQUE (submitter, submitter_work_number)
) STRICT;
CREATE INDEX works_iswc ON works(iswc);
CREATE INDEX works_swn ON works(submitter_work_number);
CREATE INDEX works_title_writers ON works(title_key, writer_key);

-- Other titles: ALT (type AT, TE, ...) and original-script titles (NAT/NET/NCT/NVT, non_roman=1).
-- The work title itself is works.title (type OT) and is not repeated here.
CREATE TABLE titles (
  work_id   INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  title     TEXT NOT NULL,
  title_key TEXT NOT NULL,
  type      TEXT NOT NULL,
  language  TEXT,
  non_roman INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (work_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX titles_key ON titles(title_key);

-- Identifiers of a work: kind 'iswc' (issuer ''), 'submitter' (issuer = submitter code,
-- value = submitter work number) and 'society' (issuer = society code, value = its work number).
CREATE TABLE work_identifiers (
  work_id INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  kind    TEXT NOT NULL CHECK (kind IN ('iswc', 'submitter', 'society')),
  issuer  TEXT NOT NULL DEFAULT '',
  value   TEXT NOT NULL,
  PRIMARY KEY (work_id, kind, issuer, value)
) STRICT, WITHOUT ROWID;
CREATE INDEX work_identifiers_value ON work_identifiers(kind, value);

-- Interested parties of a work (SPU/OPU/SWR/OWR in file order). Ownership shares per right.
CREATE TABLE work_parties (
  work_id             INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  position            INTEGER NOT NULL,       -- from 1, file order
  party_id            INTEGER NOT NULL REFERENCES parties(id),
  kind                TEXT NOT NULL CHECK (kind IN ('writer', 'publisher')),
  ip_number           TEXT NOT NULL,          -- submitter's interested party number
  role                TEXT,                   -- publisher type / writer designation
  controlled          INTEGER NOT NULL CHECK (controlled IN (0, 1)),
  chain               INTEGER,                -- publisher sequence number
  unknown             INTEGER NOT NULL DEFAULT 0,
  pr_society          TEXT,
  mr_society          TEXT,
  sr_society          TEXT,
  pr_share            INTEGER,                -- ownership, hundredths of a percent
  mr_share            INTEGER,
  sr_share            INTEGER,
  agreement_submitter TEXT,                   -- submitter agreement number (SPU)
  agreement_society   TEXT,                   -- society-assigned agreement number (SPU)
  agreement_type      TEXT,
  PRIMARY KEY (work_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX work_parties_party ON work_parties(party_id);

-- Collection shares (SPT/SWT/OPT/OWT) per party, right and territory.
CREATE TABLE collection_shares (
  work_id   INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,                 -- work_parties.position
  n         INTEGER NOT NULL,                 -- territory line of that party, from 1
  sequence  INTEGER NOT NULL,                 -- sequence number from the record
  territory TEXT NOT NULL,                    -- TIS numeric code, 4 digits
  include   INTEGER NOT NULL CHECK (include IN (0, 1)),
  pr_share  INTEGER,
  mr_share  INTEGER,
  sr_share  INTEGER,
  PRIMARY KEY (work_id, position, n)
) STRICT, WITHOUT ROWID;

-- PWR: writer (by ip number) represented by publisher (by ip number) in a chain.
CREATE TABLE pwr_links (
  work_id                    INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  n                          INTEGER NOT NULL,
  writer_ip_number           TEXT NOT NULL,
  publisher_ip_number        TEXT NOT NULL,
  chain                      INTEGER,
  submitter_agreement_number TEXT,
  society_agreement_number   TEXT,
  PRIMARY KEY (work_id, n)
) STRICT, WITHOUT ROWID;

CREATE TABLE recordings (
  work_id                INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  n                      INTEGER NOT NULL,
  isrc                   TEXT,
  release_date           TEXT,
  duration               TEXT,
  album_title            TEXT,
  album_label            TEXT,
  catalogue_number       TEXT,
  ean                    TEXT,
  recording_title        TEXT,
  version_title          TEXT,
  display_artist         TEXT,
  record_label           TEXT,
  format                 TEXT,
  technique              TEXT,
  media_type             TEXT,
  submitter_recording_id TEXT,
  PRIMARY KEY (work_id, n)
) STRICT, WITHOUT ROWID;
CREATE INDEX recordings_isrc ON recordings(isrc);

CREATE TABLE performers (
  work_id         INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  n               INTEGER NOT NULL,
  name            TEXT NOT NULL,
  first_name      TEXT,
  ipi_name_number TEXT,
  ipi_base_number TEXT,
  original_name   TEXT,                        -- NPR, original script
  language        TEXT,
  PRIMARY KEY (work_id, n)
) STRICT, WITHOUT ROWID;

-- ORN
CREATE TABLE work_origins (
  work_id            INTEGER PRIMARY KEY REFERENCES works(id) ON DELETE CASCADE,
  intended_purpose   TEXT,
  production_title   TEXT,
  cd_identifier      TEXT,
  cut_number         INTEGER,
  library            TEXT,
  production_number  TEXT,
  episode_title      TEXT,
  episode_number     TEXT,
  year_of_production INTEGER,
  isan               TEXT
) STRICT;

-- XRF
CREATE TABLE cross_references (
  work_id      INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  n            INTEGER NOT NULL,
  organisation TEXT NOT NULL,
  identifier   TEXT NOT NULL,
  type         TEXT,
  valid        TEXT,
  PRIMARY KEY (work_id, n)
) STRICT, WITHOUT ROWID;

-- EWT (entire work), VER / OWK (original of a version), COM (component).
CREATE TABLE related_works (
  work_id               INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  n                     INTEGER NOT NULL,
  relation              TEXT NOT NULL CHECK (relation IN ('entire', 'original', 'component')),
  title                 TEXT NOT NULL,
  iswc                  TEXT,
  submitter_work_number TEXT,
  writers               TEXT NOT NULL,        -- JSON [{name, firstName, ipiNameNumber}]
  PRIMARY KEY (work_id, n)
) STRICT, WITHOUT ROWID;

-- Agreements (AGR), per submitter.
CREATE TABLE agreements (
  id                         INTEGER PRIMARY KEY,
  submitter                  TEXT NOT NULL,
  submitter_agreement_number TEXT NOT NULL,
  society_agreement_number   TEXT,
  isac                       TEXT,            -- international standard agreement code
  type                       TEXT,
  start_date                 TEXT,
  end_date                   TEXT,
  details                    TEXT NOT NULL,   -- JSON of the AGR record and its TER/IPA records
  created_run                INTEGER NOT NULL REFERENCES runs(id),
  UNIQUE (submitter, submitter_agreement_number)
) STRICT;

-- Which file/run/transaction touched which work, with the work as it was afterwards (compact JSON
-- of the domain Work: read it with parseSnapshot from src/catalogue/snapshot.ts, which restores
-- the null values and empty lists left out; NULL when the transaction changed nothing). action: insert | replace |
-- unchanged | iswc (ISW) | ack (society number / ISWC from an ACK) | exc (EXC received).
CREATE TABLE work_history (
  id               INTEGER PRIMARY KEY,
  work_id          INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  run_id           INTEGER NOT NULL REFERENCES runs(id),
  file_id          INTEGER NOT NULL REFERENCES files(id),
  group_id         INTEGER,
  transaction_seq  INTEGER,
  transaction_type TEXT NOT NULL,
  line             INTEGER NOT NULL,
  action           TEXT NOT NULL CHECK (action IN ('insert', 'replace', 'unchanged', 'iswc', 'ack', 'exc')),
  version          INTEGER NOT NULL,            -- works.version after this transaction
  snapshot         TEXT
) STRICT;
CREATE INDEX work_history_work ON work_history(work_id, id);
CREATE INDEX work_history_run ON work_history(run_id);

-- Conflicts found on import: kind 'duplicate' (another submitter registered the same work: same
-- ISWC, or same title key + writer IPIs), 'shares' (controlled collection shares of one work
-- across submitters above 100% for a right and territory), 'exc' (an EXC was received).
CREATE TABLE conflicts (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  kind          TEXT NOT NULL CHECK (kind IN ('duplicate', 'shares', 'exc')),
  work_id       INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  other_work_id INTEGER REFERENCES works(id) ON DELETE CASCADE,
  right         TEXT,
  territory     TEXT,
  total         INTEGER,                      -- claimed total, hundredths of a percent
  details       TEXT NOT NULL,                -- JSON
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX conflicts_work ON conflicts(work_id);
CREATE INDEX conflicts_other ON conflicts(other_work_id);

-- Registration of a work with a society: sent (by export) and acknowledged (by ACK import).
-- status: 'sent' or the CISAC transaction status of the last ACK (AS, AC, RA, CO, DU, RJ, NP, ...).
CREATE TABLE registrations (
  work_id               INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  society               TEXT NOT NULL,
  status                TEXT NOT NULL,
  sent_at               TEXT,
  sent_file             TEXT,                 -- name of the CWR file sent
  sent_group            INTEGER,
  sent_transaction      INTEGER,
  acked_at              TEXT,                 -- ACK processing date
  ack_file_id           INTEGER REFERENCES files(id),
  society_work_number   TEXT,
  iswc                  TEXT,
  updated_run           INTEGER REFERENCES runs(id),
  PRIMARY KEY (work_id, society)
) STRICT, WITHOUT ROWID;
CREATE INDEX registrations_swn ON registrations(society, society_work_number);

-- Registration rows as they were before a run changed them (previous NULL: the run created it).
CREATE TABLE registration_changes (
  run_id   INTEGER NOT NULL REFERENCES runs(id),
  n        INTEGER NOT NULL,
  work_id  INTEGER NOT NULL,
  society  TEXT NOT NULL,
  previous TEXT,                              -- JSON of the registrations row
  PRIMARY KEY (run_id, n)
) STRICT, WITHOUT ROWID;

-- Every ACK transaction received, matched to a work or not.
CREATE TABLE acknowledgements (
  id                    INTEGER PRIMARY KEY,
  run_id                INTEGER NOT NULL REFERENCES runs(id),
  file_id               INTEGER NOT NULL REFERENCES files(id),
  line                  INTEGER NOT NULL,
  society               TEXT NOT NULL,        -- HDR sender of the ACK file
  work_id               INTEGER REFERENCES works(id) ON DELETE SET NULL,
  original_group        INTEGER,
  original_transaction  INTEGER,
  original_type         TEXT,
  title                 TEXT,
  submitter_work_number TEXT,
  society_work_number   TEXT,
  iswc                  TEXT,
  status                TEXT NOT NULL,        -- CISAC transaction status
  processing_date       TEXT
) STRICT;
CREATE INDEX acknowledgements_run ON acknowledgements(run_id);
CREATE INDEX acknowledgements_work ON acknowledgements(work_id);
`,
};
