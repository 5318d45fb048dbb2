/**
 * The validator: streams a CWR file through the reader, runs field checks on every record and the
 * registered transaction checks on every transaction, and decides each transaction's fate
 * (accepted, accepted with changes, rejected) the CISAC way. Never stops at the first problem.
 */
import { checkRecord, CLEAN_RECORD, type FieldIssue } from '../fixed-width/codec.js';
import type { CwrRecord } from '../formats/cwr/record.js';
import { streamCwr, type CwrFileInfo, type CwrReadOptions } from '../formats/cwr/reader.js';
import type { CwrEvent, GroupInfo, Transaction } from '../formats/cwr/structure.js';
import type { Diagnostic, Level } from './diagnostic.js';
import { diagnostic, type RuleInfo } from './rule.js';
import * as F from './rules/fields.js';

export type TransactionStatus = 'accepted' | 'accepted-with-changes' | 'rejected';

/** What the checks of one transaction can see and use. */
export interface CheckContext {
  readonly info: CwrFileInfo;
  readonly fileName: string;
  /** Options of the run (profile, society, tables...), opaque to the engine. */
  readonly options: ValidateOptions;
  /** Reports a diagnostic (built with validation/rule.ts `diagnostic`). */
  report(d: Diagnostic): void;
}

/** A check over one transaction: reports what it finds through ctx.report. */
export type TransactionCheck = (tx: Transaction, group: GroupInfo, ctx: CheckContext) => void;
/** A check over the file's control records and overall facts, run once at the end. */
export type FileCheck = (file: FileFacts, ctx: CheckContext) => void;
/** A check over one record outside transactions (HDR, GRH, GRT, TRL). */
export type ControlCheck = (rec: CwrRecord, ctx: CheckContext) => void;

export interface FileFacts {
  readonly header: CwrRecord | null;
  readonly trailer: CwrRecord | null;
  readonly groups: readonly GroupInfo[];
}

export interface CheckSet {
  readonly transaction: readonly TransactionCheck[];
  readonly control: readonly ControlCheck[];
  readonly file: readonly FileCheck[];
}

export interface ValidateOptions extends CwrReadOptions {
  /** Extra checks (the CISAC rule set and society profiles plug in here). */
  readonly checks?: CheckSet;
  /** Rule ids switched off. */
  readonly disabled?: ReadonlySet<string>;
  /** Level overrides per rule id (from a society profile). */
  readonly levels?: ReadonlyMap<string, Level>;
  /** Opaque settings for checks (profile, society code, sender registry...). */
  readonly settings?: Readonly<Record<string, unknown>>;
  /**
   * Most record-, field- and transaction-level diagnostics kept in the result (default
   * 100,000), so a huge file with a systematic error validates in bounded memory. Every
   * diagnostic is still counted in the summary and passed to hooks.onDiagnostic; file- and
   * group-level ones are always kept. See docs/performance.md.
   */
  readonly maxDiagnostics?: number;
}

export const DEFAULT_MAX_DIAGNOSTICS = 100_000;

export interface TransactionResult {
  readonly group: number | null;
  readonly index: number;
  readonly sequence: number | null;
  readonly type: string;
  readonly line: number;
  readonly status: TransactionStatus;
  readonly diagnostics: readonly Diagnostic[];
}

export interface ValidationSummary {
  transactions: number;
  accepted: number;
  rejected: number;
  errors: number;
  warnings: number;
  byLevel: Record<Level, number>;
}

export interface ValidationResult {
  readonly path: string;
  readonly info: CwrFileInfo;
  readonly valid: boolean;
  /** A file-level (ER) error rejects every transaction. */
  readonly fileRejected: boolean;
  /** Ids of groups rejected by a group-level (GR) error. */
  readonly rejectedGroups: ReadonlyArray<number | null>;
  readonly summary: ValidationSummary;
  /** All diagnostics in line order (file-wide ones with no line first), up to maxDiagnostics. */
  readonly diagnostics: Diagnostic[];
  /** Diagnostics counted in the summary but not kept in `diagnostics` (over maxDiagnostics). */
  readonly omittedDiagnostics: number;
}

export interface ValidateHooks {
  /** Called for each transaction once it is checked (streaming consumers: import, ack). */
  onTransaction?: (tx: Transaction, result: TransactionResult) => void | Promise<void>;
  /** Called for every structure event, in order. */
  onEvent?: (ev: CwrEvent) => void | Promise<void>;
  /** Called for every diagnostic as it is settled (all of them, even beyond maxDiagnostics). */
  onDiagnostic?: (d: Diagnostic) => void;
  /** Called at each GRT, once the group's fate is known (a group-level error rejects it). */
  onGroupEnd?: (group: GroupInfo, rejected: boolean) => void | Promise<void>;
}

