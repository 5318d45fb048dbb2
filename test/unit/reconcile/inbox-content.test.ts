import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, routeFileOrContent, senderFromContent } from '../../../src/app/inbox.js';
import { SAMPLES } from '../../helpers/paths.js';
import { useTempDir } from '../../helpers/temp-dir.js';

describe('the sending society from the content, when the file name does not tell', () => {
  const tmp = useTempDir();
  const file = (name: string, text: string): string => {
    const path = join(tmp(), name);
    writeFileSync(path, text, 'latin1');
    return path;
  };

  it.each([
    ['a CRD HDR from a society', 'HDRSO000000052PRS  ', '052'],
    ['with a UTF-8 BOM', '\u00EF\u00BB\u00BFHDRSO000000035GEMA ', '035'],
    ['a publisher HDR', 'HDRPB000000052X    ', null],
    ['a code longer than 3 digits', 'HDRSO000001052X    ', null],
    ['a CSV file', 'iswc,title,amount\r\n', null],
    ['an empty file', '', null],
  ])('%s', (_what, text, expected) => {
    expect(senderFromContent(file('x.dat', text))).toBe(expected);
  });

  it('the bundled PRS statement names PRS (052)', () => {
    expect(senderFromContent(join(SAMPLES, 'statements', 'CD260001052_177.CRD'))).toBe('052');
  });

  it('the file name wins; the content is the fallback; neither gives a reason', () => {
    const crd = file('statement.crd', 'HDRSO000000058SACEM');
    expect(routeFileOrContent('statement.crd', crd, DEFAULT_RULES)).toEqual({ from: '058', format: 'crd' });
    expect(routeFileOrContent('PRS_052.crd', crd, DEFAULT_RULES)).toEqual({ from: '052', format: 'crd' });
    const csv = file('usage.csv', 'iswc,amount\n');
    expect(routeFileOrContent('usage.csv', csv, DEFAULT_RULES)).toBe('no file name rule matches, and the content declares no sending society');
  });
});
