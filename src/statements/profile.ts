/**
 * Statement profiles: how a society's CSV or XML statement maps onto the model. A profile is JSON
 * (a file given with --profile, or a built-in by name), checked once here and trusted afterwards.
 */
import { readFileSync } from 'node:fs';
import { normaliseCurrency } from '../domain/currency.js';
import { MAX_SCALE } from '../domain/money.js';
import { resolveEncoding } from '../io/encoding.js';
import { DATE_FORMATS, type DateFormat } from './dates.js';

/** Model fields a profile can map (amount is the net amount of the line). */
export const MODEL_FIELDS = [
  'lineRef',
  'societyWorkCode',
  'iswc',
  'title',
  'writers',
  'ipNumber',
  'ipiNameNumber',
  'partyName',
  'role',
  'right',
  'territory',
  'share',
  'distributionCategory',
  'gross',
  'amount',
  'currency',
  'usageStart',
  'usageEnd',
  'adjustmentRef',
] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];

/** Work identification: a line needs at least one of these. */
export const WORK_FIELDS: readonly ModelField[] = ['societyWorkCode', 'iswc', 'title'];

interface CommonProfile {
  readonly name: string;
  readonly description: string;
  readonly decimalSeparator: '.' | ',';
  /** Characters allowed as thousands separators in amounts ("" = none). */
  readonly groupSeparators: string;
  readonly dateFormat: DateFormat;
  readonly writersSeparator: string;
  /** Default currency when the file has none (overridden by --currency). */
  readonly currency: string | null;
  /** Decimals amounts are stored with; more decimals in the file are an error. */
  readonly decimals: number;
  /** Percent (50.00) or fraction (0.5) for the share column. */
  readonly shareAs: 'percent' | 'fraction';
}

export interface CsvProfile extends CommonProfile {
  readonly kind: 'csv';
  /** A single character, or "auto" to sniff it from the header line. */
  readonly delimiter: string;
  readonly quote: string;
  readonly encoding: string;
  readonly headerRow: boolean;
  /** Column name (header row) or 1-based column number (no header row) per model field. */
  readonly columns: Readonly<Partial<Record<ModelField, string | number>>>;
}

export interface XmlProfile extends CommonProfile {
  readonly kind: 'xml';
  /** Dotted element path of the repeating line element, e.g. "statement.lines.line". */
  readonly linePath: string;
  /** Statement-level values: dotted paths from the root. */
  readonly statement: Readonly<Partial<Record<'currency' | 'periodStart' | 'periodEnd' | 'distributionId' | 'total', string>>>;
  /** Per-line values: dotted paths relative to the line element; "@name" reads an attribute. */
  readonly fields: Readonly<Partial<Record<ModelField, string>>>;
}

export type Profile = CsvProfile | XmlProfile;

export class ProfileError extends Error {
  override readonly name = 'ProfileError';
}

const COMMON_DEFAULTS = {
  decimalSeparator: '.' as const,
  groupSeparators: '',
  dateFormat: 'YYYY-MM-DD' as DateFormat,
  writersSeparator: ';',
  currency: null,
  decimals: 6,
  shareAs: 'percent' as const,
};

/** The built-in `generic` CSV profile (docs/statements.md). */
export const GENERIC_CSV: CsvProfile = {
  kind: 'csv',
  name: 'generic',
  description: 'comma-separated UTF-8 with a header row of cwrkit column names (any order, any case)',
  ...COMMON_DEFAULTS,
  delimiter: ',',
  quote: '"',
  encoding: 'utf-8',
  headerRow: true,
  columns: {
    lineRef: 'line_ref',
    societyWorkCode: 'society_work_code',
    iswc: 'iswc',
    title: 'title',
    writers: 'writers',
    ipiNameNumber: 'ipi_name_number',
    partyName: 'party_name',
    role: 'role',
    right: 'right',
    territory: 'territory',
    share: 'share',
    amount: 'amount',
    currency: 'currency',
  },
};

