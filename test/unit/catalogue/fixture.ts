/**
 * Builds small, valid CWR 2.1 files for catalogue tests with the project's own CwrBuilder:
 * works with chosen parties, shares and territories, ACKs, ISW notices. Lines end in CRLF.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCatalogue, type Db } from '../../../src/catalogue/db.js';
import { SendersRepository } from '../../../src/catalogue/repositories/senders.js';
import { ipiNameCheckDigits, iswcCheckDigit } from '../../../src/domain/identifiers.js';
import { CwrBuilder } from '../../../src/formats/cwr/builder.js';

export const ipi = (nine: string): string => nine + ipiNameCheckDigits(nine);
export const iswc = (nine: string): string => `T${nine}${iswcCheckDigit(nine)}`;

export interface PartySpec {
  readonly kind: 'writer' | 'publisher';
  readonly id: string;
  readonly name: string;
  readonly first?: string;
  readonly ipi: string;
  readonly controlled?: boolean;
  /** Ownership and collection share, PR (MR/SR: 100% for publishers, 0 for writers). */
  readonly pr: number;
  readonly territory?: string;
  readonly society?: number;
  /** A writer's last name in Cyrillic (an NWN record in Kazakh after the SWR/OWR). */
  readonly original?: string;
}

export interface WorkSpec {
  readonly type?: 'NWR' | 'REV' | 'ISW' | 'EXC';
  readonly swn: string;
  readonly title: string;
  readonly iswc?: string | null;
  readonly parties?: readonly PartySpec[];
  readonly alt?: readonly string[];
}

export interface AckSpec {
  readonly swn: string;
  readonly title: string;
  readonly societyNumber: string;
  readonly status?: string;
  readonly originalTransaction?: number;
}

export interface GroupSpec {
  readonly type: string;
  readonly works?: readonly WorkSpec[];
  readonly acks?: readonly AckSpec[];
}

/** Publisher 50% PR / 100% MR SR, one writer 50% PR: a simple valid split. */
export function simpleParties(writerNine = '004411223', publisherNine = '007123456', pre = ''): PartySpec[] {
  return [
    { kind: 'publisher', id: `${pre}P1`, name: 'QAZAQ MUSIC PUBLISHING', ipi: ipi(publisherNine), pr: 5000 },
    { kind: 'writer', id: `${pre}W1`, name: 'NURLANQYZY', first: 'AJGERIM', ipi: ipi(writerNine), pr: 5000 },
  ];
}

const DATE = '2026-11-20';

function work(b: CwrBuilder, w: WorkSpec): void {
  b.transaction(w.type ?? 'NWR', {
    work_title: w.title,
    language_code: 'EN',
    submitter_work_number: w.swn,
    iswc: w.iswc ?? null,
    musical_work_distribution_category: 'POP',
    duration: '00:03:00',
    recorded_indicator: 'N',
    text_music_relationship: 'MTX',
    version_type: 'ORI',
  });
  const parties = w.parties ?? [];
  // Controlled chains come first (publisher sequence 1 is the submitter's own).
  const pubs = parties.filter((p) => p.kind === 'publisher').sort((x, y) => Number(x.controlled === false) - Number(y.controlled === false));
  const firstControlled = pubs.find((p) => p.controlled !== false);
  pubs.forEach((p, i) => {
    const controlled = p.controlled !== false;
    const soc = p.society ?? 177;
    b.record(controlled ? 'SPU' : 'OPU', {
      publisher_sequence_number: i + 1, interested_party_number: p.id, publisher_name: p.name, publisher_type: 'E', publisher_ipi_name_number: p.ipi,
      pr_affiliation_society: soc, pr_ownership_share: p.pr, mr_affiliation_society: soc, mr_ownership_share: p.pr * 2, sr_affiliation_society: soc, sr_ownership_share: p.pr * 2,
    });
    if (controlled) {
      b.record('SPT', { interested_party_number: p.id, pr_collection_share: p.pr, mr_collection_share: p.pr * 2, sr_collection_share: p.pr * 2,
        inclusion_exclusion_indicator: 'I', tis_numeric_code: p.territory ?? '2136', sequence_number: 1 });
    }
  });
  for (const p of parties.filter((x) => x.kind === 'writer')) {
    const controlled = p.controlled !== false;
    const soc = p.society ?? 177;
    b.record(controlled ? 'SWR' : 'OWR', {
      interested_party_number: p.id, writer_last_name: p.name, writer_first_name: p.first ?? null, writer_designation_code: 'CA', writer_ipi_name_number: p.ipi,
      pr_affiliation_society: soc, pr_ownership_share: p.pr, mr_affiliation_society: soc, mr_ownership_share: 0, sr_affiliation_society: soc, sr_ownership_share: 0,
    });
    if (p.original !== undefined) b.record('NWN', { interested_party_number: p.id, writer_last_name: p.original, language_code: 'KK' });
    if (controlled) {
      b.record('SWT', { interested_party_number: p.id, pr_collection_share: p.pr, mr_collection_share: 0, sr_collection_share: 0,
        inclusion_exclusion_indicator: 'I', tis_numeric_code: p.territory ?? '2136', sequence_number: 1 });
      if (firstControlled) b.record('PWR', { publisher_ip_number: firstControlled.id, publisher_name: firstControlled.name, writer_ip_number: p.id });
    }
  }
  for (const a of w.alt ?? []) b.record('ALT', { alternate_title: a, title_type: 'AT', language_code: 'EN' });
}

