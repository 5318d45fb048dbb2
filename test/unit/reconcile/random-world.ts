/**
 * Random catalogues and statements for the reconciliation property tests: every kind of line the
 * cascade knows (society codes plain, zero-padded, lower-case, unknown or shared by two works; ISWCs
 * plain, punctuated, unknown or shared; titles for the fuzzy step; parties named by IPI on or off
 * the work, by name, by zeros; a party on a work twice; rights, territories with inclusions and
 * exclusions, unknown territories, missing shares, negative amounts, other currencies, repeated
 * lines, and now and then a garbled value or an amount too large for 64-bit share arithmetic), written by SQL into a real catalogue file; and a digest of everything a reconciliation
 * stored, independent of row ids.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { openCatalogue, type Db } from '../../../src/catalogue/db.js';
import { ReconciliationRepository } from '../../../src/catalogue/repositories/reconciliation.js';
import { prng } from './fixtures.js';
import { iswcCheckDigit, ipiNameCheckDigits } from '../../../src/domain/identifiers.js';

const WORDS = ['KARA', 'TORGAI', 'DALA', 'ALMA', 'ZHEL', 'STEPPE', 'WIND', 'NUR', 'AI', 'GUL', 'SONG', 'OF', 'THE', 'NIGHT'];
const TERRITORIES = [null, '', ' ', '0398', '398', '2136', '0250', '2100', '0276', '9999'];

export interface World {
  works: { id: number; title: string; iswc: string | null; code: string | null; parties: { id: number; ipi: string; name: string }[] }[];
}

function iswc(k: number): string {
  const nine = String(k).padStart(9, '0');
  return `T${nine}${iswcCheckDigit(nine)}`;
}
function ipi(k: number): string {
  const nine = String(k).padStart(9, '0');
  return nine + ipiNameCheckDigits(nine);
}

/** A catalogue of `n` works by SQL; `plainIpis` false stores some IPI name numbers unpadded. */
export function seedCatalogue(db: Db, r: () => number, n: number, plainIpis: boolean): World {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
  const now = new Date().toISOString();
  const run = Number(db.prepare("INSERT INTO runs (command, started_at) VALUES ('import', ?)").run(now).lastInsertRowid);
  const parties: { id: number; ipi: string; name: string }[] = [];
  for (let i = 1; i <= 40; i++) {
    const number = ipi(1000 + i);
    const stored = !plainIpis && i % 7 === 0 ? number.replace(/^0+/, '') : number;
    const name = `${pick(WORDS)}OV`;
    const id = Number(
      db
        .prepare("INSERT INTO parties (key, kind, ipi_name_number, submitter, ip_number, name, first_name, name_key, created_run) VALUES (?, 'writer', ?, 'TST', ?, ?, ?, '', ?)")
        .run(`p${i}`, stored, `W${i}`, name, pick(['ASEL', 'ABAI', null]), run).lastInsertRowid,
    );
    parties.push({ id, ipi: number, name });
    // Affiliations for parties a work gives no society for (several societies: the first counts).
    for (const right of ['PR', 'MR', 'SR']) {
      for (const soc of ['177', '052', '35']) if (r() < 0.4) db.prepare('INSERT OR IGNORE INTO party_affiliations (party_id, right, society, created_run) VALUES (?, ?, ?, ?)').run(id, right, soc, run);
    }
  }
  const world: World = { works: [] };
  const shared = iswc(999);
  for (let w = 1; w <= n; w++) {
    const title = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(WORDS)).join(' ');
    const isw = r() < 0.05 ? shared : r() < 0.9 ? iswc(w) : null;
    const id = Number(
      db
        .prepare("INSERT INTO works (submitter, submitter_work_number, title, title_key, writer_key, iswc, snapshot_hash, created_run, updated_run) VALUES ('TST', ?, ?, ?, '', ?, 'x', ?, ?)")
        .run(`SW${w}`, title, title, isw, run, run).lastInsertRowid,
    );
    let code: string | null = null;
    if (r() < 0.6) {
      code = r() < 0.05 ? '777' : String(5000 + w);
      if (r() < 0.5) db.prepare("INSERT INTO work_identifiers (work_id, kind, issuer, value) VALUES (?, 'society', ?, ?)").run(id, pick(['052', '52']), code);
      else db.prepare("INSERT INTO registrations (work_id, society, status, society_work_number) VALUES (?, '052', 'AS', ?)").run(id, code);
    }
    const onWork: { id: number; ipi: string; name: string }[] = [];
    const count = r() < 0.05 ? 0 : 1 + Math.floor(r() * 4);
    for (let k = 0; k < count; k++) {
      const p = pick(parties);
      // Now and then the same party twice (a publisher in two chains).
      if (onWork.some((x) => x.id === p.id) && r() < 0.7) continue;
      onWork.push(p);
      const position = onWork.length;
      const perWork = r() < 0.7;
      const soc = (): string | null => (perWork ? pick(['177', '177', '052', '35', '']) : null);
      const share = (): number | null => (r() < 0.1 ? null : pick([0, 2500, 3333, 5000, 6667, 10000]));
      db.prepare(
        `INSERT INTO work_parties (work_id, position, party_id, kind, ip_number, role, controlled, pr_society, mr_society, sr_society, pr_share, mr_share, sr_share)
         VALUES (?, ?, ?, 'writer', ?, 'CA', 1, ?, ?, ?, ?, ?, ?)`,
      ).run(id, position, p.id, `W${p.id}`, soc(), soc(), soc(), share(), share(), share());
      if (r() < 0.3) {
        let seq = 0;
        for (const [territory, include] of [
          ['2136', 1],
          ['0398', 0],
          ['2100', 1],
          ['0250', 1],
        ] as const) {
          if (r() < 0.5) continue;
          seq++;
          db.prepare('INSERT INTO collection_shares (work_id, position, n, sequence, territory, include, pr_share, mr_share, sr_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
            id,
            position,
            seq,
            seq,
            territory,
            include,
            share(),
            share(),
            share(),
          );
        }
      }
    }
    world.works.push({ id, title, iswc: isw, code, parties: onWork });
  }
  return world;
}

