/**
 * The data of a reconciliation report, read back from storage: summary, amounts by match method
 * and by member, unmatched and review lines, discrepancies, and the money path of each line.
 * Amounts are decimal strings; the renderers (HTML, CSV, text) only format.
 */
import type { Db } from '../catalogue/db.js';
import { ReconciliationRepository, type LineRow, type ReconciliationRow } from '../catalogue/repositories/reconciliation.js';
import { formatMinor } from './amounts.js';
import { displayName } from './catalogue-source.js';

export interface PathStep {
  readonly step: 'key' | 'work' | 'party' | 'share' | 'rate' | 'amount' | 'member';
  readonly text: string;
}

export interface ReportLine {
  readonly id: number;
  readonly statementLine: number;
  readonly ref: string | null;
  readonly status: string;
  readonly method: string | null;
  readonly confidence: number;
  readonly key: string | null;
  readonly workId: number | null;
  readonly workTitle: string | null;
  readonly party: string | null;
  readonly partyMethod: string | null;
  readonly right: string | null;
  readonly territory: string | null;
  readonly sharePaid: number | null;
  readonly shareRegistered: number | null;
  readonly amount: string;
  readonly net: string;
  readonly local: string | null;
  readonly unallocated: string;
  readonly reason: string | null;
  readonly candidates: readonly { workId: number; score: number; title: string; writerConfirmed: boolean }[];
  readonly members: readonly { partyId: number; ipi: string | null; name: string; weight: number; amount: string; local: string | null }[];
}

/** One member statement row: a line and a member paid from it. */
export interface MemberLineRow {
  readonly ipi: string | null;
  readonly name: string;
  readonly statementLine: number;
  readonly ref: string | null;
  readonly workId: number | null;
  readonly title: string | null;
  readonly right: string | null;
  readonly territory: string | null;
  readonly weight: number;
  readonly amount: string;
  readonly currency: string;
  readonly local: string | null;
  readonly localCurrency: string | null;
}

export interface ReportMember {
  readonly partyId: number;
  readonly ipi: string | null;
  readonly name: string;
  readonly amount: string;
  readonly local: string | null;
  readonly lines: number;
}

export interface ReportFinding {
  readonly kind: string;
  readonly lineId: number | null;
  readonly lineRef: string | null;
  readonly workId: number | null;
  readonly workTitle: string | null;
  readonly party: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface ReconReport {
  readonly reconciliationId: number;
  readonly statement: number;
  readonly fromSociety: string;
  readonly society: string;
  readonly currency: string;
  readonly localCurrency: string | null;
  readonly rate: string | null;
  readonly createdAt: string;
  readonly summary: {
    readonly lines: number;
    readonly matched: number;
    readonly byMethod: Readonly<Record<string, number>>;
    readonly review: number;
    readonly unmatched: number;
    readonly discrepancies: number;
    readonly claims: number;
    readonly total: string;
    readonly declaredTotal: string | null;
    readonly charges: string;
    readonly allocated: string;
    readonly unallocated: string;
    readonly localTotal: string | null;
    readonly localAllocated: string | null;
    readonly localUnallocated: string | null;
    readonly unallocatedByReason: Readonly<Record<string, string>>;
  };
  /** Net amount per match method ('review' and 'unmatched' included). */
  readonly amountsByMethod: Readonly<Record<string, string>>;
  readonly members: readonly ReportMember[];
  readonly notMatched: readonly ReportLine[];
  readonly findings: readonly ReportFinding[];
  /** Lines with their money path (capped at `maxLines`, the rest counted in `linesOmitted`). */
  readonly lines: readonly ReportLine[];
  readonly linesOmitted: number;
}

const num = (v: bigint | null): number | null => (v === null ? null : Number(v));

export class ReportReader {
  private readonly repo: ReconciliationRepository;
  private readonly workTitle;
  private readonly party;
  private readonly titles = new Map<number, string | null>();
  private readonly parties = new Map<number, { name: string; ipi: string | null }>();

  constructor(private readonly db: Db) {
    this.repo = new ReconciliationRepository(db);
    this.workTitle = db.prepare('SELECT title FROM works WHERE id = ?');
    this.party = db.prepare('SELECT name, first_name, ipi_name_number FROM parties WHERE id = ?');
  }

  title(id: number | null): string | null {
    if (id === null) return null;
    if (!this.titles.has(id)) this.titles.set(id, (this.workTitle.get(id) as { title: string } | undefined)?.title ?? null);
    return this.titles.get(id) ?? null;
  }

  partyInfo(id: number): { name: string; ipi: string | null } {
    let p = this.parties.get(id);
    if (!p) {
      const r = this.party.get(id) as { name: string; first_name: string | null; ipi_name_number: string | null } | undefined;
      p = r ? { name: displayName(r.name, r.first_name), ipi: r.ipi_name_number } : { name: `party ${id}`, ipi: null };
      this.parties.set(id, p);
    }
    return p;
  }

