import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { collectStatement, hasErrors } from '../../../src/statements/intake.js';
import { GENERIC_XML, parseProfile, type XmlProfile } from '../../../src/statements/profile.js';
import { readXml } from '../../../src/statements/xml/read-xml.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const ONE = `<?xml version="1.0" encoding="UTF-8"?>
<statement currency="EUR" period-start="2026-01-01" period-end="2026-03-31" distribution="GEMA-2026-1" total="12.34">
  <line ref="X1">
    <work><code>00012</code><iswc>T0345246801</iswc><title>Дала &amp; әуені</title><writers>Құрманғазы; Абай</writers></work>
    <party><ipi>00014107338</ipi><name>ҚҰРМАНҒАЗЫ</name><role>C</role></party>
    <right>PR</right><territory>0398</territory><share>50.00</share>
    <amount>0012.340</amount>
  </line>
</statement>
`;

describe('XML intake', () => {
  const tmp = useTempDir();
  const read = (text: string | Buffer, profile: XmlProfile = GENERIC_XML) => {
    const p = join(tmp(), 's.xml');
    writeFileSync(p, text);
    return collectStatement((sink) => readXml(p, { fromSociety: '035', profile }, sink));
  };

  it('a one-line statement is still an array of lines; numbers stay text', async () => {
    const { statement, result } = await read(ONE);
    expect(result.diagnostics).toEqual([]);
    expect(statement.lines).toHaveLength(1);
    expect(statement.lines[0]).toMatchObject({
      lineRef: 'X1',
      societyWorkCode: '00012',
      ipiNameNumber: '00014107338',
      title: 'Дала & әуені',
      writers: ['Құрманғазы', 'Абай'],
      territory: '0398',
      share: 5000,
      net: 12340000n,
      currency: 'EUR',
      source: { file: 's.xml', line: 3, column: null },
    });
    expect(statement).toMatchObject({ currency: 'EUR', distributionId: 'GEMA-2026-1', period: { start: '2026-01-01', end: '2026-03-31' } });
  });

  it('refuses a DOCTYPE before parsing anything (entity expansion, external entities)', async () => {
    const evil = '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n<statement><line><amount>&lol2;</amount></line></statement>';
    const { result, statement } = await read(evil);
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'stmt-xml-doctype', line: 2, column: 1 })]);
    expect(statement.lines).toEqual([]);
  });

  it('reports malformed XML with line and column', async () => {
    const { result } = await read('<statement>\n<line><amount>1</line>\n</statement>');
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'stmt-xml-invalid', line: 2 })]);
  });

  it('checks the declared total and reports bad amounts with their line', async () => {
    const text = ONE.replace('total="12.34"', 'total="99.00"').replace('</statement>', '<line><work><title>B</title></work><amount>1,5x</amount></line>\n</statement>');
    const { result } = await read(text);
    expect(hasErrors(result.diagnostics)).toBe(true);
    expect(result.diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['stmt-amount-invalid', 9],
      ['stmt-total-mismatch', null],
    ]);
  });

  it('reads a declared single-byte encoding and repeated elements through a custom profile', async () => {
    const profile = parseProfile(
      { kind: 'xml', name: 'x', linePath: 'Royalties.Rows.Row', currency: 'RUB', fields: { title: 'Title', writers: 'Writer', amount: '@sum' } },
      'x.json',
    ) as XmlProfile;
    const text = '<?xml version="1.0" encoding="windows-1251"?><Royalties><Rows><Row sum="1.5"><Title>Песня</Title><Writer>А</Writer><Writer>Б</Writer></Row></Rows></Royalties>';
    const { statement, result } = await read(iconv.encode(text, 'windows-1251'), profile);
    expect(result.diagnostics).toEqual([]);
    expect(statement.lines[0]).toMatchObject({ title: 'Песня', writers: ['А', 'Б'], net: 1500000n, currency: 'RUB' });
  });

  it('says when the line path matches nothing', async () => {
    const { result } = await read('<other><x/></other>');
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['stmt-xml-no-lines']);
  });
});
