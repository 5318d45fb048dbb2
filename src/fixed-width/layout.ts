/**
 * Declarative fixed-width layouts. A layout is data: field name, 1-based start column (as in
 * the CISAC tables), length, type and requirement. The codec converts positions internally so a
 * reviewer can compare every line of a layout file with the specification.
 */

/** Field types of the CISAC EDI family (CWR, CRD). */
export type FieldType =
  | 'A' // alphanumeric, left-justified, blank-filled
  | 'N' // numeric, right-justified, zero-filled (optionally with implied decimals: scale)
  | 'D' // date YYYYMMDD
  | 'T' // time or duration HHMMSS
  | 'F' // flag Y/N/U
  | 'B' // boolean Y/N
  | 'L'; // value from a lookup table

export const FIELD_TYPES: readonly FieldType[] = ['A', 'N', 'D', 'T', 'F', 'B', 'L'];

/** M mandatory, C conditional, O optional. */
export type Requirement = 'M' | 'C' | 'O';

export interface FieldSpec {
  readonly name: string;
  /** 1-based start column, as printed in the specification. */
  readonly start: number;
  readonly length: number;
  readonly type: FieldType;
  readonly req: Requirement;
  /** Name of the lookup table the value must come from. */
  readonly lookup?: string;
  /** Implied decimals of a numeric field (shares: 2, so 10000 = 100.00%). */
  readonly scale?: number;
  /** Only one source supports the field, or the sources disagree. */
  readonly unverified?: boolean;
  readonly note?: string;
}

export interface RecordLayout {
  readonly type: string;
  readonly description: string;
  /** Full record length in characters. */
  readonly length: number;
  /** Whether the record starts with the 19-character transaction/record sequence prefix. */
  readonly prefix: boolean;
  readonly unverified?: boolean;
  readonly provisional?: boolean;
  readonly fields: readonly FieldSpec[];
  /** Index of fields by name, built once when the layout is loaded. */
  readonly byName: ReadonlyMap<string, FieldSpec>;
}

export interface LayoutSet {
  readonly format: string;
  readonly version: string;
  readonly status: string;
  readonly records: ReadonlyMap<string, RecordLayout>;
  /** Record types known to exist in this version whose layout is not available. */
  readonly unknownLayouts: readonly string[];
}

/** A problem in a layout file itself (not in data). */
export class LayoutError extends Error {
  override readonly name = 'LayoutError';
  constructor(
    message: string,
    readonly where: string,
  ) {
    super(`${where}: ${message}`);
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function positiveInt(x: unknown, where: string, what: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 1) {
    throw new LayoutError(`${what} must be a positive integer`, where);
  }
  return x;
}

function parseField(raw: unknown, where: string): FieldSpec {
  if (!isObject(raw)) throw new LayoutError('field must be an object', where);
  const name = raw['name'];
  if (typeof name !== 'string' || name === '') throw new LayoutError('field name missing', where);
  const at = `${where}.${name}`;
  const type = raw['type'];
  if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) {
    throw new LayoutError(`type must be one of ${FIELD_TYPES.join(', ')}`, at);
  }
  const req = raw['req'] ?? 'O';
  if (req !== 'M' && req !== 'C' && req !== 'O') throw new LayoutError('req must be M, C or O', at);
  const field: {
    name: string;
    start: number;
    length: number;
    type: FieldType;
    req: Requirement;
    lookup?: string;
    scale?: number;
    unverified?: boolean;
    note?: string;
  } = {
    name,
    start: positiveInt(raw['start'], at, 'start'),
    length: positiveInt(raw['length'], at, 'length'),
    type: type as FieldType,
    req,
  };
  if (typeof raw['lookup'] === 'string') field.lookup = raw['lookup'];
  if (raw['scale'] !== undefined) {
    const scale = raw['scale'];
    if (typeof scale !== 'number' || !Number.isInteger(scale) || scale < 0 || scale > 18) {
      throw new LayoutError('scale must be an integer from 0 to 18', at);
    }
    field.scale = scale;
  }
  if (raw['unverified'] === true) field.unverified = true;
  if (typeof raw['note'] === 'string') field.note = raw['note'];
  return field;
}

/** Builds one record layout from its JSON form, checking that fields do not overlap. */
export function parseRecordLayout(type: string, raw: unknown, where: string): RecordLayout {
  if (!isObject(raw)) throw new LayoutError('record layout must be an object', where);
  const at = `${where}.${type}`;
  const fieldsRaw = raw['fields'];
  if (!Array.isArray(fieldsRaw)) throw new LayoutError('fields must be an array', at);
  const fields = fieldsRaw.map((f, i) => parseField(f, `${at}[${i}]`));
  const length = positiveInt(raw['length'], at, 'length');
  let end = 0;
  for (const f of fields) {
    if (f.start <= end) {
      throw new LayoutError(`field ${f.name} starts at ${f.start}, inside the previous field`, at);
    }
    end = f.start + f.length - 1;
  }
  if (end > length) throw new LayoutError(`fields end at ${end}, beyond the record length ${length}`, at);
  const byName = new Map<string, FieldSpec>();
  for (const f of fields) {
    if (byName.has(f.name)) throw new LayoutError(`field name ${f.name} appears twice`, at);
    byName.set(f.name, f);
  }
  const layout: RecordLayout = {
    type,
    description: typeof raw['description'] === 'string' ? raw['description'] : '',
    length,
    prefix: raw['prefix'] === true,
    fields,
    byName,
    ...(raw['unverified'] === true ? { unverified: true } : {}),
    ...(raw['provisional'] === true ? { provisional: true } : {}),
  };
  return layout;
}

/** Builds a layout set from the JSON shape used by src/formats/*\/layouts/*.json and --layouts. */
export function parseLayoutSet(raw: unknown, where = 'layouts'): LayoutSet {
  if (!isObject(raw)) throw new LayoutError('layout file must be a JSON object', where);
  const recordsRaw = raw['records'];
  if (!isObject(recordsRaw)) throw new LayoutError('records must be an object', where);
  const records = new Map<string, RecordLayout>();
  for (const [type, r] of Object.entries(recordsRaw)) {
    records.set(type, parseRecordLayout(type, r, where));
  }
  const unknown = raw['unknownLayouts'];
  return {
    format: typeof raw['format'] === 'string' ? raw['format'] : '',
    version: typeof raw['version'] === 'string' ? raw['version'] : '',
    status: typeof raw['status'] === 'string' ? raw['status'] : '',
    records,
    unknownLayouts: Array.isArray(unknown) ? unknown.filter((u): u is string => typeof u === 'string') : [],
  };
}

/** A copy of `base` in which every record of `override` replaces (or adds) the record of that type. */
export function overrideLayouts(base: LayoutSet, override: LayoutSet): LayoutSet {
  const records = new Map(base.records);
  for (const [type, layout] of override.records) records.set(type, layout);
  return { ...base, records, unknownLayouts: base.unknownLayouts.filter((t) => !override.records.has(t)) };
}
