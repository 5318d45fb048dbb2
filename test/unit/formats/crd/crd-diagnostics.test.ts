import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crdLayoutsWith } from '../../../../src/formats/crd/layouts.js';
import { readCrd } from '../../../../src/formats/crd/reader.js';
import { crdText } from '../../../../src/formats/crd/writer.js';
import { collectStatement, hasErrors, type StatementHeader } from '../../../../src/statements/intake.js';
import { useTempDir } from '../../../helpers/temp-dir.js';
import { LINES } from './crd-roundtrip.test.js';

const HEADER: StatementHeader = { fromSociety: '052', format: 'crd', period: { start: '2026-01-01', end: '2026-03-31' }, distributionId: 'D1', currency: 'GBP', decimals: 2 };
const BASE = crdText(HEADER, LINES, { toSociety: '177', now: new Date('2026-04-02T10:00:00Z') })
  .split('\r\n')
  .filter((l) => l !== '');

/** Replaces `len` characters at 1-based column `col` of the first line starting with `type`. */
function patch(lines: string[], type: string, col: number, text: string, nth = 0): string[] {
  let seen = 0;
  return lines.map((l) => {
    if (!l.startsWith(type) || seen++ !== nth) return l;
    return l.slice(0, col - 1) + text + l.slice(col - 1 + text.length);
  });
}

