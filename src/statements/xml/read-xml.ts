/**
 * XML statement intake, streaming: the file is decoded and tokenized chunk by chunk
 * (xml-tokens.ts), twice. The first pass checks that the document is well-formed (a DOCTYPE is
 * refused: no entity can be declared, nothing can expand) and builds the statement-level part of
 * the document, every element but the profile's line elements; the second hands each line
 * element to the profile's field paths as soon as it closes, and forgets it. Memory is bounded by
 * one line element and the batch of lines, whatever the file size, and nothing is stored when
 * the document is not well-formed. Values stay text (IPI numbers and amounts keep their zeros);
 * a line element reads the same whether the statement has one line or a million.
 */
import { basename } from 'node:path';
import iconv from 'iconv-lite';
import { normaliseCurrency } from '../../domain/currency.js';
import { formatUnits, parseDecimal } from '../../domain/money.js';
import { resolveEncoding } from '../../io/encoding.js';
import { fileChunks } from '../../io/line-reader.js';
import type { Diagnostic } from '../../validation/diagnostic.js';
import { parseDate } from '../dates.js';
import { at, hasErrors, type BaseIntakeOptions, type IntakeResult, type LineSink, type StatementHeader } from '../intake.js';
import { lineFromFields } from '../line-from-fields.js';
import { addTotal, type StatementLine } from '../model.js';
import type { XmlProfile } from '../profile.js';
import * as R from '../rules.js';
import { XmlSyntaxError, XmlTokenizer, type XmlHandler } from './xml-tokens.js';

export interface XmlReadOptions extends BaseIntakeOptions {
  readonly profile: XmlProfile;
}

type Node = Record<string, unknown>;

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

/** An element being read: its attributes, children and text so far. */
interface Frame {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  children: Node | null;
  text: string;
}

/**
 * The value of a closed element, in the shape the profile paths read (as fast-xml-parser gives
 * it): the trimmed text when the element has neither attributes nor children, else an object of
 * "@attribute" values, children (an array when a name repeats) and "#text".
 */
function valueOf(f: Frame): unknown {
  const text = f.text.trim();
  if (f.attributes.size === 0 && f.children === null) return text;
  const node: Node = f.children ?? {};
  for (const [k, v] of f.attributes) node[`@${k}`] = v;
  if (text !== '') node['#text'] = text;
  return node;
}

function addChild(parent: Frame, name: string, value: unknown): void {
  const children = (parent.children ??= {});
  const had = children[name];
  if (had === undefined) children[name] = value;
  else if (Array.isArray(had)) had.push(value);
  else children[name] = [had, value];
}

/**
 * Builds element values as they close. Elements whose dotted path is `linePath` go to `onLine`
 * (and are not kept) when given, or are skipped whole when not; the rest is kept as the document.
 */
class TreeBuilder implements XmlHandler {
  readonly #stack: Frame[] = [];
  readonly #parts: readonly string[];
  #depth = 0;
  #match = 0;
  /** Depth of the line element being skipped (first pass), or -1. */
  #skip = -1;
  #lineStart = 0;
  document: Node = {};
  lines = 0;

  constructor(
    private readonly linePath: string,
    private readonly onLine: ((value: unknown, line: number) => void) | null,
  ) {
    this.#parts = linePath.split('.');
  }

