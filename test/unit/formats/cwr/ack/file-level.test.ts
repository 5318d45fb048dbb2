/** File-level findings: acknowledged in an HDR/TRL ACK when something was rejected, not otherwise. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acknowledgeFile } from '../../../../../src/app/ack.js';
import { readCwrFile } from '../../../../../src/formats/cwr/reader.js';
import type { CheckSet } from '../../../../../src/validation/engine.js';
import { defineRule, diagnostic } from '../../../../../src/validation/rule.js';
import { FIXTURES } from '../../../../helpers/paths.js';
import { useTempDir } from '../../../../helpers/temp-dir.js';

const NOTE = defineRule({ id: 'test-file-note', level: 'file', severity: 'warning', cisac: 'test', summary: 's', message: () => 'the file name is unusual' });
const STOP = defineRule({ id: 'test-hdr-stop', level: 'file', cisac: 'test', msg: { record: 'HDR', number: '004' }, summary: 's', message: () => 'sender unknown' });

const fileFinding = (rule: typeof NOTE, onHdr: boolean): CheckSet => ({
  transaction: [],
  control: onHdr ? [(rec, ctx) => rec.type === 'HDR' && ctx.report(diagnostic(rule, { line: rec.line, column: 6, record: 'HDR', field: 'sender_id' }))] : [],
  file: onHdr ? [] : [(_f, ctx) => ctx.report(diagnostic(rule, {}))],
});

describe('file-level ACKs', () => {
  const tmp = useTempDir();
  const input = join(FIXTURES, 'cwr/ack/input/CW260001QAZ_177.V21');

  it.each([
    ['a file-wide warning: no file-level ACK, statuses unchanged', fileFinding(NOTE, false), 0, { RA: 2 }, null],
    ['an HDR error: every transaction rejected, an HDR ACK says why', fileFinding(STOP, true), 1, { RJ: 2 }, 'MSG0000000200000001E00000000HDRE004SENDER UNKNOWN'],
  ])('%s', async (_name, checks, fileAcks, statuses, msg) => {
    const r = await acknowledgeFile(input, { outDir: tmp(), checks });
    expect(r.fileLevelAcks).toBe(fileAcks);
    expect(Object.fromEntries(Object.entries(r.transactions).filter(([k, v]) => k !== 'total' && v > 0))).toEqual(statuses);
    const back = await readCwrFile(r.output);
    const last = back.transmission.groups[0]?.transactions.at(-1);
    if (msg === null) {
      expect(last?.header.str('original_transaction_type')).toBe('NWR');
    } else {
      expect(last?.header.str('original_transaction_type')).toBe('HDR');
      expect(last?.header.str('transaction_status')).toBe('RJ');
      expect(last?.records[0]?.text.trimEnd()).toBe(msg);
    }
  });
});

describe('output folder problems', () => {
  const tmp = useTempDir();
  it('an output folder that cannot be made fails with an error code (exit 2 in the CLI), not a crash', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(tmp(), 'plain-file');
    writeFileSync(file, '');
    await expect(acknowledgeFile(join(FIXTURES, 'cwr/ack/input/CW260001QAZ_177.V21'), { outDir: join(file, 'acks') })).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) });
  });
});
