/**
 * FLD-4: every lookup (L) field of the layouts is checked against its CISAC table. The rejection
 * level depends on the field (spec field edits): key fields reject the transaction (TR), a few
 * drop the record (RR), optional ones are replaced by a default (FR).
 */
import type { RecordLayout } from '../../../fixed-width/layout.js';
import type { CwrRecord } from '../../../formats/cwr/record.js';
import { describe, hasTable, lookup, normaliseSocietyCode } from '../../../reference/tables.js';
import type { Level } from '../../diagnostic.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { reportAt, s, strAt } from '../support.js';
import { foldedCodes, lookupSurelyFine, type LookupNormal } from './in-place.js';

export const LOOKUP_INVALID = defineRule({
  id: 'lookup-invalid',
  level: 'field',
  cisac: 'CWR 2.2 field edits per record (value must match its lookup table), e.g. NWR field edits 2, 6, 10-17, SPU 6, 12, 15, 17, SWR 8, 10, 12, 14, SPT 9-10; v3 unverified',
  summary: 'A coded field holds a value that is not in its CISAC table (level per field: TR for key fields, RR or FR for others).',
  message: (p) =>
    p['value'] === ''
      ? `${s(p, 'field')} is blank; it must hold a code from the ${s(p, 'table')} table`
      : `${s(p, 'field')} "${s(p, 'value')}" is not a code of the ${s(p, 'table')} table${p['effect'] ? `: ${s(p, 'effect')}` : ''}`,
});

