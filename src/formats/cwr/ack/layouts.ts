/**
 * The layouts the ACK writer encodes with. Since the layout files name the MSG field at column 29
 * `original_record_type` (the CISAC table calls it record_type, like the prefix field) and the
 * 3.x files carry MSG (positions borrowed from 2.2, marked unverified), these are the version's
 * own layouts; the function stays as the one place the ACK writer gets them from.
 */
import type { LayoutSet } from '../../../fixed-width/layout.js';
import { layoutsFor, type CwrVersion } from '../versions.js';

/** The layouts for writing an ACK in `version` (throws if the version has no ACK or MSG). */
export function ackLayouts(version: CwrVersion): LayoutSet {
  const set = layoutsFor(version);
  if (!set.records.has('MSG') || !set.records.has('ACK')) throw new Error(`CWR ${version} layouts have no ACK or MSG record`);
  return set;
}
