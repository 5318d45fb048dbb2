/**
 * Migration: the transaction type a registration was last sent as (NWR for a first registration
 * with that society, REV for a revision, WRK in CWR 3.x), recorded by `cwrkit export cwr` and
 * shown by `cwrkit registrations`. Rows sent before this migration have no type (NULL).
 */
import type { Migration } from './index.js';

export const REGISTRATION_SENT_TYPE: Migration = {
  name: '0007-registration-sent-type',
  sql: `
ALTER TABLE registrations ADD COLUMN sent_type TEXT CHECK (sent_type IN ('NWR', 'REV', 'WRK'));
`,
};
