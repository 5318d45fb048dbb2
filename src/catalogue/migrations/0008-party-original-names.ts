/**
 * Migration: a party first registered without its original-script name (no NPN/NWN) takes the one
 * a later registration brings (Kazakh names in Cyrillic must not be lost because the first
 * submitter left them out). `original_filled_run` is the run that filled it, so `runs undo` can
 * take it back; names present are never overwritten.
 */
import type { Migration } from './index.js';

export const PARTY_ORIGINAL_NAMES: Migration = {
  name: '0008-party-original-names',
  sql: `
ALTER TABLE parties ADD COLUMN original_filled_run INTEGER REFERENCES runs(id);
`,
};
