import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCrd } from '../../../../src/formats/crd/reader.js';
import { crdFileName, crdText } from '../../../../src/formats/crd/writer.js';
import { collectStatement, hasErrors, type StatementHeader } from '../../../../src/statements/intake.js';
import { blankLine, type StatementLine } from '../../../../src/statements/model.js';
import { useTempDir } from '../../../helpers/temp-dir.js';

const HEADER: StatementHeader = {
  fromSociety: '052',
  format: 'crd',
  period: { start: '2026-01-01', end: '2026-03-31' },
  distributionId: 'PRS-2026Q1',
  currency: 'GBP',
  decimals: 2,
};

function line(over: Partial<StatementLine>): StatementLine {
  return { ...blankLine('GBP', { file: 'x', line: 0, column: null }), ...over };
}

/** Three works with 2, 3 and 2 parties, one adjustment (negative), Cyrillic names (example-notes.md). */
export const LINES: StatementLine[] = [
  line({ societyWorkCode: 'PRS0001', title: 'ДАЛА ӘУЕНІ', iswc: 'T0345246801', ipNumber: 'IP1', ipiNameNumber: '00014107338', partyName: 'ҚҰРМАНҒАЗЫ САҒЫРБАЙҰЛЫ', role: 'C', share: 5000, right: 'PR', territory: '0826', distributionCategory: 'RA', gross: 20000n, net: 9000n, lineRef: 'L1', usagePeriod: { start: '2026-01-01', end: '2026-03-31' } }),
  line({ societyWorkCode: 'PRS0001', title: 'ДАЛА ӘУЕНІ', iswc: 'T0345246801', ipNumber: 'IP2', partyName: 'ABAI KUNANBAYULY', role: 'A', share: 5000, right: 'PR', territory: '0826', distributionCategory: 'RA', gross: 20000n, net: 9000n, lineRef: 'L2' }),
  line({ societyWorkCode: 'PRS0002', title: 'STEPPE WIND', ipNumber: 'IP3', role: 'C', share: 3334, right: 'MR', distributionCategory: 'ME', gross: 1000n, net: 300n, lineRef: 'L3' }),
  line({ societyWorkCode: 'PRS0002', title: 'STEPPE WIND', ipNumber: 'IP4', role: 'A', share: 3333, right: 'MR', distributionCategory: 'ME', gross: 1000n, net: 300n, lineRef: 'L4' }),
  line({ societyWorkCode: 'PRS0002', title: 'STEPPE WIND', ipNumber: 'IP5', role: 'E', share: 3333, right: 'MR', distributionCategory: 'ME', gross: 1000n, net: 299n, lineRef: 'L5' }),
  line({ societyWorkCode: 'PRS0003', title: 'ALMATY NIGHTS', ipNumber: 'IP6', role: 'CA', share: 10000, right: 'PR', distributionCategory: 'TV', gross: 500n, net: 450n, lineRef: 'L6' }),
  line({ societyWorkCode: 'PRS0003', title: 'ALMATY NIGHTS', ipNumber: 'IP6', role: 'CA', share: 10000, right: 'PR', distributionCategory: 'TV', net: -120n, lineRef: 'L7', adjustmentRef: 'OLD-77' }),
];

function strip(l: StatementLine): Omit<StatementLine, 'source'> {
  const { source: _s, ...rest } = l;
  return rest;
}

async function read(path: string, from = '052') {
  return collectStatement((sink) => readCrd(path, { fromSociety: from }, sink));
}

describe('CRD write -> read round trip', () => {
  const tmp = useTempDir();

  it('reads back the same statement, counts and totals consistent', async () => {
    const path = join(tmp(), 'rt.CRD');
    const text = crdText(HEADER, LINES, { toSociety: '177', now: new Date('2026-04-02T10:00:00Z') });
    writeFileSync(path, text, 'utf8');
    const { statement, result } = await read(path);
    expect(result.diagnostics).toEqual([]);
    expect(statement.lines.map(strip)).toEqual(LINES.map(strip));
    expect(statement.period).toEqual(HEADER.period);
    expect(statement.distributionId).toBe('PRS-2026Q1');
    expect(statement.currency).toBe('GBP');
    expect(statement.decimals).toBe(2);
    expect(result.control.computed.get('GBP')).toBe(LINES.reduce((a, l) => a + l.net, 0n));
    const lines = text.split('\r\n').filter((l) => l !== '');
    expect(lines[0]?.startsWith('HDRSO000000052')).toBe(true);
    expect(lines.at(-1)).toBe(`TRL0000200000004${String(lines.length).padStart(8, '0')}`);
    // The negative line is an ADJ with an explicit '-' sign; no amount field holds a sign.
    const adj = lines.find((l) => l.startsWith('ADJ')) ?? '';
    expect(adj.slice(143, 144)).toBe('-');
    expect(adj.slice(19, 39).trim()).toBe('OLD-77');
  });

  it('scales amounts by the SDN decimals', async () => {
    const path = join(tmp(), 'd3.CRD');
    const three = LINES.slice(0, 2).map((l) => ({ ...l, net: l.net * 10n + 5n, gross: (l.gross ?? 0n) * 10n }));
    writeFileSync(path, crdText({ ...HEADER, decimals: 3 }, three, { toSociety: '177' }));
    const { statement, result } = await read(path);
    expect(hasErrors(result.diagnostics)).toBe(false);
    expect(statement.decimals).toBe(3);
    expect(statement.lines.map((l) => l.net)).toEqual([90005n, 90005n]);
  });

  it('reads the character set the HDR declares (KZ-1048 keeps every Kazakh letter)', async () => {
    const path = join(tmp(), 'kz.CRD');
    const text = crdText(HEADER, LINES.slice(0, 2), { toSociety: '177', characterSet: 'KZ-1048' });
    writeFileSync(path, iconv.encode(text, 'rk1048'));
    const { statement, result } = await read(path);
    expect(result.diagnostics).toEqual([]);
    expect(result.encoding).toBe('rk1048');
    expect(statement.lines.map((l) => [l.title, l.partyName])).toEqual([
      ['ДАЛА ӘУЕНІ', 'ҚҰРМАНҒАЗЫ САҒЫРБАЙҰЛЫ'],
      ['ДАЛА ӘУЕНІ', 'ABAI KUNANBAYULY'],
    ]);
  });

  it('names files by the cwrkit convention', () => {
    expect(crdFileName(2026, 7, '177', '052')).toBe('CD260007177_052.CRD');
  });
});
