/**
 * Use-case: a local distribution. A usage file (work, uses) is matched to catalogue works; the
 * amount is split over all usage lines by uses (the part of unmatched lines is held), each work's
 * part over its parties by their collection shares for the right in the territory (Kazakhstan,
 * TIS 0398, through the TIS hierarchy), and the part no registered share covers is held too.
 * Every split is largest-remainder with a deterministic tie-break: the parts add up to the whole
 * to the last minor unit.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Db } from '../catalogue/db.js';
import { DistributionsRepository, type DistributionShare, type DistributionUnmatched, type DistributionWork } from '../catalogue/repositories/distributions.js';
import { minorUnits, normaliseCurrency } from '../domain/currency.js';
import { normaliseIswc } from '../domain/identifiers.js';
import { allocate, formatUnits, parseDecimal } from '../domain/money.js';
import { CatalogueDetails } from '../reconcile/catalogue-source.js';
import { collectionShare } from '../reconcile/parties.js';
import type { WorkParty } from '../reconcile/types.js';
import { territoryContains } from '../reconcile/territory.js';
import { crdFileName, crdText } from '../formats/crd/writer.js';
import { linesCsv } from '../statements/csv/write-csv.js';
import { at, type StatementHeader } from '../statements/intake.js';
import { blankLine, type Right, type StatementLine } from '../statements/model.js';
import * as R from '../statements/rules.js';
import type { Diagnostic } from '../validation/diagnostic.js';
import { sha256File } from './statements.js';

export const KAZAKHSTAN = '0398';
const USES_SCALE = 6;

export interface DistributeRequest {
  readonly usagePath: string;
  /** Decimal text, e.g. "1000000.00". */
  readonly amount: string;
  readonly currency: string;
  readonly right: Right;
  readonly period: string | null;
  /** The distributing society (ours). */
  readonly society: string;
  readonly territory?: string;
}

export interface DistributeResult {
  readonly id: number | null;
  readonly currency: string;
  readonly scale: number;
  readonly amount: bigint;
  readonly allocated: bigint;
  readonly unallocated: bigint;
  readonly lines: number;
  readonly matched: number;
  readonly works: readonly DistributionWork[];
  readonly shares: readonly DistributionShare[];
  readonly unmatched: readonly DistributionUnmatched[];
  readonly diagnostics: readonly Diagnostic[];
}

export class DistributeError extends Error {
  override readonly name = 'DistributeError';
}

interface UsageLine {
  readonly line: number;
  readonly ref: string;
  readonly title: string | null;
  readonly uses: bigint;
}

/** Reads the usage CSV: a header with `work` and `uses` (any case), optionally `title`. */
export function readUsage(path: string, report: (d: Diagnostic) => void): UsageLine[] {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(readFileSync(path), { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, delimiter: [',', ';', '\t'] }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    report(at(R.CSV_SYNTAX, (e as { lines?: number }).lines ?? null, null, null, { detail: (e as Error).message }));
    return [];
  }
  const head = rows[0]?.record.map((h) => h.trim().toLowerCase()) ?? [];
  const wi = head.indexOf('work');
  const ui = head.indexOf('uses');
  const ti = head.indexOf('title');
  if (wi === -1) report(at(R.COLUMN_MISSING, 1, null, null, { column: 'work', field: 'the work (ISWC, work number or cwrkit id)' }));
  if (ui === -1) report(at(R.COLUMN_MISSING, 1, null, null, { column: 'uses', field: 'the number of uses' }));
  if (wi === -1 || ui === -1) return [];
  const out: UsageLine[] = [];
  for (const { record, info } of rows.slice(1)) {
    const ref = (record[wi] ?? '').trim();
    const usesText = (record[ui] ?? '').trim();
    if (ref === '') {
      report(at(R.LINE_UNIDENTIFIED, info.lines, null, 'work'));
      continue;
    }
    const u = parseDecimal(usesText, { scale: USES_SCALE, signed: false });
    if (!u.ok || u.units <= 0n) {
      report(at(R.USES_INVALID, info.lines, null, 'uses', { text: usesText }));
      continue;
    }
    const title = ti === -1 ? '' : (record[ti] ?? '').trim();
    out.push({ line: info.lines, ref, title: title === '' ? null : title, uses: u.units });
  }
  if (out.length === 0 && rows.length <= 1) report(at(R.STATEMENT_EMPTY, null, null, null));
  return out;
}

/** Finds the work a usage reference names: ISWC, submitter work number, society work number, cwrkit id. */
export class WorkFinder {
  private readonly byIswc;
  private readonly bySubmitter;
  private readonly bySociety;
  private readonly byId;

