/**
 * Migration: fewer indexes on the reconciliation results (issue 6, speed). Every reconciled line
 * writes a row in reconciliation_lines and one per member paid in reconciliation_allocations;
 * two of their indexes were never read by any query (lines are found by reconciliation and
 * status, by id, or by line reference; allocations by line) and cost a B-tree insert per row.
 */
import type { Migration } from './index.js';

export const RECONCILIATION_LEAN: Migration = {
  name: '0005-reconciliation-lean',
  sql: `
DROP INDEX IF EXISTS reconciliation_lines_statement_line;
DROP INDEX IF EXISTS reconciliation_allocations_party;
`,
};
