/**
 * Use-case: acknowledge a CWR file. The file is validated as a stream (validateCwr with hooks);
 * each transaction's ACK, MSG records and echo are written to a temporary file in the output
 * folder as soon as the transaction is checked, so memory stays bounded for any input size.
 *
 * Verdicts known only at the end (a group rejected at its GRT, the file rejected by its TRL) are
 * applied by a second streaming pass that rewrites the status of the affected ACK records
 * (formats/cwr/ack/patch.ts); it runs only when such a verdict exists. The finished file is
 * renamed into place (atomic in one folder) and is created with mode 0600: ACKs carry names,
 * IPI numbers and shares.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ackFileName, nextSequence, receiverCode } from '../formats/cwr/ack/file-name.js';
import { reportable } from '../formats/cwr/ack/messages.js';
import { patchStatuses } from '../formats/cwr/ack/patch.js';
import { societyName } from '../formats/cwr/ack/society.js';
import { decideStatus, WORK_REGISTRATIONS, type AckStatus, type CatalogueVerdict } from '../formats/cwr/ack/status.js';
import { AckWriter, originalFile } from '../formats/cwr/ack/writer.js';
import type { CwrFileInfo } from '../formats/cwr/reader.js';
import type { CwrRecord } from '../formats/cwr/record.js';
import type { Transaction } from '../formats/cwr/structure.js';
import { isV3, type CwrVersion } from '../formats/cwr/versions.js';
import { LineWriter } from '../formats/cwr/writer.js';
import { encodeText, isUtf8, resolveEncoding } from '../io/encoding.js';
import type { Diagnostic } from '../validation/diagnostic.js';
import { mergeChecks } from '../validation/checkset.js';
import { validateCwr, type CheckSet, type ValidateOptions } from '../validation/engine.js';
import { buildValidation } from '../validation/setup.js';
import { ackCatalogue } from './ack-catalogue.js';
import { catalogueSenders } from './validate-files.js';

export interface AckOptions {
  /** CISAC code of the society sending the ACK (3 digits; default 177 KazAK). */
  readonly society?: string;
  readonly profile?: string;
  readonly encoding?: string;
  readonly version?: CwrVersion;
  /** Exact output path (overrides the naming convention). */
  readonly out?: string;
  /** Output folder for a conventionally named file (default: cwd). */
  readonly outDir?: string;
  /** File number nnnn of the name; default: the next free one in the output folder. */
  readonly sequence?: number;
  /** The clock (creation and processing dates); tests inject a fixed one. */
  readonly now?: () => Date;
  /** Conflict/duplicate verdict of the catalogue for a transaction that passed validation. */
  readonly catalogue?: (tx: Transaction) => CatalogueVerdict | Promise<CatalogueVerdict>;
  /** The society's work number for an accepted transaction (Recipient Creation #). */
  readonly recipientNumber?: (tx: Transaction) => string | null;
  readonly software?: { readonly name: string; readonly version: string };
  /** Sender codes / IPI numbers the society registered locally; default: the catalogue's. */
  readonly localSenders?: ReadonlySet<string>;
  /** A validation set-up built once by the caller (many files in a row), instead of one per call. */
  readonly validation?: ValidateOptions;
  /** Checks to run instead of the configured rule set and profile (tests pin the rules). */
  readonly checks?: CheckSet;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Catalogue database path (default: settings); used for CO/DU and society work numbers. */
  readonly db?: string;
}

export type StatusCounts = Record<AckStatus, number>;

export interface AckResult {
  readonly input: string;
  readonly output: string;
  readonly version: CwrVersion;
  readonly encoding: string;
  readonly fileRejected: boolean;
  readonly rejectedGroups: ReadonlyArray<number | null>;
  /** Statuses of the original transactions (file-level ACKs not counted). */
  readonly transactions: { total: number } & StatusCounts;
  /** File-level ACKs written (original transaction type HDR or TRL). */
  readonly fileLevelAcks: number;
  /** Every diagnostic of the validation (for callers that also report them). */
  readonly diagnostics: readonly Diagnostic[];
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '';
  } catch {
    return '';
  }
}

/** Every ACK is accepted (AS, AC, RA, CO, DU) and the file was not rejected. */
export function allAccepted(r: AckResult): boolean {
  return !r.fileRejected && r.transactions.RJ === 0;
}

