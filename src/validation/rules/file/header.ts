/**
 * HDR rules (HDR-1..HDR-4, FILE-6): sender type and id (CISAC sender table, society table or the
 * society's own local senders), EDI version, character set, CWR version/revision.
 */
import type { CwrRecord } from '../../../formats/cwr/record.js';
import { isValidIpiNameNumber } from '../../../domain/identifiers.js';
import { isSocietyCode, lookup, senderByCode, senderByIpi } from '../../../reference/tables.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { reportAt, s, settingsOf } from '../support.js';

export const HDR_SENDER_TYPE = defineRule({
  id: 'hdr-sender-type',
  level: 'file',
  cisac: 'CWR 2.2 §3.5 HDR field edit 2 (HDR-1)',
  msg: { record: 'HDR', number: '002', messageLevel: 'F' },
  summary: 'The sender type is not PB, SO, AA or WR (or two digits of an 11-digit IPI name number).',
  message: (p) => `sender type "${s(p, 'value')}" is not PB (publisher), SO (society), AA (administrative agency) or WR (writer): the file is rejected`,
});

export const HDR_SENDER_ID = defineRule({
  id: 'hdr-sender-id',
  level: 'file',
  cisac: 'CWR 2.2 §3.5 HDR field edits 3, 4, 7, 12, 13 (HDR-2)',
  msg: { record: 'HDR', number: '003', messageLevel: 'F' },
  summary: 'The sender id is not a registered CWR sender (CISAC sender table or the society’s local senders), a society code, or a valid writer IPI. Without a local sender registry an unlisted publisher is only a warning.',
  message: (p) => `sender ${s(p, 'type')} "${s(p, 'value')}" ${s(p, 'why')}${p['effect'] === 'warning' ? '' : ': the file is rejected'}`,
});

export const HDR_EDI_VERSION = defineRule({
  id: 'hdr-edi-version',
  level: 'file',
  cisac: 'CWR 2.2 §3.5 HDR field edit 9 (HDR-3)',
  msg: { record: 'HDR', number: '009', messageLevel: 'F' },
  summary: 'The EDI standard version number is not 01.10.',
  message: (p) => `EDI standard version "${s(p, 'value')}" must be 01.10: the file is rejected`,
});

export const HDR_CHARACTER_SET = defineRule({
  id: 'hdr-character-set',
  level: 'file',
  cisac: 'CWR 2.2 §3.5 HDR field edit 14 (HDR-4)',
  msg: { record: 'HDR', number: '014', messageLevel: 'F' },
  summary: 'The character set is not Big5, GB or a Unicode value (or one the society profile accepts).',
  message: (p) => `character set "${s(p, 'value')}" is not accepted (${s(p, 'accepted')}): the file is rejected`,
});

export const HDR_VERSION = defineRule({
  id: 'hdr-version',
  level: 'file',
  cisac: 'CWR 2.2 §3.4.9-3.4.10, HDR edits 15-16 (FILE-6)',
  summary: 'A CWR 2.2 HDR names a revision that does not exist (2.2 has revisions 1 and 2).',
  message: (p) => `CWR 2.2 revision "${s(p, 'value')}" does not exist (1 or 2): the file is rejected`,
});

const SENDER_TYPES = new Set(['PB', 'SO', 'AA', 'WR']);

function localKnows(local: ReadonlySet<string>, ...keys: string[]): boolean {
  return keys.some((k) => k !== '' && local.has(k));
}

export function checkHeader(rec: CwrRecord, ctx: CheckContext): void {
  if (rec.type !== 'HDR') return;
  const settings = settingsOf(ctx);
  const local = settings.localSenders;
  const version = ctx.info.version;
  const v3 = version === '3.0' || version === '3.1';
  const type = rec.str('sender_type');
  const idField = v3 ? 'sender_code' : 'sender_id';
  const id = (rec.raw(idField)?.text ?? '').trim();
  const twoDigits = /^[0-9]{2}$/.test(type);
  if (!SENDER_TYPES.has(type) && !twoDigits) {
    reportAt(ctx, HDR_SENDER_TYPE, rec, 'sender_type', { value: type });
  } else {
    const allowedTypes = settings.profile?.senderTypes;
    let why: string | null = null;
    let msgNumber = '003';
    // A publisher missing from the CISAC table may be one the society registered itself: with no
    // local registry to ask (no catalogue senders), that case is a warning, not a rejection.
    let unlisted = false;
    if (twoDigits) {
      const ipnn = `${type}${id}`;
      if (!senderByIpi(ipnn) && !localKnows(local, ipnn, id)) {
        why = `(IPI name number ${ipnn}) is not in the CISAC CWR sender table nor a local sender of the society`;
        unlisted = true;
      }
    } else if (type === 'SO') {
      msgNumber = '004';
      if (!isSocietyCode(id.slice(-3)) || !/^[0-9 ]*$/.test(id)) why = 'is not a society code of the CISAC society table';
    } else if (type === 'WR') {
      msgNumber = '013';
      const ipi = id.padStart(11, '0');
      if (!/^[0-9]{1,11}$/.test(id) || !isValidIpiNameNumber(ipi)) why = 'is not a valid writer IPI name number';
    } else if (v3) {
      if (!senderByCode(id) && !localKnows(local, id, id.toUpperCase())) {
        why = 'is not in the CISAC CWR sender table nor a local sender of the society';
        unlisted = true;
      }
    } else {
      msgNumber = type === 'AA' ? '007' : '012';
      const ipi = /^[0-9]+$/.test(id) ? id.padStart(11, '0') : id;
      if (!senderByIpi(ipi) && !localKnows(local, ipi, id, id.replace(/^0+/, ''))) {
        why = 'is not in the CISAC CWR sender table nor a local sender of the society';
        unlisted = true;
      }
    }
    if (why) {
      const soft = unlisted && local.size === 0;
      const text = soft ? `${why} (no local sender registry was given: register the society's senders to reject such files)` : why;
      reportAt(ctx, HDR_SENDER_ID, rec, idField, { type: twoDigits ? 'IPNN' : type, value: id, why: soft ? text : why, effect: soft ? 'warning' : 'rejected', msgRecord: 'HDR', msgLevel: 'F', msgNumber }, soft ? 'field' : undefined);
    }
    if (allowedTypes && !allowedTypes.includes(twoDigits ? 'PB' : type)) {
      reportAt(ctx, HDR_SENDER_ID, rec, 'sender_type', { type, value: id, why: `is a sender type the ${settings.profile?.name ?? ''} profile does not accept (${allowedTypes.join(', ')})` });
    }
  }
  if (!v3) {
    const edi = rec.str('edi_standard_version_number');
    if (edi !== '' && edi !== '01.10') reportAt(ctx, HDR_EDI_VERSION, rec, 'edi_standard_version_number', { value: edi });
  }
  const cs = rec.str('character_set');
  if (cs !== '') {
    const accepted = settings.profile?.acceptedCharacterSets ?? [...lookup('character_set')];
    const norm = (x: string): string => x.toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (!accepted.some((a) => norm(a) === norm(cs))) reportAt(ctx, HDR_CHARACTER_SET, rec, 'character_set', { value: cs, accepted: accepted.filter((a) => a !== '').join(', ') });
  }
  if (version === '2.2') {
    const rev = rec.get('cwr_revision');
    if (typeof rev === 'number' && rev !== 1 && rev !== 2) reportAt(ctx, HDR_VERSION, rec, 'cwr_revision', { value: rev });
  }
}
