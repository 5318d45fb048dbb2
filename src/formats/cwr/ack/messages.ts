/**
 * The content of one MSG record for one diagnostic (CWR 2.2 §5.26; user manual §5.2).
 *
 * - message type: the scope the finding rejected, as a letter: E file, G group, T transaction,
 *   R record, F field. A warning rejects nothing, so it is reported as F (or R on a record), as
 *   CISAC recipients do for "replaced with default" notes.
 * - message level: the level of the edit (the error-message table's "Msg Lvl").
 * - validation number: the CISAC edit number the diagnostic itself names (params msgNumber and
 *   msgLevel, for rules that implement several CISAC edits), else the rule's `msg` metadata; for the structure
 *   rules of the core, the matching entry of the CISAC error-message table (CWR08-2493); for
 *   rules CISAC does not number, cwrkit's own number: "Z" plus two base-36 characters computed
 *   from the rule id (FNV-1a hash modulo 1296), so it never changes when rules are added. CISAC
 *   numbers are digits, so a leading Z always means "cwrkit rule; see `cwrkit rules`".
 * - message text: the rendered message, upper case and CIS-safe, cut to 150 characters.
 */
import { LEVEL_LETTER, type Diagnostic } from '../../../validation/diagnostic.js';
import { ruleById, type RuleInfo } from '../../../validation/rule.js';
import { cisText } from './cis-text.js';

export type LevelLetter = 'E' | 'G' | 'T' | 'R' | 'F';

export const MESSAGE_TEXT_LENGTH = 150;

export interface MsgContent {
  readonly message_type: LevelLetter;
  readonly original_record_sequence_number: number;
  /** The record type of the original record (written at column 29). */
  readonly original_record_type: string;
  readonly message_level: LevelLetter;
  readonly validation_number: string;
  readonly message_text: string;
}

/** CISAC error-message keys (CWR08-2493) for the core structure rules, which carry no `msg`. */
const CORE_NUMBERS: Readonly<Record<string, { number: string; level: LevelLetter }>> = {
  'file-empty': { number: '001', level: 'E' },
  'file-binary': { number: '001', level: 'E' },
  'file-not-cwr': { number: '002', level: 'E' },
  'hdr-first': { number: '002', level: 'E' },
  'grh-expected': { number: '003', level: 'E' },
  'grt-missing': { number: '004', level: 'E' },
  'trl-missing': { number: '005', level: 'E' },
  'after-trl': { number: '005', level: 'E' },
  'hdr-duplicate': { number: '008', level: 'E' },
  'group-id-sequence': { number: '002', level: 'F' },
  'grt-group-id': { number: '001', level: 'F' },
  'grt-transaction-count': { number: '002', level: 'F' },
  'grt-record-count': { number: '003', level: 'F' },
  'trl-group-count': { number: '001', level: 'F' },
  'trl-transaction-count': { number: '002', level: 'F' },
  'trl-record-count': { number: '003', level: 'F' },
  'transaction-sequence': { number: '007', level: 'F' },
  'detail-transaction-sequence': { number: '008', level: 'F' },
  'record-sequence': { number: '006', level: 'F' },
  'record-type-unknown': { number: '001', level: 'F' },
  'record-too-long': { number: '009', level: 'F' },
  'group-type-mismatch': { number: '001', level: 'G' },
};

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** cwrkit's own validation number for a rule CISAC does not number: "Z" + 2 base-36 characters. */
export function cwrkitNumber(ruleId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < ruleId.length; i++) {
    h ^= ruleId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const n = h % (36 * 36);
  return `Z${BASE36[Math.floor(n / 36)] ?? '0'}${BASE36[n % 36] ?? '0'}`;
}

function isLetter(x: unknown): x is LevelLetter {
  return x === 'E' || x === 'G' || x === 'T' || x === 'R' || x === 'F';
}

function messageLevelOf(rule: RuleInfo | undefined, d: Diagnostic): LevelLetter {
  const own = d.params?.['msgLevel'];
  if (isLetter(own)) return own;
  const msg = rule?.msg;
  if (msg !== undefined) {
    const declared: unknown = 'messageLevel' in msg ? msg.messageLevel : undefined;
    if (isLetter(declared)) return declared;
    return LEVEL_LETTER[rule?.level ?? d.level];
  }
  const core = CORE_NUMBERS[d.rule];
  if (core !== undefined) return core.level;
  return d.field !== null ? 'F' : LEVEL_LETTER[rule?.level ?? d.level];
}

/** The validation number of a diagnostic's rule (CISAC's when known, else cwrkit's). */
export function validationNumber(d: Diagnostic): string {
  const own = d.params?.['msgNumber'];
  const rule = ruleById(d.rule);
  const n = (typeof own === 'string' && own !== '' ? own : undefined) ?? rule?.msg?.number ?? CORE_NUMBERS[d.rule]?.number;
  if (n !== undefined && /^[0-9A-Z]{1,3}$/.test(n)) return n.padStart(3, '0');
  return cwrkitNumber(d.rule);
}

/** The scope a finding rejects, as a MSG message type letter. */
export function messageType(d: Pick<Diagnostic, 'severity' | 'level'>): LevelLetter {
  if (d.severity === 'error') return LEVEL_LETTER[d.level];
  return d.level === 'record' ? 'R' : 'F';
}

const RECORD_TYPE = /^[A-Z]{3}$/;

/**
 * MSG content for a diagnostic about the record with sequence `recordSequence` (in the original
 * transaction) and type `recordType` (used when the diagnostic names no record).
 */
export function msgContent(d: Diagnostic, recordSequence: number, recordType: string): MsgContent {
  const rule = ruleById(d.rule);
  const keyRecord = d.params?.['msgRecord'];
  const candidates = [d.record, typeof keyRecord === 'string' && keyRecord !== 'FIL' ? keyRecord : null, recordType];
  // A garbage line has no real record type: write what can be written of it, CIS-safe.
  const record = candidates.find((c): c is string => c !== null && RECORD_TYPE.test(c)) ?? (cisText(d.record ?? recordType, 3) || '???').padEnd(3, '?');
  return {
    message_type: messageType(d),
    original_record_sequence_number: recordSequence,
    original_record_type: record,
    message_level: messageLevelOf(rule, d),
    validation_number: validationNumber(d),
    message_text: cisText(d.message, MESSAGE_TEXT_LENGTH) || 'SEE VALIDATION NUMBER',
  };
}

/** Diagnostics an ACK reports: errors and warnings (notes such as padded lines are left out). */
export function reportable(d: Diagnostic): boolean {
  return d.severity === 'error' || d.severity === 'warning';
}
