/** Local submitters (publishers, agents) known to this society. */
import type { Db } from '../db.js';

/** A sender code as the catalogue keys it (works.submitter, senders.code): digits without leading
 * zeros, letters upper-case ("000000052" -> "52", "qmp" -> "QMP"). */
export function normaliseSender(code: string): string {
  const t = code.trim();
  return /^[0-9]+$/.test(t) ? t.replace(/^0+(?=[0-9])/, '') : t.toUpperCase();
}

/** The registered code of the sender an HDR names by code or by IPI number, among `senders`
 * (SendersRepository.canonical without the database: import workers get the rows). */
export function canonicalSender(code: string, senders: ReadonlyArray<Pick<SenderRow, 'code' | 'ipi'>>): string {
  const c = normaliseSender(code);
  if (c === '') return c;
  for (const s of senders) {
    if (normaliseSender(s.code) === c) return normaliseSender(s.code);
    if (s.ipi && normaliseSender(s.ipi) === c) return normaliseSender(s.code);
  }
  return c;
}

export interface SenderRow {
  code: string;
  name: string;
  ipi: string | null;
  added_at: string;
}

export class SendersRepository {
  constructor(private readonly db: Db) {}

  /** Adds or updates a sender; returns true when it was new. */
  add(s: SenderRow): boolean {
    const known = this.db.prepare('SELECT 1 FROM senders WHERE code = ?').get(s.code) !== undefined;
    this.db
      .prepare('INSERT INTO senders (code, name, ipi, added_at) VALUES (@code, @name, @ipi, @added_at) ON CONFLICT(code) DO UPDATE SET name = excluded.name, ipi = excluded.ipi')
      .run(s);
    return !known;
  }

  /** The registered code of the sender an HDR names by code or by IPI number (2.x publishers
   * send their IPI, 3.x their code): one publisher is one submitter in the catalogue. */
  canonical(code: string): string {
    return canonicalSender(code, this.list());
  }

  list(): SenderRow[] {
    return this.db.prepare('SELECT * FROM senders ORDER BY code').all() as SenderRow[];
  }

  /** Codes and IPI numbers of every local sender, for validation and ACK matching. Numeric
   * codes are given as stored and zero-filled to 9 and 11 digits (HDR sender id forms). */
  codes(): ReadonlySet<string> {
    const out = new Set<string>();
    const add = (c: string): void => {
      out.add(c);
      if (/^[0-9]+$/.test(c)) {
        const bare = c.replace(/^0+(?=[0-9])/, '');
        out.add(bare);
        if (bare.length <= 9) out.add(bare.padStart(9, '0'));
        if (bare.length <= 11) out.add(bare.padStart(11, '0'));
      }
    };
    for (const s of this.list()) {
      add(s.code);
      if (s.ipi) add(s.ipi);
    }
    return out;
  }
}
