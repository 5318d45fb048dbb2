import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CwrBuilder } from '../../../../src/formats/cwr/builder.js';
import { readCwrFile, UnsupportedEncodingError } from '../../../../src/formats/cwr/reader.js';
import { transmissionText } from '../../../../src/formats/cwr/writer.js';
import type { CwrVersion } from '../../../../src/formats/cwr/versions.js';
import { encodeText } from '../../../../src/io/encoding.js';
import { FIXTURES } from '../../../helpers/paths.js';
import { useTempDir } from '../../../helpers/temp-dir.js';

/** A small valid transmission: one NWR (or WRK) with a writer, a non-Roman writer name and a title. */
function smallFile(version: CwrVersion, opts: { charset?: string; nonRomanName?: string } = {}): string[] {
  const lines: string[] = [];
  const v3 = version.startsWith('3');
  const b = new CwrBuilder(version, (l) => lines.push(l));
  b.header({
    sender_type: 'PB',
    ...(v3 ? { sender_code: 'QMP' } : { sender_id: 123 }),
    sender_name: 'QAZAQ MUSIC PUBLISHING',
    creation_date: '2026-11-28',
    creation_time: '10:11:12',
    transmission_date: '2026-11-28',
    ...(opts.charset ? { character_set: opts.charset } : {}),
  });
  const header = v3 ? 'WRK' : 'NWR';
  b.group(header);
  b.transaction(header, { work_title: 'KARA ZHORGA', submitter_work_number: 'QMP0001', musical_work_distribution_category: 'POP', recorded_indicator: 'Y', version_type: 'ORI', duration: '00:03:10' });
  b.record('SWR', { interested_party_number: 'W1', writer_last_name: 'ABAI', writer_designation_code: 'CA' });
  if (opts.nonRomanName !== undefined && !v3) b.record('NWN', { interested_party_number: 'W1', writer_last_name: opts.nonRomanName, language_code: 'KK' });
  b.end();
  return lines;
}

const crlf = (lines: readonly string[]): string => lines.map((l) => `${l}\r\n`).join('');

