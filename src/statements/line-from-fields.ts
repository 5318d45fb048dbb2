/**
 * Turns the text values of one CSV row or XML line element into a StatementLine, with a
 * diagnostic (line, column, field) for every value that cannot be read. Shared by CSV and XML.
 */
import { normaliseCurrency } from '../domain/currency.js';
import { normaliseIpiNameNumber } from '../domain/identifiers.js';
import { parseDecimal } from '../domain/money.js';
import type { Diagnostic } from '../validation/diagnostic.js';
import { parseDate } from './dates.js';
import { at, checkLine } from './intake.js';
import { blankLine, isRight, type StatementLine } from './model.js';
import type { ModelField, Profile } from './profile.js';
import * as R from './rules.js';

export interface RawFields {
  /** Trimmed text of a field, or null when it is absent or empty. */
  get(field: ModelField): string | null;
  /** 1-based column where the field starts (CSV), or null. */
  column(field: ModelField): number | null;
}

export interface LineContext {
  readonly file: string;
  readonly line: number;
  readonly profile: Profile;
  /** Currency for lines without one (--currency or the profile's). */
  readonly currency: string | null;
  /** Field name to use in diagnostics (the column or element name), per model field. */
  readonly label: (field: ModelField) => string;
}

/** Builds the line, or returns null when it cannot be read (the diagnostics say why). */
export function lineFromFields(raw: RawFields, ctx: LineContext, report: (d: Diagnostic) => void): StatementLine | null {
  const { profile } = ctx;
  let ok = true;
  const fail = (rule: Parameters<typeof at>[0], field: ModelField, params: Record<string, string> = {}): void => {
    report(at(rule, ctx.line, raw.column(field), ctx.label(field), params));
    ok = false;
  };
  const warn = (rule: Parameters<typeof at>[0], field: ModelField, params: Record<string, string> = {}): void => {
    report(at(rule, ctx.line, raw.column(field), ctx.label(field), params));
  };
  const money = (field: 'amount' | 'gross', required: boolean): bigint | null => {
    const text = raw.get(field);
    if (text === null) {
      if (required) fail(R.AMOUNT_MISSING, field);
      return null;
    }
    const r = parseDecimal(text, { decimalSeparator: profile.decimalSeparator, groupSeparators: profile.groupSeparators, scale: profile.decimals });
    if (!r.ok) {
      const col = raw.column(field);
      report(at(R.AMOUNT_INVALID, ctx.line, col === null ? null : col + r.offset, ctx.label(field), { text, problem: r.problem }));
      ok = false;
      return null;
    }
    return r.units;
  };

  const net = money('amount', true);
  const gross = money('gross', false);
  const curText = raw.get('currency');
  let currency = ctx.currency;
  if (curText !== null) {
    currency = normaliseCurrency(curText);
    if (currency === null) fail(R.CURRENCY_UNKNOWN, 'currency', { currency: curText });
  } else if (currency === null) {
    fail(R.CURRENCY_MISSING, 'currency');
  }

  let share: number | null = null;
  const shareText = raw.get('share');
  if (shareText !== null) {
    const r = parseDecimal(shareText, { decimalSeparator: profile.decimalSeparator, scale: profile.shareAs === 'percent' ? 2 : 4, rounding: 'half-even' });
    if (r.ok && r.units >= 0n && r.units <= 10000n) share = Number(r.units);
    else warn(R.SHARE_INVALID, 'share', { text: shareText });
  }
  const rightText = raw.get('right');
  let right: StatementLine['right'] = null;
  if (rightText !== null) {
    const r = rightText.toUpperCase();
    if (isRight(r)) right = r;
    else warn(R.RIGHT_INVALID, 'right', { text: rightText });
  }
  const date = (field: 'usageStart' | 'usageEnd'): string | null => {
    const t = raw.get(field);
    if (t === null) return null;
    const d = parseDate(t, profile.dateFormat);
    if (d === null) warn(R.DATE_INVALID, field, { text: t, format: profile.dateFormat });
    return d;
  };
  const start = date('usageStart');
  const end = date('usageEnd');
  const territory = raw.get('territory');
  const ipi = raw.get('ipiNameNumber');
  const writers = raw.get('writers');
  if (!ok || net === null || currency === null) return null;
  const line: StatementLine = {
    ...blankLine(currency, { file: ctx.file, line: ctx.line, column: raw.column('amount') }),
    lineRef: raw.get('lineRef'),
    societyWorkCode: raw.get('societyWorkCode'),
    iswc: raw.get('iswc'),
    title: raw.get('title'),
    writers: writers === null ? [] : writers.split(profile.writersSeparator).map((w) => w.trim()).filter((w) => w !== ''),
    ipNumber: raw.get('ipNumber'),
    ipiNameNumber: ipi === null ? null : (normaliseIpiNameNumber(ipi) ?? ipi),
    partyName: raw.get('partyName'),
    role: raw.get('role')?.toUpperCase() ?? null,
    right,
    territory: territory !== null && /^[0-9]{1,4}$/.test(territory) ? territory.padStart(4, '0') : territory,
    share,
    distributionCategory: raw.get('distributionCategory'),
    gross,
    net,
    usagePeriod: start === null && end === null ? null : { start, end },
    adjustmentRef: raw.get('adjustmentRef'),
  };
  return checkLine(line, report, { iswc: raw.column('iswc'), ipi: raw.column('ipiNameNumber'), work: raw.column('societyWorkCode') ?? raw.column('title') });
}
