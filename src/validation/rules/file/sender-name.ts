/**
 * HDR sender name (CWR 2.2 HDR field edits 5, 6, 8): the name must match the sender's entry in the
 * CISAC tables (CWR sender table for PB and AA, society table for SO). CISAC makes a mismatch
 * file-level (ER); names are written many ways in practice ("PRS FOR MUSIC" for the table's
 * "PRS", "LTD" for "Limited"), so cwrkit compares them word by word, ignoring case, accents,
 * punctuation and legal-form words, and reports what is left as a field-level warning; a society
 * profile can make it file-level (`levels`).
 */
import type { CwrRecord } from '../../../formats/cwr/record.js';
import { senderByCode, senderByIpi, society } from '../../../reference/tables.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { reportAt, s } from '../support.js';

export const HDR_SENDER_NAME = defineRule({
  id: 'hdr-sender-name',
  level: 'field',
  cisac: 'CWR 2.2 §3.5 HDR field edits 5, 6, 8 (ER in CISAC; a warning here unless a profile raises it)',
  msg: { record: 'HDR', number: '005', messageLevel: 'F' },
  summary: 'The HDR sender name does not match the name of the sender’s entry in the CISAC sender or society table (compared word by word, legal forms ignored).',
  message: (p) => `sender name "${s(p, 'value')}" does not match "${s(p, 'expected')}", the ${s(p, 'table')} entry for ${s(p, 'id')}`,
});

/** Legal-form and filler words that names carry or drop at will. */
const IGNORED = new Set(['LTD', 'LIMITED', 'INC', 'INCORPORATED', 'LLC', 'LLP', 'PLC', 'CORP', 'CORPORATION', 'CO', 'COMPANY', 'GMBH', 'AG', 'KG', 'SA', 'SAS', 'SARL', 'SRL', 'SL', 'BV', 'NV', 'AB', 'AS', 'OY', 'PTY', 'THE', 'AND', 'ET', 'UND', 'Y', 'E']);

/** A name's significant words: upper case, accents and punctuation gone, legal forms dropped. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9\u0400-\u04FF]+/)
    .filter((w) => w !== '' && !IGNORED.has(w));
}

/** Whether two ways of writing a sender's name agree: every significant word of the shorter is in the longer. */
export function sameSenderName(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return wa.length === wb.length;
  const [short, long] = wa.length <= wb.length ? [wa, new Set(wb)] : [wb, new Set(wa)];
  return short.every((w) => long.has(w));
}

export function checkSenderName(rec: CwrRecord, ctx: CheckContext): void {
  if (rec.type !== 'HDR') return;
  const v3 = ctx.info.version === '3.0' || ctx.info.version === '3.1';
  const type = rec.str('sender_type');
  const name = rec.str('sender_name');
  if (name === '') return; // a blank mandatory field is field-required's finding
  const idField = v3 ? 'sender_code' : 'sender_id';
  const id = (rec.raw(idField)?.text ?? '').trim();
  let expected: string | undefined;
  let table = 'CISAC CWR sender table';
  if (type === 'SO') {
    expected = society(id.slice(-3))?.name;
    table = 'CISAC society table';
  } else if (type === 'PB' || type === 'AA' || /^[0-9]{2}$/.test(type)) {
    const sender = v3 ? senderByCode(id) : senderByIpi(/^[0-9]{2}$/.test(type) ? `${type}${id}` : id);
    expected = sender?.name;
  }
  // An unknown sender is hdr-sender-id's finding; writers (WR) have no name table.
  if (expected === undefined || expected === '' || sameSenderName(name, expected)) return;
  reportAt(ctx, HDR_SENDER_NAME, rec, 'sender_name', { value: name, expected, table, id, msgRecord: 'HDR', msgLevel: 'F', msgNumber: type === 'SO' ? '006' : type === 'AA' ? '008' : '005' });
}
