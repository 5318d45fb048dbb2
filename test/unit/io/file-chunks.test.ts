import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileChunks } from '../../../src/io/line-reader.js';
import { useTempDir } from '../../helpers/temp-dir.js';

describe('fileChunks: a file read in fresh chunks', () => {
  const tmp = useTempDir();

  it.each([
    [0, 7],
    [1, 7],
    [7, 7],
    [8, 7],
    [100, 7],
    [100, 65536],
  ])('%i bytes in chunks of %i', (length, size) => {
    const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 31) % 251));
    const path = join(tmp(), 'f.bin');
    writeFileSync(path, bytes);
    // Every chunk is kept until the end: had a read reused an earlier chunk's memory, the
    // concatenation would not give the file back.
    const chunks = [...fileChunks(path, size)];
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(chunks.length).toBe(Math.ceil(length / size));
  });

  it('names the file when it cannot be read', () => {
    expect(() => [...fileChunks(tmp(), 16)]).toThrow(expect.objectContaining({ code: 'EISDIR', path: tmp() }));
    expect(() => [...fileChunks(join(tmp(), 'missing'), 16)]).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
