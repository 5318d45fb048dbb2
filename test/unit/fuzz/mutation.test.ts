/**
 * Mutation fuzzing: thousands of randomly damaged copies of valid CWR files (bytes flipped, lines
 * cut short, duplicated, swapped or deleted, digits made non-numeric, garbage lines, line endings
 * changed, truncation) go through the validator and the ACK writer with the full rule set.
 * Properties: nothing throws; every diagnostic that is not about the whole file carries a line
 * number inside the file; every ACK produced reads back as a sound transmission (structure,
 * sequences and counts) with one ACK per acknowledged transaction.
 *
 * Fixed seed; CWRKIT_FUZZ_COUNT (default 3000) and CWRKIT_FUZZ_SEED change the campaign;
 * bench/fuzz.mjs runs bigger ones against the built CLI code.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeFile } from '../../../src/app/ack.js';
import { readCwrFile } from '../../../src/formats/cwr/reader.js';
import { buildValidation } from '../../../src/validation/setup.js';
import type { ValidateOptions } from '../../../src/validation/engine.js';
import { mutate, prng } from '../../../bench/fuzz.mutations.mjs';
import { FIXTURES, PUBLIC_SAMPLES, SAMPLES } from '../../helpers/paths.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const COUNT = Number(process.env['CWRKIT_FUZZ_COUNT'] ?? 3000);
const SEED = Number(process.env['CWRKIT_FUZZ_SEED'] ?? 20261128);
const CHUNK = 250;

function bases(): Array<{ name: string; bytes: Buffer }> {
  const out: Array<{ name: string; bytes: Buffer }> = [];
  const add = (dir: string, keep: (n: string) => boolean): void => {
    if (!existsSync(dir)) return;
    for (const n of readdirSync(dir).sort()) if (keep(n)) out.push({ name: n, bytes: readFileSync(join(dir, n)) });
  };
  add(join(FIXTURES, 'cwr/ack/input'), () => true);
  add(join(SAMPLES, 'cwr'), (n) => /\.(V2[12]|SUB)$/i.test(n));
  // Small public samples (the 2,575-line ackexample would dominate the run time: see bigBase).
  add(PUBLIC_SAMPLES, (n) => /\.(V2[12]|SUB|ISR)$/i.test(n) && n !== 'ackexample.V21');
  return out;
}

/** One file larger than the reader's 64 KiB binary sniffing, damaged in 2% of the cases: damage
 * deep in a file must not leak into the ACK either. */
function bigBase(): { name: string; bytes: Buffer } | null {
  const p = join(PUBLIC_SAMPLES, 'ackexample.V21');
  return existsSync(p) ? { name: 'ackexample.V21', bytes: readFileSync(p) } : null;
}

/** Structure rules: an ACK we write must never break these. */
const STRUCTURE = new Set([
  'file-empty', 'file-binary', 'file-not-cwr', 'hdr-first', 'hdr-duplicate', 'grh-expected', 'grt-missing', 'trl-missing', 'after-trl',
  'group-id-sequence', 'grt-group-id', 'grt-transaction-count', 'grt-record-count', 'trl-group-count', 'trl-transaction-count',
  'trl-record-count', 'transaction-sequence', 'detail-transaction-sequence', 'record-sequence', 'record-outside-transaction', 'record-too-long', 'group-type-mismatch',
]);

describe(`mutation fuzz (seed ${SEED}, ${COUNT} cases)`, () => {
  const files = bases();
  const big = bigBase();
  let dir = '';
  let validation: ValidateOptions | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cwrkit-fuzz-'));
    validation = await buildValidation({ society: '177' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const chunks = Array.from({ length: Math.ceil(COUNT / CHUNK) }, (_, i) => ({ from: i * CHUNK, to: Math.min(COUNT, (i + 1) * CHUNK) }));

  it('has valid files to damage', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(chunks)('cases $from to $to', async ({ from, to }) => {
    const r = prng(SEED + from);
    let acks = 0;
    for (let i = from; i < to; i++) {
      const base = big !== null && r.next() < 0.02 ? big : r.pick(files);
      const { bytes, what } = mutate(base.bytes, r);
      const where = `case ${i} (seed ${SEED}): ${base.name}: ${what}`;
      const input = join(dir, base.name);
      writeFileSync(input, bytes);
      const outDir = join(dir, `out-${i}`);
      let result;
      try {
        result = await acknowledgeFile(input, { outDir, sequence: 1, society: '177', ...(validation ? { validation } : {}) });
      } catch (e) {
        throw new Error(`${where}: threw ${(e as Error).stack ?? String(e)}`);
      }
      const lines = bytes.toString('latin1').split(/\r\n|\n|\r/).length;
      for (const d of result.diagnostics) {
        if (d.line === null) expect(d.level, `${where}: ${d.rule} has no line`).toBe('file');
        else expect(d.line >= 1 && d.line <= lines, `${where}: ${d.rule} at line ${d.line} of ${lines}`).toBe(true);
      }
      const back = await readCwrFile(result.output);
      const broken = back.diagnostics.filter((d) => STRUCTURE.has(d.rule));
      expect(broken, `${where}: the ACK is not a sound transmission`).toEqual([]);
      const ackCount = back.transmission.groups.flatMap((g) => g.transactions).filter((t) => t.header.type === 'ACK').length;
      expect(ackCount, `${where}: ACK count`).toBe(result.transactions.total + result.fileLevelAcks);
      expect(back.transmission.groups.map((g) => g.info.transactionType)).toEqual(['ACK']);
      acks += ackCount;
      rmSync(outDir, { recursive: true, force: true });
    }
    expect(acks).toBeGreaterThan(0);
  }, 300_000);
});
