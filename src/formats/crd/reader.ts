/**
 * Reads a CRD file as a stream into the statement model: HDR, groups (GRH ... GRT), the SDN
 * distribution, works (MWN) with their right (MDR), parties (MIP), usage lines (WER) and
 * adjustments (ADJ), TRL. Counts and totals are checked as the file goes by; a mismatch is a
 * diagnostic with line and column, never an exception. Unknown record types are kept and reported.
 */
import { basename } from 'node:path';
import { fieldText } from '../../fixed-width/codec.js';
import { decodeField } from '../../fixed-width/field-types.js';
import type { FieldSpec, LayoutSet, RecordLayout } from '../../fixed-width/layout.js';
import { isCurrency } from '../../domain/currency.js';
import { formatUnits } from '../../domain/money.js';
import { resolveEncoding } from '../../io/encoding.js';
import { readFileLines, readLinesFrom, type Line } from '../../io/line-reader.js';
import { at, checkLine, type BaseIntakeOptions, type IntakeResult, type LineSink, type StatementHeader } from '../../statements/intake.js';
import { addTotal, blankLine, isRight, type Right, type StatementLine } from '../../statements/model.js';
import * as S from '../../statements/rules.js';
import type { Diagnostic } from '../../validation/diagnostic.js';
import { crdLayouts } from './layouts.js';
import * as R from './rules.js';

export interface CrdReadOptions extends BaseIntakeOptions {
  /** Layouts to read with (crdLayouts() or an override from --layouts). */
  readonly layouts?: LayoutSet;
  /** Force the text encoding; otherwise BOM, then the HDR character set, else windows-1252. */
  readonly encoding?: string;
}

/** MDR right category -> our right. */
const CATEGORY_RIGHT: Readonly<Record<string, Right>> = { PER: 'PR', MEC: 'MR', SYN: 'SR' };

interface Work {
  code: string | null;
  title: string | null;
  iswc: string | null;
  line: number;
}
interface Party {
  number: string | null;
  ipi: string | null;
  name: string | null;
  role: string | null;
  share: number | null;
}
interface Group {
  id: number;
  type: string;
  line: number;
  transactions: number;
  records: number;
  totals: Map<string, bigint>;
}

const SEQUENCE_REPORTS = 20;

