/**
 * Checks over the whole statement once every line is settled: repeated lines, claim candidates,
 * and the line findings of both paths stored in line order.
 */
import type { Finding } from '../findings.js';
import { fillWeights } from './settle.js';
import * as Q from './sql.js';
import type { Steps } from './steps.js';

/** Duplicate lines, then every line finding into the results. */
export function lineFindings(s: Steps): void {
  s.run(Q.FILL_DUPLICATE_KEYS, 'lo', 'hi', 'stmt', 'cur');
  s.run(Q.DUPLICATE_FINDINGS, 'base');
  s.run(Q.STORE_LINE_FINDINGS, 'rec');
}

/** With at least one matched line in `denseTouch` naming a party or leaving money unallocated,
 * their works are gathered by one grouped scan of every line (sql.ts, TOUCH_ALL). Measured on 200k
 * lines: the grouped scan costs about what the update costs for a quarter of the lines. Both ways
 * give the same rows (test/unit/reconcile/bulk.test.ts sets it to 0 to compare the other way). */
export const claimTuning = { denseTouch: 4 };

/** Claim candidates: members of a matched work (for the right and the territory of its first line)
 * whom no line paid, in the order the works were first met. */
export function claims(s: Steps): Finding[] {
  const db = s.db;
  const out: Finding[] = [];
  const [matched = 0, touched = 0] = (s.row(Q.TOUCH_COUNT, 'base', 'lo', 'hi', 'rec') ?? []).map(Number);
  if (touched === 0) return out;
  if (touched * claimTuning.denseTouch < matched) {
    s.run(Q.TOUCH_CANDIDATES, 'base', 'lo', 'hi', 'rec');
    s.run(Q.TOUCH_FIRST, 'base', 'lo', 'hi', 'rec');
    s.exec(Q.DROP_PAID_TOUCH);
  } else s.run(Q.TOUCH_ALL, 'base', 'lo', 'hi', 'rec');
  s.exec(Q.TOUCHED_KEYS);
  fillWeights(s);
  s.run(Q.FILL_PAID, 'base', 'lo', 'hi', 'rec');
  for (const [workId, partyId, right] of db.prepare(Q.CLAIM_FINDINGS).raw(true).iterate() as IterableIterator<[number, number, string, number]>) {
    out.push({ kind: 'claim-candidate', lineId: null, workId, partyId, detail: { right } });
  }
  return out;
}
