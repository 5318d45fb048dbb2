/**
 * Every public sample validates without a crash, and the CISAC rule-set findings are exactly the
 * ones checked by hand in docs/public-samples.md (structure findings belong to the reader's tests).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_SAMPLES } from '../../helpers/paths.js';
import { validateCwr } from '../../../src/validation/engine.js';
import { buildValidation } from '../../../src/validation/setup.js';
import { ruleById } from '../../../src/validation/rule.js';
import * as structure from '../../../src/validation/rules/structure.js';
import * as fields from '../../../src/validation/rules/fields.js';

const READER_RULES = new Set([...Object.values(structure), ...Object.values(fields)].map((r) => r.id));

const EXPECTED: Record<string, string[]> = {
  'CW220001000_DMP.V21': ['ipi-name-invalid@21', 'ipi-name-invalid@5'],
  'CW220001052_DMP.V21': ['iswc-invalid@10', 'iswc-invalid@11', 'iswc-invalid@12'],
  'CW220001DMP_000.V21': ['hdr-sender-id@1'],
  'CW220002DMP_0000_V3-0-0.SUB': ['hdr-sender-name@1'],
  'CW220003DMP_0000_V3-0-0.ISR': ['hdr-sender-name@1'],
  'CW220004DMP_000.V21': ['hdr-sender-id@1', 'territory-exclude-shares@5', 'territory-include-zero@8'],
  'ackexample.V21': ['file-name-2x@-', 'group-type-repeated@2054'],
  'nwrexample2.V21': ['file-name-2x@-', 'hdr-sender-id@1'],
  'revexample.V21': ['file-name-2x@-', 'hdr-sender-id@1'],
};

const files = existsSync(PUBLIC_SAMPLES) ? readdirSync(PUBLIC_SAMPLES).filter((f) => f !== 'README.md') : [];

describe.skipIf(files.length === 0)('public samples', () => {
  it.each(files)('%s validates without a crash', async (file) => {
    const r = await validateCwr(join(PUBLIC_SAMPLES, file), await buildValidation({}));
    for (const d of r.diagnostics) {
      expect(ruleById(d.rule), d.rule).toBeDefined();
      expect(d.message).not.toMatch(/undefined|NaN|\[object/);
    }
    const mine = [...new Set(r.diagnostics.filter((d) => d.severity !== 'info' && !READER_RULES.has(d.rule)).map((d) => `${d.rule}@${d.line ?? '-'}`))].sort();
    const expected = EXPECTED[file];
    if (expected) expect(mine).toEqual([...expected].sort());
    else expect(mine.every((m) => /^(ipi-name-invalid|file-name-2x|hdr-sender-id|ownership-total|lookup-invalid)@/.test(m))).toBe(true);
  });
});
