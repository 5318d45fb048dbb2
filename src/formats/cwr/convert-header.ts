/**
 * The HDR of a converted file. 2.x identifies the sender by a numeric id (an IPI name number, or a
 * society code for societies); 3.x by a 2-4 character CWR sender code, with the IPI name number in
 * its own field. Creation date and time are kept from the source.
 */
import type { FieldValue } from '../../fixed-width/field-types.js';
import type { RecordLayout } from '../../fixed-width/layout.js';
import type { ConvertOptions } from './convert.js';
import { isEmpty, type Values } from './convert-values.js';
import type { CwrRecord } from './record.js';
import { isV3 } from './versions.js';

export function headerValues(rec: CwrRecord | null, options: ConvertOptions, target: RecordLayout | undefined, loss: (reason: string, field: string) => void): Values {
  const { from, to } = options;
  const v = (name: string): FieldValue => rec?.get(name) ?? null;
  const out: Values = {
    sender_type: v('sender_type'),
    sender_name: v('sender_name'),
    creation_date: v('creation_date'),
    creation_time: v('creation_time'),
    transmission_date: v('transmission_date'),
  };
  if (options.charset) out['character_set'] = options.charset;
  if (target?.byName.has('software_package')) {
    out['software_package'] = v('software_package');
    out['software_package_version'] = v('software_package_version');
  } else {
    for (const f of ['software_package', 'software_package_version']) {
      if (!isEmpty(v(f))) loss(`CWR ${to} HDR has no ${f}`, f);
    }
  }
  if (isV3(to)) {
    out['file_name'] = options.fileName && options.fileName.length <= 27 ? options.fileName : null;
    if (isV3(from)) {
      out['sender_code'] = v('sender_code');
      out['reserved_or_sender_ipi_name_number'] = v('reserved_or_sender_ipi_name_number');
    } else {
      const type = String(v('sender_type') ?? '');
      const id = v('sender_id');
      // The 2.x workaround for 11-digit IPI numbers puts the first two digits in sender_type.
      const ipi = /^[0-9]{2}$/.test(type) ? `${type}${String(id ?? 0).padStart(9, '0')}` : type !== 'SO' && !isEmpty(id) ? String(id).padStart(11, '0') : null;
      if (/^[0-9]{2}$/.test(type)) out['sender_type'] = 'PB';
      out['reserved_or_sender_ipi_name_number'] = ipi;
      const code = options.senderCode ?? (type === 'SO' && !isEmpty(id) ? String(id) : null);
      if (code === null || code.length > 4) loss('no CWR 3.x sender code: give --sender-code, or name the input CWyynnnnSSS_RRR.Vxx', 'sender_id');
      else out['sender_code'] = code;
    }
  } else if (isV3(from)) {
    const ipi = String(v('reserved_or_sender_ipi_name_number') ?? '');
    const code = String(v('sender_code') ?? '');
    if (options.senderId !== undefined) {
      out['sender_id'] = options.senderId;
    } else if (/^[0-9]{11}$/.test(ipi)) {
      if (!ipi.startsWith('00')) out['sender_type'] = ipi.slice(0, 2);
      out['sender_id'] = Number(ipi.slice(2));
    } else if (/^[0-9]{1,9}$/.test(code)) {
      out['sender_id'] = Number(code);
    } else {
      loss('a 2.x HDR sender id is numeric (IPI name number or society code) and the 3.x HDR has none: give --sender-id', 'sender_code');
    }
  } else {
    out['sender_id'] = v('sender_id');
  }
  const senderId = rec?.raw('sender_id');
  if (rec && senderId && !isV3(from) && v('sender_id') === null && senderId.text.trim() !== '') {
    loss('the sender id is not numeric: not carried', 'sender_id');
  }
  if ((to === '2.2' && from === '2.2') || (isV3(to) && isV3(from))) out['cwr_revision'] = v('cwr_revision');
  return out;
}