/**
 * The ACK is written in the encoding the input was read with, and declares the input's character
 * set, so Cyrillic (Kazakh) text comes back as it was sent. A 2.x input read as UTF-8 because of
 * a byte-order mark declares UTF-8. An encoding that does not keep ASCII as ASCII (UTF-16, from a
 * damaged HDR) is not used: the version's default is. When the encoding came from --encoding
 * and the HDR declares none, the ACK declares none either: read it back with the same option.
 */
export function outputEncoding(info: CwrFileInfo): { encoding: string; charset: string | null } {
  const fallback = isV3(info.version) ? 'utf-8' : 'windows-1252';
  let asciiSafe = false;
  try {
    asciiSafe = encodeText('HDR 09', info.encoding).equals(Buffer.from('HDR 09', 'ascii'));
  } catch {
    asciiSafe = false;
  }
  if (!asciiSafe) return { encoding: fallback, charset: null };
  if (info.encodingSource === 'header') {
    // Declare it as the input did, minus anything that is not printable ASCII (a damaged HDR);
    // a non-ASCII byte before the version field would hide the version from readers.
    const clean = info.declaredCharset.replace(/[^\x20-\x7E]/g, '').trim().slice(0, 15);
    if (clean !== '' && resolveEncoding(clean) === info.encoding) return { encoding: info.encoding, charset: clean };
    return { encoding: info.encoding, charset: isUtf8(info.encoding) ? 'UTF-8' : null };
  }
  if (info.encodingSource === 'bom' && !isV3(info.version)) return { encoding: info.encoding, charset: 'UTF-8' };
  return { encoding: info.encoding, charset: null };
}

