import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CWR_VERSIONS, layoutsFor, versionFromHeader, type CwrVersion } from '../../../../src/formats/cwr/versions.js';
import { PUBLIC_SAMPLES, SAMPLES } from '../../../helpers/paths.js';

interface SharedField {
  name: string;
  start: number;
  length: number;
}
interface SharedRecord {
  length: number;
  fields: SharedField[];
}
const shared = JSON.parse(readFileSync(join(PUBLIC_SAMPLES, '../../reference/cwr/layouts.json'), 'utf8')) as {
  versions: Record<string, { records: Record<string, SharedRecord> }>;
};

const records = CWR_VERSIONS.flatMap((version) => [...layoutsFor(version).records.values()].map((layout) => ({ version, type: layout.type, layout })));

describe('CWR layouts', () => {
  it.each(records)('$version $type: fields ordered, no overlap, within the record length', ({ layout }) => {
    let end = 0;
    for (const f of layout.fields) {
      expect(f.start, f.name).toBeGreaterThan(end);
      end = f.start + f.length - 1;
    }
    expect(end).toBeLessThanOrEqual(layout.length);
    expect(layout.fields[0]?.name).toBe('record_type');
  });

  it.each(records.filter((r) => r.layout.prefix))('$version $type: record prefix at 1/4/12', ({ layout }) => {
    const at = layout.fields.slice(0, 3).map((f) => [f.name, f.start, f.length]);
    expect(at).toEqual([
      ['record_type', 1, 3],
      ['transaction_sequence_number', 4, 8],
      ['record_sequence_number', 12, 8],
    ]);
  });

  it.each(records)('$version $type: length and field boundaries agree with shared layouts.json', ({ version, type, layout }) => {
    // A record the reference knows only by name (layout unknown) and that we borrowed from 2.2
    // (3.x MSG) is compared with the 2.2 reference it was borrowed from.
    const own = shared.versions[version]?.records[type];
    const borrowed = layout.description.includes('borrowed from CWR 2.2');
    const ref = borrowed && own?.fields === undefined ? shared.versions['2.2']?.records[type] : own;
    expect(ref, `${type} missing from the shared reference`).toBeDefined();
    if (ref === undefined) return;
    expect(layout.length).toBe(ref.length);
    // Our fields may be finer than the reference (a block split into named fields) but every
    // reference boundary must also be one of ours.
    const ours = new Set(layout.fields.flatMap((f) => [f.start, f.start + f.length - 1]));
    for (const f of ref.fields) {
      expect(ours.has(f.start), `${f.name} start ${f.start}`).toBe(true);
      expect(ours.has(f.start + f.length - 1), `${f.name} end ${f.start + f.length - 1}`).toBe(true);
    }
  });

  it('3.0 and 3.1 share every record layout except the control records and MAN', () => {
    const a = layoutsFor('3.0').records;
    const b = layoutsFor('3.1').records;
    for (const [type, layout] of a) {
      if (type === 'HDR' || type === 'GRH') continue;
      expect(b.get(type)?.fields.map((f) => [f.name, f.start, f.length]), type).toEqual(layout.fields.map((f) => [f.name, f.start, f.length]));
    }
    expect(b.has('MAN')).toBe(true);
    expect(a.has('MAN')).toBe(false);
  });

  it.each(CWR_VERSIONS)('%s: v3 unknown_* names only where no source gives a meaning', (version) => {
    const unknown = [...layoutsFor(version).records.values()].flatMap((l) => l.fields.filter((f) => f.name.startsWith('unknown')).map((f) => `${l.type}.${f.name}`));
    const allowed = version.startsWith('3')
      ? ['SPT.unknown_numeric_4', 'OPT.unknown_numeric_4', 'SWT.unknown_block_32', 'SWT.unknown_numeric_4', 'OWT.unknown_block_32', 'OWT.unknown_numeric_4', 'PER.unknown_5', 'ORN.unknown_60']
      : [];
    expect(unknown.sort()).toEqual(allowed.sort());
  });
});

function sampleFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => /\.(v2[12]|sub|isr)$/i.test(n) || /_V3-\d-\d/i.test(n))
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

const lines = [...sampleFiles(PUBLIC_SAMPLES), ...sampleFiles(join(SAMPLES, 'cwr'))].map((path) => {
  const bytes = readFileSync(path);
  const first = bytes.toString('latin1').split(/\r\n|\n|\r/)[0] ?? '';
  const version: CwrVersion = versionFromHeader(first) ?? '2.1';
  // Lengths count characters: UTF-8 files (3.x, or a 2.x HDR declaring UTF-8) are decoded as such.
  const utf8 = version.startsWith('3') || /UTF-?8/i.test(first.slice(86, 102));
  return { path: path.split('/').slice(-2).join('/'), version, text: bytes.toString(utf8 ? 'utf8' : 'latin1').split(/\r\n|\n|\r/) };
});

describe('public samples fit their layouts', () => {
  it.each(lines)('$path ($version): no line longer than its layout, every record type known', ({ version, text }) => {
    const set = layoutsFor(version);
    const bad: string[] = [];
    text.forEach((line, i) => {
      if (line.trim() === '') return;
      const layout = set.records.get(line.slice(0, 3));
      if (layout === undefined) bad.push(`${i + 1}: unknown ${line.slice(0, 3)}`);
      else if (line.length > layout.length) bad.push(`${i + 1}: ${line.slice(0, 3)} ${line.length} > ${layout.length}`);
    });
    expect(bad).toEqual([]);
  });
});
