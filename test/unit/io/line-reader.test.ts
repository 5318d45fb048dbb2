import { describe, expect, it } from 'vitest';
import { readLinesFrom, type Line } from '../../../src/io/line-reader.js';

async function lines(chunks: Array<string | Buffer>, encoding = 'latin1'): Promise<Line[]> {
  async function* src(): AsyncGenerator<Buffer> {
    for (const c of chunks) yield typeof c === 'string' ? Buffer.from(c, 'latin1') : c;
  }
  const out: Line[] = [];
  for await (const batch of readLinesFrom(src(), { chooseEncoding: () => encoding })) out.push(...batch);
  return out;
}

describe('readLinesFrom', () => {
  it.each<[string, Array<string>, Array<[string, string]>]>([
    ['CRLF', ['A\r\nB\r\n'], [['A', 'CRLF'], ['B', 'CRLF']]],
    ['LF', ['A\nB\n'], [['A', 'LF'], ['B', 'LF']]],
    ['lone CR', ['A\rB\r'], [['A', 'CR'], ['B', 'CR']]],
    ['no final newline', ['A\r\nB'], [['A', 'CRLF'], ['B', '']]],
    ['CRLF split across chunks', ['A\r', '\nB\r\n'], [['A', 'CRLF'], ['B', 'CRLF']]],
    ['line split across chunks', ['AB', 'C\r\nD', 'E'], [['ABC', 'CRLF'], ['DE', '']]],
    ['mixed endings', ['A\nB\r\nC\rD'], [['A', 'LF'], ['B', 'CRLF'], ['C', 'CR'], ['D', '']]],
    ['empty lines kept', ['A\r\n\r\nB\r\n'], [['A', 'CRLF'], ['', 'CRLF'], ['B', 'CRLF']]],
  ])('%s', async (_name, chunks, expected) => {
    const got = await lines(chunks);
    expect(got.map((l) => [l.text, l.eol])).toEqual(expected);
    expect(got.map((l) => l.no)).toEqual(expected.map((_, i) => i + 1));
  });

  it('strips a UTF-8 byte-order mark and decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('HDR Қазақ\r\nАБВ\r\n', 'utf8')]);
    const cut = bytes.indexOf(0xd0, 8) + 1; // inside a two-byte Cyrillic letter
    const got = await lines([bytes.subarray(0, cut), bytes.subarray(cut)], 'utf-8');
    expect(got.map((l) => l.text)).toEqual(['HDR Қазақ', 'АБВ']);
  });

  it('returns nothing for an empty input', async () => {
    expect(await lines([])).toEqual([]);
  });
});
