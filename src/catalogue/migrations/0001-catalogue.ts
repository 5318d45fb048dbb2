/** Migration: works catalogue (issue 4). */
import type { Migration } from './index.js';

export const CATALOGUE: Migration = {
  name: '0001-catalogue',
  sql: ``,
};
