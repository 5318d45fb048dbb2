import { describe, expect, it } from 'vitest';
import { CwrBuilder } from '../../../../src/formats/cwr/builder.js';
import { readCwrFile } from '../../../../src/formats/cwr/reader.js';

/** A small valid 2.1 file: two NWR transactions of three records each. */
function validLines(): string[] {
  const lines: string[] = [];
  const b = new CwrBuilder('2.1', (l) => lines.push(l));
  b.header({ sender_type: 'SO', sender_id: 177, sender_name: 'KAZAK', creation_date: '2026-01-02', creation_time: '10:00:00', transmission_date: '2026-01-02' });
  b.group('NWR');
  for (const n of [1, 2]) {
    b.transaction('NWR', { work_title: `SONG ${n}`, submitter_work_number: `W${n}`, musical_work_distribution_category: 'POP', recorded_indicator: 'U', version_type: 'ORI' });
    b.record('ALT', { alternate_title: `OTHER ${n}`, title_type: 'AT' });
    b.record('ALT', { alternate_title: `THIRD ${n}`, title_type: 'AT' });
  }
  b.end();
  return lines;
}

async function rulesOf(lines: string[]): Promise<Array<[string, number | null]>> {
  async function* src(): AsyncGenerator<Buffer> {
    yield Buffer.from(lines.map((l) => l + '\r\n').join(''), 'latin1');
  }
  const { diagnostics } = await readCwrFile(src(), { fileName: 'x.V21' });
  return diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.rule, d.line]);
}

describe('structure checks', () => {
  it('a valid file has no findings', async () => {
    expect(await rulesOf(validLines())).toEqual([]);
  });

  // Each case damages the valid file (lines: 1 HDR, 2 GRH, 3-5 tx 0, 6-8 tx 1, 9 GRT, 10 TRL).
  it.each<[string, (l: string[]) => string[], Array<[string, number | null]>]>([
    ['empty file', () => [], [['file-empty', null]]],
    ['missing TRL', (l) => l.slice(0, 9), [['trl-missing', null]]],
    ['missing GRT', (l) => [...l.slice(0, 8), l[9] as string], [['grt-missing', 9], ['trl-record-count', 9]]],
    ['HDR not first', (l) => l.slice(1), [['hdr-first', 1], ['trl-record-count', 9]]],
    ['record after TRL', (l) => [...l, l[3] as string], [['after-trl', 11]]],
    ['wrong GRT transaction count', (l) => l.map((x, i) => (i === 8 ? x.slice(0, 8) + '00000003' + x.slice(16) : x)), [['grt-transaction-count', 9]]],
    ['wrong TRL record count', (l) => l.map((x, i) => (i === 9 ? x.slice(0, 16) + '00000099' : x)), [['trl-record-count', 10]]],
    ['transaction sequence jumps', (l) => l.map((x, i) => (i >= 5 && i <= 7 ? x.slice(0, 3) + '00000002' + x.slice(11) : x)), [['transaction-sequence', 6]]],
    ['record sequence skips', (l) => l.map((x, i) => (i === 4 ? x.slice(0, 11) + '00000003' + x.slice(19) : x)), [['record-sequence', 5]]],
    ['detail repeats wrong transaction number', (l) => l.map((x, i) => (i === 3 ? x.slice(0, 3) + '00000001' + x.slice(11) : x)), [['detail-transaction-sequence', 4]]],
    ['unknown record type', (l) => l.map((x, i) => (i === 4 ? 'XYZ' + x.slice(3) : x)), [['record-type-unknown', 5]]],
    ['group id wrong', (l) => l.map((x, i) => (i === 1 ? x.slice(0, 6) + '00002' + x.slice(11) : x)), [['group-id-sequence', 2], ['grt-group-id', 9]]],
    ['transaction type differs from group', (l) => l.map((x, i) => (i === 5 ? 'REV' + x.slice(3) : x)), [['group-type-mismatch', 6]]],
    ['text beyond the layout', (l) => l.map((x, i) => (i === 3 ? x + 'EXTRA' : x)), [['record-too-long', 4]]],
  ])('%s', async (_name, damage, expected) => {
    expect(await rulesOf(damage(validLines()))).toEqual(expected);
  });

  it('short lines are padded and noted, not errors', async () => {
    const lines = validLines().map((l) => l.trimEnd());
    expect(await rulesOf(lines)).toEqual([]);
  });
});