/** A statement of `n` lines in statement_lines; returns its id. */
export function seedStatement(db: Db, r: () => number, world: World, n: number, id: number, declared: bigint | null): number {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
  db.prepare("INSERT INTO statements (id, content_hash, from_society, format, file_name, currency, scale, lines, imported_at) VALUES (?, ?, '052', 'csv', 's.csv', 'EUR', 2, ?, ?)").run(
    id,
    `h${id}`,
    n,
    new Date().toISOString(),
  );
  if (declared !== null) db.prepare('INSERT INTO statement_totals (statement_id, currency, total, declared) VALUES (?, ?, 0, ?)').run(id, 'EUR', declared);
  const ins = db.prepare(
    `INSERT INTO statement_lines (statement_id, n, line_ref, society_work_code, iswc, title, writers, ipi_name_number, party_name, right, territory, share, amount, currency, usage_start, usage_end, source_line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let previous: unknown[] | null = null;
  for (let k = 1; k <= n; k++) {
    if (previous && r() < 0.04) {
      ins.run(id, k, `L${k}`, ...previous, k); // the same payment again
      continue;
    }
    const w = pick(world.works);
    const p = w.parties.length > 0 ? pick(w.parties) : null;
    const how = r();
    const code = how < 0.35 && w.code ? pick([w.code, `000${w.code}`, ` ${w.code}`, w.code.toLowerCase() + 'a', '99999999']) : null;
    const isw = how >= 0.25 && how < 0.85 && w.iswc ? pick([w.iswc, w.iswc, `${w.iswc.slice(0, 1)}-${w.iswc.slice(1, 4)}.${w.iswc.slice(4, 7)}.${w.iswc.slice(7, 10)}-${w.iswc.slice(10)}`, iswc(888888)]) : null;
    const fuzzy = how >= 0.85;
    const named = r();
    const ipiName = named < 0.25 && p ? p.ipi : named < 0.3 ? ipi(4242) : named < 0.33 ? '00000000000' : named < 0.35 && p ? p.ipi.replace(/^0+/, '') : null;
    const partyName = named >= 0.35 && named < 0.42 && p ? pick([p.name, 'SOMEBODY', '  ']) : null;
    const values = [
      code,
      isw,
      fuzzy || r() < 0.3 ? (fuzzy ? w.title.slice(0, -1) || w.title : w.title) : null,
      fuzzy && p ? p.name : null,
      ipiName,
      partyName,
      pick(['PR', 'PR', 'MR', 'SR', null]),
      pick(TERRITORIES),
      r() < 0.3 ? pick([2500, 5000, 10000, 3333]) : null,
      BigInt(Math.floor(r() * 200000) - (r() < 0.05 ? 300000 : 0)),
      r() < 0.05 ? 'USD' : 'EUR',
      pick([null, '2026-01-01', '']),
      pick([null, '2026-03-31']),
    ];
    // Now and then a value as real files garble them: odd territories, work codes, IPIs, shares
    // and amounts past what 64-bit share arithmetic allows.
    if (r() < 0.08) {
      const at = Math.floor(r() * 6);
      if (at === 0) values[7] = pick(['KZ', '\t', '0398\u00a0', ' 0398', '99999']);
      else if (at === 1 && w.code) values[0] = pick([`${w.code}-A`, `\u0663${w.code}`, `${w.code} `]);
      else if (at === 2 && p) values[4] = pick([` ${p.ipi} `, '1234', 'I-000000229-7']);
      else if (at === 3) values[8] = pick([-100, 99999, 0]);
      else if (at === 4) values[9] = pick([100_000_000_000_000n, -99_999_999_999_999n, 0n]);
      else if (p) values[5] = pick([`${p.name}ҚЫЗЫ`, p.name.toLowerCase()]);
    }
    previous = values;
    ins.run(id, k, `L${k}`, ...values, k);
  }
  return id;
}

/** SHA-256 of everything stored for a statement, independent of row ids. */
export function digest(db: Db, statementId: number, currency = 'EUR'): string {
  const h = createHash('sha256');
  const rec = db.prepare('SELECT id FROM reconciliations WHERE statement_id = ? AND currency = ?').pluck().get(statementId, currency);
  const queries = [
    `SELECT statement_line_id, line_ref, decision_key, status, method, confidence, match_key, work_id, party_id, party_method, right, territory,
            share_paid, share_registered, amount, net, local, unallocated, local_unallocated, reason, candidates
     FROM reconciliation_lines WHERE reconciliation_id = ? ORDER BY statement_line_id`,
    `SELECT l.statement_line_id, a.party_id, a.weight, a.amount, a.local FROM reconciliation_allocations a JOIN reconciliation_lines l ON l.id = a.line_id
     WHERE l.reconciliation_id = ? ORDER BY l.statement_line_id, a.party_id`,
    `SELECT f.kind, l.statement_line_id, f.work_id, f.party_id, f.detail FROM reconciliation_findings f LEFT JOIN reconciliation_lines l ON l.id = f.line_id
     WHERE f.reconciliation_id = ? ORDER BY f.id`,
    `SELECT total, declared_total, charges, allocated, unallocated, local_total, local_allocated, local_unallocated, lines, matched, review, unmatched,
            discrepancies, claims, summary FROM reconciliations WHERE id = ?`,
  ];
  for (const q of queries) {
    for (const row of db.prepare(q).raw().safeIntegers().iterate(rec)) h.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
    h.update('\n');
  }
  return h.digest('hex');
}

/** Case `seed` of the property tests, in a new catalogue file in `dir`: 150 works, a statement of
 * 600 lines (id 1; a declared total for even seeds), parties' IPIs stored unpadded for every third
 * seed, and from seed 4 on, review decisions (an accepted and a rejected work code, a title). */
export function randomCase(dir: string, seed: number): { db: Db; statementId: number } {
  const db = openCatalogue(join(dir, 'c.db'));
  const r = prng(seed);
  const world = seedCatalogue(db, r, 150, seed % 3 !== 0);
  const statementId = seedStatement(db, r, world, 600, 1, seed % 2 === 0 ? 123456n : null);
  if (seed >= 4) {
    const repo = new ReconciliationRepository(db);
    const coded = world.works.filter((w) => w.code !== null);
    if (coded[0]) repo.decide('052', coded[0].code ?? '', world.works[1]?.id ?? 1, 'accept');
    if (coded[1]) repo.decide('052', coded[1].code ?? '', coded[1].id, 'reject');
    repo.decide('052', `T:${world.works[2]?.title ?? ''}`, world.works[2]?.id ?? 1, 'accept');
  }
  return { db, statementId };
}