/** The diagnostics of a clean transaction (shared, never written to). */
const NONE: readonly Diagnostic[] = Object.freeze([]);

const CONTROL_LEVEL: Readonly<Record<string, Level>> = { HDR: 'file', TRL: 'file', GRH: 'group', GRT: 'group' };

function fieldRule(issue: FieldIssue): RuleInfo {
  switch (issue.problem) {
    case 'not-numeric':
      return F.FIELD_NUMERIC;
    case 'invalid-date':
      return F.FIELD_DATE;
    case 'invalid-time':
      return F.FIELD_TIME;
    case 'invalid-flag':
    case 'invalid-boolean':
      return F.FIELD_FLAG;
    case 'missing':
      return F.FIELD_REQUIRED;
  }
}

/** Field type and requirement checks of one record. */
export function checkRecordFields(rec: CwrRecord, transaction: number | null, report: (d: Diagnostic) => void): void {
  if (!rec.layout) return;
  // checkRecord reports exactly what a full decode would, without decoding (or keeping) values.
  const d = checkRecord(rec.layout, rec.text);
  if (d === CLEAN_RECORD) return;
  const controlLevel = CONTROL_LEVEL[rec.type];
  const where = (field: { name: string; start: number; length: number }) => ({
    line: rec.line,
    column: field.start,
    length: field.length,
    record: rec.type,
    field: field.name,
    transaction,
  });
  for (const issue of d.issues) {
    const f = issue.field;
    // A mandatory field that cannot be read rejects like a missing one; others fall back to a default.
    const level: Level = controlLevel ?? (f.req === 'M' ? 'transaction' : 'field');
    const allowed = f.type === 'F' ? 'Y, N or U' : 'Y or N';
    report(diagnostic(fieldRule(issue), where(f), { field: f.name, raw: issue.raw, allowed }, level));
  }
  for (const f of d.missing) {
    // Zero dates and blank mandatory fields are both "missing".
    report(diagnostic(F.FIELD_REQUIRED, where(f), { field: f.name }, controlLevel ?? 'transaction'));
  }
}

/** Rejection scope of a diagnostic on a transaction: does it reject the whole transaction? */
function rejectsTransaction(d: Diagnostic): boolean {
  return d.severity === 'error' && (d.level === 'transaction' || d.level === 'group' || d.level === 'file');
}

