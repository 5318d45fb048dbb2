/**
 * Use-case: reconcile stored statements against the catalogue and store the result (replacing the
 * previous result of the same statement, in one immediate transaction).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Db } from '../catalogue/db.js';
import { ReconciliationRepository } from '../catalogue/repositories/reconciliation.js';
import { formatMinor, minorUnits, parseDecimal, parseRate, type Rate } from '../reconcile/amounts.js';
import type { MatchIndex } from '../reconcile/candidates.js';
import { CatalogueIndex } from '../reconcile/catalogue-index.js';
import { CatalogueDetails } from '../reconcile/catalogue-source.js';
import { bulkPragmas, runBulk, statementTerritories } from '../reconcile/bulk/run.js';
import { SqlStatementSource } from '../reconcile/statement-source.js';
import { Reconciler, ReconcileError, type ReconcileSummary, type Received } from '../reconcile/engine.js';
import { DEFAULT_SHARE_TOLERANCE, type Finding } from '../reconcile/findings.js';
import { decisionKey, DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../reconcile/match.js';
import { territoryContains } from '../reconcile/territory.js';
import { ReportReader } from '../reconcile/report.js';
import type { ReconLine, ReconStatement } from '../reconcile/types.js';
import { membersCsv, memberLinesCsv, unmatchedCsv } from '../reporting/csv-reconcile.js';
import { renderReconcileHtml } from '../reporting/html-reconcile.js';

/** Where statements come from (the statements tables, or test data). */
export interface StatementSource {
  /** The statement as reconciled in `currency` (default: its main currency). */
  header(id: number, currency?: string): ReconStatement | null;
  /** Sum of the lines in that currency. */
  total(id: number, currency?: string): bigint;
  /** Lines in that currency in id order after `afterLineId`, at most `limit` (paged so the
   * connection stays free). */
  page(id: number, afterLineId: number, limit: number, currency?: string): readonly ReconLine[];
  /** The currencies of the statement's lines, the main one first (one reconciliation each). */
  currencies?(id: number): readonly string[];
}

export interface ReconcileRequest {
  readonly society: string;
  readonly localCurrency: string;
  readonly rate: Rate | null;
  readonly received: Received | null;
  readonly match?: MatchOptions;
  readonly shareTolerance?: number;
  /** The currency of the statement's lines to reconcile (default: its main currency). */
  readonly currency?: string;
  /** 'sql' (default): SQL settles the lines it can decide exactly, the reconciler the rest;
   * 'js': the reconciler settles every line (the reference the SQL path is tested against). */
  readonly engine?: 'sql' | 'js';
}

export interface ReconcileOutcome {
  readonly reconciliationId: number;
  /** Lines settled by the SQL path (the others by the reconciler, line by line). */
  readonly bySql: number;
  readonly summary: ReconcileSummary;
  readonly findings: readonly Finding[];
}

/** Lines per page: the matched works of a page are read in sorted bulk queries (the work cache
 * holds a page's works). 50,000 was no faster and held more memory at a million lines. */
const PAGE = 20_000;
/** SQLite page cache during a reconciliation, KiB. */
const RUN_CACHE_KIB = 65_536;

/** The rate to use: the flag's, else the statement's; turned round when given the other way. */
export function effectiveRate(flag: Rate | null, statement: ReconStatement, localCurrency: string): Rate | null {
  const r = flag ?? (statement.rate ? parseRate(statement.rate) : null);
  if (r === null) return null;
  const cur = statement.currency.toUpperCase();
  if (r.from === cur) return r;
  if (r.to === cur && r.from === localCurrency.toUpperCase()) return { from: r.to, to: r.from, num: r.den, den: r.num, text: `${r.to}:${r.from}=1/${r.text.split('=')[1] ?? ''}` };
  throw new ReconcileError(`the rate ${r.text} does not apply to a statement in ${cur}`);
}

export class ReconcileService {
  private index: MatchIndex | null = null;

  constructor(
    private readonly db: Db,
    private readonly source: StatementSource,
  ) {}

  /** The match index, built once per service (rebuild by creating a new service after a catalogue change). */
  matchIndex(): MatchIndex {
    this.index ??= new CatalogueIndex(this.db);
    return this.index;
  }

