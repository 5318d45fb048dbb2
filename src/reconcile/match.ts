/**
 * The match cascade for one statement line: a remembered review decision, then the remitting
 * society's work code, ISWC, submitter work number, ISRC, and finally title + writers, fuzzy and
 * confirmed by at least one writer (IPI or name). Each step records its method and confidence;
 * below the thresholds a line becomes a review candidate, not a match.
 */
import { fuzzyCandidates, type MatchIndex } from './candidates.js';
import { ipiBaseKey, ipiNameKey, isrcKey, iswcKey, matchTitleKey, societyCodeKey, workNumberKey, writerKey } from './keys.js';
import { editSimilarity, hasWord, TitleScorer } from './similarity.js';
import type { Candidate, MatchMethod, MatchResult, ReconLine } from './types.js';

/** A remembered review decision for one remitting-society work code. */
export interface Decision {
  readonly accepted: number | null;
  readonly rejected: ReadonlySet<number>;
}

export interface Decisions {
  get(society: string, key: string): Decision | undefined;
  /** Every key with a decision (work codes and T:title keys); needed by the SQL path, which
   * leaves lines with a decision to the matcher. */
  keys?(): string[];
}

export const NO_DECISIONS: Decisions = { get: () => undefined, keys: () => [] };

export interface MatchOptions {
  /** Fuzzy title score (0..1) at or above which a writer-confirmed line is matched. */
  readonly autoThreshold: number;
  /** Best score at or above which an unmatched line is offered for review. */
  readonly reviewThreshold: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { autoThreshold: 0.88, reviewThreshold: 0.6 };

export interface MatchContext {
  readonly index: MatchIndex;
  /** CISAC code of the remitting society. */
  readonly fromSociety: string;
  readonly decisions: Decisions;
  readonly options: MatchOptions;
}

/** The key a review decision is remembered under: the work code, else the normalised title. */
export function decisionKey(line: ReconLine): string | null {
  const code = workNumberKey(line.workCode);
  if (code !== null) return code;
  const t = matchTitleKey(line.title);
  return t === '' ? null : `T:${t}`;
}

const CONFIDENCE: Record<Exclude<MatchMethod, 'title-writer'>, number> = {
  decision: 1,
  'society-code': 1,
  iswc: 1,
  'submitter-number': 0.95,
  isrc: 0.9,
};

interface LineWriters {
  readonly keys: string[];
  readonly ipis: string[];
  readonly bases: string[];
  /** The words (3+ letters) of each key, worked out once per line. */
  readonly words: string[][];
}

function lineWriters(line: ReconLine): LineWriters {
  const keys = line.writers.map(writerKey).filter((k) => k !== '');
  if (line.partyName) keys.push(writerKey(line.partyName));
  const ipi = ipiNameKey(line.ipiName);
  const base = ipiBaseKey(line.ipiBase);
  return { keys, ipis: ipi ? [ipi] : [], bases: base ? [base] : [], words: keys.map(nameKeyWords) };
}

function nameKeyWords(k: string): string[] {
  return k.split(' ').filter((x) => x.length >= 3);
}

/** True when at least one writer of the line is a writer of the work (IPI, or a close name). */
export function writerConfirmed(
  index: MatchIndex,
  id: number,
  w: { keys: readonly string[]; ipis: readonly string[]; bases: readonly string[]; words?: readonly (readonly string[])[] },
): boolean {
  const writers = index.writersOf(id);
  if (writers.length === 0) return false;
  const words = w.words ?? w.keys.map(nameKeyWords);
  for (const ww of writers) {
    if (ww.ipiName !== null && w.ipis.includes(ww.ipiName)) return true;
    if (ww.ipiBase !== null && w.bases.includes(ww.ipiBase)) return true;
    // A one-word writer name (no space: split would give one word).
    const single = !ww.key.includes(' ');
    for (let i = 0; i < w.keys.length; i++) {
      const k = w.keys[i] as string;
      if (k === ww.key || editSimilarity(k, ww.key) >= 0.85) return true;
      // A surname alone ("LENNON") meets the full name ("JOHN LENNON").
      const a = words[i] as readonly string[];
      if ((a.length === 1 || single) && a.some((x) => hasWord(ww.key, x))) return true;
    }
  }
  return false;
}

function bestTitleScore(index: MatchIndex, id: number, scorer: TitleScorer, floor = 0): { score: number; title: string } {
  let best = 0;
  let title = '';
  for (const t of index.titlesOf(id)) {
    const s = scorer.score(t, floor);
    if (s > best) {
      best = s;
      title = t;
    }
  }
  return { score: best, title };
}

function matched(method: MatchMethod, workId: number, key: string, confidence = method === 'title-writer' ? 0 : CONFIDENCE[method]): MatchResult {
  return { status: 'matched', method, workId, confidence, key, candidates: [] };
}

/** Picks among works an identifier points to: one -> it; several -> the one whose title and
 * writers fit best, when clearly best; otherwise null (review). */
function pick(index: MatchIndex, ids: readonly number[], line: ReconLine, rejected: ReadonlySet<number>): { id: number | null; candidates: Candidate[] } {
  const live = ids.filter((id) => !rejected.has(id));
  if (live.length === 1 && live[0] !== undefined) return { id: live[0], candidates: [] };
  if (live.length === 0) return { id: null, candidates: [] };
  const scorer = new TitleScorer(matchTitleKey(line.title));
  const w = lineWriters(line);
  const scored = live
    .map((id) => {
      const t = bestTitleScore(index, id, scorer);
      const conf = writerConfirmed(index, id, w);
      return { workId: id, score: t.score + (conf ? 1 : 0), title: t.title, writerConfirmed: conf };
    })
    .sort((a, b) => b.score - a.score || a.workId - b.workId);
  const [first, second] = scored;
  const candidates = scored.slice(0, 5).map((c) => ({ ...c, score: Math.min(1, c.score / 2) }));
  if (first && second && first.score - second.score >= 0.1 && first.writerConfirmed) return { id: first.workId, candidates };
  return { id: null, candidates };
}

const NO_REJECTIONS: ReadonlySet<number> = new Set();

/** The identifier steps, in cascade order. */
const STEPS: readonly MatchMethod[] = ['society-code', 'iswc', 'submitter-number', 'isrc'];

/** A number as written: trimmed, upper-case. */
function raw(t: string | null): string {
  return (t ?? '').trim().toUpperCase();
}

function lookup(index: MatchIndex, step: number, key: string, line: ReconLine): readonly number[] {
  switch (step) {
    case 0:
      return index.bySocietyCode(key, raw(line.workCode));
    case 1:
      return index.byIswc(key);
    case 2:
      return index.bySubmitterNumber(key, raw(line.submitterWorkNumber));
    default:
      return index.byIsrc(key);
  }
}

export function matchLine(line: ReconLine, ctx: MatchContext): MatchResult {
  const { index } = ctx;
  const dKey = decisionKey(line);
  const decision = dKey === null ? undefined : ctx.decisions.get(ctx.fromSociety, dKey);
  const rejected: ReadonlySet<number> = decision?.rejected ?? NO_REJECTIONS;
  if (decision?.accepted != null && dKey !== null) return matched('decision', decision.accepted, dKey);

  let ambiguous: Candidate[] = [];
  // Every step's key first (as the cascade always did), then the lookups in order.
  const keys = [societyCodeKey(ctx.fromSociety, line.workCode), iswcKey(line.iswc), workNumberKey(line.submitterWorkNumber), isrcKey(line.isrc)];
  for (let step = 0; step < STEPS.length; step++) {
    const key = keys[step] ?? null;
    if (key === null) continue;
    const ids = lookup(index, step, key, line);
    if (ids.length === 0) continue;
    const p = pick(index, ids, line, rejected);
    if (p.id !== null) return matched(STEPS[step] as MatchMethod, p.id, key);
    if (ambiguous.length === 0) ambiguous = p.candidates;
  }
  return fuzzy(line, ctx, rejected, ambiguous);
}

function fuzzy(line: ReconLine, ctx: MatchContext, rejected: ReadonlySet<number>, ambiguous: Candidate[]): MatchResult {
  const key = matchTitleKey(line.title);
  if (key === '') return review(ambiguous, null, ctx);
  const w = lineWriters(line);
  const scored: Candidate[] = [];
  const words = w.words.flat();
  const scorer = new TitleScorer(key);
  for (const id of fuzzyCandidates(ctx.index, key, w.ipis, 24, words)) {
    if (rejected.has(id)) continue;
    // The best of the work's titles (the first of equal scores), as bestTitleScore gives it.
    let score = 0;
    let title = '';
    for (const t of ctx.index.titlesOf(id)) {
      const s = scorer.score(t, ctx.options.reviewThreshold);
      if (s > score) {
        score = s;
        title = t;
      }
    }
    if (score < ctx.options.reviewThreshold) continue;
    scored.push({ workId: id, score, title, writerConfirmed: writerConfirmed(ctx.index, id, w) });
  }
  scored.sort((a, b) => Number(b.writerConfirmed) - Number(a.writerConfirmed) || b.score - a.score || a.workId - b.workId);
  const best = scored[0];
  const next = scored[1];
  if (best && best.writerConfirmed && best.score >= ctx.options.autoThreshold) {
    const tie = next !== undefined && next.writerConfirmed && next.score === best.score;
    if (!tie) return matched('title-writer', best.workId, key, round3(best.score));
  }
  return review([...ambiguous, ...scored].slice(0, 5), key, ctx);
}

function review(candidates: Candidate[], key: string | null, ctx: MatchContext): MatchResult {
  const best = candidates[0];
  if (best === undefined || best.score < ctx.options.reviewThreshold) {
    return { status: 'unmatched', method: null, workId: null, confidence: 0, key, candidates: [] };
  }
  return { status: 'review', method: null, workId: null, confidence: round3(best.score), key, candidates: candidates.map((c) => ({ ...c, score: round3(c.score) })) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