type L = 'T' | 'R' | 'F';
/** Rejection level and CISAC message key per record.field (record types sharing edits are mapped). */
const FIELD_LEVEL: Readonly<Record<string, readonly [L, string, string, string]>> = {
  'NWR.language_code': ['T', 'NWR', 'F', '002'],
  'NWR.musical_work_distribution_category': ['T', 'NWR', 'F', '006'],
  'NWR.text_music_relationship': ['F', 'NWR', 'F', '010'],
  'NWR.composite_type': ['F', 'NWR', 'F', '011'],
  'NWR.version_type': ['T', 'NWR', 'F', '012'],
  'NWR.excerpt_type': ['F', 'NWR', 'F', '013'],
  'NWR.music_arrangement': ['T', 'NWR', 'F', '022'],
  'NWR.lyric_adaptation': ['T', 'NWR', 'F', '023'],
  'NWR.cwr_work_type': ['F', 'NWR', 'F', '017'],
  'SPU.publisher_type': ['T', 'SPU', 'F', '006'],
  'SPU.pr_affiliation_society': ['F', 'SPU', 'F', '012'],
  'SPU.mr_affiliation_society': ['F', 'SPU', 'F', '015'],
  'SPU.sr_affiliation_society': ['F', 'SPU', 'F', '017'],
  'SPU.special_agreements_indicator': ['F', 'SPU', 'F', '020'],
  'SPU.agreement_type': ['F', 'SPU', 'F', '030'],
  'SPU.usa_license_indicator': ['F', 'SPU', 'F', '031'],
  'OPU.publisher_type': ['F', 'SPU', 'F', '028'],
  'SPT.inclusion_exclusion_indicator': ['T', 'SPT', 'F', '010'],
  'SPT.tis_numeric_code': ['T', 'SPT', 'F', '009'],
  'SWT.inclusion_exclusion_indicator': ['T', 'SWT', 'F', '007'],
  'SWT.tis_numeric_code': ['T', 'SWT', 'F', '006'],
  'SWR.writer_designation_code': ['T', 'SWR', 'F', '008'],
  'SWR.pr_affiliation_society': ['F', 'SWR', 'F', '010'],
  'SWR.mr_affiliation_society': ['F', 'SWR', 'F', '012'],
  'SWR.sr_affiliation_society': ['F', 'SWR', 'F', '014'],
  'SWR.usa_license_indicator': ['F', 'SWR', 'F', '024'],
  'OWR.writer_designation_code': ['F', 'SWR', 'F', '008'],
  'ALT.title_type': ['F', 'ALT', 'F', '002'],
  'ALT.language_code': ['R', 'ALT', 'F', '003'],
  'NAT.title_type': ['F', 'NAT', 'F', '002'],
  'NAT.language_code': ['F', 'NAT', 'F', '003'],
  'NET.language_code': ['R', 'NET', 'F', '002'],
  'NPN.language_code': ['F', 'NPN', 'F', '004'],
  'NWN.language_code': ['F', 'NWN', 'F', '003'],
  'NPA.language_code': ['F', 'NPA', 'F', '003'],
  'NOW.language_code': ['F', 'NOW', 'F', '002'],
  'NPR.language_code': ['F', 'NPR', 'F', '004'],
  'NPR.performance_language': ['F', 'NPR', 'F', '006'],
  'EWT.language_code': ['F', 'EWT', 'F', '003'],
  'VER.language_code': ['F', 'VER', 'F', '003'],
  'REC.recording_format': ['F', 'REC', 'F', '011'],
  'REC.recording_technique': ['F', 'REC', 'F', '012'],
  'REC.media_type': ['F', 'REC', 'F', '014'],
  'ORN.intended_purpose': ['R', 'ORN', 'F', '001'],
  'ORN.bltvr': ['F', 'ORN', 'F', '006'],
  'INS.standard_instrumentation_type': ['R', 'INS', 'F', '002'],
  'IND.instrument_code': ['R', 'IND', 'F', '001'],
  'ARI.society_number': ['R', 'ARI', 'F', '001'],
  'ARI.type_of_right': ['R', 'ARI', 'F', '002'],
  'ARI.subject_code': ['R', 'ARI', 'F', '003'],
  'XRF.organisation_code': ['R', 'XRF', 'F', '001'],
  'XRF.identifier_type': ['R', 'XRF', 'F', '001'],
  'ACK.transaction_status': ['T', 'ACK', 'F', '008'],
  'ACK.original_transaction_type': ['T', 'ACK', 'F', '003'],
  'AGR.agreement_type': ['T', 'AGR', 'F', '003'],
  'AGR.sales_manufacture_clause': ['F', 'AGR', 'F', '019'],
  'TER.inclusion_exclusion_indicator': ['T', 'TER', 'F', '001'],
  'TER.tis_numeric_code': ['T', 'TER', 'F', '002'],
  'IPA.agreement_role_code': ['T', 'IPA', 'F', '001'],
  'IPA.pr_affiliation_society': ['T', 'IPA', 'F', '005'],
  'IPA.mr_affiliation_society': ['T', 'IPA', 'F', '007'],
  'IPA.sr_affiliation_society': ['T', 'IPA', 'F', '009'],
  // Received ACKs: unknown MSG letters are read leniently (digest SEV-2: a BMI ACK uses level "I").
  'MSG.message_type': ['F', 'MSG', 'F', '001'],
  'MSG.message_level': ['F', 'MSG', 'F', '003'],
};

/** Record types that share another type's field edits. */
const SAME_EDITS: Readonly<Record<string, string>> = {
  REV: 'NWR',
  ISW: 'NWR',
  EXC: 'NWR',
  WRK: 'NWR',
  ISR: 'NWR',
  OPT: 'SPT',
  OWT: 'SWT',
  NCT: 'NET',
  NVT: 'NET',
  WRI: 'SWR',
};

/** Tables checked elsewhere (identifiers, HDR, groups) or for which cwrkit has no table. */
const SKIPPED = new Set(['ipi', 'ean13', 'isrc', 'iso_639_2_dialect', 'iso_4217_currency', 'submission_distribution_type', 'record_type', 'character_set', 'sender_type']);
/** Group/file level fields: their own rules check them. */
const CONTROL = new Set(['HDR', 'GRH', 'GRT', 'TRL']);

