/**
 * Reads a CWR file as a stream: bytes -> lines -> records -> structure events, in bounded memory.
 * The version and the text encoding are settled from the HDR before any line is decoded.
 */
import { basename } from 'node:path';
import { overrideLayouts, type LayoutSet } from '../../fixed-width/layout.js';
import { resolveEncoding } from '../../io/encoding.js';
import { readFileLines, readLinesFrom, type ByteFacts, type Line, type LineEnding } from '../../io/line-reader.js';
import type { Diagnostic } from '../../validation/diagnostic.js';
import { diagnostic } from '../../validation/rule.js';
import * as R from '../../validation/rules/structure.js';
import { CwrAssembler } from './assembler.js';
import { CwrRecord } from './record.js';
import type { CwrEvent } from './structure.js';
import { charsetFromHeader, isV3, layoutsFor, versionFromFileName, versionFromHeader, type CwrVersion } from './versions.js';

export interface CwrReadOptions {
  /** Force a text encoding (any name iconv-lite knows, plus KZ-1048 and the CWR HDR values). */
  readonly encoding?: string;
  /** Force a CWR version instead of reading it from the HDR. */
  readonly version?: CwrVersion;
  /** Layout overrides (records replaced by type). */
  readonly layouts?: LayoutSet;
  /** Name used to guess the version when the HDR does not say. */
  readonly fileName?: string;
  readonly chunkSize?: number;
}

/** What the reader learnt about the file while reading it. */
export interface CwrFileInfo {
  version: CwrVersion;
  /** The encoding used to decode the text. */
  encoding: string;
  /** How the encoding was chosen. */
  encodingSource: 'option' | 'bom' | 'header' | 'version-default';
  /** The character set the HDR declares, if any. */
  declaredCharset: string;
  bom: boolean;
  binary: boolean;
  bytes: number;
  lines: number;
  /** Lines per line ending. */
  endings: Record<LineEnding, number>;
  paddedLines: number;
  firstPaddedLine: number | null;
}

export class UnsupportedEncodingError extends Error {
  override readonly name = 'UnsupportedEncodingError';
  readonly code = 'CWRKIT_ENCODING';
  constructor(readonly encoding: string) {
    super(`unsupported encoding "${encoding}" (try utf-8, windows-1252, latin1, cp1251 or kz-1048)`);
  }
}

/** The default encoding of a version when the HDR does not declare one. */
function defaultEncoding(version: CwrVersion): string {
  return isV3(version) ? 'utf-8' : 'windows-1252';
}

export interface CwrStream {
  readonly info: CwrFileInfo;
  /** Structure events in batches; diagnostics arrive through `onDiagnostic` as they are found. */
  readonly events: AsyncGenerator<CwrEvent[]>;
}

const RECORD_TYPE = /^[A-Z]{3}$/;

/** True for an empty or all-whitespace line; a line starting with a letter is decided at once. */
function isBlankLine(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return false;
  return text.trim() === '';
}

/**
 * Streams a CWR file. Structural and record-length diagnostics go to `onDiagnostic`; field-level
 * checks are left to the validator (they need decoded fields, which parsing does not).
 */
