/** Fetches a few lines of a file by number (for showing the offending line of a diagnostic). */
import { readFileLines } from './line-reader.js';

export async function fetchLines(path: string, wanted: ReadonlySet<number>, encoding: string): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (wanted.size === 0) return found;
  const max = Math.max(...wanted);
  for await (const batch of readFileLines(path, { chooseEncoding: () => encoding })) {
    for (const line of batch) {
      if (wanted.has(line.no)) found.set(line.no, line.text);
    }
    const last = batch[batch.length - 1];
    if (last && last.no >= max) break;
  }
  return found;
}
