// The generator is plain JavaScript over dist/ (built by the global setup), so it is imported
// from bench/ as the benchmark scripts use it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCwrFile } from '../../../src/formats/cwr/reader.js';
import { transmissionText } from '../../../src/formats/cwr/writer.js';
import { validateCwr } from '../../../src/validation/engine.js';
import { buildValidation } from '../../../src/validation/setup.js';
import { isValidIpiNameNumber, isValidIswc } from '../../../src/domain/identifiers.js';
import { useTempDir } from '../../helpers/temp-dir.js';

interface GenerateResult {
  works: number;
  lines: number;
  bytes: number;
}
type Generate = (o: { works: number; version: string; out: string; seed?: number }) => GenerateResult;
const { generateCwr, cwrFileName } = (await import('../../../bench/generate.mjs')) as { generateCwr: Generate; cwrFileName: (v: string, seq?: number) => string };

describe('bench/generate.mjs', () => {
  const tmp = useTempDir();

  it.each(['2.1', '2.2', '3.0'])('CWR %s: validates with the full rule set, no errors or warnings, and round-trips', async (version) => {
    const out = join(tmp(), cwrFileName(version));
    const r = generateCwr({ works: 60, version, out, seed: 3 });
    expect(r.works).toBe(60);
    expect(r.lines / r.works).toBeGreaterThan(8);
    const result = await validateCwr(out, await buildValidation({}));
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.info.version).toBe(version);
    expect(result.summary.transactions).toBe(60);
    expect(result.summary.accepted).toBe(60);

    const { transmission, diagnostics } = await readCwrFile(out);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(transmissionText(transmission)).toBe(readFileSync(out, 'latin1'));
  });

  it('writes valid check digits on ISWC and IPI numbers', async () => {
    const out = join(tmp(), cwrFileName('2.1', 2));
    generateCwr({ works: 30, version: '2.1', out });
    const { transmission } = await readCwrFile(out);
    const txs = transmission.groups.flatMap((g) => g.transactions);
    expect(txs).toHaveLength(30);
    for (const tx of txs) {
      expect(isValidIswc(tx.header.str('iswc'))).toBe(true);
      for (const rec of tx.records.filter((r) => r.type === 'SWR' || r.type === 'OWR')) {
        expect(isValidIpiNameNumber(rec.str('writer_ipi_name_number'))).toBe(true);
      }
    }
  });

  it('is deterministic for a seed and varies with it', () => {
    const dir = tmp();
    const make = (name: string, seed: number): Buffer => {
      generateCwr({ works: 40, version: '2.2', out: join(dir, name), seed });
      return readFileSync(join(dir, name));
    };
    const a = make('a.V22', 7);
    const b = make('b.V22', 7);
    const c = make('c.V22', 8);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('rejects an unknown version', () => {
    expect(() => generateCwr({ works: 1, version: '2.0', out: join(tmp(), 'x') })).toThrow(/unsupported version/);
  });
});