  reportLine(row: LineRow, rec: ReconciliationRow): ReportLine {
    const scale = Number(rec.scale);
    const lscale = rec.local_scale === null ? 0 : Number(rec.local_scale);
    const workId = num(row.work_id);
    return {
      id: Number(row.id),
      statementLine: Number(row.statement_line_id),
      ref: row.line_ref,
      status: row.status,
      method: row.method,
      confidence: row.confidence,
      key: row.match_key,
      workId,
      workTitle: this.title(workId),
      party: row.party_id === null ? null : this.partyInfo(Number(row.party_id)).name,
      partyMethod: row.party_method,
      right: row.right,
      territory: row.territory,
      sharePaid: num(row.share_paid),
      shareRegistered: num(row.share_registered),
      amount: formatMinor(row.amount, scale),
      net: formatMinor(row.net, scale),
      local: row.local === null ? null : formatMinor(row.local, lscale),
      unallocated: formatMinor(row.unallocated, scale),
      reason: row.reason,
      candidates: row.candidates ? (JSON.parse(row.candidates) as ReportLine['candidates']) : [],
      members: this.repo.allocations(Number(row.id)).map((a) => {
        const p = this.partyInfo(Number(a.party_id));
        return { partyId: Number(a.party_id), ipi: p.ipi, name: p.name, weight: Number(a.weight), amount: formatMinor(a.amount, scale), local: a.local === null ? null : formatMinor(a.local, lscale) };
      }),
    };
  }

  /** The report of one reconciliation (a statement in one currency). */
  report(recId: number, maxLines = 2000, maxNotMatched = maxLines): ReconReport | null {
    const rec = this.repo.reconciliation(recId);
    if (!rec) return null;
    const id = Number(rec.id);
    const scale = Number(rec.scale);
    const lscale = rec.local_scale === null ? 0 : Number(rec.local_scale);
    const fm = (v: bigint | null, s = scale): string | null => (v === null ? null : formatMinor(v, s));
    const extra = JSON.parse(rec.summary) as { byMethod?: Record<string, number>; unallocatedByReason?: Record<string, string> };
    const byReason = Object.fromEntries(Object.entries(extra.unallocatedByReason ?? {}).map(([k, v]) => [k, formatMinor(BigInt(v), scale)]));
    const amountsByMethod: Record<string, string> = {};
    for (const r of this.db
      .prepare("SELECT COALESCE(method, status) AS m, SUM(net) AS amount FROM reconciliation_lines WHERE reconciliation_id = ? GROUP BY 1 ORDER BY 1")
      .safeIntegers(true)
      .all(id) as { m: string; amount: bigint }[]) {
      amountsByMethod[r.m] = formatMinor(r.amount, scale);
    }
    const members = this.repo.memberTotals(id).map((m) => {
      const p = this.partyInfo(Number(m.party_id));
      return { partyId: Number(m.party_id), ipi: p.ipi, name: p.name, amount: formatMinor(m.amount, scale), local: fm(m.local, lscale), lines: Number(m.lines) };
    });
    const notMatched = [...this.repo.lines(id, 'review'), ...this.repo.lines(id, 'unmatched')].sort((a, b) => Number(a.id - b.id)).slice(0, maxNotMatched).map((l) => this.reportLine(l, rec));
    const lineRefs = new Map<number, string | null>();
    const findings = this.repo.findings(id).map((f) => {
      const lineId = num(f.line_id);
      if (lineId !== null && !lineRefs.has(lineId)) lineRefs.set(lineId, this.repo.line(lineId)?.line_ref ?? null);
      const workId = num(f.work_id);
      return {
        kind: f.kind,
        lineId,
        lineRef: lineId === null ? null : (lineRefs.get(lineId) ?? null),
        workId,
        workTitle: this.title(workId),
        party: f.party_id === null ? null : this.partyInfo(Number(f.party_id)).name,
        detail: JSON.parse(f.detail) as Record<string, unknown>,
      };
    });
    const allLines = this.db.prepare('SELECT * FROM reconciliation_lines WHERE reconciliation_id = ? ORDER BY id LIMIT ?').safeIntegers(true).all(id, maxLines) as LineRow[];
    return {
      reconciliationId: id,
      statement: Number(rec.statement_id),
      fromSociety: rec.from_society,
      society: rec.society,
      currency: rec.currency,
      localCurrency: rec.local_currency,
      rate: rec.rate,
      createdAt: rec.created_at,
      summary: {
        lines: Number(rec.lines),
        matched: Number(rec.matched),
        byMethod: extra.byMethod ?? {},
        review: Number(rec.review),
        unmatched: Number(rec.unmatched),
        discrepancies: Number(rec.discrepancies),
        claims: Number(rec.claims),
        total: formatMinor(rec.total, scale),
        declaredTotal: fm(rec.declared_total),
        charges: formatMinor(rec.charges, scale),
        allocated: formatMinor(rec.allocated, scale),
        unallocated: formatMinor(rec.unallocated, scale),
        localTotal: fm(rec.local_total, lscale),
        localAllocated: fm(rec.local_allocated, lscale),
        localUnallocated: fm(rec.local_unallocated, lscale),
        unallocatedByReason: byReason,
      },
      amountsByMethod,
      members,
      notMatched,
      findings,
      lines: allLines.map((l) => this.reportLine(l, rec)),
      linesOmitted: Math.max(0, Number(rec.lines) - allLines.length),
    };
  }

