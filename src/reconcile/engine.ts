/**
 * Reconciles one statement, line by line in a stream: match (cascade), party, money (bank charges
 * by scaling to the amount received, local currency by rate; cumulative rounding, so nothing is
 * lost), allocation to members, and checks. Memory grows with the matched works (for claim
 * candidates) and a duplicate key per line, not with the lines' results, which the caller stores.
 */
import { CumulativeScaler, minorUnits, type Rate } from './amounts.js';
import { allocateLine, lineRight, type Allocation } from './allocate.js';
import type { MatchIndex } from './candidates.js';
import { DISCREPANCY_KINDS, duplicateKey, shareDiscrepancy, type Finding } from './findings.js';
import { iswcKey, societyCodeKey } from './keys.js';
import { matchLine, type Decisions, type MatchOptions } from './match.js';
import { collectionShare, isMember, matchParty, namesParty, type PartyMatch, type TerritoryContains } from './parties.js';
import type { MatchMethod, MatchResult, ReconLine, ReconStatement, Right, WorkDetails, WorkParty } from './types.js';
import { MATCH_METHODS } from './types.js';

export interface Received {
  /** Minor units of `currency`. */
  readonly amount: bigint;
  readonly currency: string;
}

export interface ReconcileOptions {
  /** CISAC code of the receiving society (whose members are paid). */
  readonly society: string;
  readonly match: MatchOptions;
  /** Statement currency -> local currency, or null. */
  readonly rate: Rate | null;
  readonly localCurrency: string;
  readonly received: Received | null;
  /** Hundredths of a percent. */
  readonly shareTolerance: number;
  readonly contains: TerritoryContains;
  /** Duplicate lines and claim candidates are checked here (default). Off when the caller
   * settles only part of a statement and checks the whole statement itself (the SQL path). */
  readonly statementChecks?: boolean;
}

export interface LineOutcome {
  readonly line: ReconLine;
  readonly match: MatchResult;
  readonly party: PartyMatch | null;
  /** After bank charges (statement currency). */
  readonly net: bigint;
  readonly local: bigint | null;
  readonly allocation: Allocation;
  readonly findings: readonly Finding[];
}

export interface MemberTotal {
  readonly partyId: number;
  readonly ipi: string | null;
  readonly name: string;
  amount: bigint;
  local: bigint | null;
  lines: number;
}

export interface ReconcileSummary {
  readonly statement: number;
  readonly currency: string;
  readonly scale: number;
  readonly localCurrency: string | null;
  readonly localScale: number | null;
  readonly rate: string | null;
  lines: number;
  matched: number;
  readonly byMethod: Record<MatchMethod, number>;
  review: number;
  unmatched: number;
  discrepancies: number;
  claims: number;
  /** Sum of the lines (statement currency). */
  total: bigint;
  /** Bank charges: total - received (statement currency; 0 without --received in that currency). */
  charges: bigint;
  allocated: bigint;
  unallocated: bigint;
  localTotal: bigint | null;
  localAllocated: bigint | null;
  localUnallocated: bigint | null;
  declaredTotal: bigint | null;
  readonly unallocatedByReason: Record<string, bigint>;
  readonly members: MemberTotal[];
}

export class ReconcileError extends Error {
  override readonly name = 'ReconcileError';
}

/** Per matched work and right: the members with a share, and those paid. */
interface WorkPayments {
  readonly workId: number;
  readonly right: Right;
  readonly members: readonly number[];
  readonly paid: number[];
}

/** Placeholder for a settled line's match (lets the match be collected). */
const NO_MATCH: MatchResult = { status: 'unmatched', method: null, workId: null, confidence: 0, key: null, candidates: [] };

const RIGHT_INDEX: Record<Right, number> = { PR: 0, MR: 1, SR: 2 };

/** FNV-1a over the string, twice with different seeds, folded into a 52-bit integer. */
export function hashKey(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}

export class Reconciler {
  private readonly netScaler: CumulativeScaler | null;
  private readonly localScaler: CumulativeScaler | null;
  /** Duplicate-line keys, hashed to 52 bits (a number per line, not a string). */
  private readonly seen = new Map<number, number>();
  private readonly works = new Map<number, WorkPayments>();
  private readonly complete = new Set<number>();
  private readonly members = new Map<number, MemberTotal>();
  readonly summary: ReconcileSummary;

