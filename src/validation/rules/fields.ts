/** Generic field rules: every field's type and requirement, driven by the layouts. */
import { defineRule } from '../rule.js';

const s = (p: Readonly<Record<string, unknown>>, k: string): string => String(p[k] ?? '');

export const FIELD_REQUIRED = defineRule({
  id: 'field-required',
  level: 'transaction',
  cisac: 'CWR 2.2 §2.1.1 (mandatory fields must be filled)',
  summary: 'A mandatory field is blank.',
  message: (p) => `${s(p, 'field')} is mandatory but blank`,
});

export const FIELD_NUMERIC = defineRule({
  id: 'field-numeric',
  level: 'field',
  cisac: 'CWR 2.2 §2.1.1 (numeric fields: digits, right-justified, zero-filled)',
  summary: 'A numeric field holds something other than digits.',
  message: (p) => `${s(p, 'field')} must be digits, zero-filled, found "${s(p, 'raw')}"`,
});

export const FIELD_DATE = defineRule({
  id: 'field-date',
  level: 'field',
  cisac: 'CWR 2.2 §2.1.1 (dates are YYYYMMDD)',
  summary: 'A date field is not a real YYYYMMDD date.',
  message: (p) => `${s(p, 'field')} is not a valid YYYYMMDD date: "${s(p, 'raw')}"`,
});

export const FIELD_TIME = defineRule({
  id: 'field-time',
  level: 'field',
  cisac: 'CWR 2.2 §2.1.1 (times and durations are HHMMSS)',
  summary: 'A time or duration field is not HHMMSS.',
  message: (p) => `${s(p, 'field')} is not a valid HHMMSS time: "${s(p, 'raw')}"`,
});

export const FIELD_FLAG = defineRule({
  id: 'field-flag',
  level: 'field',
  cisac: 'CWR 2.2 §2.1.1 (flags are Y, N or U; booleans Y or N)',
  summary: 'A flag or boolean field holds another value.',
  message: (p) => `${s(p, 'field')} must be ${s(p, 'allowed')}, found "${s(p, 'raw')}"`,
});