  reconcile(statementId: number, req: ReconcileRequest): ReconcileOutcome {
    const st = this.source.header(statementId, req.currency);
    if (st === null) throw new ReconcileError(`no statement ${statementId} in the catalogue (import it with cwrkit statement import)`);
    const repo = new ReconciliationRepository(this.db);
    const rate = effectiveRate(req.rate, st, req.localCurrency);
    const total = this.source.total(statementId, st.currency);
    const index = this.matchIndex();
    const details = new CatalogueDetails(this.db, PAGE);
    const decisions = repo.decisions(st.fromSociety);
    // The SQL path reads the lines where they are stored (the statements tables).
    const territories = req.engine !== 'js' && this.source instanceof SqlStatementSource ? statementTerritories(this.db, statementId, st.currency) : null;
    const bulk = territories !== null;
    const rec = new Reconciler(st, total, index, details, decisions, {
      statementChecks: !bulk,
      society: req.society,
      match: req.match ?? DEFAULT_MATCH_OPTIONS,
      rate,
      localCurrency: req.localCurrency,
      received: req.received,
      shareTolerance: req.shareTolerance ?? DEFAULT_SHARE_TOLERANCE,
      contains: territoryContains,
    });
    const run = this.db.transaction(() => {
      const id = repo.begin({ statementId, society: req.society, fromSociety: st.fromSociety, received: req.received?.amount ?? null, receivedCurrency: req.received?.currency ?? null }, rec.summary);
      const out = repo.writer(id);
      if (bulk) {
        const r = runBulk(this.db, {
          statement: st,
          currency: st.currency,
          reconciliationId: id,
          society: req.society,
          shareTolerance: req.shareTolerance ?? DEFAULT_SHARE_TOLERANCE,
          contains: territoryContains,
          decisionKeys: decisions.keys?.() ?? [],
          territories: territories ?? [],
          reconciler: rec,
          writer: out,
        });
        repo.finish(id, r.summary);
        return { reconciliationId: id, bySql: r.settledBySql, summary: r.summary, findings: r.findings };
      }
      let after = -Infinity;
      for (;;) {
        const page = this.source.page(statementId, after, PAGE, st.currency);
        if (page.length === 0) break;
        rec.eachOf(page, (o) => {
          const lineId = out.line(o, decisionKey(o.line));
          for (const f of o.findings) out.finding(f, lineId);
          after = o.line.id;
        });
        if (page.length < PAGE) break;
      }
      const { findings, summary } = rec.finish();
      for (const f of findings) out.finding(f, null);
      out.flush();
      repo.finish(id, summary);
      return { reconciliationId: id, bySql: 0, summary, findings };
    });
    // Matched works are read at random across the catalogue: a larger page cache for this run
    // (bounded, 64 MiB) instead of the connection's default 2 MiB; restored afterwards.
    const cache = this.db.pragma('cache_size', { simple: true }) as number;
    const kib = cache < 0 ? -cache : (cache * (this.db.pragma('page_size', { simple: true }) as number)) / 1024;
    if (kib < RUN_CACHE_KIB) this.db.pragma(`cache_size = -${RUN_CACHE_KIB}`);
    const restore = bulk ? bulkPragmas(this.db) : null;
    try {
      return run.immediate();
    } finally {
      this.db.pragma(`cache_size = ${cache}`);
      restore?.();
    }
  }
}

/** Reads a rate file: one rate a line ("EUR:KZT=512.34"), blank lines and # comments ignored.
 * Returns the rates, or the 1-based number of the first bad line. */
export function parseRateFile(text: string): Rate[] | { badLine: number } {
  const out: Rate[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').replace(/#.*$/, '').trim();
    if (t === '') continue;
    const r = parseRate(t);
    if (r === null) return { badLine: i + 1 };
    out.push(r);
  }
  return out;
}

/** The rate of a rate file for statement currency -> local currency (either direction). */
export function pickRate(rates: readonly Rate[], from: string, to: string): Rate | null {
  const f = from.toUpperCase();
  const t = to.toUpperCase();
  return rates.find((r) => r.from === f && r.to === t) ?? rates.find((r) => r.from === t && r.to === f) ?? null;
}

/** A fixed rate (`--rate`) for the lines of one currency of a statement (`currencies`, the main
 * one first): the currency it names; when it names none of them, the main currency, for the
 * service to say that it does not apply. */
export function rateForCurrency(fixed: Rate | null, currency: string, local: string, currencies: readonly string[]): Rate | null {
  if (fixed === null) return null;
  const names = (c: string): boolean => pickRate([fixed], c, local) !== null;
  if (names(currency)) return fixed;
  return currency === currencies[0] && !currencies.some(names) ? fixed : null;
}