describe('readCwrFile on bad input: diagnostics, never a throw', () => {
  const tmp = useTempDir();
  const valid = crlf(smallFile('2.1'));

  const cases: Array<{ name: string; bytes: () => Buffer; rules: string[]; errors: boolean; file?: string }> = [
    { name: 'empty file', bytes: () => Buffer.alloc(0), rules: ['file-empty'], errors: true },
    { name: 'binary bytes', bytes: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), rules: ['file-binary'], errors: true },
    { name: 'a CSV statement', bytes: () => readFileSync(join(FIXTURES, 'cwr/garbage/statement.csv')), rules: ['file-not-cwr'], errors: true },
    { name: 'truncated file without GRT and TRL', bytes: () => readFileSync(join(FIXTURES, 'cwr/garbage/truncated.V21')), rules: ['trl-missing', 'grt-missing'], errors: true },
    { name: 'UTF-8 bytes invalid in a declared UTF-8 file', bytes: () => Buffer.concat([Buffer.from(crlf(smallFile('3.0')).replace('KARA ZHORGA ', 'KARA ZHORGA\u00ff'), 'latin1')]), rules: ['encoding-invalid'], errors: true },
    { name: 'UTF-8 byte-order mark', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid, 'latin1')]), rules: [], errors: false },
    { name: 'LF line endings', bytes: () => Buffer.from(valid.replaceAll('\r\n', '\n'), 'latin1'), rules: ['line-endings'], errors: false },
    { name: 'CR line endings', bytes: () => Buffer.from(valid.replaceAll('\r\n', '\r'), 'latin1'), rules: ['line-endings'], errors: false },
    { name: 'trimmed (short) lines', bytes: () => Buffer.from(valid.replace(/ +\r\n/g, '\r\n'), 'latin1'), rules: ['line-padded'], errors: false },
    { name: 'a line with text beyond its layout', bytes: () => Buffer.from(valid.replace(/(SWR[^\r]*)\r\n/, '$1EXTRA\r\n'), 'latin1'), rules: ['record-too-long'], errors: true },
    { name: 'a line with blanks beyond its layout', bytes: () => Buffer.from(valid.replace(/(SWR[^\r]*)\r\n/, '$1     \r\n'), 'latin1'), rules: ['trailing-blanks'], errors: false },
    { name: 'a blank line', bytes: () => Buffer.from(valid.replace('\r\nGRH', '\r\n\r\nGRH'), 'latin1'), rules: ['blank-line'], errors: false },
    { name: 'an unknown record type', bytes: () => Buffer.from(valid.replace(/\r\nSWR/, '\r\nZZZ'), 'latin1'), rules: ['record-type-unknown'], errors: true },
  ];

  it.each(cases)('$name -> $rules', async ({ bytes, rules, errors }) => {
    const path = join(tmp(), 'input.V21');
    writeFileSync(path, bytes());
    const { diagnostics } = await readCwrFile(path);
    const ids = new Set(diagnostics.map((d) => d.rule));
    for (const r of rules) expect([...ids]).toContain(r);
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(errors);
    for (const d of diagnostics) expect(d.rule).toMatch(/^[a-z0-9-]+$/);
  });

  it('a line too long is located by line and column', async () => {
    const path = join(tmp(), 'long.V21');
    writeFileSync(path, valid.replace(/(SWR[^\r]*)\r\n/, '$1EXTRA\r\n'), 'latin1');
    const { diagnostics } = await readCwrFile(path);
    const d = diagnostics.find((x) => x.rule === 'record-too-long');
    expect(d).toMatchObject({ line: 4, column: 181, record: 'SWR' });
  });

  it('an unknown --encoding is a usage error, raised before reading', async () => {
    await expect(readCwrFile(join(tmp(), 'none.V21'), { encoding: 'klingon-8' })).rejects.toBeInstanceOf(UnsupportedEncodingError);
  });

  it('a missing file rejects (an environment failure, not a data diagnostic)', async () => {
    await expect(readCwrFile(join(tmp(), 'missing.V21'))).rejects.toThrow();
  });
});

describe('Kazakh text through single-byte Cyrillic encodings', () => {
  const tmp = useTempDir();
  it.each([
    { encoding: 'cp1251', name: 'ІЛИЯС ЖАНСҮГІРОВ'.replace('Ү', 'У') },
    { encoding: 'kz-1048', name: 'ӘБДІҒАЛИ ҚҰНАНБАЙҰЛЫ ҢӨҮҺ' },
    { encoding: 'rk1048', name: 'ҒАБИТ МҮСІРЕПОВ' },
  ])('--encoding $encoding keeps "$name"', async ({ encoding, name }) => {
    const text = crlf(smallFile('2.1', { nonRomanName: name }));
    const bytes = encodeText(text, encoding === 'kz-1048' ? 'rk1048' : encoding);
    const path = join(tmp(), 'kz.V21');
    writeFileSync(path, bytes);
    const { info, transmission, diagnostics } = await readCwrFile(path, { encoding });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const nwn = transmission.groups[0]?.transactions[0]?.records.find((r) => r.type === 'NWN');
    expect(nwn?.get('writer_last_name')).toBe(name);
    expect(encodeText(transmissionText(transmission), info.encoding).equals(bytes)).toBe(true);
  });

  it('without --encoding the same cp1251 bytes do not read as Cyrillic', async () => {
    const name = 'АБАЙ';
    const path = join(tmp(), 'kz.V21');
    writeFileSync(path, encodeText(crlf(smallFile('2.1', { nonRomanName: name })), 'cp1251'));
    const { transmission } = await readCwrFile(path);
    const nwn = transmission.groups[0]?.transactions[0]?.records.find((r) => r.type === 'NWN');
    expect(nwn?.get('writer_last_name')).not.toBe(name);
  });
});
