/** Small helpers shared by the CISAC rule areas: settings, share arithmetic, where-builders. */
import type { RecordLayout } from '../../fixed-width/layout.js';
import type { CwrRecord } from '../../formats/cwr/record.js';
import type { CheckContext } from '../engine.js';
import type { Level } from '../diagnostic.js';
import { diagnostic, type Params, type RuleInfo } from '../rule.js';
import type { Profile } from '../profile.js';

/** Settings of a run, as buildValidation puts them in ValidateOptions.settings. */
export interface RuleSettings {
  readonly profile: Profile | null;
  /** The receiving society (3 digits). */
  readonly society: string;
  /** Sender codes/IPI numbers the society registered locally (from the catalogue). */
  readonly localSenders: ReadonlySet<string>;
  /** Date used for TIS hierarchy expansion (YYYY-MM-DD). */
  readonly territoryDate: string;
}

const DEFAULT_SETTINGS: RuleSettings = {
  profile: null,
  society: '177',
  localSenders: new Set(),
  territoryDate: new Date().toISOString().slice(0, 10),
};

export function settingsOf(ctx: CheckContext): RuleSettings {
  const s = ctx.options.settings as Partial<RuleSettings> | undefined;
  if (!s) return DEFAULT_SETTINGS;
  return {
    profile: s.profile ?? null,
    society: s.society ?? DEFAULT_SETTINGS.society,
    localSenders: s.localSenders ?? DEFAULT_SETTINGS.localSenders,
    territoryDate: s.territoryDate ?? DEFAULT_SETTINGS.territoryDate,
  };
}

/** The share tolerance of CWR: ±0.06% (shares are integers, 10000 = 100.00%). */
export const TOLERANCE = 6;
export const FULL = 10000;

/** A share (or any numeric field) as a plain number; blank or unreadable gives 0. */
export function num(rec: CwrRecord, field: string): number {
  const v = rec.get(field);
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return 0;
}

/** 5000 -> "50.00%" (exact: integer arithmetic only). */
export function pct(share: number): string {
  const neg = share < 0 ? '-' : '';
  const a = Math.abs(Math.round(share));
  return `${neg}${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}%`;
}

export const RIGHTS = ['pr', 'mr', 'sr'] as const;
export type Right = (typeof RIGHTS)[number];
export const RIGHT_NAME: Readonly<Record<Right, string>> = { pr: 'PR', mr: 'MR', sr: 'SR' };

/** Reports `rule` on a record (optionally on one of its fields). */
export function reportAt(ctx: CheckContext, rule: RuleInfo, rec: CwrRecord, field: string | null, params: Params = {}, level?: Level): void {
  const raw = field !== null ? rec.raw(field) : undefined;
  ctx.report(
    diagnostic(
      rule,
      {
        line: rec.line,
        column: raw?.column ?? (field === null ? 1 : null),
        ...(raw ? { length: raw.length } : {}),
        record: rec.type,
        field: raw ? field : null,
        // Control records (HDR, GRH, GRT, TRL) have no sequence prefix: columns 4-11 are other fields.
        transaction: rec.layout?.prefix === false ? null : rec.transactionSequence,
      },
      params,
      level,
    ),
  );
}

/** Reports a whole-file finding (no line). */
export function reportFile(ctx: CheckContext, rule: RuleInfo, params: Params = {}, level?: Level): void {
  ctx.report(diagnostic(rule, { line: null, column: null, record: null, field: null, transaction: null }, params, level));
}

/** Params renderer helper: a parameter as text. */
export const s = (p: Params, k: string): string => String(p[k] ?? '');

/**
 * Fast readers for the rules' hot paths: they read one field straight from the line (no value
 * object, no full-record decode). `strAt` is the value as the codec gives it for A/L/F fields
 * (blank-trimmed at the end; '' when blank or absent); `numAt` reads a numeric field's digits
 * (0 when blank, absent or not numeric: field-numeric reports those).
 */
export function strAt(rec: CwrRecord, name: string): string {
  const f = rec.layout?.byName.get(name);
  return f === undefined ? '' : strIn(rec.text, f.start - 1, f.start - 1 + f.length);
}

export function numAt(rec: CwrRecord, name: string): number {
  const f = rec.layout?.byName.get(name);
  return f === undefined ? 0 : numIn(rec.text, f.start - 1, f.start - 1 + f.length);
}

/** strAt for a field known by its 0-based [from, to) range (precomputed per layout). */
export function strIn(text: string, from: number, to: number): string {
  if (from >= text.length) return '';
  let end = Math.min(text.length, to);
  while (end > from && text.charCodeAt(end - 1) === 32) end--;
  return end === from ? '' : text.slice(from, end);
}

/** numAt for a field known by its 0-based [from, to) range (precomputed per layout). */
export function numIn(text: string, from: number, to: number): number {
  const end = Math.min(text.length, to);
  let n = 0;
  for (let i = from; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  return n;
}

/** A field's 0-based [from, to) range in a layout; [0, 0] (reads as blank / 0) when absent. */
export function rangeIn(layout: RecordLayout | undefined, name: string): readonly [number, number] {
  const f = layout?.byName.get(name);
  return f === undefined ? NO_RANGE : [f.start - 1, f.start - 1 + f.length];
}
const NO_RANGE = [0, 0] as const;

/** True when the record's layout has the field. */
export function hasField(rec: CwrRecord, name: string): boolean {
  return rec.layout?.byName.has(name) === true;
}

/** True when the field is blank or absent, without making a string. */
export function blankAt(rec: CwrRecord, name: string): boolean {
  const f = rec.layout?.byName.get(name);
  if (f === undefined) return true;
  const text = rec.text;
  const to = Math.min(text.length, f.start - 1 + f.length);
  for (let i = f.start - 1; i < to; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}
