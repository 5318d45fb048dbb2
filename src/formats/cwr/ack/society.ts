/**
 * The society sending the ACK: the name its HDR must carry (HDR edit 6: the sender name matches
 * the Society Code table), from the CISAC society code listing in the shared reference tables.
 */
import { society } from '../../../reference/tables.js';
import { cisText } from './cis-text.js';

/** The society's name as written in an HDR (upper-case CIS ASCII, at most 45 characters), or
 * undefined for an unknown code. Plain ASCII also keeps the HDR's columns where readers look for
 * the version when the file is UTF-8 ("MÜST" -> "MUST"). */
export function societyName(code: string): string | undefined {
  const name = society(code)?.name;
  return name === undefined || name === '' ? undefined : cisText(name, 45);
}