/** The text of a CWR 2.1 file from a publisher (9-digit sender id) or a society (`so`). */
export function cwrText(sender: { pb: number } | { so: number }, groups: readonly GroupSpec[]): string {
  const lines: string[] = [];
  const b = new CwrBuilder('2.1', (l) => lines.push(l));
  const so = 'so' in sender;
  b.header({ sender_type: so ? 'SO' : 'PB', sender_id: so ? sender.so : sender.pb, sender_name: so ? 'PRS' : 'QAZAQ MUSIC PUBLISHING', creation_date: DATE, creation_time: '09:30:00', transmission_date: DATE, character_set: 'UTF-8' });
  for (const g of groups) {
    b.group(g.type);
    for (const w of g.works ?? []) work(b, w);
    (g.acks ?? []).forEach((a, i) => {
      b.transaction('ACK', { creation_date: DATE, creation_time: '09:30:00', original_group_id: 1, original_transaction_sequence_number: a.originalTransaction ?? i,
        original_transaction_type: 'NWR', creation_title: a.title, submitter_creation_number: a.swn, recipient_creation_number: a.societyNumber,
        processing_date: '2026-11-25', transaction_status: a.status ?? 'AS' });
    });
  }
  b.end();
  return lines.map((l) => l + '\r\n').join('');
}

export function writeCwr(dir: string, name: string, sender: { pb: number } | { so: number }, groups: readonly GroupSpec[]): string {
  const path = join(dir, name);
  writeFileSync(path, cwrText(sender, groups), 'utf8');
  return path;
}

/** A CWR 2.1 file name by the convention: CW26nnnnQMP_177.V21. */
export function cwrName(n: number, sender = 'QMP'): string {
  return `CW26${String(n).padStart(4, '0')}${sender}_177.V21`;
}

/** Publisher sender ids used in tests (registered as local senders by `catalogue`). */
export const QMP = 712345669;
export const OTHER = 712345670;

/** A fresh catalogue file in `dir` with the test publishers as local senders. */
export function catalogue(dir: string, name = 'cwrkit.db'): Db {
  const db = openCatalogue(join(dir, name));
  const s = new SendersRepository(db);
  for (const code of [String(QMP), String(OTHER)]) s.add({ code, name: `SENDER ${code}`, ipi: null, added_at: '2026-11-20T00:00:00Z' });
  return db;
}

/** Every row of every catalogue table (except runs), for before/after comparisons. */
export function dump(db: Db): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'runs' ORDER BY name").pluck().all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
  return out;
}