  open(name: string, attributes: ReadonlyMap<string, string>, line: number): void {
    const depth = ++this.#depth;
    // The current path matches the line path's first #match names (kept as elements open and close).
    if (this.#match === depth - 1 && this.#parts[depth - 1] === name) this.#match = depth;
    if (this.#skip !== -1) return;
    if (this.#match === depth && depth === this.#parts.length) {
      this.lines++;
      this.#lineStart = line;
      if (this.onLine === null) {
        this.#skip = depth;
        return;
      }
    }
    this.#stack.push({ name, attributes, children: null, text: '' });
  }

  text(text: string): void {
    if (this.#skip !== -1) return;
    const top = this.#stack[this.#stack.length - 1];
    if (top === undefined) return;
    // Blanks between child elements (a million of them between the lines of a statement) are
    // dropped: values are trimmed, so only blanks inside a run of text count.
    if (top.text === '' || top.children !== null) {
      if (text.trim() === '') return;
    }
    top.text += text;
  }

  close(): void {
    const depth = this.#depth--;
    const isLine = this.#match === depth && depth === this.#parts.length;
    if (this.#match === depth) this.#match = depth - 1;
    if (this.#skip !== -1) {
      if (depth === this.#skip) this.#skip = -1;
      return;
    }
    const f = this.#stack.pop() as Frame;
    const value = valueOf(f);
    if (this.onLine !== null && isLine) {
      this.onLine(value, this.#lineStart);
      return;
    }
    const parent = this.#stack[this.#stack.length - 1];
    if (parent !== undefined) addChild(parent, f.name, value);
    else this.document = { [f.name]: value };
  }
}

/** Decodes a file chunk by chunk in `encoding` (BOM dropped) into the tokenizer. */
function tokenize(path: string, encoding: string, handler: XmlHandler): void {
  const tokenizer = new XmlTokenizer(handler);
  const utf8 = encoding === 'utf-8' || encoding === 'utf8';
  const td = utf8 ? new TextDecoder('utf-8') : null;
  const dec = utf8 ? null : iconv.getDecoder(encoding, { stripBOM: true });
  for (const chunk of fileChunks(path, 1 << 16)) tokenizer.push(td !== null ? td.decode(chunk, { stream: true }) : (dec?.write(chunk) ?? ''));
  const rest = td !== null ? td.decode() : (dec?.end() ?? '');
  if (rest) tokenizer.push(rest);
  tokenizer.end();
}

/** The first bytes of a file (for the XML declaration). */
function head(path: string): Buffer {
  for (const chunk of fileChunks(path, 256)) return chunk;
  return Buffer.alloc(0);
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
  const encoding = xmlEncoding(head(path));
  const done = (lineCount: number): IntakeResult => ({ header, control: { lines: lineCount, declared, computed }, diagnostics, lineCount, unknown: [], encoding });
  const syntax = (e: unknown): boolean => {
    if (!(e instanceof XmlSyntaxError)) return false;
    if (e.kind === 'doctype') report(at(R.XML_DOCTYPE, e.line, e.column, null));
    else report(at(R.XML_INVALID, e.line, e.column, null, { detail: e.message }));
    return true;
  };
  // First pass: well-formed or nothing; the statement-level values; how many lines.
  const outline = new TreeBuilder(profile.linePath, null);
  try {
    tokenize(path, encoding, outline);
  } catch (e) {
    if (syntax(e)) return done(0);
    throw e;
  }
  const doc = outline.document;

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

  // Second pass: the lines, one element at a time.
  if (outline.lines === 0) {
    report(at(R.XML_NO_LINES, null, null, null, { path: profile.linePath }));
    return done(0);
  }
  const batchSize = options.batchSize ?? 5000;
  let batch: StatementLine[] = [];
  let lineCount = 0;
  const onLine = (node: unknown, lineNo: number): void => {
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
    if (line === null) return;
    addTotal(computed, line.currency, line.net);
    lineCount++;
    batch.push(line);
    if (batch.length >= batchSize) {
      sink(batch);
      batch = [];
    }
  };
  try {
    tokenize(path, encoding, new TreeBuilder(profile.linePath, onLine));
  } catch (e) {
    // Only if the file changed between the passes: what was read stays reported.
    if (!syntax(e)) throw e;
  }
  if (batch.length > 0) sink(batch);
  if (lineCount === 0 && !hasErrors(diagnostics)) report(at(R.STATEMENT_EMPTY, null, null, null));
  for (const [c, d] of declared) {
    const got = computed.get(c) ?? 0n;
    if (got !== d) report(at(R.TOTAL_MISMATCH, null, null, st.total ?? null, { declared: formatUnits(d, header.decimals), computed: formatUnits(got, header.decimals), currency: c }));
  }
  return done(lineCount);
}
