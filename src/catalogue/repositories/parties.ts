/**
 * Parties: one row per IPI name number (or per submitter's interested party number when no IPI
 * is known). Ids are cached for the duration of an import, so repeated parties cost no SELECT.
 */
import type { Db } from '../db.js';
import type { Party } from '../../domain/party.js';
import { RIGHTS } from '../../domain/share.js';
import { partyRow, type PartyRows } from '../work-rows.js';
import type { Statement } from 'better-sqlite3';

const CACHE_LIMIT = 200_000;


/** Index of original_name among a party row's columns after the key (work-rows.ts partyColumns). */
const ORIGINAL_NAME = 8;
export class PartiesRepository {
  readonly #insert: Statement;
  readonly #byKey: Statement;
  readonly #fillOriginal: Statement;
  readonly #affiliation: Statement;
  readonly #affiliations3: Statement;
  readonly #ids = new Map<string, number>();
  readonly #affiliations = new Set<string>();

  constructor(db: Db) {
    this.#insert = db.prepare(`INSERT INTO parties (key, kind, ipi_name_number, ipi_base_number, submitter, ip_number, name, first_name, name_key,
        original_name, original_first_name, original_language, created_run)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(key) DO NOTHING`);
    this.#byKey = db.prepare('SELECT id FROM parties WHERE key = ?').pluck();
    // A name in original script (NPN/NWN) fills a party that has none; one it has is kept.
    this.#fillOriginal = db.prepare(
      'UPDATE parties SET original_name = ?, original_first_name = ?, original_language = ?, original_filled_run = ? WHERE id = ? AND original_name IS NULL',
    );
    this.#affiliation = db.prepare('INSERT OR IGNORE INTO party_affiliations (party_id, right, society, created_run) VALUES (?, ?, ?, ?)');
    this.#affiliations3 = db.prepare(
      "INSERT OR IGNORE INTO party_affiliations (party_id, right, society, created_run) VALUES (?, 'PR', ?, ?), (?, 'MR', ?, ?), (?, 'SR', ?, ?)",
    );
  }

  /** The id of the party, inserting it (and its affiliations) when new. */
  ensure(submitter: string, party: Party, runId: number): number {
    const s = party.societies;
    return this.ensureRows({ ...partyRow(submitter, party), societies: [s.PR, s.MR, s.SR] }, runId);
  }

  /** ensure() from the party's rows (work-rows.ts). */
  ensureRows(p: Pick<PartyRows, 'key' | 'party' | 'societies'>, runId: number): number {
    const key = p.key;
    let id = this.#ids.get(key);
    let inserted = false;
    if (id === undefined) {
      if (p.party === null) {
        // The reader sent this party's columns earlier in the file: its row is there.
        id = this.#byKey.get(key) as number | undefined;
        if (id === undefined) throw new Error(`internal error: party ${key} has no row and no columns`);
      } else {
        // (RETURNING made this insert several times slower than reading lastInsertRowid.)
        const r = this.#insert.run(key, ...p.party, runId);
        inserted = r.changes === 1;
        id = inserted ? Number(r.lastInsertRowid) : (this.#byKey.get(key) as number);
      }
      if (this.#ids.size >= CACHE_LIMIT) this.#ids.clear();
      this.#ids.set(key, id);
    }
    // Columns 8-10 of the row: original-script name, first name, language (work-rows.ts partyColumns).
    // A row this call inserted already has them; an existing one may lack them.
    const original = p.party?.[ORIGINAL_NAME];
    if (!inserted && original !== null && original !== undefined && p.party) this.#fillOriginal.run(original, p.party[ORIGINAL_NAME + 1] ?? null, p.party[ORIGINAL_NAME + 2] ?? null, runId, id);
    const [pr, mr, sr] = p.societies;
    const k = `${id}:${pr ?? ''}:${mr ?? ''}:${sr ?? ''}`;
    if (!this.#affiliations.has(k)) {
      // All three rights in one statement (most parties name a society for each).
      if (pr !== null && mr !== null && sr !== null) this.#affiliations3.run(id, pr, runId, id, mr, runId, id, sr, runId);
      else
        RIGHTS.forEach((r, i) => {
          const society = p.societies[i];
          if (society !== null && society !== undefined) this.#affiliation.run(id, r, society, runId);
        });
      if (this.#affiliations.size >= CACHE_LIMIT) this.#affiliations.clear();
      this.#affiliations.add(k);
    }
    return id;
  }

  /** Forget cached ids (after a rollback they may point at rows that are gone). */
  forget(): void {
    this.#ids.clear();
    this.#affiliations.clear();
  }
}