/** The built-in `generic-xml` profile (docs/statements.md). */
export const GENERIC_XML: XmlProfile = {
  kind: 'xml',
  name: 'generic-xml',
  description: '<statement currency=".." period-start=".." period-end=".." distribution=".."><line>...</line></statement>',
  ...COMMON_DEFAULTS,
  linePath: 'statement.line',
  statement: { currency: 'statement.@currency', periodStart: 'statement.@period-start', periodEnd: 'statement.@period-end', distributionId: 'statement.@distribution', total: 'statement.@total' },
  fields: {
    lineRef: '@ref',
    societyWorkCode: 'work.code',
    iswc: 'work.iswc',
    title: 'work.title',
    writers: 'work.writers',
    ipiNameNumber: 'party.ipi',
    partyName: 'party.name',
    role: 'party.role',
    right: 'right',
    territory: 'territory',
    share: 'share',
    distributionCategory: 'category',
    gross: 'gross',
    amount: 'amount',
    currency: 'currency',
    usageStart: 'usage.start',
    usageEnd: 'usage.end',
    adjustmentRef: 'adjusts',
  },
};

export const BUILTIN_PROFILES: readonly Profile[] = [GENERIC_CSV, GENERIC_XML];

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(raw: Record<string, unknown>, key: string, dflt: string, where: string): string {
  const v = raw[key];
  if (v === undefined) return dflt;
  if (typeof v !== 'string') throw new ProfileError(`${where}: "${key}" must be a string`);
  return v;
}

function common(raw: Record<string, unknown>, where: string): Omit<CommonProfile, 'name' | 'description'> {
  const decimalSeparator = str(raw, 'decimalSeparator', '.', where);
  if (decimalSeparator !== '.' && decimalSeparator !== ',') throw new ProfileError(`${where}: "decimalSeparator" must be "." or ","`);
  const dateFormat = str(raw, 'dateFormat', 'YYYY-MM-DD', where);
  if (!(DATE_FORMATS as readonly string[]).includes(dateFormat)) throw new ProfileError(`${where}: "dateFormat" must be one of ${DATE_FORMATS.join(', ')}`);
  let currency: string | null = null;
  if (raw['currency'] !== undefined && raw['currency'] !== null) {
    currency = normaliseCurrency(str(raw, 'currency', '', where));
    if (currency === null) throw new ProfileError(`${where}: "currency" ${JSON.stringify(raw['currency'])} is not an ISO 4217 code`);
  }
  const decimals = raw['decimals'] ?? 6;
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > MAX_SCALE) throw new ProfileError(`${where}: "decimals" must be an integer from 0 to ${MAX_SCALE}`);
  const shareAs = str(raw, 'shareAs', 'percent', where);
  if (shareAs !== 'percent' && shareAs !== 'fraction') throw new ProfileError(`${where}: "shareAs" must be "percent" or "fraction"`);
  const groupSeparators = str(raw, 'groupSeparators', '', where);
  if (groupSeparators.includes(decimalSeparator)) throw new ProfileError(`${where}: "groupSeparators" must not contain the decimal separator`);
  return { decimalSeparator, groupSeparators, dateFormat: dateFormat as DateFormat, writersSeparator: str(raw, 'writersSeparator', ';', where), currency, decimals, shareAs };
}

function mapping<T extends string | number>(raw: unknown, where: string, allowNumbers: boolean): Partial<Record<ModelField, T>> {
  if (!isObject(raw)) throw new ProfileError(`${where}: must be an object of model field -> ${allowNumbers ? 'column' : 'path'}`);
  const out: Partial<Record<ModelField, T>> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!(MODEL_FIELDS as readonly string[]).includes(k)) throw new ProfileError(`${where}: unknown model field "${k}" (known: ${MODEL_FIELDS.join(', ')})`);
    const ok = (typeof v === 'string' && v.trim() !== '') || (allowNumbers && typeof v === 'number' && Number.isInteger(v) && v >= 1);
    if (!ok) throw new ProfileError(`${where}: "${k}" must be ${allowNumbers ? 'a column name or a 1-based column number' : 'an element path'}`);
    out[k as ModelField] = v as T;
  }
  if (out.amount === undefined) throw new ProfileError(`${where}: "amount" must be mapped`);
  if (!WORK_FIELDS.some((f) => out[f] !== undefined)) throw new ProfileError(`${where}: map at least one of ${WORK_FIELDS.join(', ')}`);
  return out;
}

