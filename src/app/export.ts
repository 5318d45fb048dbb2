/**
 * `export cwr`: the works of the catalogue as a CWR registration file from our society to another.
 *
 * NWR for works never registered with that society (or rejected by it), REV for the rest (3.x:
 * WRK). The file is named by the CWR convention with the next free sequence of the year, written
 * to a temporary file (0600) and renamed into place inside the same database transaction that
 * records what was sent (registrations, an 'export' run, registration_changes for undo). A work
 * whose titles or names cannot be carried by the target version is held back and reported.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Db } from '../catalogue/db.js';
import { loadWork } from '../catalogue/queries/load-work.js';
import { recordSent, registrationState, registrationStatus, sentFileNames, type SentRegistration } from '../catalogue/queries/registrations.js';
import { resolveWorkRef } from '../catalogue/queries/resolve.js';
import { registrationType, workTransaction, writeRegistrationFile, type ExportIssue, type RegistrationType, type WorkTransaction } from '../formats/cwr/from-work.js';
import { cwrFileName, nextSequence } from '../formats/cwr/from-work-filename.js';
import { CRLF } from '../formats/cwr/writer.js';
import { isV3, type CwrVersion } from '../formats/cwr/versions.js';
import { encodeText } from '../io/encoding.js';

export interface ExportOptions {
  readonly version: CwrVersion;
  /** Our society (sender), 3 digits. */
  readonly from: string;
  readonly fromName: string;
  /** The receiving society, 3 digits. */
  readonly to: string;
  /** Work references (ISWC, work numbers, ids); empty: every work. */
  readonly works: readonly string[];
  /** Only works changed by a run started on or after this date (YYYY-MM-DD). */
  readonly since?: string;
  /** Exact output path; else `outDir` (default cwd) + the conventional name. */
  readonly out?: string;
  readonly outDir: string;
  readonly now: Date;
  readonly softwareVersion: string;
  readonly dryRun?: boolean;
}

export interface ExportedWork {
  readonly id: number;
  readonly submitterWorkNumber: string;
  readonly title: string;
  readonly type: string;
  readonly group: number;
  readonly transaction: number;
}

export interface ExportResult {
  readonly file: string | null;
  readonly path: string | null;
  readonly version: CwrVersion;
  readonly from: string;
  readonly to: string;
  readonly encoding: string;
  readonly characterSet: string;
  readonly counts: { readonly NWR: number; readonly REV: number; readonly WRK: number; readonly heldBack: number };
  readonly works: readonly ExportedWork[];
  /** References that matched no work. */
  readonly unknownRefs: readonly string[];
  readonly issues: readonly ExportIssue[];
  readonly run: number | null;
}

export class ExportError extends Error {
  override readonly name = 'ExportError';
}

function selectWorkIds(db: Db, opts: ExportOptions, unknown: string[]): number[] {
  if (opts.works.length > 0) {
    const ids = new Set<number>();
    for (const ref of opts.works) {
      const m = resolveWorkRef(db, ref);
      if (m.length === 0) unknown.push(ref);
      for (const x of m) ids.add(x.id);
    }
    const list = [...ids].sort((a, b) => a - b);
    if (opts.since === undefined) return list;
    const keep = new Set(sinceIds(db, opts.since));
    return list.filter((id) => keep.has(id));
  }
  if (opts.since !== undefined) return sinceIds(db, opts.since);
  return (db.prepare('SELECT id FROM works ORDER BY id').all() as { id: number }[]).map((r) => Number(r.id));
}

function sinceIds(db: Db, since: string): number[] {
  return (
    db.prepare('SELECT id FROM works WHERE updated_run IN (SELECT id FROM runs WHERE started_at >= ?) ORDER BY id').all(since) as { id: number }[]
  ).map((r) => Number(r.id));
}