export async function readCrd(source: string | AsyncIterable<Buffer>, options: CrdReadOptions, sink: LineSink): Promise<IntakeResult> {
  const layouts = options.layouts ?? crdLayouts();
  const file = options.fileName ?? (typeof source === 'string' ? basename(source) : 'stdin');
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic): void => void diagnostics.push(d);
  const header: StatementHeader = {
    fromSociety: options.fromSociety,
    format: 'crd',
    period: { start: null, end: null },
    distributionId: null,
    currency: null,
    decimals: 2,
  };
  const unknown: { line: number; type: string; text: string }[] = [];
  const computed = new Map<string, bigint>();
  const declared = new Map<string, bigint>();
  let declaredAt: { line: number; column: number } | null = null;
  const batchSize = options.batchSize ?? 5000;
  let batch: StatementLine[] = [];
  let lineCount = 0;

  // Structure state.
  let seenHdr = false;
  let seenTrl = false;
  let seenSdn = false;
  let group: Group | null = null;
  let groups = 0;
  let transactions = 0;
  let records = 0;
  let lastLine = 0;
  let work: Work | null = null;
  let right: Right | null = null;
  let party: Party | null = null;
  const unknownLayoutReported = new Set<string>();

  let encoding = 'windows-1252';
  const chooseEncoding = (first: string, bom: boolean): string => {
    if (options.encoding !== undefined) encoding = resolveEncoding(options.encoding) ?? 'utf-8';
    else if (bom) encoding = 'utf-8';
    else if (first.startsWith('HDR')) {
      const declaredCs = first.slice(86, 101).trim();
      encoding = (declaredCs === '' ? undefined : resolveEncoding(declaredCs)) ?? encoding;
    }
    return encoding;
  };
  const lines =
    typeof source === 'string' ? readFileLines(source, { chooseEncoding }) : readLinesFrom(source, { chooseEncoding });

  /** A field's typed value, reporting a decoding problem as a record error (the statement needs it). */
  const value = (layout: RecordLayout, line: Line, name: string): string | number | null => {
    const spec = layout.byName.get(name);
    if (spec === undefined) return null;
    const raw = fieldText(line.text, spec);
    const d = decodeField(spec, raw);
    if (d.problem !== undefined) {
      report(at(R.FIELD_INVALID, line.no, spec.start, name, { field: name, text: raw, type: typeName(spec) }, layout.type));
      return null;
    }
    const v = d.value;
    if (v === null || typeof v === 'boolean') return null;
    return typeof v === 'bigint' ? v.toString() : v;
  };
  const text = (layout: RecordLayout, line: Line, name: string): string | null => {
    const v = value(layout, line, name);
    return v === null ? null : String(v);
  };
  const digits = (layout: RecordLayout, line: Line, name: string, width: number): string | null => {
    const spec = layout.byName.get(name);
    if (spec === undefined) return null;
    const raw = fieldText(line.text, spec).trim();
    if (raw === '' || /^0+$/.test(raw)) return null;
    if (!/^[0-9]+$/.test(raw)) {
      report(at(R.FIELD_INVALID, line.no, spec.start, name, { field: name, text: raw, type: 'number' }, layout.type));
      return null;
    }
    return raw.padStart(width, '0').slice(-Math.max(width, raw.length));
  };
  /** An unsigned amount in minor units; a sign or a non-digit is a record error. */
  const amount = (layout: RecordLayout, line: Line, name: string, required: boolean): bigint | null => {
    const spec = layout.byName.get(name);
    if (spec === undefined) return null;
    const raw = fieldText(line.text, spec);
    const t = raw.trim();
    if (t === '') {
      if (required) report(at(S.AMOUNT_MISSING, line.no, spec.start, name, {}, layout.type));
      return null;
    }
    if (/[-+]/.test(t)) {
      report(at(R.AMOUNT_SIGNED, line.no, spec.start + raw.search(/[-+]/), name, { field: name, text: t }, layout.type));
      return null;
    }
    if (!/^[0-9]+$/.test(t)) {
      report(at(S.AMOUNT_INVALID, line.no, spec.start + raw.search(/[^0-9 ]/), name, { text: t, problem: 'not unsigned digits' }, layout.type));
      return null;
    }
    return BigInt(t);
  };
  const counted = (layout: RecordLayout, line: Line, name: string): number | null => {
    const v = value(layout, line, name);
    return typeof v === 'number' ? v : null;
  };
  const checkCount = (rule: typeof R.GRT_RECORDS, layout: RecordLayout, line: Line, name: string, count: number): void => {
    const declaredCount = counted(layout, line, name);
    if (declaredCount !== null && declaredCount !== count) {
      const spec = layout.byName.get(name) as FieldSpec;
      report({ ...at(rule, line.no, spec.start, name, { declared: declaredCount, counted: count }, layout.type), length: spec.length });
    }
  };
  const flush = (): void => {
    if (batch.length > 0) {
      sink(batch);
      batch = [];
    }
  };
  const emit = (l: StatementLine, cols: { work: number | null }): void => {
    const checked = checkLine(l, report, { work: cols.work });
    addTotal(computed, checked.currency, checked.net);
    if (group) addTotal(group.totals, checked.currency, checked.net);
    lineCount++;
    batch.push(checked);
    if (batch.length >= batchSize) flush();
  };

  // CTL-07: sequence numbers (warnings, at most SEQUENCE_REPORTS of them).
  let recordSeq = -1;
  let sequenceReports = 0;
  const checkSequence = (line: Line, header: boolean, txSeq: number, layout: RecordLayout | undefined): void => {
    if (layout !== undefined && !layout.prefix) return;
    recordSeq = header ? 0 : recordSeq + 1;
    if (sequenceReports >= SEQUENCE_REPORTS) return;
    const tx = line.text.slice(3, 11);
    const rec = line.text.slice(11, 19);
    const want = [
      ['transaction_sequence_number', tx, txSeq, 4],
      ['record_sequence_number', rec, recordSeq, 12],
    ] as const;
    for (const [field, found, expected, column] of want) {
      if (!/^[0-9]{8}$/.test(found) || Number(found) !== expected) {
        sequenceReports++;
        report({ ...at(R.SEQUENCE, line.no, column, field, { field, found, expected }, line.text.slice(0, 3)), length: 8 });
        return;
      }
    }
  };

  const closeGroup = (found: string, line: number): void => {
    if (group !== null) {
      report(at(R.GRT_MISSING, line, 1, null, { group: group.id, found }, found));
      groups++;
      transactions += group.transactions;
      group = null;
    }
  };

  const lineFor = (layout: RecordLayout, line: Line): StatementLine | null => {
    if (!seenSdn) {
      report(at(R.SDN_MISSING, line.no, 1, null, { record: layout.type }, layout.type));
      return null;
    }
    if (work === null || party === null) {
      report(at(R.CONTEXT_MISSING, line.no, 1, null, { record: layout.type, missing: work === null ? 'work (MWN)' : 'party (MIP)' }, layout.type));
      return null;
    }
    const currency = text(layout, line, 'currency_code') ?? header.currency;
    const currencySpec = layout.byName.get('currency_code');
    if (currency === null || !isCurrency(currency)) {
      report(at(currency === null ? S.CURRENCY_MISSING : S.CURRENCY_UNKNOWN, line.no, currencySpec?.start ?? null, 'currency_code', { currency: currency ?? '' }, layout.type));
      return null;
    }
    if (header.currency !== null && currency !== header.currency) {
      report(at(R.CURRENCY_DIFFERS, line.no, currencySpec?.start ?? null, 'currency_code', { line: currency, sdn: header.currency }, layout.type));
    }
    const base = blankLine(currency, { file, line: line.no, column: null });
    return {
      ...base,
      societyWorkCode: work.code,
      iswc: work.iswc,
      title: work.title,
      ipNumber: party.number,
      ipiNameNumber: party.ipi,
      partyName: party.name,
      role: party.role,
      share: party.share,
      right,
      territory: digits(layout, line, 'territory_code', 4),
    };
  };

  const handle = (line: Line, layout: RecordLayout): void => {
    switch (layout.type) {
      case 'SDN': {
        seenSdn = true;
        header.period = { start: text(layout, line, 'distribution_period_start'), end: text(layout, line, 'distribution_period_end') };
        header.distributionId = text(layout, line, 'distribution_identifier');
        const dec = value(layout, line, 'amount_decimal_places');
        header.decimals = typeof dec === 'number' ? dec : 2;
        const cur = text(layout, line, 'currency_code');
        if (cur !== null && !isCurrency(cur)) {
          report(at(S.CURRENCY_UNKNOWN, line.no, layout.byName.get('currency_code')?.start ?? null, 'currency_code', { currency: cur }, 'SDN'));
        } else header.currency = cur;
        const remitter = digits(layout, line, 'remitting_society_code', 3);
        if (remitter !== null && remitter !== options.fromSociety) {
          report(at(R.SENDER_DIFFERS, line.no, layout.byName.get('remitting_society_code')?.start ?? null, 'remitting_society_code', { found: remitter, expected: options.fromSociety }, 'SDN'));
        }
        const total = amount(layout, line, 'total_remitted_amount', false);
        if (total !== null && header.currency !== null) {
          const neg = text(layout, line, 'total_remitted_sign') === '-';
          declared.set(header.currency, neg ? -total : total);
          declaredAt = { line: line.no, column: layout.byName.get('total_remitted_amount')?.start ?? 1 };
        }
        return;
      }
      case 'MWN':
        work = {
          code: text(layout, line, 'society_work_identifier'),
          title: text(layout, line, 'work_title'),
          iswc: text(layout, line, 'iswc'),
          line: line.no,
        };
        right = null;
        party = null;
        return;
      case 'MDR': {
        const cat = text(layout, line, 'right_category');
        const code = text(layout, line, 'right_code');
        right = (cat !== null ? CATEGORY_RIGHT[cat] : undefined) ?? (code !== null && isRight(code) ? code : null);
        return;
      }
      case 'MIP': {
        const num = value(layout, line, 'share_numerator');
        const den = value(layout, line, 'share_denominator');
        let share: number | null = null;
        if (typeof num === 'number' && typeof den === 'number' && den > 0) {
          share = Math.round((num * 10000) / den);
        }
        party = {
          number: text(layout, line, 'interested_party_number'),
          ipi: digits(layout, line, 'ipi_name_number', 11),
          name: text(layout, line, 'ip_name'),
          role: text(layout, line, 'role'),
          share,
        };
        return;
      }
      case 'WER': {
        const base = lineFor(layout, line);
        const gross = amount(layout, line, 'gross_amount', false);
        const net = amount(layout, line, 'remitted_amount', true);
        if (base === null || net === null) return;
        const start = text(layout, line, 'usage_period_start');
        const end = text(layout, line, 'usage_period_end');
        emit(
          {
            ...base,
            source: { file, line: line.no, column: layout.byName.get('remitted_amount')?.start ?? null },
            lineRef: text(layout, line, 'reference_identifier'),
            distributionCategory: text(layout, line, 'distribution_category'),
            gross,
            net,
            usagePeriod: start === null && end === null ? null : { start, end },
          },
          { work: null },
        );
        return;
      }
      case 'ADJ': {
        const base = lineFor(layout, line);
        const abs = amount(layout, line, 'adjustment_amount', true);
        const sign = text(layout, line, 'adjustment_sign');
        const signSpec = layout.byName.get('adjustment_sign');
        if (sign !== null && sign !== '+' && sign !== '-') {
          report(at(R.FIELD_INVALID, line.no, signSpec?.start ?? null, 'adjustment_sign', { field: 'adjustment_sign', text: sign, type: "sign ('+' or '-')" }, 'ADJ'));
          return;
        }
        if (base === null || abs === null) return;
        emit(
          {
            ...base,
            source: { file, line: line.no, column: layout.byName.get('adjustment_amount')?.start ?? null },
            lineRef: text(layout, line, 'reference_identifier'),
            distributionCategory: text(layout, line, 'original_distribution_category'),
            net: sign === '-' ? -abs : abs,
            adjustmentRef: text(layout, line, 'original_reference_identifier'),
          },
          { work: null },
        );
        return;
      }
      default:
        // A record with a layout (e.g. from --layouts) that carries nothing the statement uses.
        return;
    }
  };

  for await (const chunk of lines) {
    for (const line of chunk) {
      lastLine = line.no;
      const t = line.text;
      if (t.trim() === '') continue;
      const type = t.slice(0, 3);
      records++;
      if (!seenHdr) {
        seenHdr = true;
        if (type !== 'HDR') {
          report(at(R.HDR_FIRST, line.no, 1, 'record_type', { found: t.slice(0, 12) }, type));
          // Not a CRD file at all: stop here rather than flood the output.
          flush();
          return result();
        }
      }
      if (seenTrl) {
        report(at(R.AFTER_TRL, line.no, 1, 'record_type', { found: type }, type));
        continue;
      }
      const layout = layouts.records.get(type);
      if (layout !== undefined && t.length < layout.length) {
        const cut = layout.fields.find((f) => f.req === 'M' && f.start + f.length - 1 > t.length);
        if (cut !== undefined) {
          report({ ...at(R.RECORD_TRUNCATED, line.no, t.length + 1, cut.name, { record: type, length: t.length, field: cut.name }, type) });
          if (type !== 'HDR' && type !== 'GRH' && type !== 'GRT' && type !== 'TRL') {
            if (group) group.records++;
            continue;
          }
        }
      }
      switch (type) {
        case 'HDR': {
          if (layout === undefined) break;
          const sender = digits(layout, line, 'sender_id', 3);
          if (sender !== null && sender.replace(/^0+(?=\d{3})/, '') !== options.fromSociety) {
            report(at(R.SENDER_DIFFERS, line.no, layout.byName.get('sender_id')?.start ?? null, 'sender_id', { found: sender, expected: options.fromSociety }, 'HDR'));
          }
          continue;
        }
        case 'GRH': {
          closeGroup('GRH', line.no);
          if (layout === undefined) break;
          const id = counted(layout, line, 'group_id');
          if (id !== groups + 1) {
            report(at(R.GROUP_ID, line.no, layout.byName.get('group_id')?.start ?? null, 'group_id', { found: id ?? '', expected: groups + 1 }, 'GRH'));
          }
          group = { id: groups + 1, type: text(layout, line, 'transaction_type') ?? '', line: line.no, transactions: 0, records: 1, totals: new Map() };
          continue;
        }
        case 'GRT': {
          if (layout === undefined) break;
          if (group === null) {
            report(at(R.GRH_EXPECTED, line.no, 1, 'record_type', { found: 'GRT' }, 'GRT'));
            continue;
          }
          group.records++;
          const id = counted(layout, line, 'group_id');
          if (id !== group.id) report(at(R.GROUP_ID, line.no, layout.byName.get('group_id')?.start ?? null, 'group_id', { found: id ?? '', expected: group.id }, 'GRT'));
          checkCount(R.GRT_TRANSACTIONS, layout, line, 'transaction_count', group.transactions);
          checkCount(R.GRT_RECORDS, layout, line, 'record_count', group.records);
          const cur = text(layout, line, 'currency_indicator');
          if (cur !== null) {
            const tot = amount(layout, line, 'total_monetary_value', false) ?? 0n;
            const sumOf = group.totals.get(cur) ?? 0n;
            if (tot !== sumOf) {
              report(at(R.GRT_TOTAL, line.no, layout.byName.get('total_monetary_value')?.start ?? null, 'total_monetary_value', { declared: formatUnits(tot, header.decimals), computed: formatUnits(sumOf, header.decimals), currency: cur }, 'GRT'));
            }
          }
          groups++;
          transactions += group.transactions;
          group = null;
          work = null;
          party = null;
          right = null;
          continue;
        }
        case 'TRL': {
          closeGroup('TRL', line.no);
          seenTrl = true;
          if (layout === undefined) break;
          checkCount(R.TRL_GROUPS, layout, line, 'group_count', groups);
          checkCount(R.TRL_TRANSACTIONS, layout, line, 'transaction_count', transactions);
          checkCount(R.TRL_RECORDS, layout, line, 'record_count', records);
          continue;
        }
      }
      if (group === null) {
        report(at(R.GRH_EXPECTED, line.no, 1, 'record_type', { found: type }, type));
        continue;
      }
      group.records++;
      if (type === group.type) group.transactions++;
      checkSequence(line, type === group.type, group.transactions - 1, layout);
      if (layout === undefined) {
        unknown.push({ line: line.no, type, text: t });
        if (!unknownLayoutReported.has(type)) report(at(R.RECORD_UNKNOWN, line.no, 1, 'record_type', { found: type }, type));
        unknownLayoutReported.add(type);
        continue;
      }
      handle(line, layout);
    }
  }
  if (!seenHdr) report(at(R.HDR_FIRST, null, null, null, { found: 'nothing: the file is empty' }));
  if (!seenTrl && seenHdr) {
    closeGroup('the end of the file', lastLine);
    report(at(R.TRL_MISSING, lastLine, null, null, { last: lastLine }));
  }
  flush();
  return result();

  function result(): IntakeResult {
    for (const [cur, d] of declared) {
      const c = computed.get(cur) ?? 0n;
      if (c !== d) {
        report(at(S.TOTAL_MISMATCH, declaredAt?.line ?? null, declaredAt?.column ?? null, 'total_remitted_amount', { declared: formatUnits(d, header.decimals), computed: formatUnits(c, header.decimals), currency: cur }, 'SDN'));
      }
    }
    if (seenHdr && lineCount === 0 && !diagnostics.some((d) => d.rule === R.HDR_FIRST.id)) report(at(S.STATEMENT_EMPTY, null, null, null));
    return { header, control: { lines: lineCount, declared, computed }, diagnostics, lineCount, unknown, encoding };
  }
}

function typeName(spec: FieldSpec): string {
  switch (spec.type) {
    case 'N':
      return 'number';
    case 'D':
      return 'date (YYYYMMDD)';
    case 'T':
      return 'time (HHMMSS)';
    default:
      return 'value';
  }
}
