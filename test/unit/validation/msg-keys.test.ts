/**
 * The MSG keys the rules write into ACK files (record type, message level, validation number)
 * must be keys of the CISAC error-message table (CWR08-2493, shared tables/cwr_error_messages.csv),
 * so a society reading our ACK finds the message it means. The exceptions are numbered from the
 * functional specification's edits, which the 2014 message table does not list yet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { allRules, msgKey } from '../../../src/validation/rule.js';
import '../../../src/validation/cisac.js';
import '../../../src/validation/rules/structure.js';
import '../../../src/validation/rules/fields.js';
import { PUBLIC_SAMPLES } from '../../helpers/paths.js';

const rows = parse(readFileSync(join(PUBLIC_SAMPLES, '../../reference/cwr/tables/cwr_error_messages.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
const table = new Map(rows.map((r) => [`${r['record_type']} ${r['message_level']} ${(r['rule_number'] ?? '').padStart(3, '0')}`, r['message_text'] ?? '']));

/** Keys from the specification's edit numbers that the message table does not have. */
const FROM_SPEC_EDITS: Record<string, string> = {
  'iswc-invalid': 'NWR field edit 4 (FR): the table lists NWR field messages from 017 only',
  'collecting-publisher-ipi': 'SPU field edit 40, new in CWR 2.2 (2019), after the 2014 table',
};

const keyed = allRules().flatMap((r) => {
  const key = msgKey(r);
  return key === null ? [] : [{ id: r.id, key }];
});

describe('MSG keys of the rules', () => {
  it('the CISAC table was read', () => {
    expect(table.size).toBeGreaterThan(400);
    expect(table.get('NWR T 008')).toMatch(/Transaction Format table/);
  });

  it.each(keyed)('$id writes $key, a key of the CISAC error-message table', ({ id, key }) => {
    if (id in FROM_SPEC_EDITS) expect(table.has(key), `${key} is in the table now: drop the exception`).toBe(false);
    else expect(table.has(key), `${key} is not in CWR08-2493`).toBe(true);
  });
});
