/** The JSON view of records and transactions used by `parse --json` and `--ndjson`. */
import { formatScaled, type FieldValue } from '../../fixed-width/field-types.js';
import type { CwrRecord } from './record.js';
import type { Transaction } from './structure.js';

export type JsonValue = string | number | boolean | null;

export interface RecordJson {
  line: number;
  type: string;
  fields: Record<string, JsonValue>;
  /** Characters added to reach the layout length (trailing blanks trimmed in transit). */
  padded?: number;
  /** Fields whose text does not fit their type; their raw text is given here. */
  invalid?: Record<string, string>;
  /** The raw line, only for records of unknown type. */
  text?: string;
}

function jsonValue(v: FieldValue, scale: number | undefined): JsonValue {
  if (typeof v === 'bigint') return scale ? formatScaled(v, scale) : v.toString();
  if (typeof v === 'number' && scale) return formatScaled(v, scale);
  return v;
}

export function recordJson(rec: CwrRecord): RecordJson {
  const d = rec.decoded;
  if (!rec.layout || !d) return { line: rec.line, type: rec.type, fields: {}, text: rec.text };
  const fields: Record<string, JsonValue> = {};
  for (const f of rec.layout.fields) {
    if (f.name === 'record_type') continue;
    fields[f.name] = jsonValue(d.values[f.name] ?? null, f.scale);
  }
  const out: RecordJson = { line: rec.line, type: rec.type, fields };
  if (d.padded > 0) out.padded = d.padded;
  if (d.issues.length > 0) out.invalid = Object.fromEntries(d.issues.map((i) => [i.field.name, i.raw]));
  return out;
}

export interface TransactionJson {
  type: string;
  group: number | null;
  sequence: number | null;
  records: RecordJson[];
}

export function transactionJson(tx: Transaction): TransactionJson {
  return {
    type: tx.header.type,
    group: tx.group,
    sequence: tx.header.transactionSequence,
    records: [recordJson(tx.header), ...tx.records.map(recordJson)],
  };
}
