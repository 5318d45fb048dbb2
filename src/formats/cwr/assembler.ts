/**
 * Turns records, in file order, into the transmission structure (HDR, groups, transactions,
 * TRL) and checks what structure alone can show: record order, sequence numbers and the counts
 * declared by GRT and TRL. It is a push parser: feed records one at a time, take the events.
 */
import type { Diagnostic, Level } from '../../validation/diagnostic.js';
import { diagnostic, type Params, type RuleInfo } from '../../validation/rule.js';
import * as R from '../../validation/rules/structure.js';
import type { CwrRecord } from './record.js';
import { TRANSACTION_HEADER_TYPES, type CwrEvent, type GroupInfo, type Transaction } from './structure.js';

type State = 'start' | 'afterHdr' | 'inGroup' | 'afterGrt' | 'afterTrl';

export class CwrAssembler {
  readonly events: CwrEvent[] = [];
  /** Diagnostics found, when no callback was given to the constructor. */
  readonly diagnostics: Diagnostic[] = [];

  #state: State = 'start';
  #group: GroupInfo | null = null;
  #tx: Transaction | null = null;
  #txSeq: number | null = null;
  #expectedRecordSeq = 0;
  #groups = 0;
  #transactions = 0;
  #records = 0;
  #lastLine = 0;
  #sawHdr = false;
  #sawTrl = false;

  constructor(private readonly onDiagnostic?: (d: Diagnostic) => void) {}

