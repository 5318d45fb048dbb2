/**
 * XML statement intake with fast-xml-parser 5, configured for untrusted input (ECOSYSTEM.md §5):
 * a DOCTYPE is refused, the text is validated before parsing, values stay text (parseTagValue
 * false: IPI numbers and amounts keep their zeros), entity limits stay on, and the profile's
 * line element is always an array, so a one-line statement reads like a long one.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { normaliseCurrency } from '../../domain/currency.js';
import { formatUnits, parseDecimal } from '../../domain/money.js';
import { decodeBytes, resolveEncoding } from '../../io/encoding.js';
import type { Diagnostic } from '../../validation/diagnostic.js';
import { parseDate } from '../dates.js';
import { at, hasErrors, type BaseIntakeOptions, type IntakeResult, type LineSink, type StatementHeader } from '../intake.js';
import { lineFromFields } from '../line-from-fields.js';
import { addTotal, type StatementLine } from '../model.js';
import type { XmlProfile } from '../profile.js';
import * as R from '../rules.js';

export interface XmlReadOptions extends BaseIntakeOptions {
  readonly profile: XmlProfile;
}

type Node = Record<string, unknown>;

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** The encoding the XML declaration names (utf-8 when it names none or a BOM is present). */
export function xmlEncoding(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = bytes.subarray(0, 200).toString('latin1');
  const m = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return (m?.[1] !== undefined ? resolveEncoding(m[1]) : undefined) ?? 'utf-8';
}

/** Follows a dotted path ("work.code", "@ref", "statement.@currency") through parsed nodes. */
export function pathValue(node: unknown, path: string, separator = ';'): string | null {
  let cur: unknown = node;
  for (const part of path.split('.')) {
    if (Array.isArray(cur)) cur = cur[0];
    if (typeof cur !== 'object' || cur === null) return null;
    cur = (cur as Node)[part];
  }
  if (Array.isArray(cur)) {
    const parts = cur.map((c) => textOf(c)).filter((t): t is string => t !== null);
    return parts.length === 0 ? null : parts.join(`${separator} `);
  }
  return textOf(cur);
}

function textOf(v: unknown): string | null {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'object' && v !== null && '#text' in v) return textOf((v as Node)['#text']);
  return null;
}

/** Line number of a character offset (line starts computed once). */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

export async function readXml(path: string, options: XmlReadOptions, sink: LineSink): Promise<IntakeResult> {
  const { profile } = options;
  const file = options.fileName ?? basename(path);
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic): void => void diagnostics.push(d);
  const header: StatementHeader = {
    fromSociety: options.fromSociety,
    format: 'xml',
    period: { start: null, end: null },
    distributionId: null,
    currency: options.currency ?? profile.currency,
    decimals: profile.decimals,
  };
  const computed = new Map<string, bigint>();
  const declared = new Map<string, bigint>();
  const bytes = readFileSync(path);
  const encoding = xmlEncoding(bytes);
  const text = decodeBytes(bytes, encoding).replace(/^\uFEFF/, '');
  const done = (lineCount: number): IntakeResult => ({ header, control: { lines: lineCount, declared, computed }, diagnostics, lineCount, unknown: [], encoding });
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    const lineOf = lineIndex(text);
    report(at(R.XML_DOCTYPE, lineOf(doctype.index), doctype.index - text.lastIndexOf('\n', doctype.index - 1), null));
    return done(0);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    report(at(R.XML_INVALID, valid.err.line, valid.err.col, null, { detail: valid.err.msg }));
    return done(0);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: true,
    captureMetaData: true,
    // With the DOCTYPE refused only the five XML entities and character references remain, so the
    // expansion limits may be raised to fit statements with many '&amp;' in titles.
    processEntities: { enabled: true, maxTotalExpansions: 10_000_000, maxExpandedLength: 100_000_000 },
    isArray: (_name, jpath) => jpath === profile.linePath,
  });
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (e) {
    report(at(R.XML_INVALID, null, null, null, { detail: (e as Error).message }));
    return done(0);
  }

  // Statement-level values.
  const st = profile.statement;
  const get = (p: string | undefined): string | null => (p === undefined ? null : pathValue(doc, p));
  const cur = get(st.currency);
  if (cur !== null) {
    const c = normaliseCurrency(cur);
    if (c === null) report(at(R.CURRENCY_UNKNOWN, null, null, st.currency ?? null, { currency: cur }));
    else if (options.currency === undefined) header.currency = c;
  }
  const ps = get(st.periodStart);
  const pe = get(st.periodEnd);
  header.period = { start: ps === null ? null : parseDate(ps, profile.dateFormat), end: pe === null ? null : parseDate(pe, profile.dateFormat) };
  header.distributionId = get(st.distributionId);
  const total = get(st.total);
  if (total !== null) {
    const r = parseDecimal(total, { decimalSeparator: profile.decimalSeparator, groupSeparators: profile.groupSeparators, scale: profile.decimals });
    if (!r.ok) report(at(R.AMOUNT_INVALID, null, null, st.total ?? null, { text: total, problem: r.problem }));
    else if (header.currency !== null) declared.set(header.currency, r.units);
  }

  // The lines.
  const parts = profile.linePath.split('.');
  let nodes: unknown = doc;
  for (const p of parts) {
    if (Array.isArray(nodes)) nodes = nodes[0];
    nodes = typeof nodes === 'object' && nodes !== null ? (nodes as Node)[p] : undefined;
  }
  if (!Array.isArray(nodes)) {
    report(at(R.XML_NO_LINES, null, null, null, { path: profile.linePath }));
    return done(0);
  }
  const lineOf = lineIndex(text);
  const batchSize = options.batchSize ?? 5000;
  let batch: StatementLine[] = [];
  let lineCount = 0;
  for (const node of nodes) {
    const meta = typeof node === 'object' && node !== null ? ((node as Record<symbol, { startIndex?: number } | undefined>)[META] ?? undefined) : undefined;
    const lineNo = meta?.startIndex !== undefined ? lineOf(meta.startIndex) : 0;
    const line = lineFromFields(
      {
        get: (f) => {
          const p = profile.fields[f];
          return p === undefined ? null : pathValue(node, p, profile.writersSeparator);
        },
        column: () => null,
      },
      { file, line: lineNo, profile, currency: header.currency, label: (f) => profile.fields[f] ?? f },
      report,
    );
    if (line === null) continue;
    addTotal(computed, line.currency, line.net);
    lineCount++;
    batch.push(line);
    if (batch.length >= batchSize) {
      sink(batch);
      batch = [];
    }
  }
  if (batch.length > 0) sink(batch);
  if (lineCount === 0 && !hasErrors(diagnostics)) report(at(R.STATEMENT_EMPTY, null, null, null));
  for (const [c, d] of declared) {
    const got = computed.get(c) ?? 0n;
    if (got !== d) report(at(R.TOTAL_MISMATCH, null, null, st.total ?? null, { declared: formatUnits(d, header.decimals), computed: formatUnits(got, header.decimals), currency: c }));
  }
  return done(lineCount);
}
