/**
 * Our CWR 2.1 and 2.2 layouts against the record tables of the CISAC functional specifications
 * (CWR11-1991R4 = 2.1 Rev 8, CWR19-1070R1 = 2.2 Rev 2), read from the PDFs by
 * test/fixtures/spec/extract-cwr-tables.mjs: every field the specification lists starts where
 * one of ours starts and has its size (or is split into sub-fields that fill it exactly), with
 * the same format letter and requirement, and every field of ours lies inside one of its fields.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutsFor, type CwrVersion } from '../../../../src/formats/cwr/versions.js';
import { FIXTURES } from '../../../helpers/paths.js';

type Row = [start: number, size: number, format: string, req: string];

/** Record types the specification describes by another's table (same layout). */
const SAME_AS: Record<string, string> = { REV: 'NWR', ISW: 'NWR', EXC: 'NWR', OPU: 'SPU', OWR: 'SWR', OPT: 'SPT', OWT: 'SWT' };

/** Where we differ from the tables on purpose (docs/cwr-layouts.md). */
const KNOWN: Record<string, string> = {
  // The non-Roman name fields carry format "O" in both specifications, a letter their field-type
  // list does not define; ours are A, and exempt from the CIS Latin check like every non-Roman record.
  'NWN 29 format': 'O', 'NWN 189 format': 'O', 'NOW 20 format': 'O', 'NOW 180 format': 'O',
  // "Set this field equal to spaces": mandatory blanks, which a requirement check cannot test.
  'SPT 29 req': 'M', 'OPT 29 req': 'M',
};

function tablesOf(version: CwrVersion): Record<string, Row[]> {
  return (JSON.parse(readFileSync(join(FIXTURES, `spec/cwr-${version}-tables.json`), 'utf8')) as { records: Record<string, Row[]> }).records;
}

const cases = (['2.1', '2.2'] as const).flatMap((version) => {
  const tables = tablesOf(version);
  return [...layoutsFor(version).records.values()]
    .filter((l) => tables[SAME_AS[l.type] ?? l.type] !== undefined)
    .map((layout) => ({ version, type: layout.type, layout, rows: tables[SAME_AS[layout.type] ?? layout.type] as Row[] }));
});

describe('CWR layouts against the CISAC specification tables', () => {
  it('the tables were read', () => {
    expect(Object.keys(tablesOf('2.1')).length).toBeGreaterThanOrEqual(34);
    expect(Object.keys(tablesOf('2.2')).length).toBeGreaterThanOrEqual(35);
    expect(cases.length).toBeGreaterThan(70);
  });

  it.each(cases)('$version $type', ({ type, layout, rows }) => {
    const spec: Row[] = rows.flatMap((r): Row[] => (r[0] === 1 && r[1] === 19 ? [[1, 3, 'A', 'M'], [4, 8, 'N', 'M'], [12, 8, 'N', 'M']] : [r]));
    const problems: string[] = [];
    for (const [start, size, format, req] of spec) {
      const inside = layout.fields.filter((f) => f.start >= start && f.start + f.length <= start + size);
      const covered = inside.reduce((n, f) => n + f.length, 0);
      if (inside[0]?.start !== start || covered !== size) {
        problems.push(`spec field at ${start} (${size}) is not ours`);
        continue;
      }
      if (inside.length > 1 || start === 1 || start === 4 || start === 12) continue; // sub-fields / prefix
      const f = inside[0];
      if (f.type !== format && KNOWN[`${type} ${start} format`] !== format) problems.push(`${f.name} at ${start}: format ${f.type}, spec ${format}`);
      if (f.req !== req && KNOWN[`${type} ${start} req`] !== req) problems.push(`${f.name} at ${start}: ${f.req}, spec ${req}`);
    }
    for (const f of layout.fields) {
      if (!spec.some(([start, size]) => f.start >= start && f.start + f.length <= start + size)) problems.push(`${f.name} at ${f.start} (${f.length}) lies in no spec field`);
    }
    expect(problems).toEqual([]);
  });
});