  #report(rule: RuleInfo, rec: CwrRecord | null, params: Params, extra: { column?: number; length?: number; field?: string; level?: Level } = {}): void {
    const d = diagnostic(
      rule,
      {
        line: rec?.line ?? null,
        column: extra.column ?? (rec ? 1 : null),
        ...(extra.length !== undefined ? { length: extra.length } : {}),
        record: rec?.type ?? null,
        field: extra.field ?? null,
        transaction: this.#tx ? this.#txSeq : null,
        group: this.#group?.id ?? null,
      },
      params,
      extra.level,
    );
    // Streaming callers take diagnostics through the callback; keeping them too would grow
    // without bound on a file with a systematic error.
    if (this.onDiagnostic) this.onDiagnostic(d);
    else this.diagnostics.push(d);
  }

  /** Totals seen so far (records counts every physical line given to push). */
  get counts(): { groups: number; transactions: number; records: number } {
    return { groups: this.#groups, transactions: this.#transactions, records: this.#records };
  }

  push(rec: CwrRecord): void {
    this.#records++;
    this.#lastLine = rec.line;
    if (this.#group) this.#group.recordCount++;
    switch (rec.type) {
      case 'HDR':
        return this.#hdr(rec);
      case 'GRH':
        return this.#grh(rec);
      case 'GRT':
        return this.#grt(rec);
      case 'TRL':
        return this.#trl(rec);
      default:
        return this.#body(rec);
    }
  }

  #hdr(rec: CwrRecord): void {
    if (this.#sawHdr) {
      this.#report(R.HDR_DUPLICATE, rec, {});
      this.events.push({ kind: 'stray', record: rec });
      return;
    }
    this.#sawHdr = true;
    if (this.#state !== 'start') this.#report(R.HDR_FIRST, rec, { found: 'HDR later in the file' });
    this.#state = 'afterHdr';
    this.events.push({ kind: 'hdr', record: rec });
  }

  #startCheck(rec: CwrRecord): void {
    if (this.#state === 'start') {
      this.#report(R.HDR_FIRST, rec, { found: rec.type });
      this.#state = 'afterHdr';
    }
  }

  #grh(rec: CwrRecord): void {
    this.#startCheck(rec);
    if (this.#state === 'afterTrl') this.#report(R.AFTER_TRL, rec, { found: 'GRH' });
    if (this.#group) {
      this.#report(R.GRT_MISSING, rec, { group: this.#group.id ?? '?', found: 'GRH' });
      this.#closeGroup(null);
    }
    this.#groups++;
    const idField = rec.raw('group_id') ?? { text: '', column: 7, length: 5 };
    const id = /^[0-9]+$/.test(idField.text) ? Number(idField.text) : null;
    if (id !== this.#groups) {
      this.#report(R.GROUP_ID_SEQUENCE, rec, { found: idField.text.trim() || 'blank', expected: this.#groups }, { column: idField.column, length: idField.length, field: 'group_id' });
    }
    this.#group = {
      header: rec,
      transactionType: (rec.raw('transaction_type')?.text ?? '').trim(),
      id,
      trailer: null,
      transactionCount: 0,
      recordCount: 1,
    };
    this.#txSeq = null;
    this.#state = 'inGroup';
    this.events.push({ kind: 'grh', group: this.#group });
  }

  #closeTransaction(): void {
    if (this.#tx) {
      this.events.push({ kind: 'transaction', transaction: this.#tx });
      this.#tx = null;
    }
  }

  #closeGroup(trailer: CwrRecord | null): void {
    this.#closeTransaction();
    const group = this.#group;
    if (!group) return;
    group.trailer = trailer;
    if (trailer) {
      const gid = trailer.raw('group_id');
      if (gid && group.id !== null && Number(gid.text) !== group.id) {
        this.#report(R.GRT_GROUP_ID, trailer, { found: gid.text.trim() || 'blank', expected: group.id }, { column: gid.column, length: gid.length, field: 'group_id' });
      }
      this.#checkCount(R.GRT_TRANSACTION_COUNT, trailer, 'transaction_count', group.transactionCount);
      this.#checkCount(R.GRT_RECORD_COUNT, trailer, 'record_count', group.recordCount);
    }
    this.events.push({ kind: 'grt', group });
    this.#group = null;
    this.#tx = null;
  }

  #checkCount(rule: RuleInfo, rec: CwrRecord, field: string, actual: number): void {
    const raw = rec.raw(field);
    if (raw === undefined) return;
    const declared = /^[0-9]+$/.test(raw.text) ? Number(raw.text) : null;
    if (declared !== actual) {
      this.#report(rule, rec, { declared: declared ?? (raw.text.trim() || 'blank'), actual }, { column: raw.column, length: raw.length, field });
    }
  }

  #grt(rec: CwrRecord): void {
    this.#startCheck(rec);
    if (!this.#group) {
      this.#report(R.GRH_EXPECTED, rec, { after: this.#state === 'afterGrt' ? 'GRT' : 'HDR', found: 'GRT' });
      this.events.push({ kind: 'stray', record: rec });
      return;
    }
    this.#closeGroup(rec);
    this.#state = 'afterGrt';
  }

  #trl(rec: CwrRecord): void {
    this.#startCheck(rec);
    if (this.#sawTrl) {
      this.#report(R.AFTER_TRL, rec, { found: 'a second TRL' });
      this.events.push({ kind: 'stray', record: rec });
      return;
    }
    if (this.#group) {
      this.#report(R.GRT_MISSING, rec, { group: this.#group.id ?? '?', found: 'TRL' });
      this.#group.recordCount--; // the TRL is not part of the group
      this.#closeGroup(null);
    }
    this.#sawTrl = true;
    this.#state = 'afterTrl';
    this.#checkCount(R.TRL_GROUP_COUNT, rec, 'group_count', this.#groups);
    this.#checkCount(R.TRL_TRANSACTION_COUNT, rec, 'transaction_count', this.#transactions);
    this.#checkCount(R.TRL_RECORD_COUNT, rec, 'record_count', this.#records);
    this.events.push({ kind: 'trl', record: rec });
  }

  #body(rec: CwrRecord): void {
    this.#startCheck(rec);
    if (this.#state === 'afterTrl') {
      this.#report(R.AFTER_TRL, rec, { found: rec.type });
      this.events.push({ kind: 'stray', record: rec });
      return;
    }
    if (!this.#group) {
      this.#report(R.GRH_EXPECTED, rec, { after: this.#state === 'afterGrt' ? 'GRT' : 'HDR', found: rec.type });
      this.events.push({ kind: 'stray', record: rec });
      return;
    }
    const isHeader = TRANSACTION_HEADER_TYPES.has(rec.type);
    const nested = isHeader && this.#tx !== null && this.#tx.header.type === 'ACK' && rec.type !== 'ACK';
    if (isHeader && !nested) {
      this.#startTransaction(rec);
      return;
    }
    if (!this.#tx) {
      this.#report(R.RECORD_OUTSIDE_TRANSACTION, rec, { found: rec.type });
      this.events.push({ kind: 'stray', record: rec });
      return;
    }
    this.#tx.records.push(rec);
    if (rec.layout?.prefix !== false) this.#checkDetailPrefix(rec);
  }

  #startTransaction(rec: CwrRecord): void {
    this.#closeTransaction();
    const group = this.#group as GroupInfo;
    if (group.transactionType !== rec.type) {
      this.#report(R.GROUP_TYPE_MISMATCH, rec, { found: rec.type, group: group.transactionType }, { column: 1, length: 3, field: 'record_type' });
    }
    const expected = this.#txSeq === null ? 0 : this.#txSeq + 1;
    const seq = rec.transactionSequence;
    this.#tx = { header: rec, records: [], group: group.id, index: group.transactionCount };
    group.transactionCount++;
    this.#transactions++;
    if (seq !== expected) {
      this.#report(R.TRANSACTION_SEQUENCE, rec, { found: rec.text.slice(3, 11).trim() || 'blank', expected }, { column: 4, length: 8, field: 'transaction_sequence_number' });
    }
    this.#txSeq = seq ?? expected;
    this.#expectedRecordSeq = 1;
    const rseq = rec.recordSequence;
    if (rseq !== 0) {
      this.#report(R.RECORD_SEQUENCE, rec, { found: rec.text.slice(11, 19).trim() || 'blank', expected: 0 }, { column: 12, length: 8, field: 'record_sequence_number' });
    }
  }

  #checkDetailPrefix(rec: CwrRecord): void {
    const seq = rec.transactionSequence;
    if (seq !== this.#txSeq) {
      this.#report(R.DETAIL_TRANSACTION_SEQUENCE, rec, { found: rec.text.slice(3, 11).trim() || 'blank', expected: this.#txSeq ?? 0 }, { column: 4, length: 8, field: 'transaction_sequence_number' });
    }
    const rseq = rec.recordSequence;
    if (rseq !== this.#expectedRecordSeq) {
      this.#report(R.RECORD_SEQUENCE, rec, { found: rec.text.slice(11, 19).trim() || 'blank', expected: this.#expectedRecordSeq }, { column: 12, length: 8, field: 'record_sequence_number' });
    }
    this.#expectedRecordSeq = (rseq ?? this.#expectedRecordSeq) + 1;
  }

  /** Call after the last record. */
  end(): void {
    if (this.#records === 0) {
      this.#report(R.FILE_EMPTY, null, {});
      return;
    }
    if (this.#group) {
      this.#report(R.GRT_MISSING, null, { group: this.#group.id ?? '?', found: 'the end of the file' });
      this.#closeGroup(null);
    }
    if (!this.#sawTrl) this.#report(R.TRL_MISSING, null, { last: this.#lastLine });
  }
}
