/**
 * Worker thread entry of an import (see source.ts): reads and validates one file, posts its ops
 * in batches, blocks while MAX_IN_FLIGHT batches wait for the writer, and ends with the
 * validation result or the error it met.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readInline, type WorkerInput, type WorkerMessage } from './source.js';
import { pack, type WireOp } from './wire.js';

class Cancelled extends Error {}

async function run(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  const flags = new Int32Array(input.control);
  let batch: WireOp[] = [];
  let transactions = 0;
  const post = (m: WorkerMessage): void => port.postMessage(m);
  const flush = (): void => {
    if (batch.length === 0) return;
    for (;;) {
      if (Atomics.load(flags, 1) !== 0) throw new Cancelled();
      const inFlight = Atomics.load(flags, 0);
      if (inFlight < input.maxInFlight) break;
      Atomics.wait(flags, 0, inFlight, 1000);
    }
    Atomics.add(flags, 0, 1);
    post({ kind: 'ops', ops: batch });
    batch = [];
    transactions = 0;
  };
  try {
    const result = await readInline(input.path, input.options, input.senders, (op) => {
      batch.push(pack(op));
      if (op.kind !== 'hdr' && op.kind !== 'grh' && op.kind !== 'group-end' && ++transactions >= input.batch) flush();
    });
    flush();
    post({ kind: 'done', result });
  } catch (e) {
    if (e instanceof Cancelled) return;
    const err = e as { name?: unknown; message?: unknown; code?: unknown; stack?: unknown };
    post({
      kind: 'error',
      error: {
        name: typeof err.name === 'string' ? err.name : 'Error',
        message: typeof err.message === 'string' ? err.message : String(e),
        code: typeof err.code === 'string' ? err.code : undefined,
        stack: typeof err.stack === 'string' ? err.stack : undefined,
      },
    });
  }
}

if (parentPort) await run(parentPort, workerData as WorkerInput);
