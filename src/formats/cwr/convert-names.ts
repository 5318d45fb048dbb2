/**
 * Output names for converted files. 2.x: CWyynnnnSSS_RRR.V21 / .V22 (CWR 2.2 §3.1); 3.x:
 * CWYYnnnnSUB_REP_VM-m-r.EXT (CWR 3.0 user manual §2.1), e.g. CW220002DMP_0000_V3-0-0.SUB.
 */
import { basename } from 'node:path';
import { isV3, type CwrVersion } from './versions.js';

const V2_NAME = /^(.*)\.V2[12]$/i;
const V3_NAME = /^(.*)_V\d-\d-\d+\.([A-Z0-9]+)$/i;

/** The stem (CWyynnnnSSS_RRR) and, for 3.x names, the extension (SUB, ISR, ACK1 ...). */
export function cwrStem(fileName: string): { stem: string; ext: string | null } {
  const name = basename(fileName);
  const v3 = V3_NAME.exec(name);
  if (v3) return { stem: v3[1] ?? name, ext: v3[2] ?? null };
  const v2 = V2_NAME.exec(name);
  if (v2) return { stem: v2[1] ?? name, ext: null };
  const dot = name.lastIndexOf('.');
  return { stem: dot > 0 ? name.slice(0, dot) : name, ext: null };
}

/** The default output name for `fileName` converted to `to` (a revision number of 0 for 3.x). */
export function convertedName(fileName: string, to: CwrVersion, ext3 = 'SUB'): string {
  const { stem, ext } = cwrStem(fileName);
  if (isV3(to)) return `${stem}_V${to.replace('.', '-')}-0.${(ext ?? ext3).toUpperCase()}`;
  return `${stem}.V${to.replace('.', '')}`;
}

/** The sender code a CWR file name carries (CWyynnnn + 2-4 characters + "_"), if any. */
export function senderFromName(fileName: string): string | null {
  const m = /^CW\d{6}([A-Z0-9]{2,4})_/i.exec(basename(fileName));
  return m?.[1]?.toUpperCase() ?? null;
}
