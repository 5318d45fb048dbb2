/**
 * Migration: work_identifiers holds the numbers societies assigned (kind 'society') only. A
 * work's ISWC and its submitter work number are works.iswc and works.submitter_work_number,
 * both indexed there (works_iswc, works_swn, and UNIQUE (submitter, submitter_work_number));
 * their copies here were read by no query that does not also read works (reconciliation reads
 * both and de-duplicates), and cost every imported work two rows and four B-tree entries.
 * The CHECK on kind still allows 'iswc' and 'submitter' (SQLite cannot alter it in place).
 */
import type { Migration } from './index.js';

export const IDENTIFIERS: Migration = {
  name: '0004-identifiers',
  sql: `
DELETE FROM work_identifiers WHERE kind IN ('iswc', 'submitter');
`,
};