/** Checks a profile given as JSON and fills the defaults. */
export function parseProfile(raw: unknown, where: string): Profile {
  if (!isObject(raw)) throw new ProfileError(`${where}: a profile is a JSON object`);
  const kind = str(raw, 'kind', 'csv', where);
  const name = str(raw, 'name', where, where);
  const description = str(raw, 'description', '', where);
  if (kind === 'csv') {
    const delimiter = str(raw, 'delimiter', ',', where);
    if (delimiter !== 'auto' && delimiter.length !== 1) throw new ProfileError(`${where}: "delimiter" must be one character or "auto"`);
    const encoding = str(raw, 'encoding', 'utf-8', where);
    if (resolveEncoding(encoding) === undefined) throw new ProfileError(`${where}: unsupported encoding "${encoding}"`);
    const headerRow = raw['headerRow'] ?? true;
    if (typeof headerRow !== 'boolean') throw new ProfileError(`${where}: "headerRow" must be true or false`);
    const columns = mapping<string | number>(raw['columns'], `${where}.columns`, true);
    if (headerRow && Object.values(columns).some((c) => typeof c === 'number')) throw new ProfileError(`${where}: with a header row, columns are named, not numbered`);
    if (!headerRow && Object.values(columns).some((c) => typeof c !== 'number')) throw new ProfileError(`${where}: without a header row, columns are 1-based numbers`);
    return { kind, name, description, ...common(raw, where), delimiter, quote: str(raw, 'quote', '"', where), encoding, headerRow, columns };
  }
  if (kind === 'xml') {
    const linePath = str(raw, 'linePath', '', where);
    if (!/^[^.\s]+(\.[^.\s]+)*$/.test(linePath)) throw new ProfileError(`${where}: "linePath" must be a dotted element path such as "statement.line"`);
    const fields = mapping<string>(raw['fields'], `${where}.fields`, false);
    const st = raw['statement'] ?? {};
    if (!isObject(st)) throw new ProfileError(`${where}: "statement" must be an object`);
    const statement: Partial<Record<'currency' | 'periodStart' | 'periodEnd' | 'distributionId' | 'total', string>> = {};
    for (const [k, v] of Object.entries(st)) {
      if (k !== 'currency' && k !== 'periodStart' && k !== 'periodEnd' && k !== 'distributionId' && k !== 'total') throw new ProfileError(`${where}.statement: unknown key "${k}"`);
      if (typeof v !== 'string') throw new ProfileError(`${where}.statement: "${k}" must be a path`);
      statement[k] = v;
    }
    return { kind, name, description, ...common(raw, where), linePath, statement, fields };
  }
  throw new ProfileError(`${where}: "kind" must be "csv" or "xml"`);
}

/** A built-in profile by name, or a JSON profile file. */
export function loadProfile(nameOrFile: string): Profile {
  const builtin = BUILTIN_PROFILES.find((p) => p.name === nameOrFile);
  if (builtin) return builtin;
  if (!/[\\/.]/.test(nameOrFile)) {
    throw new ProfileError(`no built-in profile "${nameOrFile}" (built-in: ${BUILTIN_PROFILES.map((p) => p.name).join(', ')}; or give a JSON file)`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(nameOrFile, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ProfileError(err.code === 'ENOENT' ? `profile file ${nameOrFile} not found` : `${nameOrFile}: not valid JSON (${err.message})`);
  }
  return parseProfile(raw, nameOrFile);
}