export function streamCwr(
  source: string | AsyncIterable<Buffer | string>,
  options: CwrReadOptions,
  onDiagnostic: (d: Diagnostic) => void,
): CwrStream {
  if (options.encoding !== undefined && resolveEncoding(options.encoding) === undefined) {
    throw new UnsupportedEncodingError(options.encoding);
  }
  const fileName = options.fileName ?? (typeof source === 'string' ? basename(source) : '');
  const facts: ByteFacts = { bom: false, binary: false, bytes: 0 };
  const info: CwrFileInfo = {
    version: options.version ?? versionFromFileName(fileName) ?? '2.1',
    encoding: 'latin1',
    encodingSource: 'version-default',
    declaredCharset: '',
    bom: false,
    binary: false,
    bytes: 0,
    lines: 0,
    endings: { CRLF: 0, LF: 0, CR: 0, '': 0 },
    paddedLines: 0,
    firstPaddedLine: null,
  };
  let layouts: LayoutSet = layoutsFor(info.version);
  let notCwr = false;

  const chooseEncoding = (first: string, bom: boolean): string => {
    const fromHdr = versionFromHeader(first);
    if (options.version === undefined && fromHdr !== undefined) info.version = fromHdr;
    if (fromHdr === undefined && !RECORD_TYPE.test(first.slice(0, 3))) notCwr = true;
    layouts = options.layouts ? overrideLayouts(layoutsFor(info.version), options.layouts) : layoutsFor(info.version);
    info.declaredCharset = fromHdr ? charsetFromHeader(first, info.version) : '';
    const declared = info.declaredCharset ? resolveEncoding(info.declaredCharset) : undefined;
    if (options.encoding !== undefined) {
      info.encoding = resolveEncoding(options.encoding) as string;
      info.encodingSource = 'option';
    } else if (bom) {
      info.encoding = 'utf-8';
      info.encodingSource = 'bom';
    } else if (declared !== undefined) {
      info.encoding = declared;
      info.encodingSource = 'header';
    } else {
      info.encoding = defaultEncoding(info.version);
      info.encodingSource = 'version-default';
    }
    return info.encoding;
  };

  const lines =
    typeof source === 'string'
      ? readFileLines(source, { chooseEncoding, facts, ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}) })
      : readLinesFrom(source, { chooseEncoding, facts, ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}) });

  const assembler = new CwrAssembler(onDiagnostic);
  const firstEnding: Partial<Record<LineEnding, number>> = {};

  const report = (rule: Parameters<typeof diagnostic>[0], line: Line | null, params: Parameters<typeof diagnostic>[2], extra: Partial<Diagnostic> = {}): void => {
    onDiagnostic(
      diagnostic(
        rule,
        {
          line: line?.no ?? null,
          column: extra.column ?? (line ? 1 : null),
          ...(extra.length !== undefined ? { length: extra.length } : {}),
          record: extra.record ?? (line ? line.text.slice(0, 3) : null),
          field: extra.field ?? null,
          transaction: null,
        },
        params,
      ),
    );
  };

  async function* events(): AsyncGenerator<CwrEvent[]> {
    let stop = false;
    for await (const batch of lines) {
      if (info.lines === 0) {
        info.bom = facts.bom;
        if (facts.binary) {
          report(R.FILE_BINARY, null, {});
          stop = true;
        } else if (notCwr) {
          const first = batch[0];
          report(R.FILE_NOT_CWR, first ?? null, { start: (first?.text ?? '').slice(0, 12) });
          stop = true;
        }
      }
      if (stop) {
        info.lines += batch.length;
        break;
      }
      for (const line of batch) {
        info.lines++;
        info.endings[line.eol]++;
        if (line.eol !== 'CRLF' && firstEnding[line.eol] === undefined) firstEnding[line.eol] = line.no;
        const text = line.text;
        if (isBlankLine(text)) {
          report(R.BLANK_LINE, line, {}, { record: '' });
          continue;
        }
        const sliced = text.slice(0, 3);
        const layout = layouts.records.get(sliced);
        // The layout's own type string is interned (a JSON key): rules compare record types and
        // look them up in tables on every record, which is cheaper with interned strings.
        const type = layout !== undefined && layout.type === sliced ? layout.type : sliced;
        const rec = new CwrRecord(type, line.no, text, layout, line.eol);
        if (layout === undefined) {
          report(R.RECORD_TYPE_UNKNOWN, line, { found: type, version: info.version }, { column: 1, length: 3, field: 'record_type' });
        } else if (text.length < layout.length) {
          info.paddedLines++;
          if (info.firstPaddedLine === null) info.firstPaddedLine = line.no;
        } else if (text.length > layout.length) {
          const extra = text.slice(layout.length);
          if (extra.trim() === '') {
            report(R.TRAILING_BLANKS, line, { record: type, extra: extra.length, expected: layout.length }, { column: layout.length + 1, length: extra.length });
          } else {
            report(R.RECORD_TOO_LONG, line, { record: type, length: text.length, expected: layout.length }, { column: layout.length + 1, length: extra.length });
          }
        }
        if (line.replaced) {
          report(R.ENCODING_INVALID, line, { encoding: info.encoding }, { column: text.indexOf('\uFFFD') + 1, length: 1 });
        }
        assembler.push(rec);
      }
      if (assembler.events.length > 0) yield assembler.events.splice(0);
    }
    info.binary = facts.binary;
    info.bytes = facts.bytes;
    if (!stop) {
      assembler.end();
      if (assembler.events.length > 0) yield assembler.events.splice(0);
      if (info.paddedLines > 0) {
        onDiagnostic(diagnostic(R.LINE_PADDED, { line: info.firstPaddedLine }, { count: info.paddedLines, first: info.firstPaddedLine }));
      }
      for (const eol of ['LF', 'CR'] as const) {
        if (info.endings[eol] > 0) {
          onDiagnostic(diagnostic(R.LINE_ENDINGS, { line: firstEnding[eol] ?? null }, { count: info.endings[eol], ending: eol, first: firstEnding[eol] ?? null }));
        }
      }
    } else if (info.lines === 0) {
      assembler.end();
    }
  }

  return { info, events: events() };
}

/** Reads a whole file into memory as a Transmission (for small files and the `parse --json` view). */
export async function readCwrFile(
  source: string | AsyncIterable<Buffer | string>,
  options: CwrReadOptions = {},
): Promise<{ info: CwrFileInfo; transmission: import('./structure.js').Transmission; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const stream = streamCwr(source, options, (d) => diagnostics.push(d));
  const transmission: import('./structure.js').Transmission = { header: null, groups: [], trailer: null, stray: [] };
  let current: import('./structure.js').Transmission['groups'][number] | null = null;
  for await (const batch of stream.events) {
    for (const ev of batch) {
      switch (ev.kind) {
        case 'hdr':
          transmission.header = ev.record;
          break;
        case 'grh':
          current = { info: ev.group, transactions: [], stray: [] };
          transmission.groups.push(current);
          break;
        case 'transaction':
          current?.transactions.push(ev.transaction);
          break;
        case 'grt':
          current = null;
          break;
        case 'trl':
          transmission.trailer = ev.record;
          break;
        case 'stray':
          (current ? current.stray : transmission.stray).push(ev.record);
          break;
      }
    }
  }
  return { info: stream.info, transmission, diagnostics };
}
