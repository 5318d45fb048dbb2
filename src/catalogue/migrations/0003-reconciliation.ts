/** Migration: reconciliation results (issue 6). */
import type { Migration } from './index.js';

export const RECONCILIATION: Migration = {
  name: '0003-reconciliation',
  sql: ``,
};
