/**
 * The layouts the ACK writer encodes with: the version's own, except MSG. The MSG layout names
 * two fields `record_type` (the prefix at column 1 and the original record's type at column 29),
 * so writing it from values would put "MSG" in both; the writer's copy calls the second one
 * `original_record_type`. The bytes written are those of the CISAC layout.
 *
 * CWR 3.x: no source available to us gives the MSG positions (the user manual §5.2 lists the same
 * fields as 2.x), so 3.x ACKs borrow the 2.2 MSG layout. The 3.x layout files do not declare MSG
 * (it is in their unknownLayouts), so `cwrkit validate` reports those MSG lines as records of
 * unknown type until a 3.x MSG layout is adopted.
 */
import { overrideLayouts, type FieldSpec, type LayoutSet, type RecordLayout } from '../../../fixed-width/layout.js';
import { layoutsFor, type CwrVersion } from '../versions.js';

const cache = new Map<CwrVersion, LayoutSet>();

function renameSecondRecordType(msg: RecordLayout): RecordLayout {
  let seen = false;
  const fields: FieldSpec[] = msg.fields.map((f) => {
    if (f.name !== 'record_type') return f;
    if (!seen) {
      seen = true;
      return f;
    }
    return { ...f, name: 'original_record_type' };
  });
  return { ...msg, fields, byName: new Map(fields.map((f) => [f.name, f])) };
}

/** The layouts for writing an ACK in `version` (throws if the version has no ACK or MSG). */
export function ackLayouts(version: CwrVersion): LayoutSet {
  let set = cache.get(version);
  if (set === undefined) {
    const base = layoutsFor(version);
    const msg = base.records.get('MSG') ?? layoutsFor('2.2').records.get('MSG');
    if (msg === undefined || !base.records.has('ACK')) throw new Error(`CWR ${version} layouts have no ACK or MSG record`);
    set = overrideLayouts(base, { ...base, records: new Map([['MSG', renameSecondRecordType(msg)]]) });
    cache.set(version, set);
  }
  return set;
}
