/**
 * `parties show IPI`: a party with its society affiliations and the works it appears in (role,
 * control, ownership shares per right). Looked up by IPI name number (any zero padding) or IPI
 * base number; both are indexed.
 */
import type { Db } from '../db.js';
import { stmt } from './statements.js';
import { normaliseIpiNameNumber } from '../../domain/identifiers.js';

export interface PartyWork {
  readonly id: number;
  readonly title: string;
  readonly iswc: string | null;
  readonly submitter: string;
  readonly submitterWorkNumber: string;
  readonly role: string | null;
  readonly controlled: boolean;
  readonly shares: { readonly PR: number | null; readonly MR: number | null; readonly SR: number | null };
}

export interface PartyDetails {
  readonly id: number;
  readonly kind: string;
  readonly ipiNameNumber: string | null;
  readonly ipiBaseNumber: string | null;
  readonly name: string;
  readonly firstName: string | null;
  readonly originalName: string | null;
  readonly originalFirstName: string | null;
  readonly originalLanguage: string | null;
  readonly submitter: string;
  readonly ipNumber: string;
  readonly affiliations: ReadonlyArray<{ readonly right: string; readonly society: string }>;
  readonly workCount: number;
  readonly works: readonly PartyWork[];
}

const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function findParties(db: Db, ref: string, limit = 200): PartyDetails[] {
  const t = ref.trim();
  let rows: Record<string, unknown>[] = [];
  const base = /^I-?([0-9]{9})-?([0-9])$/i.exec(t);
  if (base) {
    rows = stmt(db, 'SELECT * FROM parties WHERE ipi_base_number = ? ORDER BY id').all(`I-${base[1]}-${base[2]}`) as Record<string, unknown>[];
  } else {
    const ipi = normaliseIpiNameNumber(t.replace(/[\s.\-]/g, ''));
    if (ipi !== null) rows = stmt(db, 'SELECT * FROM parties WHERE ipi_name_number = ? ORDER BY id').all(ipi) as Record<string, unknown>[];
  }
  return rows.map((p) => {
    const id = Number(p['id']);
    const affiliations = (stmt(db, 'SELECT right, society FROM party_affiliations WHERE party_id = ? ORDER BY right, society').all(id) as Record<string, unknown>[]).map((a) => ({
      right: String(a['right']),
      society: String(a['society']),
    }));
    const count = stmt(db, 'SELECT count(*) AS c FROM work_parties WHERE party_id = ?').get(id) as { c: number };
    const works = (
      stmt(db,
          `SELECT w.id, w.title, w.iswc, w.submitter, w.submitter_work_number, wp.role, wp.controlled, wp.pr_share, wp.mr_share, wp.sr_share
           FROM work_parties wp JOIN works w ON w.id = wp.work_id WHERE wp.party_id = ? ORDER BY w.id LIMIT ?`,
        )
        .all(id, limit) as Record<string, unknown>[]
    ).map((w) => ({
      id: Number(w['id']),
      title: String(w['title']),
      iswc: s(w['iswc']),
      submitter: String(w['submitter']),
      submitterWorkNumber: String(w['submitter_work_number']),
      role: s(w['role']),
      controlled: Number(w['controlled']) === 1,
      shares: { PR: n(w['pr_share']), MR: n(w['mr_share']), SR: n(w['sr_share']) },
    }));
    return {
      id,
      kind: String(p['kind']),
      ipiNameNumber: s(p['ipi_name_number']),
      ipiBaseNumber: s(p['ipi_base_number']),
      name: String(p['name']),
      firstName: s(p['first_name']),
      originalName: s(p['original_name']),
      originalFirstName: s(p['original_first_name']),
      originalLanguage: s(p['original_language']),
      submitter: String(p['submitter']),
      ipNumber: String(p['ip_number']),
      affiliations,
      workCount: Number(count.c),
      works,
    };
  });
}
