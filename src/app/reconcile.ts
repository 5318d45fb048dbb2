/**
 * Use-case: reconcile stored statements against the catalogue and store the result (replacing the
 * previous result of the same statement, in one immediate transaction).
 */
import type { Db } from '../catalogue/db.js';
import { ReconciliationRepository } from '../catalogue/repositories/reconciliation.js';
import { parseRate, type Rate } from '../reconcile/amounts.js';
import type { MatchIndex } from '../reconcile/candidates.js';
import { CatalogueDetails, loadIndex } from '../reconcile/catalogue-source.js';
import { Reconciler, ReconcileError, type ReconcileSummary, type Received } from '../reconcile/engine.js';
import { DEFAULT_SHARE_TOLERANCE, type Finding } from '../reconcile/findings.js';
import { decisionKey, DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../reconcile/match.js';
import { territoryContains } from '../reconcile/territory.js';
import type { ReconLine, ReconStatement } from '../reconcile/types.js';

/** Where statements come from (the statements tables, or test data). */
export interface StatementSource {
  header(id: number): ReconStatement | null;
  /** Sum of the lines in the statement currency. */
  total(id: number): bigint;
  /** Lines in id order after `afterLineId`, at most `limit` (paged so the connection stays free). */
  page(id: number, afterLineId: number, limit: number): readonly ReconLine[];
}

export interface ReconcileRequest {
  readonly society: string;
  readonly localCurrency: string;
  readonly rate: Rate | null;
  readonly received: Received | null;
  readonly match?: MatchOptions;
  readonly shareTolerance?: number;
}

export interface ReconcileOutcome {
  readonly reconciliationId: number;
  readonly summary: ReconcileSummary;
  readonly findings: readonly Finding[];
}

const PAGE = 5000;

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
    this.index ??= loadIndex(this.db);
    return this.index;
  }

  reconcile(statementId: number, req: ReconcileRequest): ReconcileOutcome {
    const st = this.source.header(statementId);
    if (st === null) throw new ReconcileError(`no statement ${statementId} in the catalogue (import it with cwrkit statement import)`);
    const repo = new ReconciliationRepository(this.db);
    const rate = effectiveRate(req.rate, st, req.localCurrency);
    const total = this.source.total(statementId);
    const index = this.matchIndex();
    const details = new CatalogueDetails(this.db);
    const decisions = repo.decisions(st.fromSociety);
    const rec = new Reconciler(st, total, index, details, decisions, {
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
      let after = -Infinity;
      for (;;) {
        const page = this.source.page(statementId, after, PAGE);
        if (page.length === 0) break;
        for (const line of page) {
          const o = rec.line(line);
          const lineId = repo.addLine(id, o, decisionKey(line));
          for (const f of o.findings) repo.addFinding(id, f, lineId);
          after = line.id;
        }
        if (page.length < PAGE) break;
      }
      const { findings, summary } = rec.finish();
      for (const f of findings) repo.addFinding(id, f, null);
      repo.finish(id, summary);
      return { reconciliationId: id, summary, findings };
    });
    return run.immediate();
  }
}