  constructor(db: Db) {
    this.byIswc = db.prepare('SELECT id FROM works WHERE iswc = ? ORDER BY id LIMIT 1').pluck();
    this.bySubmitter = db.prepare('SELECT id FROM works WHERE submitter_work_number = ? ORDER BY id LIMIT 1').pluck();
    this.bySociety = db.prepare("SELECT work_id FROM work_identifiers WHERE kind = 'society' AND value = ? ORDER BY work_id LIMIT 1").pluck();
    this.byId = db.prepare('SELECT id FROM works WHERE id = ?').pluck();
  }

  find(ref: string): number | null {
    const iswc = normaliseIswc(ref);
    const hit = (iswc !== null ? this.byIswc.get(iswc) : undefined) ?? this.bySubmitter.get(ref) ?? this.bySociety.get(ref) ?? (/^[0-9]+$/.test(ref) ? this.byId.get(Number(ref)) : undefined);
    return typeof hit === 'number' || typeof hit === 'bigint' ? Number(hit) : null;
  }
}

export async function distribute(db: Db, req: DistributeRequest): Promise<DistributeResult> {
  const currency = normaliseCurrency(req.currency);
  if (currency === null) throw new DistributeError(`--currency "${req.currency}" is not an ISO 4217 code`);
  const scale = minorUnits(currency) ?? 2;
  const parsed = parseDecimal(req.amount, { scale });
  if (!parsed.ok) throw new DistributeError(`--amount "${req.amount}" is not an amount in ${currency} (${parsed.problem}; at most ${scale} decimals)`);
  if (parsed.units <= 0n) throw new DistributeError('--amount must be more than zero');
  const amount = parsed.units;
  const territory = req.territory ?? KAZAKHSTAN;
  const diagnostics: Diagnostic[] = [];
  const usage = readUsage(req.usagePath, (d) => diagnostics.push(d));
  const empty = (): DistributeResult => ({ id: null, currency, scale, amount, allocated: 0n, unallocated: amount, lines: usage.length, matched: 0, works: [], shares: [], unmatched: [], diagnostics });
  if (diagnostics.some((d) => d.severity === 'error') || usage.length === 0) return empty();

  // Match, and sum uses per work (a work used on several lines is one weight).
  const finder = new WorkFinder(db);
  const perWork = new Map<number, bigint>();
  const unmatchedLines: UsageLine[] = [];
  let matched = 0;
  for (const u of usage) {
    const id = finder.find(u.ref);
    if (id === null) unmatchedLines.push(u);
    else {
      matched++;
      perWork.set(id, (perWork.get(id) ?? 0n) + u.uses);
    }
  }
  const workIds = [...perWork.keys()].sort((a, b) => a - b);
  // One split over matched works and unmatched lines together, so held money is exact too.
  const parts = allocate(amount, [...workIds.map((id) => perWork.get(id) as bigint), ...unmatchedLines.map((u) => u.uses)]);
  const details = new CatalogueDetails(db);
  const works: DistributionWork[] = [];
  const shares: DistributionShare[] = [];
  let allocated = 0n;
  workIds.forEach((id, i) => {
    const workAmount = parts[i] ?? 0n;
    const w = details.detail(id);
    if (w === null) throw new DistributeError(`work ${id} disappeared during the distribution`);
    // A party on the work twice (a publisher in two chains) holds both shares, paid once.
    const byParty = new Map<number, { p: WorkParty; share: number }>();
    for (const p of w.parties) {
      const share = collectionShare(p.collection, req.right, territory, territoryContains);
      const seen = byParty.get(p.id);
      if (seen) seen.share += share;
      else byParty.set(p.id, { p, share });
    }
    const holders = [...byParty.values()].filter((x) => x.share > 0);
    const total = holders.reduce((s, x) => s + x.share, 0);
    // Shares nobody registered are held; an over-claimed work is split by the claims as given.
    const held = Math.max(0, 10000 - total);
    const split = holders.length === 0 ? [] : allocate(workAmount, [...holders.map((x) => BigInt(x.share)), BigInt(held)]);
    let paid = 0n;
    holders.forEach((x, j) => {
      const a = split[j] ?? 0n;
      paid += a;
      shares.push({
        workId: id,
        partyId: x.p.id,
        partyName: x.p.name,
        ipiNameNumber: x.p.ipiName,
        role: x.p.role === '' ? null : x.p.role,
        society: x.p.affiliation[req.right] ?? null,
        share: x.share,
        amount: a,
      });
    });
    allocated += paid;
    works.push({ workId: id, title: w.title, iswc: w.iswc, uses: formatUses(perWork.get(id) as bigint), amount: workAmount, unallocated: workAmount - paid });
  });
  const unmatched: DistributionUnmatched[] = unmatchedLines.map((u, j) => ({ line: u.line, workRef: u.ref, title: u.title, uses: formatUses(u.uses), amount: parts[workIds.length + j] ?? 0n }));
  const unallocated = amount - allocated;
  const id = new DistributionsRepository(db).create({
    society: req.society,
    right: req.right,
    territory,
    period: req.period,
    currency,
    scale,
    amount,
    allocated,
    unallocated,
    usageFile: basename(req.usagePath),
    usageHash: await sha256File(req.usagePath),
    usageLines: usage.length,
    matched,
    unmatched: unmatchedLines.length,
    works,
    shares,
    unmatchedLines: unmatched,
  });
  return { id, currency, scale, amount, allocated, unallocated, lines: usage.length, matched, works, shares, unmatched, diagnostics };
}

