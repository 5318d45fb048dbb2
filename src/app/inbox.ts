/**
 * Use-case for cron: import and reconcile every new statement file of an inbox folder, under a
 * lock, skipping files already processed (SHA-256), moving processed files to an archive, and
 * leaving a run manifest (JSON) and a log line per file. The log carries counts, ids and file
 * names only: no names, IPI numbers, shares or amounts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Db } from '../catalogue/db.js';
import { ReconciliationRepository } from '../catalogue/repositories/reconciliation.js';
import type { Rate } from '../reconcile/amounts.js';
import { rateForCurrency, ReconcileService, writePrivate, type ReconcileRequest, type StatementSource } from './reconcile.js';

export type StatementFormat = 'crd' | 'csv' | 'xml';

/** How a file name says who sent it and in which format. */
export interface FilenameRule {
  /** Regular expression tested against the file name (case-insensitive). */
  readonly pattern: string;
  /** Society code; or omitted, when the pattern's named group `society` (or first group) gives it. */
  readonly from?: string;
  readonly format?: StatementFormat;
  readonly profile?: string;
  readonly currency?: string;
}

/** Default: format from the extension, sending society from the first group of three digits. */
export const DEFAULT_RULES: readonly FilenameRule[] = [{ pattern: '(?:^|[^0-9])(?<society>[0-9]{3})(?:[^0-9]|$)' }];

export class InboxError extends Error {
  override readonly name = 'InboxError';
  constructor(
    message: string,
    readonly code: 'CWRKIT_LOCKED' | 'CWRKIT_RULES' | 'CWRKIT_INBOX',
  ) {
    super(message);
  }
}

export function parseRules(text: string, file: string): FilenameRule[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InboxError(`${file}: not valid JSON (${(e as Error).message})`, 'CWRKIT_RULES');
  }
  if (!Array.isArray(raw)) throw new InboxError(`${file}: must be a JSON array of rules`, 'CWRKIT_RULES');
  return raw.map((r: unknown, i) => {
    if (typeof r !== 'object' || r === null) throw new InboxError(`${file}: rule ${i + 1} must be an object`, 'CWRKIT_RULES');
    const o = r as Record<string, unknown>;
    if (typeof o['pattern'] !== 'string') throw new InboxError(`${file}: rule ${i + 1} needs a "pattern" string`, 'CWRKIT_RULES');
    try {
      new RegExp(o['pattern'], 'i');
    } catch {
      throw new InboxError(`${file}: rule ${i + 1}: "${o['pattern']}" is not a regular expression`, 'CWRKIT_RULES');
    }
    const fmt = o['format'];
    if (fmt !== undefined && fmt !== 'crd' && fmt !== 'csv' && fmt !== 'xml') throw new InboxError(`${file}: rule ${i + 1}: format must be crd, csv or xml`, 'CWRKIT_RULES');
    const rule: { -readonly [K in keyof FilenameRule]: FilenameRule[K] } = { pattern: o['pattern'] };
    if (typeof o['from'] === 'string') rule.from = o['from'].padStart(3, '0');
    if (fmt !== undefined) rule.format = fmt;
    if (typeof o['profile'] === 'string') rule.profile = o['profile'];
    if (typeof o['currency'] === 'string') rule.currency = o['currency'];
    return rule;
  });
}

export interface FileRoute {
  readonly from: string;
  /** Absent: the importer tells from the extension or the first bytes. */
  readonly format?: StatementFormat;
  readonly profile?: string;
  readonly currency?: string;
}

function formatFromName(name: string): StatementFormat | null {
  const ext = extname(name).toLowerCase();
  return ext === '.crd' ? 'crd' : ext === '.csv' ? 'csv' : ext === '.xml' ? 'xml' : null;
}

/** Where a file comes from and how to read it, or a reason why that cannot be told. */
export function routeFile(name: string, rules: readonly FilenameRule[]): FileRoute | string {
  for (const r of rules) {
    const m = new RegExp(r.pattern, 'i').exec(name);
    if (!m) continue;
    const from = r.from ?? m.groups?.['society'] ?? m[1];
    const format = r.format ?? formatFromName(name);
    if (from === undefined || !/^[0-9]{1,3}$/.test(from)) return `the file name gives no sending society (rule "${r.pattern}")`;
    return { from: from.padStart(3, '0'), ...(format !== null ? { format } : {}), ...(r.profile !== undefined ? { profile: r.profile } : {}), ...(r.currency !== undefined ? { currency: r.currency } : {}) };
  }
  return 'no file name rule matches';
}

