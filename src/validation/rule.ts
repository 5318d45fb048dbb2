/**
 * Rule metadata: a stable id, the CISAC level, the CISAC edit it implements and how its message
 * reads. Checks live next to their rules; this file only describes and renders them.
 */
import { LEVEL_LETTER, severityOf, type Diagnostic, type Level, type ParamValue, type Severity } from './diagnostic.js';

export type Params = Readonly<Record<string, ParamValue>>;

export interface RuleInfo {
  /** Stable id, e.g. "trl-record-count". Never renamed once released. */
  readonly id: string;
  readonly level: Level;
  /** Defaults to the level's severity (field: warning, others: error). */
  readonly severity?: Severity;
  /** The CISAC source: spec section / edit, e.g. "CWR 2.2 §3.8 TRL edit 3". */
  readonly cisac: string;
  /** CISAC error-message key (record type, message level, validation number) for ACK MSG records.
   * `messageLevel` is the letter of the table's "Msg Lvl" column when it differs from the rule's
   * level letter (e.g. SPU F 013 rejects the transaction but is a field-level edit). */
  readonly msg?: { readonly record: string; readonly number: string; readonly messageLevel?: 'E' | 'G' | 'T' | 'R' | 'F' };
  /** One line for `cwrkit rules`. */
  readonly summary: string;
  /** Renders the message from the diagnostic's parameters. */
  readonly message: (p: Params) => string;
}

export interface Where {
  readonly line?: number | null;
  readonly column?: number | null;
  readonly length?: number;
  readonly record?: string | null;
  readonly field?: string | null;
  readonly transaction?: number | null;
  readonly group?: number | null;
}

const registry = new Map<string, RuleInfo>();

/** Declares a rule; ids must be unique across the program. */
export function defineRule(info: RuleInfo): RuleInfo {
  if (registry.has(info.id)) throw new Error(`duplicate rule id ${info.id}`);
  registry.set(info.id, info);
  return info;
}

export function allRules(): RuleInfo[] {
  return [...registry.values()];
}

/** A rule's CISAC error-message key as ACK MSG records write it ("NWR T 008"); null without one. */
export function msgKey(rule: RuleInfo): string | null {
  return rule.msg ? `${rule.msg.record} ${rule.msg.messageLevel ?? LEVEL_LETTER[rule.level]} ${rule.msg.number}` : null;
}

export function ruleById(id: string): RuleInfo | undefined {
  return registry.get(id);
}

export function diagnostic(rule: RuleInfo, where: Where, params: Params = {}, level?: Level): Diagnostic {
  const lvl = level ?? rule.level;
  return {
    rule: rule.id,
    level: lvl,
    severity: level !== undefined ? severityOf(lvl) : (rule.severity ?? severityOf(lvl)),
    line: where.line ?? null,
    column: where.column ?? null,
    ...(where.length !== undefined ? { length: where.length } : {}),
    record: where.record ?? null,
    field: where.field ?? null,
    transaction: where.transaction ?? null,
    ...(where.group !== undefined ? { group: where.group } : {}),
    message: rule.message(params),
    ...(Object.keys(params).length > 0 ? { params } : {}),
  };
}