export function exportCwr(db: Db, opts: ExportOptions): ExportResult {
  const unknownRefs: string[] = [];
  const ids = selectWorkIds(db, opts, unknownRefs);
  const issues: ExportIssue[] = [];
  const txFor = (id: number, type: RegistrationType): WorkTransaction | null => {
    const work = loadWork(db, id);
    return work ? workTransaction(work, opts.version, type) : null;
  };

  // Pass 1: decide each work's transaction type and check what the version can carry. The records
  // of the first KEEP works are kept for pass 2; beyond that only what places a work is kept and
  // its records are made again, one work at a time (bounded memory on big catalogues).
  const KEEP = 20_000;
  const ready: Array<{ id: number; title: string; swn: string; type: RegistrationType }> = [];
  const kept = new Map<number, WorkTransaction>();
  let heldBack = 0;
  let unicode = isV3(opts.version);
  for (const id of ids) {
    const status = registrationStatus(db, id, opts.to);
    const type = registrationType(opts.version, status !== null && registrationState(status) !== 'rejected');
    const work = loadWork(db, id);
    if (!work) continue;
    const tx = workTransaction(work, opts.version, type);
    issues.push(...tx.issues);
    if (tx.issues.some((i) => i.severity === 'error')) {
      heldBack++;
      continue;
    }
    unicode ||= tx.needsUnicode;
    ready.push({ id, title: work.title, swn: work.submitterWorkNumber, type });
    if (kept.size < KEEP) kept.set(id, tx);
  }

  const encoding = unicode ? 'utf-8' : 'windows-1252';
  const characterSet = unicode ? 'UTF-8' : '';
  const year = opts.now.getUTCFullYear();
  const name = opts.out !== undefined ? basename(opts.out) : cwrFileName({ version: opts.version, year, sequence: nextSequence(sentFileNames(db), year, opts.from), sender: opts.from, receiver: opts.to });
  const path = opts.out !== undefined ? resolve(opts.out) : resolve(opts.outDir, name);
  const counts = { NWR: 0, REV: 0, WRK: 0, heldBack };
  const base = { version: opts.version, from: opts.from, to: opts.to, encoding, characterSet, unknownRefs, issues };
  if (ready.length === 0) return { ...base, file: null, path: null, counts, works: [], run: null };

  // Where each work goes: one group per transaction type, NWR before REV (GRP-4).
  const works: ExportedWork[] = [];
  let group = 0;
  for (const type of ['NWR', 'REV', 'WRK'] as const) {
    const list = ready.filter((r) => r.type === type);
    if (list.length === 0) continue;
    group++;
    list.forEach((r, seq) => works.push({ id: r.id, submitterWorkNumber: r.swn, title: r.title, type, group, transaction: seq }));
    counts[type] = list.length;
  }
  works.sort((a, b) => a.id - b.id);
  if (opts.dryRun) return { ...base, file: name, path, counts, works, run: null };

  // Pass 2: the file, streamed to a private temporary file next to the target, flushed, and
  // renamed into place only once the catalogue has recorded what was sent.
  const tmp = join(dirname(path), `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    let chunk: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (chunk.length > 0) writeSync(fd, encodeText(chunk.join(''), encoding));
      chunk = [];
      size = 0;
    };
    writeRegistrationFile(
      opts.version,
      { society: opts.from, name: opts.fromName, now: opts.now, characterSet, fileName: name, softwareVersion: opts.softwareVersion },
      function* (type) {
        for (const w of works) {
          if (w.type !== type) continue;
          const tx = kept.get(w.id) ?? txFor(w.id, type);
          if (tx) yield tx;
        }
      },
      (line) => {
        chunk.push(line, CRLF);
        size += line.length + 2;
        if (size >= 1 << 20) flush();
      },
    );
    flush();
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  let run: number;
  try {
    const sentAt = opts.now.toISOString();
    const sent: SentRegistration[] = works.map((w) => ({ workId: w.id, society: opts.to, type: w.type, sentAt, file: name, group: w.group, transaction: w.transaction }));
    run = db
      .transaction(() => {
        const id = recordSent(db, sent, { command: 'export', file: name, version: opts.version, to: opts.to, sent: works.map((w) => ({ id: w.id, type: w.type })) }, sentAt);
        renameSync(tmp, path);
        return id;
      })
      .immediate();
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return { ...base, file: name, path, counts, works, run };
}