  /** The money path of one line: key -> work (score) -> party -> registered share -> rate -> amount. */
  explain(lineId: number): { line: ReportLine; reconciliation: { statement: number; currency: string; localCurrency: string | null; rate: string | null }; path: PathStep[] } | null {
    const row = this.repo.line(lineId);
    if (!row) return null;
    const rec = this.repo.reconciliation(Number(row.reconciliation_id));
    if (!rec) return null;
    const l = this.reportLine(row, rec);
    const pct = (v: number | null): string => (v === null ? 'none' : `${(v / 100).toFixed(2)}%`);
    const path: PathStep[] = [];
    path.push({ step: 'key', text: l.key === null ? 'no usable key on the line' : `${l.method ?? l.status} key ${l.key}` });
    if (l.workId !== null) path.push({ step: 'work', text: `work ${l.workId} "${l.workTitle ?? ''}" (${l.method}, confidence ${l.confidence.toFixed(3)})` });
    else if (l.candidates.length > 0) path.push({ step: 'work', text: `not matched: ${l.candidates.length} candidate(s), best work ${l.candidates[0]?.workId} "${l.candidates[0]?.title ?? ''}" score ${l.candidates[0]?.score}` });
    else path.push({ step: 'work', text: 'no work found' });
    if (l.party !== null) path.push({ step: 'party', text: `${l.party} (by ${l.partyMethod})` });
    path.push({ step: 'share', text: `registered ${pct(l.shareRegistered)} for ${l.right ?? 'PR'} in ${l.territory ?? 'any territory'}; paid ${pct(l.sharePaid)}` });
    path.push({ step: 'rate', text: rec.rate ? `${rec.rate}` : rec.local_currency ? `amount received in ${rec.local_currency}` : 'no conversion' });
    path.push({ step: 'amount', text: `${l.amount} ${rec.currency} on the statement, ${l.net} after charges${l.local !== null ? `, ${l.local} ${rec.local_currency ?? ''}` : ''}; unallocated ${l.unallocated}${l.reason ? ` (${l.reason})` : ''}` });
    for (const m of l.members) path.push({ step: 'member', text: `${m.name}${m.ipi ? ` (IPI ${m.ipi})` : ''}: weight ${pct(m.weight)}, ${m.amount} ${rec.currency}${m.local !== null ? `, ${m.local} ${rec.local_currency ?? ''}` : ''}` });
    return { line: l, reconciliation: { statement: Number(rec.statement_id), currency: rec.currency, localCurrency: rec.local_currency, rate: rec.rate }, path };
  }

  /** Streams the member statement rows (line x member paid) of a statement's reconciliation in
   * pages, joined in SQL: no per-line queries, bounded memory. */
  memberLines(recId: number, onPage: (rows: MemberLineRow[]) => void, pageSize = 10_000): number {
    const rec = this.repo.reconciliation(recId);
    if (!rec) return 0;
    const scale = Number(rec.scale);
    const lscale = rec.local_scale === null ? 0 : Number(rec.local_scale);
    const stmt = this.db
      .prepare(
        `SELECT a.line_id, a.party_id, p.ipi_name_number AS ipi, p.name, p.first_name, l.statement_line_id, l.line_ref, l.work_id, w.title, l.right, l.territory, a.weight, a.amount, a.local
         FROM reconciliation_allocations a JOIN reconciliation_lines l ON l.id = a.line_id
         LEFT JOIN parties p ON p.id = a.party_id LEFT JOIN works w ON w.id = l.work_id
         WHERE l.reconciliation_id = ? AND (a.line_id > ? OR (a.line_id = ? AND a.party_id > ?)) ORDER BY a.line_id, a.party_id LIMIT ?`,
      )
      .safeIntegers(true);
    let lastLine = -1n;
    let lastParty = -1n;
    let n = 0;
    for (;;) {
      const rows = stmt.all(rec.id, lastLine, lastLine, lastParty, pageSize) as {
        line_id: bigint;
        party_id: bigint;
        ipi: string | null;
        name: string | null;
        first_name: string | null;
        statement_line_id: bigint;
        line_ref: string | null;
        work_id: bigint | null;
        title: string | null;
        right: string | null;
        territory: string | null;
        weight: bigint;
        amount: bigint;
        local: bigint | null;
      }[];
      if (rows.length === 0) break;
      onPage(
        rows.map((r) => ({
          ipi: r.ipi,
          name: r.name === null ? `party ${r.party_id}` : displayName(r.name, r.first_name),
          statementLine: Number(r.statement_line_id),
          ref: r.line_ref,
          workId: num(r.work_id),
          title: r.title,
          right: r.right,
          territory: r.territory,
          weight: Number(r.weight),
          amount: formatMinor(r.amount, scale),
          currency: rec.currency,
          local: r.local === null ? null : formatMinor(r.local, lscale),
          localCurrency: rec.local_currency,
        })),
      );
      n += rows.length;
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) break;
      lastLine = last.line_id;
      lastParty = last.party_id;
    }
    return n;
  }
}
