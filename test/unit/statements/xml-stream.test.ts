import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectStatement } from '../../../src/statements/intake.js';
import { GENERIC_XML } from '../../../src/statements/profile.js';
import { readXml } from '../../../src/statements/xml/read-xml.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const line = (i: number): string => `  <line ref="L${i}"><work><title>WORK ${i} &amp; CO</title></work><amount>${i}.01</amount></line>\n`;

describe('XML intake streams', () => {
  const tmp = useTempDir();
  const read = (text: string) => {
    const p = join(tmp(), 's.xml');
    writeFileSync(p, text);
    return collectStatement((sink) => readXml(p, { fromSociety: '035', profile: GENERIC_XML, batchSize: 7 }, sink));
  };

  it('reads lines larger than a chunk, in order, with their line numbers; the total given after the lines is checked', async () => {
    const n = 3000; // ~300 KB: several 64 KiB chunks, tags cut at chunk edges
    const total = Array.from({ length: n }, (_, i) => BigInt(i) * 100n + 1n).reduce((a, b) => a + b, 0n);
    const body = Array.from({ length: n }, (_, i) => line(i)).join('');
    const { statement, result } = await read(`<?xml version="1.0"?>\n<statement currency="EUR">\n${body}<!-- end -->\n</statement>\n`);
    expect(result.diagnostics).toEqual([]);
    expect(statement.lines).toHaveLength(n);
    expect(statement.lines.map((l) => l.lineRef).slice(0, 3)).toEqual(['L0', 'L1', 'L2']);
    expect(statement.lines[n - 1]).toMatchObject({ lineRef: `L${n - 1}`, title: `WORK ${n - 1} & CO`, source: { line: n + 2 } });
    expect(statement.lines.reduce((a, l) => a + l.net, 0n)).toBe(total * 10_000n);
  });

  it('a document broken after a thousand good lines gives no line at all', async () => {
    const body = Array.from({ length: 1000 }, (_, i) => line(i)).join('');
    const { statement, result } = await read(`<statement currency="EUR">\n${body}<line><amount>1</amont></line>\n</statement>`);
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'stmt-xml-invalid', line: 1002 })]);
    expect(statement.lines).toEqual([]);
  });

  it('keeps text split by comments and entities, and repeated elements as lists', async () => {
    const { statement } = await read('<statement currency="EUR"><line><work><title>DALA <!-- x --> &amp; <![CDATA[ÄUENI]]></title><writers>A</writers><writers>B</writers></work><amount>1</amount></line></statement>');
    expect(statement.lines[0]).toMatchObject({ title: 'DALA  & ÄUENI', writers: ['A', 'B'] });
  });
});