function formatUses(units: bigint): string {
  return formatUnits(units, USES_SCALE).replace(/\.?0+$/, '');
}

/** First and last day of a period written 2026Q3, 2026H1, 2026-07 or 2026. */
export function periodDates(period: string | null): { start: string | null; end: string | null } {
  if (period === null) return { start: null, end: null };
  const last = (y: number, m: number): string => `${y}-${String(m).padStart(2, '0')}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  const first = (y: number, m: number): string => `${y}-${String(m).padStart(2, '0')}-01`;
  let m = /^(\d{4})Q([1-4])$/i.exec(period);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { start: first(y, q * 3 - 2), end: last(y, q * 3) };
  }
  m = /^(\d{4})H([12])$/i.exec(period);
  if (m) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    return { start: first(y, h * 6 - 5), end: last(y, h * 6) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { start: first(Number(m[1]), Number(m[2])), end: last(Number(m[1]), Number(m[2])) };
  m = /^(\d{4})$/.exec(period);
  if (m) return { start: first(Number(m[1]), 1), end: last(Number(m[1]), 12) };
  return { start: null, end: null };
}

export interface ExportRequest {
  readonly distribution: number;
  /** Foreign society whose members' earnings are exported (3 digits). */
  readonly to: string;
  readonly format: 'crd' | 'csv';
  /** Output path; default: the CRD naming convention (or distribution-ID-SOCIETY.csv) in `dir`. */
  readonly out?: string;
  readonly dir: string;
}

export interface ExportResult {
  readonly path: string;
  readonly lines: number;
  readonly total: bigint;
  readonly currency: string;
  readonly scale: number;
}

/** What the members of one society earned in a distribution, as statement lines. */
export function distributionStatement(db: Db, id: number, to: string): { header: StatementHeader; lines: StatementLine[] } {
  const repo = new DistributionsRepository(db);
  const d = repo.get(id);
  if (d === null) throw new DistributeError(`no distribution ${id} in the catalogue`);
  const works = new Map(repo.works(id).map((w) => [w.workId, w]));
  const lines: StatementLine[] = repo.shares(id, to).map((s) => {
    const w = works.get(s.workId);
    return {
      ...blankLine(d.currency, { file: `distribution ${id}`, line: 0, column: null }),
      lineRef: `${id}-${s.workId}-${s.partyId}`,
      societyWorkCode: String(s.workId),
      iswc: w?.iswc ?? null,
      title: w?.title ?? null,
      ipNumber: String(s.partyId),
      ipiNameNumber: s.ipiNameNumber,
      partyName: s.partyName,
      role: s.role,
      right: d.right,
      territory: d.territory,
      share: s.share,
      gross: w?.amount ?? null,
      net: s.amount,
    };
  });
  const header: StatementHeader = {
    fromSociety: d.society,
    format: 'crd',
    period: periodDates(d.period),
    distributionId: `CWRKIT-${id}${d.period ? `-${d.period}` : ''}`,
    currency: d.currency,
    decimals: d.scale,
  };
  return { header, lines };
}

export function exportDistribution(db: Db, req: ExportRequest): ExportResult {
  const { header, lines } = distributionStatement(db, req.distribution, req.to);
  if (lines.length === 0) throw new DistributeError(`no member of society ${req.to} was paid in distribution ${req.distribution}`);
  const name = req.out ?? (req.format === 'crd' ? crdFileName(new Date().getUTCFullYear(), req.distribution, header.fromSociety, req.to) : `distribution-${req.distribution}-${req.to}.csv`);
  const path = resolve(req.dir, name);
  const text = req.format === 'crd' ? crdText(header, lines, { toSociety: req.to, senderName: `SOCIETY ${header.fromSociety}` }) : linesCsv(lines, header.decimals);
  writePrivate(path, text);
  return { path, lines: lines.length, total: lines.reduce((a, l) => a + l.net, 0n), currency: header.currency ?? '', scale: header.decimals };
}

/** Writes a file with personal data: 0600, atomically (temporary file, then rename). */
export function writePrivate(path: string, text: string): void {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, text, { encoding: 'utf8', mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}