export async function acknowledgeFile(path: string, options: AckOptions = {}): Promise<AckResult> {
  const cwd = options.cwd ?? '.';
  const society = (options.society ?? '177').padStart(3, '0');
  const name = societyName(society);
  if (name === undefined) throw new RangeError(`unknown society code ${society} (not in the CISAC society table)`);
  const now = (options.now ?? (() => new Date()))();
  const outDir = resolve(cwd, options.out !== undefined ? dirname(options.out) : (options.outDir ?? '.'));
  mkdirSync(outDir, { recursive: true });
  const temp = join(outDir, `.cwrkit-ack-${randomUUID()}.tmp`);
  const setup = options.validation ?? await buildValidation({
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    society,
    // As `cwrkit validate` does: the senders registered in the catalogue, when there is one.
    localSenders: options.localSenders ?? catalogueSenders({ ...(options.env ? { env: options.env } : {}), cwd }),
    ...(options.env ? { env: options.env } : {}),
    cwd,
  });

  // The reader's facts (version, encoding) and the input HDR, caught by two tiny checks.
  let info: CwrFileInfo | null = null;
  let hdr: CwrRecord | null = null;
  const capture: CheckSet = {
    transaction: [(_tx, _group, ctx) => void (info = ctx.info)],
    control: [
      (rec, ctx) => {
        info = ctx.info;
        if (rec.type === 'HDR' && hdr === null) hdr = rec;
      },
    ],
    file: [],
  };

  // Without callers' verdicts, the catalogue (when there is one) answers CO/DU and gives the
  // society work number of works it holds.
  const fromCatalogue = options.catalogue === undefined || options.recipientNumber === undefined
    ? ackCatalogue({ ...(options.env ? { env: options.env } : {}), cwd, ...(options.db !== undefined ? { db: options.db } : {}) }, () => hdr)
    : null;

  let out: LineWriter | null = null;
  let writer: AckWriter | null = null;
  let finalName = '';
  let outEncoding = '';
  const pending: string[] = [];
  const counts: StatusCounts = { AS: 0, AC: 0, RA: 0, RJ: 0, CO: 0, DU: 0 };
  let total = 0;
  const seen = new Set<Diagnostic>();

  const start = (fileInfo: CwrFileInfo): AckWriter => {
    if (writer) return writer;
    const version = fileInfo.version;
    const { encoding, charset } = outputEncoding(fileInfo);
    const receiver = receiverCode(basename(path), hdr, version);
    const sequence = options.sequence ?? nextSequence(outDir, society, now);
    finalName = options.out !== undefined ? basename(options.out) : ackFileName({ version, society, receiver, sequence, date: now });
    outEncoding = encoding;
    // Create the file here, synchronously, so an unwritable folder fails as an error (EACCES)
    // rather than as an unhandled stream event; the writer then reuses it.
    closeSync(openSync(temp, 'wx', 0o600));
    out = new LineWriter(temp, encoding, 0o600);
    writer = new AckWriter(
      {
        version,
        society,
        societyName: name,
        now,
        ...(charset !== null ? { charset } : {}),
        ...(isV3(version) ? { fileName: finalName } : {}),
        software: options.software ?? { name: 'CWRKIT', version: packageVersion() },
      },
      (line) => pending.push(line),
    );
    return writer;
  };
  const drain = async (): Promise<void> => {
    const w = out as LineWriter | null;
    if (!w) return;
    for (const line of pending.splice(0)) await w.write(line);
  };

  try {
    const result = await validateCwr(
      resolve(cwd, path),
      {
        ...setup,
        checks: mergeChecks(options.checks ?? setup.checks ?? { transaction: [], control: [], file: [] }, capture),
        ...(options.encoding ? { encoding: options.encoding } : {}),
        ...(options.version ? { version: options.version } : {}),
      },
      {
        onTransaction: async (tx, r) => {
          const w = start(info as CwrFileInfo);
          for (const d of r.diagnostics) seen.add(d);
          const judge = options.catalogue ?? fromCatalogue?.verdict;
          const numberOf = options.recipientNumber ?? fromCatalogue?.recipientNumber;
          const verdict = r.status !== 'rejected' && judge ? await judge(tx) : null;
          const number = r.status !== 'rejected' && numberOf ? numberOf(tx) : null;
          const status = decideStatus({
            validation: r.status,
            diagnostics: r.diagnostics,
            catalogue: verdict,
            registersWork: WORK_REGISTRATIONS.has(tx.header.type),
            recipientNumber: number,
          });
          w.transaction(tx, status, r.diagnostics, originalFile(hdr), number);
          counts[status]++;
          total++;
          await drain();
        },
      },
    );
    const w = start(info ?? result.info);
    // Findings outside every transaction: the file's own, and its groups' (GRH, GRT, strays).
    // They are acknowledged when something was rejected (an error); warnings alone (a file name
    // off the convention, say) reject nothing and get no file-level ACK.
    const found = result.diagnostics.filter((d) => !seen.has(d) && reportable(d));
    const outside = found.some((d) => d.severity === 'error') ? found : [];
    const onTrl = outside.filter((d) => d.record === 'TRL');
    const onRest = outside.filter((d) => d.record !== 'TRL');
    const fileStatus: AckStatus = result.fileRejected ? 'RJ' : 'AC';
    let fileLevelAcks = 0;
    if (onRest.length > 0) {
      w.fileLevel('HDR', fileStatus, onRest, originalFile(hdr));
      fileLevelAcks++;
    }
    if (onTrl.length > 0) {
      w.fileLevel('TRL', fileStatus, onTrl, originalFile(hdr));
      fileLevelAcks++;
    }
    w.end();
    await drain();
    await (out as LineWriter | null)?.close();

    const target = join(outDir, finalName);
    const rejectedGroups = new Set(result.rejectedGroups.map((g) => g ?? 0));
    if (result.fileRejected || rejectedGroups.size > 0) {
      const second = `${temp}.2`;
      try {
        const changed = await patchStatuses(temp, second, { version: result.info.version, encoding: outEncoding, fileRejected: result.fileRejected, rejectedGroups });
        for (const [from, n] of Object.entries(changed) as Array<[AckStatus, number]>) {
          counts[from] -= n;
          counts.RJ += n;
        }
        renameSync(second, target);
      } finally {
        rmSync(second, { force: true });
      }
      rmSync(temp, { force: true });
    } else {
      renameSync(temp, target);
    }
    return {
      input: path,
      output: target,
      version: result.info.version,
      encoding: outEncoding,
      fileRejected: result.fileRejected,
      rejectedGroups: result.rejectedGroups,
      transactions: { total, ...counts },
      fileLevelAcks,
      diagnostics: result.diagnostics,
    };
  } catch (e) {
    try {
      await (out as LineWriter | null)?.close();
    } catch {
      // the original error matters more
    }
    rmSync(temp, { force: true });
    throw e;
  } finally {
    fromCatalogue?.close();
  }
}
