/**
 * The record and field mapping tables of `cwrkit convert`, as data. Two families: 2.x (2.1, 2.2)
 * and 3.x (3.0, 3.1). Within a family records keep their type; across families the tables below
 * say which record takes which role. Fields are copied by name; the renames here cover fields
 * whose name differs between the layouts; everything else a source record holds that the target
 * layout has no place for is reported as a loss.
 */

/** Record types of 2.x that become another type in 3.x (types not listed keep their type). */
export const TYPE_2X_TO_3X: Readonly<Record<string, string>> = {
  NWR: 'WRK',
  REV: 'WRK',
  EWT: 'OWK',
  VER: 'OWK',
  COM: 'OWK',
};

/** Record types of 3.x that become another type in 2.x. WRK becomes NWR (REV when asked); OWK
 * becomes EWT, COM or VER depending on the work (see owkTarget). */
export const TYPE_3X_TO_2X: Readonly<Record<string, string>> = {
  WRK: 'NWR',
};

/** ISWC requests: the 2.x ISW transaction (NWR layout) and the 3.x ISR transaction, whose only
 * detail records are WRI writers. 2.x writers become WRI; WRI come back as OWR (the request claims
 * no control). Other detail records of an ISW have no place in an ISR. */
export const ISWC_REQUEST = {
  header2x: 'ISW',
  header3x: 'ISR',
  writers2x: ['SWR', 'OWR'] as readonly string[],
  writer3x: 'WRI',
  writerBack: 'OWR',
  otherReason: 'a CWR 3.x ISR transaction holds only WRI writer records',
} as const;

/** Why a record type has no counterpart, for the loss report. */
export const NO_COUNTERPART_REASON: Readonly<Record<string, string>> = {
  AGR: 'agreements (AGR/TER/IPA/NPA) have no CWR 3.x layout',
  TER: 'agreements (AGR/TER/IPA/NPA) have no CWR 3.x layout',
  IPA: 'agreements (AGR/TER/IPA/NPA) have no CWR 3.x layout',
  NPA: 'agreements (AGR/TER/IPA/NPA) have no CWR 3.x layout',
  NPN: 'non-Roman alphabet records have no known CWR 3.x layout',
  NWN: 'non-Roman alphabet records have no known CWR 3.x layout',
  NAT: 'non-Roman alphabet records have no known CWR 3.x layout',
  NPR: 'non-Roman alphabet records have no known CWR 3.x layout',
  NOW: 'non-Roman alphabet records have no known CWR 3.x layout',
  NET: 'non-Roman alphabet records have no known CWR 3.x layout',
  NCT: 'non-Roman alphabet records have no known CWR 3.x layout',
  NVT: 'non-Roman alphabet records have no known CWR 3.x layout',
  INS: 'instrumentation records have no known CWR 3.x layout',
  IND: 'instrumentation records have no known CWR 3.x layout',
  ARI: 'ARI has no known CWR 3.x layout',
  MSG: 'the CWR 3.x MSG layout is unknown',
  EXC: 'the CWR 3.x EXC layout is unknown',
  WRI: 'WRI (3.x writer for an ISWC request) belongs in an ISR transaction only',
  MAN: 'MAN exists only in CWR 3.1',
  OPT: 'OPT exists only from CWR 2.2',
  OWT: 'OWT exists only from CWR 2.2',
  XRF: 'XRF exists only from CWR 2.2',
};

/** Field renames between 2.x and 3.x, per 3.x record type: [2.x name, 3.x name]. */
// 2.1 -> 2.2 needs no renames: the 2.1 ORN V-ISAN fields became a filler in 2.2 (reported when set).
export const RENAMES_2X_3X: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  REC: [
    ['first_release_date', 'release_date'],
    ['first_release_duration', 'release_duration'],
  ],
  OWK: [['iswc_of_component', 'iswc']],
};

/** Fields that are layout padding, never data: never reported. */
export function isFiller(name: string): boolean {
  return name.startsWith('filler') || name.startsWith('constant_') || name === 'record_type' || name === 'transaction_sequence_number' || name === 'record_sequence_number';
}

/** Society fields: 3 digits in 2.x ("052"), up to 4 characters left-justified in 3.x ("52  "). */
export const SOCIETY_FIELDS: ReadonlySet<string> = new Set(['pr_affiliation_society', 'mr_affiliation_society', 'sr_affiliation_society', 'avi_society_code', 'organisation_code', 'publisher_pr_society']);

/** 2.x keeps societies and ownership shares on SPU/SWR; 3.x keeps societies on SPT/SWT and has no
 * ownership shares. */
export const SOCIETIES = ['pr_affiliation_society', 'mr_affiliation_society', 'sr_affiliation_society'] as const;
export const OWNERSHIP_SHARES = ['pr_ownership_share', 'mr_ownership_share', 'sr_ownership_share'] as const;
/** Agreement data that sits on the 2.x SPU and on the 3.x SPT. */
export const PUBLISHER_AGREEMENT_FIELDS = ['special_agreements_indicator', 'first_recording_refusal_indicator', 'submitter_agreement_number', 'society_assigned_agreement_number', 'agreement_type'] as const;

/** The ISAN and EIDR of 2.2 ORN are split into parts; 3.x holds each as one field. */
export const ORN_COMPOSITES: ReadonlyArray<{ readonly whole: string; readonly parts: readonly string[] }> = [
  { whole: 'isan', parts: ['isan_root', 'isan_episode', 'isan_check_digit_1', 'isan_version', 'isan_check_digit_2'] },
  { whole: 'eidr', parts: ['eidr_root', 'eidr_check_digit'] },
];

/** Publisher records and their territory records; writer records and theirs. */
export const PARTY_OF_TERRITORY: Readonly<Record<string, readonly string[]>> = {
  SPT: ['SPU'],
  OPT: ['OPU', 'SPU'],
  SWT: ['SWR'],
  OWT: ['OWR', 'SWR'],
};