/**
 * The sending society as the file itself declares it, when the file name does not tell: a CRD
 * file starts with an HDR whose sender type is SO and whose sender id is the society's CISAC
 * code, zero-padded to 9 digits. Null for anything else (CSV and XML carry no standard sender).
 */
export function senderFromContent(path: string): string | null {
  const head = Buffer.alloc(64);
  let n = 0;
  const fd = openSync(path, 'r');
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const m = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?HDRSO([0-9]{9})/.exec(head.subarray(0, n).toString('latin1'));
  if (!m?.[1]) return null;
  const code = m[1].replace(/^0+(?=[0-9]{3}$)/, '');
  return /^[0-9]{3}$/.test(code) ? code : null;
}

/** Where a file comes from: its name (the rules) first, else what its content declares. */
export function routeFileOrContent(name: string, path: string, rules: readonly FilenameRule[]): FileRoute | string {
  const byName = routeFile(name, rules);
  if (typeof byName !== 'string') return byName;
  const from = senderFromContent(path);
  if (from === null) return `${byName}, and the content declares no sending society`;
  return { from, format: formatFromName(name) ?? 'crd' };
}

/** The statements engineer's import use-case, as the inbox calls it. */
export type ImportStatement = (db: Db, file: string, route: FileRoute) => Promise<{ statementId: number } | { errors: readonly string[] }>;

export interface InboxOptions {
  readonly inbox: string;
  readonly archive: string | null;
  readonly rules: readonly FilenameRule[];
  readonly request: ReconcileRequest;
  /** Rate per statement currency (`--rate`, a rate file), used when `request.rate` is null;
   * `currencies`: the statement's, the main one first. */
  readonly rateFor?: (currency: string, local: string, currencies: readonly string[]) => Rate | null;
  /** Percentage of unmatched (incl. review) lines above which a statement needs a person. */
  readonly maxUnmatchedPercent: number;
  readonly logFile: string;
  readonly manifestDir: string;
  readonly importStatement: ImportStatement;
  readonly source: (db: Db) => StatementSource;
  /** This process and a liveness probe, for the lock (injected: app code does not touch process). */
  readonly pid: number;
  readonly isAlive: (pid: number) => boolean;
  readonly now?: () => Date;
}

export interface InboxFileResult {
  file: string;
  sha256: string;
  status: 'done' | 'skipped' | 'error';
  statement: number | null;
  lines?: number;
  matched?: number;
  review?: number;
  unmatched?: number;
  discrepancies?: number;
  needsPerson: boolean;
  error?: string;
}

export interface InboxManifest {
  schemaVersion: 1;
  startedAt: string;
  finishedAt: string;
  inbox: string;
  archive: string | null;
  files: InboxFileResult[];
  statements: number[];
  errors: string[];
  needsPerson: boolean;
  manifest: string;
}

export const LOCK_NAME = '.cwrkit-reconcile.lock';

