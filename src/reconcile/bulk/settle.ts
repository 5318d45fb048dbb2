/**
 * Settling the lines: those SQL decides exactly (sql.ts), in a few set statements, and then the
 * others, by the reconciler, one by one.
 */
import type { Db } from '../../catalogue/db.js';
import type { FindingKind } from '../findings.js';
import { decisionKey } from '../match.js';
import { LINE_COLUMNS, toReconLine, type LineRow } from '../statement-source.js';
import type { BulkRunInput } from './run.js';
import * as Q from './sql.js';
import type { Steps } from './steps.js';

/** Lines per page of the reconciler's share. */
const PAGE = 20_000;
/** Order of a line's findings, as the reconciler lists them. */
const ORD: Partial<Record<FindingKind, number>> = { 'duplicate-line': 0, 'party-not-on-work': 1, 'share-discrepancy': 2 };

/** Weights and member totals of the keys in rx_keys. */
export function fillWeights(s: Steps): void {
  s.run(Q.FILL_WEIGHTS[0] as string, 'r3');
  for (const sql of Q.FILL_WEIGHTS.slice(1)) s.exec(sql);
}

/** Matches, pays and stores the lines SQL can settle; returns how many. */
export function settleBySql(s: Steps, input: BulkRunInput, territories: readonly string[], scaled: boolean): number {
  const db = s.db;
  const ter = db.prepare('INSERT INTO rx_terr (tid, tkey, blank, world) VALUES (?, ?, ?, ?)');
  territories.forEach((k, i) => {
    const blank = k.trim() === '';
    ter.run(i, k, blank ? 1 : 0, !blank && input.contains('2136', k) ? 1 : 0);
  });
  const ins = db.prepare('INSERT OR IGNORE INTO rx_dec (key) VALUES (?)');
  for (const k of input.decisionKeys) ins.run(k);
  const iswcIdentifiers = s.any("SELECT 1 FROM work_identifiers WHERE kind = 'iswc' LIMIT 1");
  const plainPartyIpis = !s.any(`SELECT 1 FROM parties WHERE ipi_name_number IS NOT NULL AND NOT (length(ipi_name_number) = 11 AND ipi_name_number NOT GLOB '*[^0-9]*') LIMIT 1`);
  // Works of each line's society work code, then the lines with a unique work (by code, else ISWC).
  for (const sql of Q.matchSql()) s.run(sql, 'lo', 'hi', 'stmt', 'cur', 'soc3', 'socShort');
  s.exec(Q.FILL_AMBIGUOUS);
  s.run(Q.eligibleSql({ scaled, iswcIdentifiers, plainPartyIpis }), 'lo', 'hi', 'stmt', 'cur');
  if (input.decisionKeys.length > 0) s.exec(Q.DROP_DECIDED);
  if (plainPartyIpis) s.exec(Q.DROP_UNNAMED);
  // Who is paid: per key, each party's share and membership.
  s.exec(Q.LINE_KEYS);
  fillWeights(s);
  // Their results, money and share checks.
  s.run(Q.storeLinesSql(false), 'base', 'rec', 'soc3');
  if (s.any('SELECT 1 FROM rx_line WHERE position IS NOT NULL LIMIT 1')) {
    s.run(Q.storeLinesSql(true), 'base', 'rec', 'soc3');
    s.run(Q.STORE_NAMED, 'base');
  }
  s.run(Q.STORE_SINGLE, 'base');
  if (s.any('SELECT 1 FROM rx_reg WHERE n > 1 LIMIT 1')) s.run(Q.STORE_SPLIT, 'base');
  s.run(Q.SHARE_FINDINGS, 'base', 'tol');
  return Number(db.prepare('SELECT COUNT(*) FROM rx_line').pluck().get());
}

/** The lines SQL left, settled by the reconciler page by page (amounts as scaled for the whole
 * statement); their results stored with the same row ids, their findings kept for the checks. */
export function settleRest(db: Db, input: BulkRunInput, r: { first: number; last: number; base: number; scaled: boolean }): void {
  const rec = input.reconciler;
  const cols = LINE_COLUMNS.split(', ').map((c) => `sl.${c}`).join(', ');
  const page = db
    .prepare(
      `SELECT ${cols}${r.scaled ? ', m.net, m.local' : ''} FROM statement_lines sl${r.scaled ? ' JOIN rx_amt m ON m.line_id = sl.id' : ''}
       WHERE sl.id > ? AND sl.id <= ? AND +sl.statement_id = ? AND sl.currency = ? AND sl.id NOT IN (SELECT line_id FROM rx_line) ORDER BY sl.id LIMIT ?`,
    )
    .safeIntegers(true)
    .raw(true);
  const find = db.prepare('INSERT INTO rx_find (line_id, ord, kind, row_id, work_id, party_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let after = r.first - 1;
  for (;;) {
    const rows = page.all(after, r.last, input.statement.id, input.currency, PAGE) as (LineRow | [...LineRow, bigint, bigint | null])[];
    if (rows.length === 0) break;
    const lines = rows.map((row) => (r.scaled ? toReconLine(row.slice(0, 14) as LineRow, { net: row[14] as bigint, local: (row[15] ?? null) as bigint | null }) : toReconLine(row as LineRow)));
    rec.eachOf(lines, (o) => {
      const id = r.base + o.line.id;
      input.writer.line(o, decisionKey(o.line), id);
      for (const f of o.findings) find.run(o.line.id, ORD[f.kind] ?? 3, f.kind, id, f.workId, f.partyId, JSON.stringify(f.detail));
      after = o.line.id;
    });
    if (rows.length < PAGE) break;
  }
  input.writer.flush();
}
