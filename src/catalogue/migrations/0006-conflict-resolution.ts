/**
 * Migration: a person's decision on a conflict (`cwrkit conflicts resolve`). When and why it was
 * resolved; `status` (0001) says whether it is open. A resolved conflict no longer makes the ACK
 * answer CO or DU, and a resolved duplicate pair is not raised again by later imports.
 */
import type { Migration } from './index.js';

export const CONFLICT_RESOLUTION: Migration = {
  name: '0006-conflict-resolution',
  sql: `
ALTER TABLE conflicts ADD COLUMN resolved_at TEXT;
ALTER TABLE conflicts ADD COLUMN resolution TEXT;
`,
};