export async function validateCwr(path: string | AsyncIterable<Buffer>, options: ValidateOptions = {}, hooks: ValidateHooks = {}): Promise<ValidationResult> {
  const diagnostics: Diagnostic[] = [];
  const disabled = options.disabled ?? new Set<string>();
  const levels = options.levels;
  const adjust = (d: Diagnostic): Diagnostic | null => {
    if (disabled.has(d.rule)) return null;
    const lvl = levels?.get(d.rule);
    if (lvl === undefined || lvl === d.level) return d;
    return { ...d, level: lvl, severity: lvl === 'field' ? 'warning' : 'error' };
  };
  let pending: Diagnostic[] = [];
  /** Lines of group-level errors, to reject their groups when the GRT is reached. */
  const groupErrorLines: number[] = [];
  const sink = (d: Diagnostic): void => {
    const a = adjust(d);
    if (!a) return;
    pending.push(a);
    if (a.level === 'group' && a.severity === 'error' && a.line !== null) groupErrorLines.push(a.line);
  };
  const fileName = typeof path === 'string' ? path : (options.fileName ?? '');
  const stream = streamCwr(path, options, sink);
  const checks = options.checks ?? { transaction: [], control: [], file: [] };
  const ctx: CheckContext = { info: stream.info, fileName, options, report: sink };
  const summary: ValidationSummary = {
    transactions: 0,
    accepted: 0,
    rejected: 0,
    errors: 0,
    warnings: 0,
    byLevel: { file: 0, group: 0, transaction: 0, record: 0, field: 0 },
  };
  const groups: GroupInfo[] = [];
  let header: CwrRecord | null = null;
  let trailer: CwrRecord | null = null;
  /** Group-level errors reject every transaction of that group; file-level ones every transaction. */
  const groupRejected = new Set<GroupInfo>();
  /** Per group only counts are kept (transactions, rejected ones), so memory stays bounded. */
  const tally = new Map<GroupInfo | null, { transactions: number; rejected: number }>();
  const maxKept = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  let kept = 0;
  let omitted = 0;
  /** Settles a diagnostic: counts it, hands it to the hook, keeps it if under the cap. */
  const settle = (d: Diagnostic): void => {
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    if (d.severity !== 'info') summary.byLevel[d.level]++;
    hooks.onDiagnostic?.(d);
    if (d.level === 'file' || d.level === 'group' || d.line === null) diagnostics.push(d);
    else if (kept < maxKept) {
      kept++;
      diagnostics.push(d);
    } else omitted++;
  };

  const control = (rec: CwrRecord): void => {
    checkRecordFields(rec, null, sink);
    for (const c of checks.control) c(rec, ctx);
  };

  let currentGroup: GroupInfo | null = null;
  for await (const batch of stream.events) {
    for (const ev of batch) {
      switch (ev.kind) {
        case 'hdr':
          header = ev.record;
          control(ev.record);
          break;
        case 'grh':
          currentGroup = ev.group;
          groups.push(ev.group);
          control(ev.group.header);
          break;
        case 'grt': {
          if (ev.group.trailer) control(ev.group.trailer);
          const from = ev.group.header.line;
          const to = ev.group.trailer?.line ?? Number.MAX_SAFE_INTEGER;
          if (groupErrorLines.some((line) => line >= from && line <= to)) groupRejected.add(ev.group);
          currentGroup = null;
          if (hooks.onGroupEnd) await hooks.onGroupEnd(ev.group, groupRejected.has(ev.group));
          break;
        }
        case 'trl':
          trailer = ev.record;
          control(ev.record);
          break;
        case 'stray':
          break;
        case 'transaction': {
          const tx = ev.transaction;
          const seq = tx.header.transactionSequence;
          checkRecordFields(tx.header, seq, sink);
          for (const rec of tx.records) checkRecordFields(rec, seq, sink);
          const group = currentGroup;
          if (group) for (const c of checks.transaction) c(tx, group, ctx);
          // The reader reports while it assembles, a batch ahead of the events: split what is
          // pending into what came before this transaction, what is in it, and what follows.
          const first = tx.header.line;
          let mine: readonly Diagnostic[] = NONE;
          if (pending.length > 0) {
            const last = lastLine(tx);
            const own: Diagnostic[] = [];
            const later: Diagnostic[] = [];
            for (const d of pending) {
              if (d.line !== null && d.line > last) later.push(d);
              else if (d.line !== null && d.line >= first) own.push(d);
              else settle(d);
            }
            for (const d of own) settle(d);
            pending = later;
            mine = own;
          }
          const status: TransactionStatus = mine.some(rejectsTransaction)
            ? 'rejected'
            : mine.some((d) => d.severity === 'error' || d.severity === 'warning')
              ? 'accepted-with-changes'
              : 'accepted';
          summary.transactions++;
          let t = tally.get(group);
          if (t === undefined) tally.set(group, (t = { transactions: 0, rejected: 0 }));
          t.transactions++;
          if (status === 'rejected') t.rejected++;
          if (hooks.onTransaction) {
            await hooks.onTransaction(tx, {
              group: tx.group,
              index: tx.index,
              sequence: seq,
              type: tx.header.type,
              line: first,
              status,
              diagnostics: mine,
            });
          }
          break;
        }
      }
      if (hooks.onEvent) await hooks.onEvent(ev);
    }
  }
  for (const c of checks.file) c({ header, trailer, groups }, ctx);
  for (const d of pending) settle(d);
  pending = [];

  const fileRejected = diagnostics.some((d) => d.level === 'file' && d.severity === 'error');
  for (const [group, t] of tally) {
    const rejected = fileRejected || (group !== null && groupRejected.has(group)) ? t.transactions : t.rejected;
    summary.rejected += rejected;
    summary.accepted += t.transactions - rejected;
  }
  if (diagnostics.length > 1) diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    path: fileName,
    info: stream.info,
    valid: !fileRejected && summary.rejected === 0 && groupRejected.size === 0,
    fileRejected,
    rejectedGroups: [...groupRejected].map((g) => g.id),
    summary,
    diagnostics,
    omittedDiagnostics: omitted,
  };
}

function lastLine(tx: Transaction): number {
  const last = tx.records[tx.records.length - 1];
  return last ? last.line : tx.header.line;
}
