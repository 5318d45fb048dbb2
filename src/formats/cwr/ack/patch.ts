/**
 * Second pass over a written ACK, for verdicts known only at the end of the input: a group-level
 * (GR) error seen at a GRT, or a file-level (ER) error (TRL counts, a missing TRL). Every ACK of
 * an affected original transaction gets status RJ; the reason is in the file-level ACK (original
 * transaction type HDR/TRL) at the end of the group. The pass streams the file, so memory stays
 * bounded; it changes only the two status characters of ACK records, located through the layout.
 * An echo written before the verdict stays in place (record counts are unchanged), as in the RJ
 * acknowledgements societies send that still carry the transaction.
 */
import { readFileLines } from '../../../io/line-reader.js';
import { LineWriter } from '../writer.js';
import { ackLayouts } from './layouts.js';
import { isAckStatus, type AckStatus } from './status.js';
import type { CwrVersion } from '../versions.js';

export interface PatchPlan {
  readonly version: CwrVersion;
  readonly encoding: string;
  /** Rejects every transaction. */
  readonly fileRejected: boolean;
  /** Original group ids (as written in the ACK records; 0 when the GRH id was unreadable). */
  readonly rejectedGroups: ReadonlySet<number>;
}

/** Status changes made, as [from, count] pairs (every change is to RJ). */
export type PatchCounts = Partial<Record<AckStatus, number>>;

export async function patchStatuses(from: string, to: string, plan: PatchPlan, mode = 0o600): Promise<PatchCounts> {
  const layout = ackLayouts(plan.version).records.get('ACK');
  const status = layout?.byName.get('transaction_status');
  const group = layout?.byName.get('original_group_id');
  const type = layout?.byName.get('original_transaction_type');
  if (!layout || !status || !group || !type) throw new Error(`CWR ${plan.version} ACK layout lacks status fields`);
  const out = new LineWriter(to, plan.encoding, mode);
  const changed: PatchCounts = {};
  try {
    for await (const batch of readFileLines(from, { chooseEncoding: () => plan.encoding })) {
      for (const line of batch) {
        let text = line.text;
        if (text.startsWith('ACK')) {
          const field = (f: typeof status): string => text.slice(f.start - 1, f.start - 1 + f.length);
          const original = field(type);
          const current = field(status);
          const affected = plan.fileRejected || plan.rejectedGroups.has(Number(field(group)));
          if (original !== 'HDR' && original !== 'TRL' && affected && current !== 'RJ' && isAckStatus(current)) {
            text = text.slice(0, status.start - 1) + 'RJ' + text.slice(status.start - 1 + status.length);
            changed[current] = (changed[current] ?? 0) + 1;
          }
        }
        await out.write(text);
      }
    }
  } finally {
    await out.close();
  }
  return changed;
}
