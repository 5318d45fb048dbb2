/**
 * `works history`: every transaction that touched a work (work_history), and what changed between
 * one registration and the next, field by field: work fields, titles, parties, ownership shares
 * per right, collection shares per right and territory, society work numbers. Compares the JSON
 * snapshots of the domain Work the importer stores with each change.
 */
import type { Db } from '../db.js';
import { stmt } from './statements.js';
import type { Work, WorkParty } from '../../domain/work.js';

export interface FieldChange {
  /** Dotted path: "title", "titles", "party W0001.ownership.PR", "party W0001.collection 2136 I.MR" */
  readonly field: string;
  readonly from: string | number | boolean | null;
  readonly to: string | number | boolean | null;
}

export interface HistoryEntry {
  readonly id: number;
  readonly run: number;
  readonly file: string | null;
  readonly importedAt: string | null;
  readonly transactionType: string;
  readonly group: number | null;
  readonly transaction: number | null;
  readonly line: number;
  readonly action: string;
  readonly version: number;
  readonly changes: readonly FieldChange[];
}

type Scalar = string | number | boolean | null;

const WORK_FIELDS = [
  'title', 'language', 'iswc', 'copyrightDate', 'copyrightNumber', 'category', 'duration', 'recorded', 'textMusicRelationship',
  'compositeType', 'versionType', 'excerptType', 'musicArrangement', 'lyricAdaptation', 'cwrWorkType', 'grandRights', 'opusNumber',
  'catalogueNumber', 'priority',
] as const satisfies readonly (keyof Work)[];

function partyId(p: WorkParty): string {
  return `${p.party.kind === 'writer' ? 'writer' : 'publisher'} ${p.party.ipNumber}`;
}

function partyLabel(p: WorkParty): string {
  const name = [p.party.firstName, p.party.name].filter((x) => x !== null && x !== '').join(' ');
  return `${name}${p.party.ipiNameNumber ? ` (IPI ${p.party.ipiNameNumber})` : ''}, ${p.role ?? '?'}`;
}

/** What differs between two versions of a work (before null: the work was created). */
export function diffWorks(before: Work | null, after: Work): FieldChange[] {
  const out: FieldChange[] = [];
  const push = (field: string, from: Scalar, to: Scalar): void => {
    if (from !== to) out.push({ field, from, to });
  };
  const b = before;
  for (const f of WORK_FIELDS) push(f, b ? (b[f] as Scalar) : null, after[f] as Scalar);

  const titleSet = (w: Work | null): Set<string> => new Set((w?.titles ?? []).map((t) => `${t.type}${t.language ? `/${t.language}` : ''}: ${t.title}`));
  const tb = titleSet(b);
  const ta = titleSet(after);
  for (const t of ta) if (!tb.has(t)) out.push({ field: 'titles', from: null, to: t });
  for (const t of tb) if (!ta.has(t)) out.push({ field: 'titles', from: t, to: null });

  const swn = (w: Work | null): Set<string> => new Set((w?.societyWorkNumbers ?? []).map((s) => `${s.society}: ${s.number}`));
  const sb = swn(b);
  for (const s of swn(after)) if (!sb.has(s)) out.push({ field: 'societyWorkNumbers', from: null, to: s });

  const pb = new Map((b?.parties ?? []).map((p) => [partyId(p), p]));
  const pa = new Map(after.parties.map((p) => [partyId(p), p]));
  for (const [id, p] of pa) {
    const old = pb.get(id);
    if (!old) {
      out.push({ field: `party ${id}`, from: null, to: partyLabel(p) });
      for (const R of ['PR', 'MR', 'SR'] as const) if (p.ownership[R] !== null) push(`party ${id}.ownership.${R}`, null, p.ownership[R]);
      continue;
    }
    push(`party ${id}.name`, [old.party.firstName, old.party.name].join(' ').trim(), [p.party.firstName, p.party.name].join(' ').trim());
    push(`party ${id}.role`, old.role, p.role);
    push(`party ${id}.controlled`, old.controlled, p.controlled);
    push(`party ${id}.chain`, old.chain, p.chain);
    for (const R of ['PR', 'MR', 'SR'] as const) {
      push(`party ${id}.ownership.${R}`, old.ownership[R], p.ownership[R]);
      push(`party ${id}.society.${R}`, old.party.societies[R], p.party.societies[R]);
    }
    const cb = new Map(old.collection.map((c) => [`${c.territory} ${c.include ? 'I' : 'E'}`, c]));
    const ca = new Map(p.collection.map((c) => [`${c.territory} ${c.include ? 'I' : 'E'}`, c]));
    for (const [t, c] of ca) {
      const o = cb.get(t);
      for (const R of ['PR', 'MR', 'SR'] as const) push(`party ${id}.collection ${t}.${R}`, o ? o.shares[R] : null, c.shares[R]);
    }
    for (const [t, c] of cb) {
      if (ca.has(t)) continue;
      for (const R of ['PR', 'MR', 'SR'] as const) push(`party ${id}.collection ${t}.${R}`, c.shares[R], null);
    }
  }
  for (const [id, p] of pb) if (!pa.has(id)) out.push({ field: `party ${id}`, from: partyLabel(p), to: null });
  return out;
}

function parseSnapshot(s: unknown): Work | null {
  if (typeof s !== 'string' || s === '') return null;
  try {
    return JSON.parse(s) as Work;
  } catch {
    return null;
  }
}

/** The history of a work, oldest first, each entry with its changes against the previous state. */
export function workHistory(db: Db, workId: number): HistoryEntry[] {
  const rows = stmt(db,
      `SELECT h.id, h.run_id, h.group_id, h.transaction_seq, h.transaction_type, h.line, h.action, h.version, h.snapshot,
              f.name AS file, f.imported_at AS imported_at
       FROM work_history h LEFT JOIN files f ON f.id = h.file_id
       WHERE h.work_id = ? ORDER BY h.id`,
    )
    .all(workId) as Record<string, unknown>[];
  let previous: Work | null = null;
  const out: HistoryEntry[] = [];
  for (const r of rows) {
    const snap = parseSnapshot(r['snapshot']);
    const changes = snap ? diffWorks(previous, snap) : [];
    if (snap) previous = snap;
    out.push({
      id: Number(r['id']),
      run: Number(r['run_id']),
      file: typeof r['file'] === 'string' ? r['file'] : null,
      importedAt: typeof r['imported_at'] === 'string' ? r['imported_at'] : null,
      transactionType: String(r['transaction_type']),
      group: r['group_id'] === null ? null : Number(r['group_id']),
      transaction: r['transaction_seq'] === null ? null : Number(r['transaction_seq']),
      line: Number(r['line']),
      action: String(r['action']),
      version: Number(r['version']),
      changes,
    });
  }
  return out;
}
