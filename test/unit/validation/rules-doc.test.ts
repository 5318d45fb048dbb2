/** docs/rules.md is written from the registry's facts; this keeps it from drifting. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/paths.js';
import { allRules } from '../../../src/validation/rule.js';
import '../../../src/validation/cisac.js';
import '../../../src/validation/rules/structure.js';
import '../../../src/validation/rules/fields.js';

const doc = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');

describe('docs/rules.md', () => {
  it.each(allRules().map((r) => [r.id, r] as const))('lists %s with its level', (id, rule) => {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
    expect(row, `docs/rules.md has no row for ${id}`).toBeDefined();
    expect(row).toContain(`| ${rule.level} |`);
  });

  it('every rule names its CISAC source and says what it checks', () => {
    for (const r of allRules()) {
      expect(r.cisac.length, r.id).toBeGreaterThan(5);
      expect(r.summary.length, r.id).toBeGreaterThan(10);
    }
  });
});
