/**
 * Golden ACK files: two inputs per CWR version (test/fixtures/cwr/ack/input) acknowledged with a
 * fixed clock and the core rules only (so the goldens do not move when CISAC rules are added),
 * compared byte for byte with test/fixtures/cwr/ack/golden. UPDATE_GOLDEN=1 rewrites them.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acknowledgeFile, type AckOptions } from '../../../../../src/app/ack.js';
import type { Transaction } from '../../../../../src/formats/cwr/structure.js';
import { readCwrFile } from '../../../../../src/formats/cwr/reader.js';
import { EMPTY_CHECKS } from '../../../../../src/validation/checkset.js';
import { validateCwr } from '../../../../../src/validation/engine.js';
import { encodeText } from '../../../../../src/io/encoding.js';
import { FIXTURES, SAMPLES } from '../../../../helpers/paths.js';
import { useTempDir } from '../../../../helpers/temp-dir.js';

const INPUT = join(FIXTURES, 'cwr/ack/input');
const GOLDEN = join(FIXTURES, 'cwr/ack/golden');
const workNumber = (tx: Transaction): string | null => {
  const n = tx.header.str('submitter_work_number');
  return n === '' ? null : `KZ${n}`;
};

interface Case {
  input: string;
  golden: string;
  options: Partial<AckOptions>;
  statuses: Record<string, number>;
  fileRejected?: boolean;
}

const CASES: Case[] = [
  { input: 'CW260001QAZ_177.V21', golden: 'CW260001177_QAZ.V21', options: { recipientNumber: workNumber }, statuses: { AS: 2 } },
  { input: 'CW260002QAZ_177.V21', golden: 'CW260002177_QAZ.V21', options: { recipientNumber: workNumber }, statuses: { AC: 2, RJ: 1 } },
  { input: 'CW260003QAZ_177.V22', golden: 'CW260003177_QAZ.V22', options: { recipientNumber: workNumber, catalogue: (tx) => (tx.header.type === 'REV' ? 'CO' : null) }, statuses: { CO: 1, AS: 1 } },
  { input: 'CW260004QAZ_177.V22', golden: 'CW260004177_QAZ.V22', options: { recipientNumber: workNumber }, statuses: { RJ: 2 }, fileRejected: true },
  { input: 'CW260005QAZ_177_V3-0-0.SUB', golden: 'CW260005177_QAZ_V3-0-0.ACK1', options: { recipientNumber: workNumber, catalogue: (tx) => (tx.index === 1 ? 'DU' : null) }, statuses: { AS: 1, DU: 1 } },
  { input: 'CW260006QAZ_177_V3-0-0.SUB', golden: 'CW260006177_QAZ_V3-0-0.ACK1', options: {}, statuses: { RJ: 2 } },
  { input: 'CW260007QAZ_177_V3-1-0.SUB', golden: 'CW260007177_QAZ_V3-1-0.ACK1', options: {}, statuses: { RA: 1 } },
  { input: 'CW260008QAZ_177_V3-1-0.SUB', golden: 'CW260008177_QAZ_V3-1-0.ACK1', options: {}, statuses: { RJ: 1 } },
];

const NOW = new Date(Date.UTC(2026, 0, 15, 10, 20, 30));

describe('golden ACK files', () => {
  const tmp = useTempDir();

  it.each(CASES)('$input -> $golden', async ({ input, golden, options, statuses, fileRejected }) => {
    const dir = tmp();
    const r = await acknowledgeFile(join(INPUT, input), {
      outDir: dir,
      sequence: Number(input.slice(4, 8)),
      now: () => NOW,
      software: { name: 'CWRKIT', version: 'test' },
      checks: EMPTY_CHECKS,
      ...options,
    });
    expect(basename(r.output)).toBe(golden);
    expect(statSync(r.output).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(r.output);
    const goldenPath = join(GOLDEN, golden);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(goldenPath)) {
      if (process.env['CI']) throw new Error(`golden file ${golden} is missing`);
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(goldenPath, bytes);
    }
    expect(bytes.equals(readFileSync(goldenPath)), `${golden} differs from its golden file`).toBe(true);

    const counts = Object.fromEntries(Object.entries(r.transactions).filter(([k, v]) => k !== 'total' && v > 0));
    expect(counts).toEqual(statuses);
    expect(r.fileRejected).toBe(fileRejected === true);
    // The ACK reads back as a well-formed transmission with the same number of ACKs.
    const back = await readCwrFile(r.output);
    expect(back.diagnostics.filter((d) => d.severity === 'error' && d.rule !== 'record-type-unknown')).toEqual([]);
    const acks = back.transmission.groups.flatMap((g) => g.transactions).filter((t) => t.header.type === 'ACK');
    expect(acks.length).toBe(r.transactions.total + r.fileLevelAcks);
    // ...and is valid under the core rules (3.x MSG lines aside: no 3.x MSG layout is known).
    const v = await validateCwr(r.output, { checks: EMPTY_CHECKS });
    expect(v.diagnostics.filter((d) => d.severity !== 'info' && d.rule !== 'record-type-unknown')).toEqual([]);
  });

  it('keeps Kazakh text of the input in the ACK (UTF-8 in, UTF-8 out)', async () => {
    const r = await acknowledgeFile(join(INPUT, 'CW260007QAZ_177_V3-1-0.SUB'), { outDir: tmp(), sequence: 7, now: () => NOW, checks: EMPTY_CHECKS });
    const back = await readCwrFile(r.output);
    const ack = back.transmission.groups[0]?.transactions[0]?.header;
    expect(ack?.str('creation_title')).toBe('ҚАРАТОРҒАЙ');
    expect(back.info.encoding).toBe('utf-8');
  });

  it.each([
    ['UTF-8', 'utf-8'],
    ['KZ-1048', 'rk1048'],
  ])('echoes Kazakh non-Roman records of a 2.1 file declared %s in that encoding', async (charset, encoding) => {
    const sample = join(SAMPLES, 'cwr/CW260001QMP_177.V21');
    if (!existsSync(sample)) return;
    const text = readFileSync(sample, 'utf8').replace(/^(.{86})UTF-8 {10}/, (_m, head: string) => head + charset.padEnd(15, ' '));
    const dir = tmp();
    const input = join(dir, 'CW260001QMP_177.V21');
    writeFileSync(input, encodeText(text, encoding));
    const r = await acknowledgeFile(input, { outDir: join(dir, 'out'), now: () => NOW, checks: EMPTY_CHECKS });
    expect(r.encoding).toBe(encoding);
    const back = await readCwrFile(r.output);
    expect(back.info.encoding).toBe(encoding);
    expect(back.transmission.header?.str('character_set')).toBe(charset);
    const npn = back.transmission.groups[0]?.transactions[0]?.records.find((x) => x.type === 'NPN');
    expect(npn?.str('publisher_name')).toBe('Қазақ Музыка Баспасы');
  });

  it('numbers the next ACK after the highest one already in the folder', async () => {
    const dir = tmp();
    const opts = { outDir: dir, now: () => NOW, checks: EMPTY_CHECKS };
    const a = await acknowledgeFile(join(INPUT, 'CW260001QAZ_177.V21'), opts);
    const b = await acknowledgeFile(join(INPUT, 'CW260001QAZ_177.V21'), opts);
    const c = await acknowledgeFile(join(INPUT, 'CW260003QAZ_177.V22'), { ...opts, sequence: 41 });
    const d = await acknowledgeFile(join(INPUT, 'CW260005QAZ_177_V3-0-0.SUB'), opts);
    expect([a, b, c, d].map((x) => basename(x.output))).toEqual(['CW260001177_QAZ.V21', 'CW260002177_QAZ.V21', 'CW260041177_QAZ.V22', 'CW260042177_QAZ_V3-0-0.ACK1']);
  });

  it('leaves no temporary file behind, also when the input cannot be read', async () => {
    const dir = tmp();
    await acknowledgeFile(join(INPUT, 'CW260004QAZ_177.V22'), { outDir: dir, now: () => NOW, checks: EMPTY_CHECKS });
    await expect(acknowledgeFile(join(INPUT, 'no-such-file.V21'), { outDir: dir, now: () => NOW })).rejects.toMatchObject({ code: 'ENOENT' });
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual(['CW260001177_QAZ.V22']);
  });
});
