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

/** Claim candidates: members of a matched work (for the right and the territory of its first line)
 * whom no line paid, in the order the works were first met. */
export function claims(s: Steps): Finding[] {
  const db = s.db;
  const out: Finding[] = [];
  s.run(Q.TOUCH_CANDIDATES, 'base', 'lo', 'hi', 'rec');
  if (!s.any('SELECT 1 FROM rx_touch LIMIT 1')) return out;
  s.run(Q.TOUCH_FIRST, 'base', 'lo', 'hi', 'rec');
  s.exec(Q.DROP_PAID_TOUCH);
  s.exec(Q.TOUCHED_KEYS);
  fillWeights(s);
  s.run(Q.FILL_PAID, 'base', 'lo', 'hi', 'rec');
  for (const [workId, partyId, right] of db.prepare(Q.CLAIM_FINDINGS).raw(true).iterate() as IterableIterator<[number, number, string, number]>) {
    out.push({ kind: 'claim-candidate', lineId: null, workId, partyId, detail: { right } });
  }
  return out;
}
