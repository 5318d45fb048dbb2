/** Value helpers of `cwrkit convert`: emptiness, society codes, and type changes between layouts. */
import type { FieldValue } from '../../fixed-width/field-types.js';
import type { FieldSpec } from '../../fixed-width/layout.js';
import { isV3, type CwrVersion } from './versions.js';

export type Values = Record<string, FieldValue>;

/** No data worth reporting: blank, zero, false (N), a zero duration, or a zero-filled text field. */
export const isEmpty = (v: FieldValue | undefined): boolean =>
  v === null || v === undefined || v === '' || v === 0 || v === false || v === '00:00:00' || (typeof v === 'string' && /^0+$/.test(v));

/** A society code in the target family: "052" -> "52" for 3.x; "52" -> "052" for 2.x. */
export function societyFor(value: FieldValue, to: CwrVersion): FieldValue {
  if (value === null) return null;
  const s = String(value).trim();
  if (!/^[0-9]+$/.test(s)) return s;
  return isV3(to) ? String(Number(s)) : s.padStart(3, '0');
}

/** B (Y/N boolean) <-> F (Y/N/U flag) value conversion; undefined when the value cannot be kept. */
export function convertType(value: FieldValue, from: FieldSpec, to: FieldSpec): FieldValue | undefined {
  if (value === null) return null;
  if (from.type === 'B' && to.type === 'F') return value === true ? 'Y' : 'N';
  if (from.type === 'F' && to.type === 'B') return value === 'Y' ? true : value === 'N' ? false : undefined;
  if (to.type === 'N' && typeof value === 'string') return /^[0-9]+$/.test(value.trim()) ? Number(value.trim()) : undefined;
  if ((to.type === 'A' || to.type === 'L') && (typeof value === 'number' || typeof value === 'bigint')) return String(value);
  return value;
}