/** Takes the inbox lock (O_EXCL); a lock whose process is gone is stale and taken over. */
export function takeLock(dir: string, pid: number, isAlive: (pid: number) => boolean, now: Date): () => void {
  const path = join(dir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid, startedAt: now.toISOString() }) + '\n');
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: number | null = null;
      try {
        const info = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown };
        holder = typeof info.pid === 'number' ? info.pid : null;
      } catch {
        holder = null;
      }
      if (holder !== null && holder !== pid && isAlive(holder)) {
        throw new InboxError(`another cwrkit reconcile --inbox (pid ${holder}) is running on ${dir}; lock ${path}`, 'CWRKIT_LOCKED');
      }
      // Stale (process gone, or unreadable lock): remove and try once more.
      try {
        unlinkSync(path);
      } catch {
        /* raced with another run */
      }
    }
  }
  throw new InboxError(`could not take the lock ${path}`, 'CWRKIT_LOCKED');
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function moveTo(file: string, dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let target = join(dir, basename(file));
  if (existsSync(target)) target = join(dir, `${basename(file)}.${randomBytes(3).toString('hex')}`);
  try {
    renameSync(file, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    copyFileSync(file, target);
    unlinkSync(file);
  }
}

export async function processInbox(db: Db, opts: InboxOptions): Promise<InboxManifest> {
  const now = opts.now ?? (() => new Date());
  const started = now();
  if (!existsSync(opts.inbox) || !statSync(opts.inbox).isDirectory()) throw new InboxError(`inbox ${opts.inbox} is not a folder`, 'CWRKIT_INBOX');
  const release = takeLock(opts.inbox, opts.pid, opts.isAlive, started);
  const repo = new ReconciliationRepository(db);
  const files: InboxFileResult[] = [];
  const errors: string[] = [];
  const log = (text: string): void => appendFileSync(opts.logFile, `${now().toISOString()} ${text}\n`, { mode: 0o600 });
  try {
    const names = readdirSync(opts.inbox)
      .filter((n) => !n.startsWith('.') && statSync(join(opts.inbox, n)).isFile())
      .sort();
    log(`run start: ${names.length} file(s) in the inbox`);
    for (const name of names) {
      const path = join(opts.inbox, name);
      const hash = sha256(path);
      const r: InboxFileResult = { file: name, sha256: hash, status: 'done', statement: null, needsPerson: false };
      files.push(r);
      if (repo.inboxSeen(hash)) {
        r.status = 'skipped';
        if (opts.archive) moveTo(path, opts.archive);
        log(`${name}: skipped (already processed)`);
        continue;
      }
      const route = routeFileOrContent(name, path, opts.rules);
      if (typeof route === 'string') {
        fail(r, `${name}: ${route}`);
        continue;
      }
      try {
        const imported = await opts.importStatement(db, path, route);
        if ('errors' in imported) {
          fail(r, `${name}: not imported: ${imported.errors.slice(0, 5).join('; ')}`);
          repo.inboxRecord(hash, name, null, 'error');
          continue;
        }
        r.statement = imported.statementId;
        // A new service per file: the catalogue may have changed between files.
        const source = opts.source(db);
        const svc = new ReconcileService(db, source);
        const id = imported.statementId;
        const main = source.header(id)?.currency ?? '';
        const local = opts.request.localCurrency;
        const totals = { lines: 0, matched: 0, review: 0, unmatched: 0, discrepancies: 0 };
        const currencies = source.currencies?.(id) ?? [main];
        // One reconciliation per currency of the statement's lines, the main one first; the
        // amount received is the main currency's.
        const summaries = currencies.map((currency) => {
          const isMain = currency === main;
          const rate = opts.request.rate !== null ? rateForCurrency(opts.request.rate, currency, local, currencies) : (opts.rateFor?.(currency, local, currencies) ?? null);
          const s = svc.reconcile(id, { ...opts.request, currency, rate, received: isMain ? opts.request.received : null }).summary;
          for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s[k];
          return s;
        });
        Object.assign(r, totals);
        const open = totals.unmatched + totals.review;
        r.needsPerson = totals.lines > 0 && (open * 100) / totals.lines > opts.maxUnmatchedPercent;
        summaries.forEach((s, i) => {
          const last = i === summaries.length - 1;
          log(`${name}: statement ${s.statement}${currencies.length > 1 ? ` (${s.currency})` : ''}, ${s.lines} lines, ${s.matched} matched, ${s.review} review, ${s.unmatched} unmatched, ${s.discrepancies} discrepancies${last && r.needsPerson ? ', NEEDS REVIEW' : ''}`);
        });
        repo.inboxRecord(hash, name, imported.statementId, 'done');
        if (opts.archive) moveTo(path, opts.archive);
      } catch (e) {
        fail(r, `${name}: ${(e as Error).message}`);
        repo.inboxRecord(hash, name, r.statement, 'error');
      }
    }
  } finally {
    release();
  }
  function fail(r: InboxFileResult, message: string): void {
    r.status = 'error';
    r.needsPerson = true;
    r.error = message;
    errors.push(message);
    log(`ERROR ${message}`);
  }
  const finished = now();
  mkdirSync(opts.manifestDir, { recursive: true, mode: 0o700 });
  const manifestPath = join(opts.manifestDir, `reconcile-${finished.toISOString().replace(/[:.]/g, '-')}.json`);
  const manifest: InboxManifest = {
    schemaVersion: 1,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    inbox: opts.inbox,
    archive: opts.archive,
    files,
    statements: files.flatMap((f) => (f.statement !== null && f.status === 'done' ? [f.statement] : [])),
    errors,
    needsPerson: files.some((f) => f.needsPerson),
    manifest: manifestPath,
  };
  writePrivate(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  log(`run end: ${files.length} file(s), ${errors.length} error(s)${manifest.needsPerson ? ', needs a person' : ''}`);
  return manifest;
}
