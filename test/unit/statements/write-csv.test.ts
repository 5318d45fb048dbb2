import { describe, expect, it } from 'vitest';
import { guardText, linesCsv } from '../../../src/statements/csv/write-csv.js';
import { blankLine } from '../../../src/statements/model.js';

describe('CSV export guard', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+7 700', "'+7 700"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['＝1', "'＝1"],
    ['Дала әні', 'Дала әні'],
    ['A=B', 'A=B'],
  ])('guards %j as %j', (value, want) => {
    expect(guardText(value)).toBe(want);
  });

  it('leaves amounts plain, negative ones included, and guards names', () => {
    const line = { ...blankLine('KZT', { file: 'x', line: 1, column: null }), title: '=HYPERLINK("http://x")', partyName: '-Ерлан', net: -1250n, share: 5000 };
    const text = linesCsv([line], 2);
    const row = text.split('\n')[1] ?? '';
    expect(row).toBe(`,,,"'=HYPERLINK(""http://x"")",,,'-Ерлан,,,,50.00,-12.50,KZT`);
  });
});
