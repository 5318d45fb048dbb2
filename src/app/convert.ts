/**
 * Use-case: convert a CWR file to another CWR version. Two streaming passes over the input: the
 * first learns the version and whether the text needs Unicode (2.x targets then declare UTF-8 in
 * the HDR), the second converts transaction by transaction and writes through a LineWriter.
 */
import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { CwrBuilder } from '../formats/cwr/builder.js';
import { convertLayouts, CwrConverter, type Loss } from '../formats/cwr/convert.js';
import { convertedName, cwrStem, senderFromName } from '../formats/cwr/convert-names.js';
import { streamCwr, type CwrReadOptions } from '../formats/cwr/reader.js';
import type { CwrRecord } from '../formats/cwr/record.js';
import type { CwrEvent, GroupInfo } from '../formats/cwr/structure.js';
import { isV3, type CwrVersion } from '../formats/cwr/versions.js';
import { LineWriter } from '../formats/cwr/writer.js';
import { unencodable } from '../io/encoding.js';
import type { Diagnostic } from '../validation/diagnostic.js';

export interface ConvertFileOptions extends Pick<CwrReadOptions, 'encoding' | 'version'> {
  readonly to: CwrVersion;
  /** Output path; default: the input stem with the target's naming convention, in `cwd`. */
  readonly output?: string;
  readonly cwd: string;
  /** 3.x -> 2.x: write WRK transactions as REV instead of NWR. */
  readonly revision?: boolean;
  /** 2.x -> 3.x: the CWR sender code (default: from the input file name). */
  readonly senderCode?: string;
  /** 3.x -> 2.x: the numeric sender id (default: the HDR's IPI name number). */
  readonly senderId?: number;
}

export interface ConvertResult {
  readonly input: string;
  readonly output: string;
  readonly from: CwrVersion;
  readonly to: CwrVersion;
  /** The text encoding of the output file. */
  readonly encoding: string;
  readonly recordsRead: number;
  readonly recordsWritten: number;
  readonly losses: readonly Loss[];
}

/** The input cannot be converted at all (not CWR, binary, empty) or the output would replace it. */
export class ConvertInputError extends Error {
  override readonly name = 'ConvertInputError';
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
  }
}

const FATAL = new Set(['file-empty', 'file-binary', 'file-not-cwr']);
const NON_ASCII = /[^\x00-\x7f]/;

function* recordsOf(ev: CwrEvent): Generator<CwrRecord> {
  switch (ev.kind) {
    case 'hdr':
    case 'trl':
    case 'stray':
      yield ev.record;
      break;
    case 'grh':
      yield ev.group.header;
      break;
    case 'grt':
      if (ev.group.trailer) yield ev.group.trailer;
      break;
    case 'transaction':
      yield ev.transaction.header;
      yield* ev.transaction.records;
      break;
  }
}

/** Pass 1: the source version and whether any text needs more than windows-1252. */
async function survey(input: string, read: CwrReadOptions): Promise<{ version: CwrVersion; unicode: boolean }> {
  const fatal: Diagnostic[] = [];
  const stream = streamCwr(input, read, (d) => {
    if (FATAL.has(d.rule)) fatal.push(d);
  });
  let unicode = false;
  for await (const batch of stream.events) {
    if (unicode) continue;
    for (const ev of batch) {
      for (const rec of recordsOf(ev)) {
        if (NON_ASCII.test(rec.text) && unencodable(rec.text, 'windows-1252').length > 0) unicode = true;
      }
    }
  }
  if (fatal.length > 0) throw new ConvertInputError(fatal.map((d) => d.message).join('; '), fatal);
  return { version: stream.info.version, unicode };
}

export async function convertFile(input: string, options: ConvertFileOptions): Promise<ConvertResult> {
  const read: CwrReadOptions = {
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.version !== undefined ? { version: options.version } : {}),
  };
  const { version: from, unicode } = await survey(input, read);
  const to = options.to;
  const inputName = basename(input);
  const ext3 = isV3(from) ? (cwrStem(inputName).ext ?? 'SUB') : 'SUB';
  const output = resolve(options.cwd, options.output ?? join(options.cwd, convertedName(inputName, to, ext3)));
  if (output === resolve(options.cwd, input)) {
    throw new ConvertInputError(`the output ${output} would replace the input: choose another name with -o`);
  }
  const encoding = isV3(to) || unicode ? 'utf-8' : 'windows-1252';
  const charset = !isV3(to) && unicode ? 'UTF-8' : undefined;

  const temp = `${output}.partial-${randomUUID().slice(0, 8)}`;
  const writer = new LineWriter(temp, encoding, 0o600);
  const pending: string[] = [];
  let written = 0;
  const builder = new CwrBuilder(
    to,
    (line) => {
      pending.push(line);
      written++;
    },
    convertLayouts(to),
  );
  const converter = new CwrConverter(
    {
      from,
      to,
      ...(options.revision ? { revision: true } : {}),
      ...(charset ? { charset } : {}),
      fileName: basename(output),
      senderCode: options.senderCode ?? senderFromName(inputName),
      ...(options.senderId !== undefined ? { senderId: options.senderId } : {}),
    },
    builder,
  );
  const flush = async (): Promise<void> => {
    for (const line of pending.splice(0)) await writer.write(line);
  };
  try {
    const stream = streamCwr(input, { ...read, version: from, layouts: convertLayouts(from) }, () => undefined);
    let group: GroupInfo | null = null;
    for await (const batch of stream.events) {
      for (const ev of batch) {
        switch (ev.kind) {
          case 'hdr':
            converter.header(ev.record);
            break;
          case 'grh':
            group = ev.group;
            converter.control();
            break;
          case 'transaction':
            if (group) converter.transaction(ev.transaction, group);
            else for (const rec of recordsOf(ev)) converter.stray(rec);
            break;
          case 'grt':
            if (ev.group.trailer) converter.control();
            group = null;
            break;
          case 'trl':
            converter.control();
            break;
          case 'stray':
            converter.stray(ev.record);
            break;
        }
      }
      await flush();
    }
    converter.end();
    await flush();
    await writer.close();
    await rename(temp, output);
  } catch (e) {
    await writer.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
  return { input, output, from, to, encoding, recordsRead: converter.read, recordsWritten: written, losses: converter.losses };
}
