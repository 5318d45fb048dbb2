/**
 * CSV statement intake: bytes -> (iconv) text -> csv-parse records -> StatementLines, streamed
 * in batches. Every unreadable value is a diagnostic with the physical line and character column.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parse, type CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { resolveEncoding, isUtf8 } from '../../io/encoding.js';
import type { Diagnostic } from '../../validation/diagnostic.js';
import { at, hasErrors, type BaseIntakeOptions, type IntakeResult, type LineSink, type StatementHeader } from '../intake.js';
import { lineFromFields, type RawFields } from '../line-from-fields.js';
import { addTotal, type StatementLine } from '../model.js';
import { MODEL_FIELDS, WORK_FIELDS, type CsvProfile, type ModelField } from '../profile.js';
import * as R from '../rules.js';
import { fieldStarts } from './field-offsets.js';
import { readHead, sniffDelimiter } from './sniff.js';

export interface CsvReadOptions extends BaseIntakeOptions {
  readonly profile: CsvProfile;
  /** Stop collecting line diagnostics after this many (the statement is already unreadable). */
  readonly maxDiagnostics?: number;
}

/** Normalised header key: case-insensitive, surrounding blanks ignored. */
export function headerKey(name: string): string {
  return name.trim().toLowerCase();
}

export async function readCsv(path: string, options: CsvReadOptions, sink: LineSink): Promise<IntakeResult> {
  const { profile } = options;
  const file = options.fileName ?? basename(path);
  const diagnostics: Diagnostic[] = [];
  const max = options.maxDiagnostics ?? 1000;
  let dropped = 0;
  const report = (d: Diagnostic): void => {
    if (diagnostics.length < max) diagnostics.push(d);
    else dropped++;
  };
  const header: StatementHeader = {
    fromSociety: options.fromSociety,
    format: 'csv',
    period: { start: null, end: null },
    distributionId: null,
    currency: options.currency ?? profile.currency,
    decimals: profile.decimals,
  };
  const computed = new Map<string, bigint>();
  const encoding = resolveEncoding(profile.encoding) ?? 'utf-8';
  let delimiter = profile.delimiter;
  if (delimiter === 'auto') {
    const head = iconv.decode(readHead(path, 65536), encoding);
    delimiter = sniffDelimiter(head, profile.quote) ?? ',';
  }
  const parser = parse({
    delimiter,
    quote: profile.quote,
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  input.on('error', (e) => parser.destroy(e));
  if (isUtf8(encoding)) input.pipe(parser);
  else input.pipe(iconv.decodeStream(encoding)).pipe(parser);

  /** Column index per model field (0-based), from the header row or the profile's numbers. */
  const index = new Map<ModelField, number>();
  const labels = new Map<ModelField, string>();
  const batchSize = options.batchSize ?? 5000;
  let batch: StatementLine[] = [];
  let lineCount = 0;
  let headerDone = !profile.headerRow;
  if (!profile.headerRow) {
    for (const f of MODEL_FIELDS) {
      const c = profile.columns[f];
      if (typeof c === 'number') {
        index.set(f, c - 1);
        labels.set(f, `column ${c}`);
      }
    }
  }
  const label = (f: ModelField): string => labels.get(f) ?? f;

  type Rec = { record: string[]; raw: string; info: { lines: number } };
  /** Handles one record; returns false to stop reading (the header is unusable). */
  const onRecord = (rec: Rec): boolean => {
    const body = rec.raw.replace(/^[\r\n]+/, '');
    const inner = body.replace(/\r?\n$|\r$/, '');
    const lineNo = rec.info.lines - (inner.match(/\r\n|\r|\n/g)?.length ?? 0);
    if (!headerDone) {
      headerDone = true;
      const keys = rec.record.map(headerKey);
      for (const f of MODEL_FIELDS) {
        const c = profile.columns[f];
        if (typeof c !== 'string') continue;
        const i = keys.indexOf(headerKey(c));
        if (i !== -1) {
          index.set(f, i);
          labels.set(f, rec.record[i]?.trim() ?? c);
        }
      }
      if (!index.has('amount')) report(at(R.COLUMN_MISSING, lineNo, null, null, { column: String(profile.columns.amount ?? 'amount'), field: 'the amount' }));
      if (!WORK_FIELDS.some((f) => index.has(f))) {
        const names = WORK_FIELDS.map((f) => profile.columns[f]).filter((c) => c !== undefined).join('", "');
        report(at(R.COLUMN_MISSING, lineNo, null, null, { column: names, field: 'the work (one of them)' }));
      }
      return !hasErrors(diagnostics);
    }
    let starts: number[] | null = null;
    const raw: RawFields = {
      get(f) {
        const i = index.get(f);
        if (i === undefined) return null;
        const v = rec.record[i];
        if (v === undefined) return null;
        const t = v.trim();
        return t === '' ? null : t;
      },
      column(f) {
        const i = index.get(f);
        if (i === undefined) return null;
        starts ??= fieldStarts(inner, delimiter, profile.quote);
        const s = starts[i];
        if (s === undefined) return null;
        // Point at the value itself, past blanks and an opening quote.
        const cell = inner.slice(s, s + 8);
        const lead = /^[ \t]*"?[ \t]*/.exec(cell)?.[0].length ?? 0;
        return s + lead + 1;
      },
    };
    const line = lineFromFields(raw, { file, line: lineNo, profile, currency: header.currency, label }, report);
    if (line === null) return true;
    addTotal(computed, line.currency, line.net);
    lineCount++;
    batch.push(line);
    if (batch.length >= batchSize) {
      sink(batch);
      batch = [];
    }
    return true;
  };

  try {
    // 'data' events rather than an async iterator: one promise per file, not per record.
    await new Promise<void>((resolveRead, rejectRead) => {
      let stopped = false;
      parser.on('data', (rec: Rec) => {
        if (stopped) return;
        try {
          if (!onRecord(rec)) {
            stopped = true;
            parser.destroy();
            resolveRead();
          }
        } catch (e) {
          stopped = true;
          parser.destroy();
          rejectRead(e);
        }
      });
      parser.on('end', () => resolveRead());
      parser.on('error', (e) => rejectRead(e));
    });
  } catch (e) {
    const err = e as CsvError & NodeJS.ErrnoException;
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      report(at(R.CSV_SYNTAX, typeof err.lines === 'number' ? err.lines : null, null, null, { detail: err.message }));
    } else {
      throw e;
    }
  } finally {
    input.destroy();
  }
  if (batch.length > 0) sink(batch);
  if (!headerDone || (lineCount === 0 && !hasErrors(diagnostics))) report(at(R.STATEMENT_EMPTY, null, null, null));
  if (dropped > 0) diagnostics.push(at(R.MORE_PROBLEMS, null, null, null, { count: dropped }));
  if (header.currency === null && computed.size === 1) header.currency = [...computed.keys()][0] ?? null;
  return { header, control: { lines: lineCount, declared: new Map(), computed }, diagnostics, lineCount, unknown: [], encoding };
}
