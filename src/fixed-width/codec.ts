/**
 * The generic fixed-width codec: one line of text + a record layout -> typed fields, and back.
 * It knows nothing about CWR or CRD; everything it does is driven by the layout.
 */
import { checkField, daysInMonth, decodeField, encodeField, type FieldProblem, type FieldValue } from './field-types.js';
import type { FieldSpec, RecordLayout } from './layout.js';

export interface FieldIssue {
  readonly field: FieldSpec;
  readonly problem: FieldProblem;
  /** The raw text of the field as found in the line (blank-padded if the line was short). */
  readonly raw: string;
}

export interface DecodedRecord {
  /** Typed values by field name. */
  readonly values: Readonly<Record<string, FieldValue>>;
  /** Fields whose text does not fit their type (the value is null, the text is kept in the line). */
  readonly issues: readonly FieldIssue[];
  /** How many characters were missing at the end of the line (trailing blanks trimmed in transit). */
  readonly padded: number;
  /** Characters beyond the layout length (empty when the line is not too long). */
  readonly overflow: string;
}

/** The raw text of one field, blank-padded when the line is shorter than the field's end. */
export function fieldText(text: string, field: FieldSpec): string {
  const from = field.start - 1;
  const raw = text.slice(from, from + field.length);
  return raw.length === field.length ? raw : raw.padEnd(field.length, ' ');
}

export function decodeRecord(layout: RecordLayout, text: string): DecodedRecord {
  const values: Record<string, FieldValue> = {};
  const issues: FieldIssue[] = [];
  for (const field of layout.fields) {
    const raw = fieldText(text, field);
    const decoded = decodeField(field, raw);
    values[field.name] = decoded.value;
    if (decoded.problem !== undefined) issues.push({ field, problem: decoded.problem, raw });
  }
  return {
    values,
    issues,
    padded: Math.max(0, layout.length - text.length),
    overflow: text.length > layout.length ? text.slice(layout.length) : '',
  };
}

export interface RecordCheck {
  /** Fields whose text does not fit their type, in layout order (as decodeRecord's issues). */
  readonly issues: readonly FieldIssue[];
  /** Mandatory fields that are empty and have no issue, in layout order. */
  readonly missing: readonly FieldSpec[];
}

/** The shared result of a record with nothing to report. */
export const CLEAN_RECORD: RecordCheck = Object.freeze({ issues: Object.freeze([]), missing: Object.freeze([]) });

/**
 * What decodeRecord would report about a line (type problems, empty mandatory fields) without
 * decoding values: the validator's per-record path, which allocates nothing for a clean record.
 */
export function checkRecord(layout: RecordLayout, text: string): RecordCheck {
  let issues: FieldIssue[] | undefined;
  let missing: FieldSpec[] | undefined;
  for (const field of checkedFields(layout)) {
    if (plainlyValid(field, text)) continue;
    const raw = fieldText(text, field);
    const r = checkField(field, raw);
    if (r === undefined) continue;
    if (r === 'empty') {
      if (field.req === 'M') (missing ??= []).push(field);
    } else {
      (issues ??= []).push({ field, problem: r, raw });
    }
  }
  return issues === undefined && missing === undefined ? CLEAN_RECORD : { issues: issues ?? [], missing: missing ?? [] };
}

const CHECKED = new WeakMap<RecordLayout, readonly FieldSpec[]>();

/** The fields checkRecord looks at: optional text fields can be neither wrong nor missing. */
function checkedFields(layout: RecordLayout): readonly FieldSpec[] {
  let fields = CHECKED.get(layout);
  if (fields === undefined) {
    fields = layout.fields.filter((f) => f.req === 'M' || (f.type !== 'A' && f.type !== 'L'));
    CHECKED.set(layout, fields);
  }
  return fields;
}

/** Digits at [from, to) of `text` as a number, or -1 if any is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** All blanks at [from, to). */
function blanksAt(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

/** A quick look at the line itself, no string made: true only when checkRecord would surely
 * report nothing for the field (all digits; a real date or time; a printable first character;
 * a Y/N/U flag; an optional field left blank). Anything else takes the full check. */
function plainlyValid(field: FieldSpec, text: string): boolean {
  const from = field.start - 1;
  const to = from + field.length;
  if (to > text.length) return false;
  switch (field.type) {
    case 'N': {
      // All digits, or (optional field) all blanks.
      if (digitsAt(text, from, to) >= 0) return true;
      return field.req !== 'M' && blanksAt(text, from, to);
    }
    case 'D': {
      // Same verdicts as checkField: isValidDate, or an empty ('00000000' or blank) optional date.
      if (field.length !== 8) return false;
      const y = digitsAt(text, from, from + 4);
      const m = digitsAt(text, from + 4, from + 6);
      const d = digitsAt(text, from + 6, to);
      if (y < 0 || m < 0 || d < 0) return field.req !== 'M' && blanksAt(text, from, to);
      if (y === 0 && m === 0 && d === 0) return field.req !== 'M';
      return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
    }
    case 'T': {
      if (field.length !== 6) return false;
      const h = digitsAt(text, from, from + 2);
      const m = digitsAt(text, from + 2, from + 4);
      const sec = digitsAt(text, from + 4, to);
      if (h < 0 || m < 0 || sec < 0) return field.req !== 'M' && blanksAt(text, from, to);
      return m < 60 && sec < 60;
    }
    case 'A':
    case 'L': {
      const c = text.charCodeAt(from);
      return c > 32 && c < 127;
    }
    case 'F': {
      const c = text.charCodeAt(from);
      return field.length === 1 && (c === 89 || c === 78 || c === 85);
    }
    case 'B': {
      const c = text.charCodeAt(from);
      return field.length === 1 && (c === 89 || c === 78);
    }
    default:
      return false;
  }
}

/** Decodes a single field of a line without decoding the rest. */
export function decodeOne(layout: RecordLayout, text: string, name: string): FieldValue {
  const field = layout.byName.get(name);
  if (field === undefined) return null;
  return decodeField(field, fieldText(text, field)).value;
}

/**
 * Encodes values into a line of exactly `layout.length` characters. Fields absent from `values`
 * are written empty; gaps between fields (fillers) are blanks. Throws EncodeError.
 */
export function encodeRecord(layout: RecordLayout, values: Readonly<Record<string, FieldValue | undefined>>): string {
  let out = '';
  for (const field of layout.fields) {
    const gap = field.start - 1 - out.length;
    if (gap > 0) out += ' '.repeat(gap);
    out += encodeField(field, values[field.name]);
  }
  return out.length < layout.length ? out.padEnd(layout.length, ' ') : out;
}

/** Pads (or keeps) a line to the record length: the lossless way to re-emit a record as read. */
export function padLine(layout: RecordLayout, text: string): string {
  return text.length >= layout.length ? text : text.padEnd(layout.length, ' ');
}
