/**
 * The society sending the ACK: its CISAC code and the name the HDR must carry (HDR edit 6: the
 * sender name matches the Society Code table). Names come from the CISAC society code listing
 * (SG26-0077, 2026-07-06), kept here as code -> name until the shared reference tables land.
 */
import { cisText } from './cis-text.js';
import names from './society-names.json' with { type: 'json' };

const NAMES: Readonly<Record<string, string>> = names;

/** The society's name as written in an HDR (upper-case CIS ASCII, at most 45 characters), or
 * undefined for an unknown code. Plain ASCII also keeps the HDR's columns where readers look for
 * the version when the file is UTF-8 ("MÜST" -> "MUST"). */
export function societyName(code: string): string | undefined {
  const name = NAMES[code.trim().padStart(3, '0')];
  return name === undefined ? undefined : cisText(name, 45);
}
