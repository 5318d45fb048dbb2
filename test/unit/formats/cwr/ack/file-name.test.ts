import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ackFileName, nextSequence, receiverCode } from '../../../../../src/formats/cwr/ack/file-name.js';
import { CwrRecord } from '../../../../../src/formats/cwr/record.js';
import { layoutOf } from '../../../../../src/formats/cwr/versions.js';
import { useTempDir } from '../../../../helpers/temp-dir.js';

const DATE = new Date(Date.UTC(2026, 10, 28));

describe('ACK file names', () => {
  it.each([
    ['2.1', 1, 'DMP', 'CW260001177_DMP.V21'],
    ['2.2', 42, 'AB', 'CW260042177_AB.V22'],
    ['3.0', 9999, 'SA', 'CW269999177_SA_V3-0-0.ACK1'],
    ['3.1', 7, 'QMP1', 'CW260007177_QMP1_V3-1-0.ACK1'],
  ] as const)('%s #%i to %s -> %s', (version, sequence, receiver, name) => {
    expect(ackFileName({ version, society: '177', receiver, sequence, date: DATE })).toBe(name);
  });

  it('refuses a file number beyond 4 digits', () => {
    expect(() => ackFileName({ version: '2.1', society: '177', receiver: 'DMP', sequence: 10000, date: DATE })).toThrow(RangeError);
  });

  const hdr21 = (text: string): CwrRecord => new CwrRecord('HDR', 1, text, layoutOf('2.1', 'HDR'));
  const hdr30 = (text: string): CwrRecord => new CwrRecord('HDR', 1, text, layoutOf('3.0', 'HDR'));
  it.each([
    ['2.x name', 'CW260001QMP_177.V21', null, '2.1', 'QMP'],
    ['old 2-digit sequence', 'CW2601AB_177.V21', null, '2.1', 'AB'],
    ['lower-case extension', 'cw260001qmp_177.v22', null, '2.2', 'QMP'],
    ['3.x name', 'CW170037SA_058_V3-0-0.SUB', null, '3.0', 'SA'],
    ['3.x name from the HDR when the file was renamed', 'incoming.sub', hdr30('HDRPBQMP QAZAQ'), '3.0', 'QMP'],
    ['2.x society sender from the HDR', 'answer.txt', hdr21('HDRSO000000052PRS'), '2.1', '052'],
    ['2.x publisher without a name code', 'x.V21', hdr21('HDRPB123456789QAZAQ'), '2.1', '000'],
    ['nothing known', 'x.V21', null, '2.1', '000'],
  ] as const)('receiver: %s', (_what, name, hdr, version, expected) => {
    expect(receiverCode(name, hdr, version)).toBe(expected);
  });

  const tmp = useTempDir();
  it('next sequence: after the highest ACK of this society and year in the folder', () => {
    const dir = tmp();
    expect(nextSequence(dir, '177', DATE)).toBe(1);
    for (const n of ['CW260007177_QMP.V21', 'CW260003177_AB_V3-0-0.ACK1', 'CW250099177_QMP.V21', 'CW260050052_QMP.V21', 'notes.txt']) writeFileSync(join(dir, n), '');
    expect(nextSequence(dir, '177', DATE)).toBe(8);
    expect(nextSequence(join(dir, 'missing'), '177', DATE)).toBe(1);
  });
});
