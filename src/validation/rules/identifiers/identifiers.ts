/**
 * Identifier formats and check digits (ID-ISWC, ID-IPI-NAME, ID-IPI-BASE, ID-ISRC, ID-EAN): an
 * invalid identifier is replaced by spaces at the recipient (FR), so these are field warnings.
 */
import type { FieldSpec, RecordLayout } from '../../../fixed-width/layout.js';
import type { CwrRecord } from '../../../formats/cwr/record.js';
import { isValidEan13, isValidIpiBaseNumber, isValidIpiNameNumber, isValidIswc, normaliseIsrc } from '../../../domain/identifiers.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { reportAt, s, strAt } from '../support.js';
import { identifierSurelyFine, type IdentifierKind } from './in-place.js';

export const ISWC_INVALID = defineRule({
  id: 'iswc-invalid',
  level: 'field',
  cisac: 'CWR 2.2 NWR field edit 4 (valid ISWC, FR: spaces); ISWC check digit per ISO 15707',
  msg: { record: 'NWR', number: '004', messageLevel: 'F' },
  summary: 'An ISWC is not T + 10 digits with a correct check digit.',
  message: (p) => `${s(p, 'field')} "${s(p, 'value')}" is not a valid ISWC (T + 9 digits + check digit): it will be ignored`,
});

export const IPI_NAME_INVALID = defineRule({
  id: 'ipi-name-invalid',
  level: 'field',
  cisac: 'CWR 2.2 SPU field edit 10, SWR field edit 9, PER/COM/EWT/VER writer IPI edits (IPI name # not valid, FR: spaces); IPI mod-101 check',
  summary: 'An IPI name number is not 11 digits with correct mod-101 check digits.',
  message: (p) => `${s(p, 'field')} "${s(p, 'value')}" is not a valid IPI name number (11 digits, the last two a check): it will be ignored`,
});

export const IPI_BASE_INVALID = defineRule({
  id: 'ipi-base-invalid',
  level: 'field',
  cisac: 'CWR 2.2 SPU field edit 24, SWR field edit 22 (IPI base number not valid, FR); I-nnnnnnnnn-c format',
  summary: 'An IPI base number is not I-999999999-9 with a correct check digit.',
  message: (p) => `${s(p, 'field')} "${s(p, 'value')}" is not a valid IPI base number (I-123456789-3 form): it will be ignored`,
});

export const ISRC_INVALID = defineRule({
  id: 'isrc-invalid',
  level: 'field',
  cisac: 'CWR 2.2 REC field edit 10 (ISRC not valid, FR: spaces)',
  msg: { record: 'REC', number: '010', messageLevel: 'F' },
  summary: 'An ISRC is not 2 letters + 3 characters + 7 digits.',
  message: (p) => `ISRC "${s(p, 'value')}" is not valid (CC-XXX-YY-NNNNN): it will be ignored`,
});

export const EAN_INVALID = defineRule({
  id: 'ean-invalid',
  level: 'field',
  cisac: 'CWR 2.2 REC field edit 9 (EAN not valid, FR: spaces); GS1 mod-10 check',
  msg: { record: 'REC', number: '009', messageLevel: 'F' },
  summary: 'An EAN is not 13 digits with a correct check digit.',
  message: (p) => `EAN "${s(p, 'value')}" is not a valid 13-digit EAN: it will be ignored`,
});

type Kind = IdentifierKind;

/** One identifier field of a layout: its name, kind and 0-based [from, to) range in the line. */
interface IdField {
  readonly name: string;
  readonly kind: Kind;
  readonly from: number;
  readonly to: number;
}

const plan = new WeakMap<RecordLayout, readonly IdField[]>();

function fieldsOf(layout: RecordLayout): readonly IdField[] {
  let list = plan.get(layout);
  if (list) return list;
  const out: IdField[] = [];
  const add = (f: FieldSpec, kind: Kind): void => {
    out.push({ name: f.name, kind, from: f.start - 1, to: f.start - 1 + f.length });
  };
  for (const f of layout.fields) {
    const n = f.name;
    if (/(^|_)iswc($|_)/.test(n) && !n.includes('preferred')) add(f, 'iswc');
    else if (f.lookup === 'ipi' && n.includes('base')) add(f, 'ipi-base');
    else if (f.lookup === 'ipi') add(f, 'ipi-name');
    else if (f.lookup === 'isrc' || n === 'isrc') add(f, 'isrc');
    else if (f.lookup === 'ean13' || n === 'ean') add(f, 'ean');
  }
  list = out;
  plan.set(layout, list);
  return list;
}

function valid(kind: Kind, v: string): boolean {
  switch (kind) {
    case 'iswc':
      return /^T[0-9]{10}$/.test(v) && isValidIswc(v);
    case 'ipi-name':
      // Zero-padded in CWR; senders often drop leading zeros, which recipients accept.
      return /^[0-9]{1,11}$/.test(v) && isValidIpiNameNumber(v.padStart(11, '0'));
    case 'ipi-base':
      return isValidIpiBaseNumber(v);
    case 'isrc':
      return normaliseIsrc(v) === v;
    case 'ean':
      return isValidEan13(v);
  }
}

const RULE = { iswc: ISWC_INVALID, 'ipi-name': IPI_NAME_INVALID, 'ipi-base': IPI_BASE_INVALID, isrc: ISRC_INVALID, ean: EAN_INVALID } as const;

export function checkIdentifiers(rec: CwrRecord, ctx: CheckContext): void {
  const layout = rec.layout;
  if (!layout) return;
  const line = rec.text;
  for (const f of fieldsOf(layout)) {
    // Blank, zero and valid identifiers are settled in the line itself; the rest take the plain path.
    if (identifierSurelyFine(f.kind, line, f.from, f.to)) continue;
    const text = strAt(rec, f.name).trim();
    if (text === '' || /^0+$/.test(text)) continue;
    if (!valid(f.kind, text)) reportAt(ctx, RULE[f.kind], rec, f.name, { field: f.name, value: text });
  }
}
