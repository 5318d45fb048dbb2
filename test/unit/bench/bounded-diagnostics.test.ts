// A file with a systematic error (every SPT has a non-numeric sequence number) must validate in
// bounded memory: the result keeps at most maxDiagnostics record-level diagnostics, yet the
// summary counts every one and onDiagnostic sees every one.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCwr } from '../../../src/validation/engine.js';
import type { Diagnostic } from '../../../src/validation/diagnostic.js';
import { useTempDir } from '../../helpers/temp-dir.js';

type Generate = (o: { works: number; version: string; out: string; seed?: number }) => unknown;
const { generateCwr, cwrFileName } = (await import('../../../bench/generate.mjs')) as { generateCwr: Generate; cwrFileName: (v: string) => string };

describe('validation of a file with a systematic error', () => {
  const tmp = useTempDir();

  function brokenFile(works: number): { path: string; spt: number } {
    const path = join(tmp(), cwrFileName('2.1'));
    generateCwr({ works, version: '2.1', out: path });
    let spt = 0;
    const text = readFileSync(path, 'latin1')
      .split('\r\n')
      .map((l) => (l.startsWith('SPT') ? (spt++, l.slice(0, 55) + 'ABC') : l))
      .join('\r\n');
    writeFileSync(path, text, 'latin1');
    return { path, spt };
  }

  it.each([
    [5, 5],
    [1000, 200],
  ])('keeps at most %i record diagnostics of %i', async (cap, works) => {
    const { path, spt } = brokenFile(works);
    const seen: Diagnostic[] = [];
    const r = await validateCwr(path, { maxDiagnostics: cap }, { onDiagnostic: (d) => seen.push(d) });
    const bad = seen.filter((d) => d.rule === 'field-numeric');
    expect(bad).toHaveLength(spt);
    expect(r.summary.warnings + r.summary.errors).toBe(seen.filter((d) => d.severity !== 'info').length);
    const kept = Math.min(cap, seen.filter((d) => d.level !== 'file' && d.level !== 'group' && d.line !== null).length);
    expect(r.diagnostics.filter((d) => d.level !== 'file' && d.level !== 'group' && d.line !== null)).toHaveLength(kept);
    expect(r.omittedDiagnostics).toBe(seen.length - r.diagnostics.length);
    expect(r.diagnostics.map((d) => d.line ?? 0)).toEqual([...r.diagnostics.map((d) => d.line ?? 0)].sort((a, b) => a - b));
  });

  it('without a cap set, keeps up to the default and omits nothing on a small file', async () => {
    const { path, spt } = brokenFile(50);
    const r = await validateCwr(path);
    expect(r.diagnostics.filter((d) => d.rule === 'field-numeric')).toHaveLength(spt);
    expect(r.omittedDiagnostics).toBe(0);
  });
});