/** Parses --received: "1234.56" (statement currency), "KZT:512345.67" or "512345.67 KZT". */
export function parseReceived(text: string, statementCurrency: string, statementScale: number = minorUnits(statementCurrency)): Received | null {
  const t = text.trim();
  const m = /^(?:([A-Za-z]{3})\s*[: ]\s*)?(-?[0-9]+(?:\.[0-9]+)?)(?:\s*([A-Za-z]{3}))?$/.exec(t);
  if (!m || !m[2] || (m[1] && m[3])) return null;
  const currency = (m[1] ?? m[3] ?? statementCurrency).toUpperCase();
  const amount = parseDecimal(m[2], currency === statementCurrency.toUpperCase() ? statementScale : minorUnits(currency));
  if (amount === null || amount <= 0n) return null;
  return { amount, currency };
}

/** The --json document of one reconciliation (amounts as decimal strings; documented keys first). */
export function reconcileJson(o: ReconcileOutcome, names: (partyId: number) => { ipi: string | null; name: string } = () => ({ ipi: null, name: '' })): Record<string, unknown> {
  const s = o.summary;
  const f = (v: bigint | null, scale: number | null = s.scale): string | null => (v === null || scale === null ? null : formatMinor(v, scale));
  return {
    statement: s.statement,
    currency: s.currency,
    lines: s.lines,
    matched: { total: s.matched, byMethod: s.byMethod },
    review: s.review,
    unmatched: s.unmatched,
    discrepancies: s.discrepancies,
    total: f(s.total),
    allocated: f(s.allocated),
    unallocated: f(s.unallocated),
    members: s.members.map((m) => ({ ipi: m.ipi ?? names(m.partyId).ipi, name: m.name, amount: f(m.amount), ...(m.local !== null ? { local: f(m.local, s.localScale) } : {}) })),
    reconciliation: o.reconciliationId,
    claims: s.claims,
    charges: f(s.charges),
    declaredTotal: f(s.declaredTotal),
    unallocatedByReason: Object.fromEntries(Object.entries(s.unallocatedByReason).map(([k, v]) => [k, f(v)])),
    local: s.localCurrency === null ? null : { currency: s.localCurrency, rate: s.rate, total: f(s.localTotal, s.localScale), allocated: f(s.localAllocated, s.localScale), unallocated: f(s.localUnallocated, s.localScale) },
    findings: o.findings.filter((x) => x.kind !== 'claim-candidate').length,
  };
}

/** Writes a file readable by its owner only, atomically (temp file + rename). */
export function writePrivate(path: string, text: string): void {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** A file name with the currency of a reconciliation added when the statement has several
 * ("q3.html" -> "q3-USD.html"); unchanged for a statement in one currency. */
function perCurrency(path: string, currency: string, several: boolean): string {
  if (!several) return path;
  const ext = extname(path);
  return `${path.slice(0, path.length - ext.length)}-${currency}${ext}`;
}

/** Writes the HTML report and/or the CSV files of a statement's current reconciliations (one set
 * per currency, the file names carrying the currency when there are several). */
export function writeReports(db: Db, statementId: number, opts: { html?: string; csvDir?: string }): string[] {
  const written: string[] = [];
  const reader = new ReportReader(db);
  const recs = new ReconciliationRepository(db).ofStatement(statementId);
  const several = recs.length > 1;
  for (const rec of recs) {
    const recId = Number(rec.id);
    const r = reader.report(recId);
    if (!r) continue;
    if (opts.html !== undefined) {
      const html = perCurrency(opts.html, rec.currency, several);
      writePrivate(html, renderReconcileHtml(r));
      written.push(html);
    }
    if (opts.csvDir !== undefined) {
      mkdirSync(opts.csvDir, { recursive: true, mode: 0o700 });
      const name = (what: string): string => join(opts.csvDir as string, perCurrency(`statement-${statementId}-${what}.csv`, rec.currency, several));
      const members = name('members');
      writePrivate(members, membersCsv(r));
      // Member statement lines: streamed page by page into a private temp file, then renamed.
      const lines = name('member-lines');
      const tmp = `${lines}.${randomBytes(6).toString('hex')}.tmp`;
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, memberLinesCsv([], true));
        reader.memberLines(recId, (rows) => void writeSync(fd, memberLinesCsv(rows, false)));
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, lines);
      const unmatched = name('unmatched');
      writePrivate(unmatched, unmatchedCsv(reader.report(recId, 0, Number.MAX_SAFE_INTEGER) ?? r));
      written.push(members, lines, unmatched);
    }
  }
  return written;
}