/** Value normalisers per table (v3 writes 4-char society codes, TIS codes may lack zeros). */
const NORMALISE: Readonly<Record<string, (v: string) => string>> = {
  society_code: normaliseSocietyCode,
  tis_territories: (v) => (/^[0-9]{1,4}$/.test(v) ? v.padStart(4, '0') : v),
};

interface FieldCheck {
  readonly name: string;
  readonly table: string;
  readonly codes: ReadonlySet<string>;
  readonly level: Level;
  readonly msg: readonly [string, string, string] | null;
  readonly mandatory: boolean;
  readonly normalise: ((v: string) => string) | undefined;
  /** 0-based [from, to) range of the field in the line, and the in-place form of the table. */
  readonly from: number;
  readonly to: number;
  readonly keys: ReadonlySet<number>;
  readonly normal: LookupNormal;
}

const LEVEL_OF: Readonly<Record<L, Level>> = { T: 'transaction', R: 'record', F: 'field' };
const NORMAL: Readonly<Record<string, LookupNormal>> = { society_code: 'society', tis_territories: 'tis' };
const plan = new WeakMap<RecordLayout, readonly FieldCheck[]>();

function checksFor(layout: RecordLayout): readonly FieldCheck[] {
  let list = plan.get(layout);
  if (list) return list;
  const out: FieldCheck[] = [];
  if (!CONTROL.has(layout.type)) {
    for (const f of layout.fields) {
      if (!f.lookup || SKIPPED.has(f.lookup) || !hasTable(f.lookup) || f.name === 'record_type') continue;
      const key = `${layout.type}.${f.name}`;
      const shared = `${SAME_EDITS[layout.type] ?? layout.type}.${f.name}`;
      const meta = FIELD_LEVEL[key] ?? FIELD_LEVEL[shared];
      const level: Level = meta ? LEVEL_OF[meta[0]] : f.req === 'M' ? 'transaction' : 'field';
      const codes = lookup(f.lookup);
      out.push({
        name: f.name,
        table: f.lookup,
        codes,
        level,
        msg: meta ? [meta[1], meta[2], meta[3]] : null,
        mandatory: f.req === 'M',
        normalise: NORMALISE[f.lookup],
        from: f.start - 1,
        to: f.start - 1 + f.length,
        keys: foldedCodes(codes),
        normal: NORMAL[f.lookup] ?? null,
      });
    }
  }
  list = out;
  plan.set(layout, list);
  return list;
}

const EFFECT: Readonly<Record<Level, string>> = {
  file: 'the file is rejected',
  group: 'the group is rejected',
  transaction: 'the transaction is rejected',
  record: 'the record is dropped',
  field: 'the field is ignored',
};

/** Checks the lookup fields of one record. Blank mandatory fields are field-required's business. */
export function checkLookups(rec: CwrRecord, ctx: CheckContext): void {
  const layout = rec.layout;
  if (!layout) return;
  const line = rec.text;
  for (const c of checksFor(layout)) {
    // Blank fields and known codes are settled in the line itself; the rest take the plain path.
    if (lookupSurelyFine(c.keys, c.normal, line, c.from, c.to)) continue;
    const text = strAt(rec, c.name);
    if (text === '') continue;
    const code = c.normalise ? c.normalise(text) : text;
    if (c.codes.has(code)) continue;
    reportAt(
      ctx,
      LOOKUP_INVALID,
      rec,
      c.name,
      {
        field: c.name,
        value: text,
        table: c.table,
        effect: EFFECT[c.level],
        ...(c.msg ? { msgRecord: c.msg[0], msgLevel: c.msg[1], msgNumber: c.msg[2] } : {}),
      },
      c.level,
    );
  }
}

/** Used by tests and `rules`: the description of a code if the table knows it. */
export function codeDescription(table: string, code: string): string | undefined {
  return describe(table, code);
}