describe('CRD control totals and structure diagnostics', () => {
  const tmp = useTempDir();
  const run = async (lines: string[], from = '052', layouts?: string) => {
    const p = join(tmp(), 'in.CRD');
    writeFileSync(p, lines.join('\r\n') + '\r\n', 'utf8');
    return collectStatement((sink) => readCrd(p, { fromSociety: from, ...(layouts ? { layouts: crdLayoutsWith(layouts) } : {}) }, sink));
  };
  const grtLine = BASE.findLastIndex((l) => l.startsWith('GRT')) + 1;
  const trlLine = BASE.length;
  const sdnLine = BASE.findIndex((l) => l.startsWith('SDN')) + 1;

  it.each([
    ['GRT transaction count', (l: string[]) => patch(l, 'GRT', 9, '00000009', 1), 'crd-grt-transaction-count', grtLine, 9, 'error'],
    ['GRT record count', (l: string[]) => patch(l, 'GRT', 17, '00000099', 1), 'crd-grt-record-count', grtLine, 17, 'error'],
    ['GRT money total', (l: string[]) => patch(l, 'GRT', 28, '0000000001', 1), 'crd-grt-total', grtLine, 28, 'warning'],
    ['TRL group count', (l: string[]) => patch(l, 'TRL', 4, '00003'), 'crd-trl-group-count', trlLine, 4, 'error'],
    ['TRL transaction count', (l: string[]) => patch(l, 'TRL', 9, '00000005'), 'crd-trl-transaction-count', trlLine, 9, 'error'],
    ['TRL record count', (l: string[]) => patch(l, 'TRL', 17, '00000001'), 'crd-trl-record-count', trlLine, 17, 'error'],
    ['SDN control total', (l: string[]) => patch(l, 'SDN', 69, '000000000000000001'), 'stmt-total-mismatch', sdnLine, 69, 'error'],
    ['group id', (l: string[]) => patch(l, 'GRH', 7, '00007', 1), 'crd-group-id', 4 + 1, 7, 'error'],
  ])('%s mismatch is diagnosed with line and column', async (_name, mutate, rule, line, column, severity) => {
    const { result } = await run(mutate(BASE));
    const d = result.diagnostics.find((x) => x.rule === rule);
    expect(d).toMatchObject({ rule, line, column, severity });
    expect(result.diagnostics.filter((x) => x.rule !== rule && x.rule !== 'crd-grt-total')).toEqual([]);
  });

  it('warns on sequence numbers out of order (CTL-07, unconfirmed for CRD)', async () => {
    const wer = BASE.findIndex((l) => l.startsWith('WER'));
    const { result } = await run(patch(BASE, 'WER', 12, '00000009'));
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'crd-sequence', severity: 'warning', line: wer + 1, column: 12, field: 'record_sequence_number' })]);
  });

  it('a truncated file (no TRL, group open) is an error, not a crash', async () => {
    const { result } = await run(BASE.slice(0, 12));
    expect(result.diagnostics.map((d) => d.rule)).toEqual(expect.arrayContaining(['crd-grt-missing', 'crd-truncated']));
    expect(hasErrors(result.diagnostics)).toBe(true);
  });

  it('a line cut inside a mandatory field is a record error with its column', async () => {
    const cut = BASE.map((l, i) => (l.startsWith('WER') && i === BASE.findIndex((x) => x.startsWith('WER')) ? l.slice(0, 300) : l));
    const { result, statement } = await run(cut);
    expect(result.diagnostics[0]).toMatchObject({ rule: 'crd-record-truncated', column: 301, field: 'remitted_amount', record: 'WER' });
    expect(statement.lines).toHaveLength(LINES.length - 1);
  });

  it('unknown record types are kept and reported once per type, the rest is read', async () => {
    const at = BASE.findIndex((l) => l.startsWith('WER'));
    const extra = [...BASE.slice(0, at + 1), 'WUI0000000000000003UP-REF-1', 'WUI0000000000000004UP-REF-2', ...BASE.slice(at + 1)];
    const fixed = patch(patch(patch(extra, 'GRT', 17, String(Number(extra.find((l, i) => l.startsWith('GRT') && i > 3)?.slice(16, 24)) + 2).padStart(8, '0'), 1), 'TRL', 17, String(extra.length).padStart(8, '0')), 'XXX', 1, '');
    const { result, statement } = await run(fixed);
    // The inserted records also shift the record sequence numbers of the work (warnings).
    expect(result.diagnostics.filter((d) => d.rule !== 'crd-sequence').map((d) => [d.rule, d.severity, d.line])).toEqual([['crd-record-unknown', 'warning', at + 2]]);
    expect(result.diagnostics.every((d) => d.severity !== 'error')).toBe(true);
    expect(result.unknown.map((u) => u.text)).toEqual(['WUI0000000000000003UP-REF-1', 'WUI0000000000000004UP-REF-2']);
    expect(statement.lines).toHaveLength(LINES.length);
  });

  it.each([
    ['leading minus', '-00000000000009000'],
    ['trailing minus', '00000000000009000-'],
  ])('a signed amount (%s) is flagged, not accepted (AMT-03)', async (_n, text) => {
    const { result } = await run(patch(BASE, 'WER', 350, text));
    expect(result.diagnostics[0]).toMatchObject({ rule: 'crd-amount-signed', field: 'remitted_amount', severity: 'error', line: BASE.findIndex((l) => l.startsWith('WER')) + 1 });
    // The line is not read, so the declared totals no longer add up either.
    expect(result.diagnostics.map((d) => d.rule)).toContain('stmt-total-mismatch');
  });

  it('an empty file is not a statement', async () => {
    const p = join(tmp(), 'empty.CRD');
    writeFileSync(p, '');
    const { result } = await collectStatement((sink) => readCrd(p, { fromSociety: '052' }, sink));
    expect(result.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['crd-hdr-first', 'error']]);
  });

  it('a non-CRD file stops at the first line', async () => {
    const { result } = await run(['title,amount', 'x,1']);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['crd-hdr-first']);
  });

  it('warns when the sender is not the --from society', async () => {
    const { result } = await run(BASE, '035');
    expect(result.diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ['crd-sender-differs', 'warning'],
      ['crd-sender-differs', 'warning'],
    ]);
  });

  it('--layouts replaces a record layout', async () => {
    // Move the WER remitted amount: the override layout reads a different column.
    const override = join(tmp(), 'override.json');
    const wer = JSON.parse(JSON.stringify((await import('../../../../src/formats/crd/layouts/crd-2.0.json', { with: { type: 'json' } })).default.records.WER)) as { fields: { name: string; start: number }[]; length: number };
    const f = wer.fields.find((x) => x.name === 'remitted_amount');
    if (!f) throw new Error('no field');
    f.start = 300;
    wer.length = 367;
    writeFileSync(override, JSON.stringify({ records: { WER: wer } }));
    const moved = BASE.map((l) => (l.startsWith('WER') ? l.slice(0, 299) + l.slice(349, 367) + l.slice(317, 349) + l.slice(349) : l));
    const { statement, result } = await run(moved, '052', override);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(statement.lines[0]?.net).toBe(9000n);
  });
});
