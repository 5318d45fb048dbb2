/** Migration: statements and distributions (issue 5). */
import type { Migration } from './index.js';

export const STATEMENTS: Migration = {
  name: '0002-statements',
  sql: ``,
};
