/**
 * `statement profile infer`: proposes a CSV profile from a file's first lines — encoding,
 * delimiter, decimal separator, and which column holds which model field (known synonyms in
 * English, French, German, Spanish and Russian).
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { MODEL_FIELDS, WORK_FIELDS, type ModelField } from '../profile.js';
import { guessEncoding, readHead, sniffDelimiter } from './sniff.js';
import { normaliseName, SYNONYMS } from './synonyms.js';

export interface InferredProfile {
  /** The profile JSON (parseProfile accepts it). */
  readonly profile: Record<string, unknown>;
  /** Header columns no model field claimed. */
  readonly unmapped: readonly string[];
  /** Problems that make the proposal unusable as is. */
  readonly problems: readonly string[];
}

const LOOKUP = new Map<string, ModelField>();
for (const f of MODEL_FIELDS) for (const s of SYNONYMS[f] ?? []) LOOKUP.set(normaliseName(s), f);

export function inferProfile(path: string, name = 'inferred'): InferredProfile {
  const bytes = readHead(path, 65536);
  const encoding = guessEncoding(bytes);
  const text = iconv.decode(bytes, encoding);
  const delimiter = sniffDelimiter(text) ?? ',';
  const complete = text.length >= 65536 ? text.slice(0, Math.max(text.lastIndexOf('\n'), 0)) : text;
  let rows: string[][] = [];
  const problems: string[] = [];
  try {
    rows = parse(complete, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, to: 50 }) as string[][];
  } catch (e) {
    problems.push(`could not parse the first lines: ${(e as Error).message}`);
  }
  const header = rows[0] ?? [];
  const columns: Partial<Record<ModelField, string>> = {};
  const unmapped: string[] = [];
  for (const h of header) {
    const f = LOOKUP.get(normaliseName(h));
    if (f !== undefined && columns[f] === undefined) columns[f] = h.trim();
    else unmapped.push(h);
  }
  const amountIdx = columns.amount === undefined ? -1 : header.findIndex((h) => h.trim() === columns.amount);
  let decimalSeparator: '.' | ',' = '.';
  const samples = rows.slice(1).map((r) => (amountIdx >= 0 ? (r[amountIdx] ?? '') : '')).filter((v) => v.trim() !== '');
  if (samples.some((v) => /,\d{1,6}$/.test(v.trim())) && !samples.some((v) => /\.\d{1,6}$/.test(v.trim()))) decimalSeparator = ',';
  const groupSeparators = decimalSeparator === ',' ? (samples.some((v) => /\d\.\d{3}/.test(v)) ? '.' : samples.some((v) => /\d \d{3}/.test(v)) ? ' ' : '') : '';
  if (columns.amount === undefined) problems.push('no column looks like the amount: set columns.amount by hand');
  if (!WORK_FIELDS.some((f) => columns[f] !== undefined)) problems.push('no column identifies the work (work code, ISWC or title)');
  const profile: Record<string, unknown> = {
    kind: 'csv',
    name,
    description: `inferred from ${path.split(/[\\/]/).pop() ?? path}`,
    encoding,
    delimiter: delimiter === '\t' ? '\t' : delimiter,
    quote: '"',
    headerRow: true,
    decimalSeparator,
    ...(groupSeparators !== '' ? { groupSeparators } : {}),
    dateFormat: 'YYYY-MM-DD',
    writersSeparator: ';',
    shareAs: 'percent',
    decimals: 6,
    columns,
  };
  return { profile, unmapped, problems };
}