  constructor(
    readonly statement: ReconStatement,
    /** Sum of the statement's lines (needed up front to scale to the amount received). */
    readonly total: bigint,
    private readonly index: MatchIndex,
    private readonly details: WorkDetails,
    private readonly decisions: Decisions,
    readonly options: ReconcileOptions,
  ) {
    const cur = statement.currency.toUpperCase();
    const rate = options.rate;
    if (rate && rate.from !== cur) throw new ReconcileError(`the rate ${rate.text} does not convert from the statement currency ${cur}`);
    const local = rate ? rate.to : options.received && options.received.currency !== cur ? options.received.currency.toUpperCase() : null;
    const localScale = local === null ? null : minorUnits(local);
    const rec = options.received;
    if (rec && total <= 0n) throw new ReconcileError(`cannot scale to the amount received: the statement lines add up to ${total === 0n ? 'zero' : 'less than zero'}`);
    if (rec && rec.currency.toUpperCase() !== cur && rec.currency.toUpperCase() !== local) {
      throw new ReconcileError(`the amount received is in ${rec.currency}, neither the statement currency ${cur} nor the local currency`);
    }
    const netScaler = rec && rec.currency.toUpperCase() === cur ? new CumulativeScaler(rec.amount, total) : null;
    let localScaler: CumulativeScaler | null = null;
    if (local !== null && localScale !== null) {
      if (rec && rec.currency.toUpperCase() === local) localScaler = new CumulativeScaler(rec.amount, total);
      else if (rate) localScaler = new CumulativeScaler(rate.num * 10n ** BigInt(localScale), rate.den * 10n ** BigInt(statement.scale));
    }
    this.netScaler = netScaler;
    this.localScaler = localScaler;
    const byMethod = Object.fromEntries(MATCH_METHODS.map((m) => [m, 0])) as Record<MatchMethod, number>;
    this.summary = {
      statement: statement.id,
      currency: cur,
      scale: statement.scale,
      localCurrency: local,
      localScale,
      rate: rec && rec.currency.toUpperCase() === local ? null : (rate?.text ?? null),
      lines: 0,
      matched: 0,
      byMethod,
      review: 0,
      unmatched: 0,
      discrepancies: 0,
      claims: 0,
      total,
      charges: netScaler ? total - netScaler.image(total) : 0n,
      allocated: 0n,
      unallocated: 0n,
      localTotal: localScaler ? localScaler.image(netScaler ? netScaler.image(total) : total) : null,
      localAllocated: localScaler ? 0n : null,
      localUnallocated: localScaler ? 0n : null,
      declaredTotal: statement.declaredTotal,
      unallocatedByReason: {},
      members: [],
    };
  }

  /** Reconciles one line. */
  line(line: ReconLine): LineOutcome {
    return this.settle(line, this.match(line));
  }

  /** Reconciles a page of lines in order, reading the matched works in bulk first. */
  page(lines: readonly ReconLine[]): LineOutcome[] {
    const out: LineOutcome[] = [];
    this.eachOf(lines, (o) => void out.push(o));
    return out;
  }

