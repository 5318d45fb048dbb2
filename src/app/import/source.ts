/**
 * The reading side of an import: validates a file and turns its accepted transactions into ops
 * (ops.ts), handed to `sink` in file order. Inline (same thread) for small files; in a worker
 * thread for big ones, so reading, validation, toWork and snapshot hashing use the second core
 * while this thread writes SQL. The worker sends batches of ops; at most MAX_IN_FLIGHT batches
 * wait for the writer (a shared counter the worker blocks on), so memory stays bounded however
 * fast the reader is. A failing sink stops the worker; a failing worker rejects with the error
 * it met (message and code kept), so callers handle both paths alike.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SenderRow } from '../../catalogue/repositories/senders.js';
import { SentParties } from '../../catalogue/work-rows.js';
import type { ValidationResult } from '../../validation/engine.js';
import { validateFiles, type ValidateFilesOptions } from '../validate-files.js';
import { hdrOp, txOp, type ImportOp } from './ops.js';
import { unpack, type WireOp } from './wire.js';

export type OpSink = (op: ImportOp) => void;

export type Senders = ReadonlyArray<Pick<SenderRow, 'code' | 'ipi'>>;

/** Transactions per batch sent by the worker, and batches allowed to wait for the writer. */
export const BATCH_TRANSACTIONS = 256;
export const MAX_IN_FLIGHT = 4;

/** The reader makes many short-lived objects per work (records, values, the Work, its JSON):
 * a larger young generation than V8's default (16 MiB on 64-bit) halves its scavenges; at
 * 50,000 works the reader thread measured 10-20% less CPU with 64 MiB. */
export const WORKER_YOUNG_GENERATION_MB = 64;

/** Validates `path` in this thread, handing ops to `sink` as the hooks fire. */
export async function readInline(path: string, options: ValidateFilesOptions, senders: Senders, sink: OpSink): Promise<ValidationResult> {
  let sender = '';
  // Parties whose columns the writer has: it rolls a rejected group back, so then it has not.
  const sent = new SentParties();
  return validateFiles.one(path, options, {
    onEvent: (ev) => {
      if (ev.kind === 'hdr') {
        const op = hdrOp(ev.record, senders);
        sender = op.sender.code;
        sink(op);
      } else if (ev.kind === 'grh') sink({ kind: 'grh' });
    },
    onTransaction: (tx, r) => {
      if (r.status !== 'rejected') sink(txOp(tx, sender, sent));
    },
    onGroupEnd: (_g, rejected) => {
      if (rejected) sent.clear();
      sink({ kind: 'group-end', rejected });
    },
  });
}

/** What the worker gets (workerData). control: Int32Array [batches in flight, cancelled]. */
export interface WorkerInput {
  readonly path: string;
  readonly options: ValidateFilesOptions;
  readonly senders: Senders;
  readonly control: SharedArrayBuffer;
  readonly batch: number;
  readonly maxInFlight: number;
}

/** An error as the worker reports it. */
export interface WorkerError {
  readonly name: string;
  readonly message: string;
  readonly code: string | undefined;
  readonly stack: string | undefined;
}

export type WorkerMessage =
  | { readonly kind: 'ops'; readonly ops: WireOp[] }
  | { readonly kind: 'done'; readonly result: ValidationResult }
  | { readonly kind: 'error'; readonly error: WorkerError };

/** The worker's module: next to this one when built; from dist/ when running from src/ (tests). */
export function workerModule(): URL | null {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = new URL(import.meta.url.replace(/\/src\/app\/import\/[^/]+$/, '/dist/app/import/worker.js'));
  return built.href !== here.href && existsSync(fileURLToPath(built)) ? built : null;
}

function revive(e: WorkerError): Error {
  const err = new Error(e.message) as Error & { code?: string };
  err.name = e.name;
  if (e.code !== undefined) err.code = e.code;
  if (e.stack !== undefined) err.stack = e.stack;
  return err;
}

/** Validates `path` in a worker thread; ops reach `sink` on this thread, in order. */
export function readInWorker(module: URL, path: string, options: ValidateFilesOptions, senders: Senders, sink: OpSink): Promise<ValidationResult> {
  return new Promise((resolve, reject) => {
    const control = new SharedArrayBuffer(8);
    const flags = new Int32Array(control);
    const input: WorkerInput = { path, options, senders, control, batch: BATCH_TRANSACTIONS, maxInFlight: MAX_IN_FLIGHT };
    const worker = new Worker(module, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    let settled = false;
    const fail = (e: unknown): void => {
      if (settled) return;
      settled = true;
      Atomics.store(flags, 1, 1);
      Atomics.notify(flags, 0);
      void worker.terminate().finally(() => reject(e));
    };
    worker.on('message', (m: WorkerMessage) => {
      if (settled) return;
      if (m.kind === 'ops') {
        try {
          for (const op of m.ops) sink(unpack(op));
        } catch (e) {
          fail(e);
          return;
        }
        Atomics.sub(flags, 0, 1);
        Atomics.notify(flags, 0);
      } else if (m.kind === 'done') {
        settled = true;
        resolve(m.result);
      } else fail(revive(m.error));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the import worker stopped unexpectedly (exit code ${code})`)));
  });
}
