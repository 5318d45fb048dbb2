/**
 * ACK file names, by the CWR conventions, with the society as sender and the original submitter
 * as receiver:
 *
 * - 2.x (CWR 2.2 §3.1): CWyynnnnSSS_RRR.V21 / .V22, e.g. CW260001177_DMP.V21;
 * - 3.x (user manual §2.1): CWyynnnnSSS_RRR_V3-m-r.ACK1 (a technical acknowledgement), e.g.
 *   CW260001177_DMP_V3-0-0.ACK1.
 *
 * yy is the year the ACK is created. nnnn is the file number: the caller's --sequence, else the
 * next number after the highest CWyy????SSS_ file already in the output folder (0001 if none), so
 * numbers ascend within a year as the convention asks. The receiver is the sender code in the
 * input's file name (CWyynnnnRRR_... ), else the 3.x HDR sender code, else the 2.x society code of
 * an SO sender, else "000".
 */
import { readdirSync } from 'node:fs';
import type { CwrRecord } from '../record.js';
import { isV3, type CwrVersion } from '../versions.js';

export interface AckNameParts {
  readonly version: CwrVersion;
  /** The society's CISAC code, 3 digits. */
  readonly society: string;
  readonly receiver: string;
  readonly sequence: number;
  readonly date: Date;
}

export function yearDigits(date: Date): string {
  return String(date.getUTCFullYear() % 100).padStart(2, '0');
}

export function ackFileName(p: AckNameParts): string {
  if (!Number.isInteger(p.sequence) || p.sequence < 0 || p.sequence > 9999) throw new RangeError(`file sequence must be 0 to 9999, not ${p.sequence}`);
  const stem = `CW${yearDigits(p.date)}${String(p.sequence).padStart(4, '0')}${p.society}_${p.receiver}`;
  if (!isV3(p.version)) return `${stem}.V${p.version === '2.1' ? '21' : '22'}`;
  return `${stem}_V3-${p.version === '3.0' ? '0' : '1'}-0.ACK1`;
}

const NAME_2X = /^CW[0-9]{2}(?:[0-9]{4}|[0-9]{2})([A-Z0-9]{2,3})_[A-Z0-9]{2,4}\.V2[0-9]$/i;
const NAME_3X = /^CW[0-9]{6}([A-Z0-9]{2,4})_[A-Z0-9]{2,4}_V[0-9]+-[0-9]+-[0-9]+[._][A-Z0-9]+$/i;
const CODE = /^[A-Z0-9]{2,4}$/;

/** Who the ACK goes to: the submitter of the original file. */
export function receiverCode(inputName: string, hdr: CwrRecord | null, version: CwrVersion): string {
  const m = NAME_2X.exec(inputName) ?? NAME_3X.exec(inputName);
  if (m?.[1] !== undefined) return m[1].toUpperCase();
  if (hdr !== null) {
    if (isV3(version)) {
      const code = hdr.str('sender_code').trim().toUpperCase();
      if (CODE.test(code)) return code;
    } else if (hdr.str('sender_type') === 'SO') {
      const id = hdr.get('sender_id');
      if (typeof id === 'number' && id > 0 && id < 1000) return String(id).padStart(3, '0');
    }
  }
  return '000';
}

/** The next free file number for `society`'s ACKs of the year of `date` in `dir`. */
export function nextSequence(dir: string, society: string, date: Date): number {
  const re = new RegExp(`^CW${yearDigits(date)}([0-9]{4})${society}_`, 'i');
  let max = 0;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  for (const n of names) {
    const m = re.exec(n);
    if (m?.[1] !== undefined) max = Math.max(max, Number(m[1]));
  }
  if (max >= 9999) throw new RangeError(`no free ACK file number left for ${yearDigits(date)} in ${dir}`);
  return max + 1;
}