  /** As page(), handing each line's outcome over as soon as it is settled (nothing of a settled
   * line is kept here, so it dies young instead of being copied by every collection). */
  eachOf(lines: readonly ReconLine[], each: (o: LineOutcome) => void): void {
    if (this.index.primeIswc) {
      const keys: string[] = [];
      for (const l of lines) {
        const k = iswcKey(l.iswc);
        if (k !== null) keys.push(k);
      }
      this.index.primeIswc(keys);
    }
    if (this.index.primeSocietyCodes) {
      // Always primed (also with no codes), so nothing of an earlier page or statement answers.
      const values: string[] = [];
      for (const l of lines) {
        const key = societyCodeKey(this.statement.fromSociety, l.workCode);
        if (key === null) continue;
        // As matchLine asks: the normalised code and the code as written.
        values.push(key.slice(key.indexOf(':') + 1), (l.workCode ?? '').trim().toUpperCase());
      }
      this.index.primeSocietyCodes(this.statement.fromSociety.padStart(3, '0'), values);
    }
    const matches = lines.map((l) => this.match(l));
    const ids: number[] = [];
    for (const m of matches) if (m.status === 'matched' && m.workId !== null) ids.push(m.workId);
    this.details.prefetch?.(ids);
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as ReconLine;
      each(this.settle(l, matches[i] ?? this.match(l)));
      matches[i] = NO_MATCH;
    }
  }

  private match(line: ReconLine): MatchResult {
    return matchLine(line, { index: this.index, fromSociety: this.statement.fromSociety, decisions: this.decisions, options: this.options.match });
  }

  /** The amount after bank charges and in local currency of the whole statement's running total
   * `cumulative` (lines in id order): what the lines up to there add up to, so that a line's
   * amounts are image(before + amount) - image(before), whoever settles it. */
  images(): { scaled: boolean; net: (cumulative: bigint) => bigint; local: ((cumulative: bigint) => bigint) | null } {
    const n = this.netScaler;
    const l = this.localScaler;
    const net = (c: bigint): bigint => (n ? n.image(c) : c);
    return { scaled: n !== null || l !== null, net, local: l ? (c: bigint) => l.image(net(c)) : null };
  }

  private settle(line: ReconLine, match: MatchResult): LineOutcome {
    const s = this.summary;
    s.lines++;
    const preset = line.scaled;
    const net = preset ? preset.net : this.netScaler ? this.netScaler.step(line.amount) : line.amount;
    const local = preset ? preset.local : this.localScaler ? this.localScaler.step(net) : null;
    const work = match.status === 'matched' && match.workId !== null ? this.details.detail(match.workId) : null;
    const status = match.status === 'matched' && work === null ? 'unmatched' : match.status;
    const party = work && namesParty(line) ? matchParty(line, work) : null;
    const allocation = allocateLine({ line, status, work, party, amount: net, local, society: this.options.society, contains: this.options.contains });
    const findings: Finding[] = [];

    if (status === 'matched' && match.method) {
      s.matched++;
      s.byMethod[match.method]++;
    } else if (status === 'review') s.review++;
    else s.unmatched++;

    const checks = this.options.statementChecks !== false;
    if (checks) {
      const dk = hashKey(duplicateKey(line));
      const first = this.seen.get(dk);
      // The work as stored with the line: none unless matched (a remembered decision may name a work since removed).
      if (first !== undefined) findings.push({ kind: 'duplicate-line', lineId: line.id, workId: work?.id ?? null, partyId: null, detail: { firstLine: first } });
      else this.seen.set(dk, line.id);
    }

    if (work) {
      if (namesParty(line) && party === null) {
        findings.push({ kind: 'party-not-on-work', lineId: line.id, workId: work.id, partyId: null, detail: { ipi: line.ipiName, name: line.partyName } });
      }
      const d = shareDiscrepancy(line, allocation.registeredShare, this.options.shareTolerance, work.id, party?.party.id ?? null);
      if (d) findings.push(d);
      if (checks) this.track(work.id, work.parties, line, allocation);
    }

    s.allocated += net - allocation.unallocated;
    s.unallocated += allocation.unallocated;
    if (allocation.reason) s.unallocatedByReason[allocation.reason] = (s.unallocatedByReason[allocation.reason] ?? 0n) + allocation.unallocated;
    if (local !== null && s.localAllocated !== null && s.localUnallocated !== null) {
      s.localAllocated += local - (allocation.unallocatedLocal ?? 0n);
      s.localUnallocated += allocation.unallocatedLocal ?? 0n;
    }
    for (const p of allocation.parts) {
      let m = this.members.get(p.party.id);
      if (!m) {
        m = { partyId: p.party.id, ipi: p.party.ipiName, name: p.party.name, amount: 0n, local: local === null ? null : 0n, lines: 0 };
        this.members.set(p.party.id, m);
      }
      m.amount += p.amount;
      if (m.local !== null && p.local !== null) m.local += p.local;
      m.lines++;
    }
    for (const f of findings) if (DISCREPANCY_KINDS.has(f.kind)) s.discrepancies++;
    return { line, match: status === match.status ? match : { ...match, status }, party, net, local, allocation, findings };
  }

  private track(workId: number, parties: readonly WorkParty[], line: ReconLine, allocation: Allocation): void {
    const right = lineRight(line);
    const key = workId * 4 + RIGHT_INDEX[right];
    // Works whose members have all been paid need no more state than their key.
    if (this.complete.has(key)) return;
    let w = this.works.get(key);
    if (!w) {
      const members = [...new Set(parties.filter((p) => isMember(p, right, this.options.society) && collectionShare(p.collection, right, line.territory, this.options.contains) > 0).map((p) => p.id))];
      w = { workId, right, members, paid: [] };
    }
    for (const p of allocation.parts) if (!w.paid.includes(p.party.id)) w.paid.push(p.party.id);
    if (w.members.every((id) => w.paid.includes(id))) {
      this.works.delete(key);
      this.complete.add(key);
    } else this.works.set(key, w);
  }

  /** Statement-level findings (claim candidates, control total) and the final summary. */
  finish(): { findings: Finding[]; summary: ReconcileSummary } {
    const findings: Finding[] = [];
    for (const w of this.works.values()) {
      for (const id of w.members) if (!w.paid.includes(id)) findings.push({ kind: 'claim-candidate', lineId: null, workId: w.workId, partyId: id, detail: { right: w.right } });
    }
    const s = this.summary;
    if (s.declaredTotal !== null && s.declaredTotal !== s.total) {
      findings.push({ kind: 'control-total', lineId: null, workId: null, partyId: null, detail: { declared: s.declaredTotal.toString(), lines: s.total.toString() } });
    }
    s.claims = findings.filter((f) => f.kind === 'claim-candidate').length;
    for (const f of findings) if (DISCREPANCY_KINDS.has(f.kind)) s.discrepancies++;
    s.members.push(...[...this.members.values()].sort((a, b) => (a.amount === b.amount ? a.partyId - b.partyId : a.amount > b.amount ? -1 : 1)));
    return { findings, summary: s };
  }
}
