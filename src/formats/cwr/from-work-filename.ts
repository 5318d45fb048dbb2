/**
 * CWR file names. 2.x (CWR 2.2 §3.1): CW + 2-digit year + 4-digit sequence + sender code + "_" +
 * receiver code + ".V21"/".V22". 3.x (CWR user manual 2019 §2.1): the same stem, then
 * "_V3-0-0.SUB" (or V3-1-0 for 3.1).
 */
import type { CwrVersion } from './versions.js';

export interface CwrFileNameParts {
  readonly version: CwrVersion;
  /** Four-digit year (only the last two digits are written). */
  readonly year: number;
  /** Sequence number for that year, 1..9999. */
  readonly sequence: number;
  readonly sender: string;
  readonly receiver: string;
}

export function cwrFileName(p: CwrFileNameParts): string {
  if (!Number.isInteger(p.sequence) || p.sequence < 1 || p.sequence > 9999) {
    throw new RangeError(`CWR file sequence must be 1 to 9999, not ${p.sequence}`);
  }
  const stem = `CW${String(p.year % 100).padStart(2, '0')}${String(p.sequence).padStart(4, '0')}${p.sender}_${p.receiver}`;
  switch (p.version) {
    case '2.1':
      return `${stem}.V21`;
    case '2.2':
      return `${stem}.V22`;
    case '3.0':
      return `${stem}_V3-0-0.SUB`;
    case '3.1':
      return `${stem}_V3-1-0.SUB`;
  }
}

/** The parts of a name written by `cwrFileName` (any version), or null for other names. */
export function parseCwrFileName(name: string): { year2: string; sequence: number; sender: string; receiver: string } | null {
  const m = /^CW([0-9]{2})([0-9]{4})([A-Z0-9]{2,4})_([A-Z0-9]{2,4})(?:\.V2[12]|_V3-[01]-[0-9]\.SUB)$/i.exec(name);
  if (!m || !m[1] || !m[2] || !m[3] || !m[4]) return null;
  return { year2: m[1], sequence: Number(m[2]), sender: m[3], receiver: m[4] };
}

/** The next free sequence for a year, given the names already used (any sender/receiver pair of
 * this sender counts: the sequence belongs to the sender and the year). */
export function nextSequence(usedNames: Iterable<string>, year: number, sender: string): number {
  const yy = String(year % 100).padStart(2, '0');
  let max = 0;
  for (const n of usedNames) {
    const p = parseCwrFileName(n);
    if (p && p.year2 === yy && p.sender === sender && p.sequence > max) max = p.sequence;
  }
  if (max >= 9999) throw new RangeError(`no free CWR file sequence left for ${year}`);
  return max + 1;
}
