/**
 * What the catalogue tells the ACK writer: CO/DU for a submitter's work with an open conflict or
 * duplicate, and the society work number (cwrkit's catalogue id) for a work the society holds, so
 * an accepted registration is answered AS/AC with its number instead of RA (pending).
 */
import { existsSync } from 'node:fs';
import { openCatalogue, type Db } from '../catalogue/db.js';
import { conflictStatusFor } from '../catalogue/repositories/conflicts.js';
import { SendersRepository } from '../catalogue/repositories/senders.js';
import { loadSettings } from '../config.js';
import type { CatalogueVerdict } from '../formats/cwr/ack/status.js';
import type { CwrRecord } from '../formats/cwr/record.js';
import type { Transaction } from '../formats/cwr/structure.js';

export interface AckCatalogue {
  readonly verdict: (tx: Transaction) => CatalogueVerdict;
  readonly recipientNumber: (tx: Transaction) => string | null;
  close(): void;
}

/** The work header of a registration transaction (an ACK's echo is not a registration). */
function submitterWorkNumber(tx: Transaction): string | null {
  const v = tx.header.get('submitter_work_number');
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** Opens the catalogue named by the settings, read-only, when there is one. */
export function ackCatalogue(options: { env?: Readonly<Record<string, string | undefined>>; cwd: string; db?: string }, header: () => CwrRecord | null): AckCatalogue | null {
  let db: Db;
  try {
    const settings = loadSettings({ flags: { db: options.db }, env: options.env ?? {}, cwd: options.cwd });
    if (!existsSync(settings.db)) return null;
    db = openCatalogue(settings.db, { readonly: true, mustExist: true });
  } catch {
    return null;
  }
  const senders = new SendersRepository(db);
  const sender = (): string => {
    const h = header();
    if (!h) return '';
    return senders.canonical(h.str('sender_code') || h.str('sender_id'));
  };
  const idOf = db.prepare('SELECT id FROM works WHERE submitter = ? AND submitter_work_number = ?').pluck();
  return {
    verdict: (tx) => {
      const swn = submitterWorkNumber(tx);
      return swn === null ? null : conflictStatusFor(db, sender(), swn);
    },
    recipientNumber: (tx) => {
      const swn = submitterWorkNumber(tx);
      if (swn === null) return null;
      const id = idOf.get(sender(), swn) as number | bigint | undefined;
      return id === undefined ? null : String(id);
    },
    close: () => db.close(),
  };
}
