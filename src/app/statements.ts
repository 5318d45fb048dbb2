/**
 * Use-cases for received statements: import (read whole, validate, store once per content hash),
 * list and show. A statement that cannot be read whole is not stored at all.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Db } from '../catalogue/db.js';
import { StatementsRepository, type StoredStatement, type StatementWriter } from '../catalogue/repositories/statements.js';
import { normaliseCurrency } from '../domain/currency.js';
import { LayoutError, type LayoutSet } from '../fixed-width/layout.js';
import { crdLayoutsWith } from '../formats/crd/layouts.js';
import { readCrd } from '../formats/crd/reader.js';
import { readCsv } from '../statements/csv/read-csv.js';
import { readHead } from '../statements/csv/sniff.js';
import { at, hasErrors, type IntakeResult, type LineSink, type StatementHeader } from '../statements/intake.js';
import type { StatementFormat } from '../statements/model.js';
import { GENERIC_CSV, GENERIC_XML, loadProfile, ProfileError, type Profile } from '../statements/profile.js';
import * as R from '../statements/rules.js';
import { readXml } from '../statements/xml/read-xml.js';
import type { Diagnostic } from '../validation/diagnostic.js';

export interface ImportStatementOptions {
  /** CISAC code of the sender, 3 digits. */
  readonly from: string;
  readonly format?: StatementFormat;
  /** Profile name or JSON file (CSV, XML). */
  readonly profile?: string;
  readonly currency?: string;
  /** CRD layout overrides (JSON file). */
  readonly layouts?: string;
  readonly encoding?: string;
}

export interface ImportStatementResult {
  /** imported: stored now; existing: the same file was stored before; invalid: nothing stored. */
  readonly status: 'imported' | 'existing' | 'invalid';
  readonly id: number | null;
  readonly file: string;
  readonly format: StatementFormat;
  readonly lines: number;
  readonly scale: number;
  /** Total per currency, minor units at `scale`. */
  readonly totals: ReadonlyMap<string, bigint>;
  readonly diagnostics: readonly Diagnostic[];
  readonly unknownRecords: number;
  /** Encoding the file was read with (to show offending lines). */
  readonly encoding: string;
}

/** The format a file is in: its extension, else its first bytes. */
export function detectFormat(path: string): StatementFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.xml') return 'xml';
  const head = readHead(path, 64).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (head.startsWith('HDR')) return 'crd';
  if (head.startsWith('<')) return 'xml';
  return 'csv';
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

function fileProblem(detail: string): Diagnostic {
  return at(R.PROFILE_INVALID, null, null, null, { detail });
}

function resultOf(status: ImportStatementResult['status'], file: string, format: StatementFormat, r: Partial<ImportStatementResult>): ImportStatementResult {
  return { status, id: null, file, format, lines: 0, scale: 0, totals: new Map(), diagnostics: [], unknownRecords: 0, encoding: 'utf-8', ...r };
}

function totalsOf(s: StoredStatement): Map<string, bigint> {
  return new Map(s.totals.map((t) => [t.currency, t.total]));
}

export async function importStatement(db: Db, path: string, options: ImportStatementOptions): Promise<ImportStatementResult> {
  const file = basename(path);
  const format = options.format ?? detectFormat(path);
  const pre: Diagnostic[] = [];
  let currency: string | undefined;
  if (options.currency !== undefined) {
    const c = normaliseCurrency(options.currency);
    if (c === null) pre.push(at(R.CURRENCY_UNKNOWN, null, null, '--currency', { currency: options.currency }));
    else currency = c;
  }
  let profile: Profile | null = null;
  let layouts: LayoutSet | undefined;
  try {
    if (format === 'crd') {
      if (options.profile !== undefined) pre.push(fileProblem('--profile applies to CSV and XML statements, not CRD'));
      if (options.layouts !== undefined) layouts = crdLayoutsWith(options.layouts);
    } else {
      profile = options.profile !== undefined ? loadProfile(options.profile) : format === 'csv' ? GENERIC_CSV : GENERIC_XML;
      if (profile.kind !== format) pre.push(fileProblem(`profile "${profile.name}" is for ${profile.kind.toUpperCase()} statements, the file is read as ${format.toUpperCase()}`));
    }
  } catch (e) {
    if (e instanceof ProfileError || e instanceof LayoutError || e instanceof SyntaxError) pre.push(fileProblem(e.message));
    else if ((e as NodeJS.ErrnoException).code === 'ENOENT') pre.push(fileProblem(`${options.layouts ?? options.profile ?? ''} not found`));
    else throw e;
  }
  if (pre.length > 0) return resultOf('invalid', file, format, { diagnostics: pre });

  const hash = await sha256File(path);
  const repo = new StatementsRepository(db);
  const existing = repo.byHash(hash);
  if (existing) {
    const diagnostics = existing.fromSociety === options.from ? [] : [at(R.ALREADY_IMPORTED, null, null, null, { id: existing.id, stored: existing.fromSociety, given: options.from })];
    return resultOf('existing', file, existing.format, { id: existing.id, lines: existing.lines, scale: existing.scale, totals: totalsOf(existing), diagnostics });
  }

  const base = { fromSociety: options.from, fileName: file, ...(currency !== undefined ? { currency } : {}) };
  const run = (sink: LineSink): Promise<IntakeResult> => {
    if (format === 'crd') return readCrd(path, { ...base, ...(layouts ? { layouts } : {}), ...(options.encoding ? { encoding: options.encoding } : {}) }, sink);
    if (profile?.kind === 'csv') return readCsv(path, { ...base, profile: options.encoding ? { ...profile, encoding: options.encoding } : profile }, sink);
    if (profile?.kind === 'xml') return readXml(path, { ...base, profile }, sink);
    throw new Error('unreachable: no profile');
  };
  const header: StatementHeader = { fromSociety: options.from, format, period: { start: null, end: null }, distributionId: null, currency: currency ?? null, decimals: profile?.decimals ?? 2 };
  let writer: StatementWriter | null = null;
  let result: IntakeResult;
  try {
    writer = repo.begin({ hash, header, profile: profile?.name ?? null, fileName: file });
    const w = writer;
    result = await run((batch) => w.add(batch));
    if (hasErrors(result.diagnostics)) {
      writer.rollback();
      return resultOf('invalid', file, format, { diagnostics: result.diagnostics, lines: result.lineCount, scale: result.header.decimals, totals: result.control.computed, unknownRecords: result.unknown.length, encoding: result.encoding ?? 'utf-8' });
    }
    const id = writer.commit(result.header, result.control.computed, result.control.declared);
    writer = null;
    return resultOf('imported', file, format, { id, lines: result.lineCount, scale: result.header.decimals, totals: result.control.computed, diagnostics: result.diagnostics, unknownRecords: result.unknown.length, encoding: result.encoding ?? 'utf-8' });
  } finally {
    writer?.rollback();
  }
}

export function listStatements(db: Db): StoredStatement[] {
  return new StatementsRepository(db).list();
}

export function getStatement(db: Db, id: number): StoredStatement | null {
  return new StatementsRepository(db).get(id);
}
