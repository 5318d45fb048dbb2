/**
 * SQL functions the set-based path calls for what only JavaScript knows exactly: the duplicate-line
 * key (title keys transliterate), a review decision's title key, TIS territory containment, and the
 * exact bigint scaling of running totals (bank charges, exchange rate). Registered on a connection
 * for one run; each reads the current run's context, so a connection needs them once.
 */
import type { Db } from '../../catalogue/db.js';
import { duplicateKey } from '../findings.js';
import { hashKey } from '../engine.js';
import { matchTitleKey } from '../keys.js';
import type { TerritoryContains } from '../parties.js';
import type { ReconLine, Right } from '../types.js';

export interface BulkFunctionContext {
  contains: TerritoryContains;
  /** Running total (statement currency) -> its image after bank charges; and in local currency. */
  net: (cumulative: bigint) => bigint;
  local: ((cumulative: bigint) => bigint) | null;
}

const registered = new WeakMap<Db, BulkFunctionContext>();

type SqlValue = string | bigint | null;

function text(v: unknown): string | null {
  return typeof v === 'string' ? v : v === null || v === undefined ? null : String(v);
}

/** The duplicate key of a statement line from its stored columns, hashed as the reconciler hashes it. */
export function duplicateHash(code: SqlValue, iswc: SqlValue, title: SqlValue, ipi: SqlValue, party: SqlValue, right: SqlValue, territory: SqlValue, start: SqlValue, end: SqlValue, share: SqlValue, amount: SqlValue): number {
  const s = text(start);
  const e = text(end);
  const line: ReconLine = {
    id: 0,
    ref: null,
    workCode: text(code),
    iswc: text(iswc),
    submitterWorkNumber: null,
    isrc: null,
    title: text(title),
    writers: [],
    ipiName: text(ipi),
    ipiBase: null,
    partyName: text(party),
    right: text(right) as Right | null,
    territory: text(territory),
    share: share === null ? null : Number(share),
    amount: typeof amount === 'bigint' ? amount : BigInt(amount ?? 0),
    period: s || e ? `${s ?? ''}/${e ?? ''}` : null,
  };
  return hashKey(duplicateKey(line));
}

/** Registers the functions (once per connection) and points them at this run's context. */
export function useBulkFunctions(db: Db, ctx: BulkFunctionContext): void {
  const current = registered.get(db);
  if (current !== undefined) {
    Object.assign(current, ctx);
    return;
  }
  const state: BulkFunctionContext = { ...ctx };
  registered.set(db, state);
  db.function('cwrkit_rx_dup', { deterministic: true, safeIntegers: true, varargs: true }, (...a: unknown[]) =>
    duplicateHash(...(a.slice(0, 11) as [SqlValue, SqlValue, SqlValue, SqlValue, SqlValue, SqlValue, SqlValue, SqlValue, SqlValue, SqlValue, SqlValue])),
  );
  db.function('cwrkit_rx_title_decision', { deterministic: true }, (title: unknown) => {
    const k = matchTitleKey(text(title));
    return k === '' ? null : `T:${k}`;
  });
  db.function('cwrkit_rx_contains', { deterministic: true }, (outer: unknown, inner: unknown) => (state.contains(String(outer), String(inner)) ? 1 : 0));
  db.function('cwrkit_rx_net', { safeIntegers: true }, (cum: unknown) => state.net(BigInt(cum as bigint)));
  db.function('cwrkit_rx_local', { safeIntegers: true }, (cum: unknown) => (state.local ? state.local(BigInt(cum as bigint)) : null));
}
