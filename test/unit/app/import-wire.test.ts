import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportOp } from '../../../src/app/import/ops.js';
import { readInline } from '../../../src/app/import/source.js';
import { pack, unpack } from '../../../src/app/import/wire.js';
import { PUBLIC_SAMPLES, SAMPLES } from '../../helpers/paths.js';

const files = [
  ...readdirSync(join(SAMPLES, 'cwr')).map((f) => join(SAMPLES, 'cwr', f)),
  ...readdirSync(PUBLIC_SAMPLES).filter((f) => !/\.md$/i.test(f)).map((f) => join(PUBLIC_SAMPLES, f)),
];

describe('import wire format', () => {
  it.each(files)('every op of %s survives pack, structured clone and unpack unchanged', async (path) => {
    const ops: ImportOp[] = [];
    await readInline(path, { localSenders: new Set(['20', '199', '52', 'DP1', '712345669']) }, [], (op) => ops.push(op));
    for (const op of ops) expect(unpack(structuredClone(pack(op)))).toEqual(op);
  });

  it('registrations travel as arrays, other ops as they are', async () => {
    const ops: ImportOp[] = [];
    await readInline(join(SAMPLES, 'cwr', 'CW260001QMP_177.V21'), { localSenders: new Set(['712345669']) }, [], (op) => ops.push(op));
    const kinds = new Set(ops.map((o) => o.kind));
    expect(kinds).toContain('registration');
    for (const op of ops) expect(Array.isArray(pack(op))).toBe(op.kind === 'registration');
  });
});
