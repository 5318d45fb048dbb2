/** ACK transactions (ACK-2..ACK-4), so acknowledgement files received from societies validate too. */
import type { Transaction } from '../../../formats/cwr/structure.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { reportAt, s } from '../support.js';

export const ACK_CREATION_TITLE = defineRule({
  id: 'ack-creation-title',
  level: 'transaction',
  cisac: 'CWR 2.2 ACK field edit 9 (ACK-2)',
  msg: { record: 'ACK', number: '009', messageLevel: 'F' },
  summary: 'An ACK answering an NWR or REV must carry the creation title.',
  message: (p) => `this ACK answers a ${s(p, 'type')} but has no creation title: the transaction is rejected`,
});

export const ACK_RECIPIENT_NUMBER = defineRule({
  id: 'ack-recipient-number',
  level: 'transaction',
  cisac: 'CWR 2.2 §4.6 ACK field description (recipient creation # required when accepted) (ACK-2)',
  msg: { record: 'ACK', number: '006', messageLevel: 'F' },
  summary: "An accepted ACK (AS, AC, SR, CR) must carry the recipient's work number.",
  message: (p) => `this ACK accepts the work (status ${s(p, 'status')}) but gives no recipient creation # (the society's work number): the transaction is rejected`,
});

export const ACK_FILE_LEVEL_IDS = defineRule({
  id: 'ack-file-level-ids',
  level: 'transaction',
  cisac: 'CWR 2.2 §4.6 ACK field descriptions: original type HDR/TRL means a file-level problem, group id and sequence are then zero (ACK-2)',
  msg: { record: 'ACK', number: '002', messageLevel: 'F' },
  summary: 'An ACK for a whole file (original type HDR or TRL) has non-zero group id or transaction sequence.',
  message: () => 'this ACK answers the whole file (HDR/TRL) but names a group or transaction: both must be zero',
});

export const ACK_ECHO = defineRule({
  id: 'ack-echo',
  level: 'transaction',
  cisac: 'CWR 2.2 ACK transaction edits 2, 3 (ACK-3); v2.2 societies need not echo new 2.2 records (ACK-5)',
  msg: { record: 'ACK', number: '003' },
  summary: 'Inside an ACK, an EXC must follow the echoed NWR/REV, and the echoed transaction type must be NWR, REV, AGR, ISW or EXC.',
  message: (p) => `${s(p, 'why')}: the transaction is rejected`,
});

export const ACK_DATES = defineRule({
  id: 'ack-dates',
  level: 'transaction',
  cisac: 'CWR 2.2 ACK field edits 1, 7 (ACK-2)',
  msg: { record: 'ACK', number: '007', messageLevel: 'F' },
  summary: 'The processing date of an ACK is before the creation date of the file it answers.',
  message: (p) => `processing date ${s(p, 'processing')} is before the original file's creation date ${s(p, 'creation')}`,
});

const ACCEPTED = new Set(['AS', 'AC', 'SR', 'CR']);
const ECHO = new Set(['NWR', 'REV', 'AGR', 'ISW', 'EXC']);

export function checkAck(tx: Transaction, ctx: CheckContext): void {
  const h = tx.header;
  if (h.type !== 'ACK') return;
  const type = h.str('original_transaction_type');
  const status = h.str('transaction_status');
  if ((type === 'NWR' || type === 'REV') && h.layout?.byName.has('creation_title') && h.str('creation_title') === '') reportAt(ctx, ACK_CREATION_TITLE, h, 'creation_title', { type });
  if (ACCEPTED.has(status) && (type === 'NWR' || type === 'REV') && h.str('recipient_creation_number') === '') reportAt(ctx, ACK_RECIPIENT_NUMBER, h, 'recipient_creation_number', { status });
  if (type === 'HDR' || type === 'TRL') {
    const g = h.get('original_group_id');
    const t = h.get('original_transaction_sequence_number');
    if ((typeof g === 'number' && g !== 0) || (typeof t === 'number' && t !== 0)) reportAt(ctx, ACK_FILE_LEVEL_IDS, h, 'original_group_id');
  }
  const creation = h.str('creation_date');
  const processing = h.str('processing_date');
  if (creation !== '' && processing !== '' && processing < creation) reportAt(ctx, ACK_DATES, h, 'processing_date', { processing, creation });
  let sawWork = false;
  for (const r of tx.records) {
    if (r.type === 'NWR' || r.type === 'REV') sawWork = true;
    if (r.type === 'EXC' && !sawWork) reportAt(ctx, ACK_ECHO, r, null, { why: 'an EXC inside an ACK must follow the echoed NWR or REV' });
    if (r.type === 'ACK') reportAt(ctx, ACK_ECHO, r, null, { why: 'only one ACK record is allowed per transaction', msgRecord: 'ACK', msgLevel: 'T', msgNumber: '001' });
  }
  const echoed = tx.records.find((r) => ECHO.has(r.type));
  if (echoed && type !== '' && echoed.type !== type && echoed.type !== 'EXC' && !(type === 'NWR' && echoed.type === 'REV') && !(type === 'REV' && echoed.type === 'NWR')) {
    reportAt(ctx, ACK_ECHO, echoed, null, { why: `the ACK answers a ${type} but echoes a ${echoed.type}` });
  }
}
