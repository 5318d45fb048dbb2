/** Small CWR files for rule tests: a standard work whose records can be replaced, validated in memory. */
import { CwrBuilder, type Values } from '../../../../src/formats/cwr/builder.js';
import type { CwrVersion } from '../../../../src/formats/cwr/versions.js';
import { ipiNameCheckDigits } from '../../../../src/domain/identifiers.js';
import { validateCwr } from '../../../../src/validation/engine.js';
import { buildValidation, type SetupOptions } from '../../../../src/validation/setup.js';
import type { Diagnostic } from '../../../../src/validation/diagnostic.js';

export const ipi = (n: number): string => {
  const nine = String(n).padStart(9, '0');
  return nine + ipiNameCheckDigits(nine);
};

export type Rec = readonly [string, Values];
export const HDR: Values = { sender_type: 'PB', sender_id: 841473537, sender_name: '040 PUBLISHING', creation_date: '2026-01-15', creation_time: '10:00:00', transmission_date: '2026-01-15' };
export const NWR: Values = { work_title: 'BALLAD OF THE STEPPE', submitter_work_number: 'W001', musical_work_distribution_category: 'POP', recorded_indicator: 'U', version_type: 'ORI' };
export const spu = (o: Values = {}): Rec => ['SPU', { publisher_sequence_number: 1, interested_party_number: 'P1', publisher_name: 'ZFP MUSIC', publisher_type: 'E', publisher_ipi_name_number: ipi(123456789), pr_ownership_share: 5000, mr_ownership_share: 10000, sr_ownership_share: 10000, ...o }];
export const spt = (o: Values = {}): Rec => ['SPT', { interested_party_number: 'P1', pr_collection_share: 5000, mr_collection_share: 10000, sr_collection_share: 10000, inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136', sequence_number: 1, ...o }];
export const swr = (o: Values = {}): Rec => ['SWR', { interested_party_number: 'W1', writer_last_name: 'ABAYEV', writer_first_name: 'ARMAN', writer_designation_code: 'CA', writer_ipi_name_number: ipi(323456789), pr_affiliation_society: '177', pr_ownership_share: 5000, mr_ownership_share: 0, sr_ownership_share: 0, ...o }];
export const swt = (o: Values = {}): Rec => ['SWT', { interested_party_number: 'W1', pr_collection_share: 5000, mr_collection_share: 0, sr_collection_share: 0, inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136', sequence_number: 1, ...o }];
export const pwr = (o: Values = {}): Rec => ['PWR', { publisher_ip_number: 'P1', publisher_name: 'ZFP MUSIC', writer_ip_number: 'W1', ...o }];
export const owr = (o: Values = {}): Rec => ['OWR', { writer_last_name: 'OTHER', writer_designation_code: 'C', pr_ownership_share: 0, mr_ownership_share: 0, sr_ownership_share: 0, ...o }];

/** The standard work: NWR(3) SPU(4) SPT(5) SWR(6) SWT(7) PWR(8). */
export const standard = (): Rec[] => [spu(), spt(), swr(), swt(), pwr()];

export interface FileSpec {
  version?: CwrVersion;
  hdr?: Values;
  groups: Array<{ type: string; values?: Values; transactions: Array<readonly [Rec, ...Rec[]]> }>;
}

export function cwrText(spec: FileSpec): string {
  const lines: string[] = [];
  const b = new CwrBuilder(spec.version ?? '2.1', (l) => lines.push(l));
  b.header({ ...HDR, ...(spec.hdr ?? {}) });
  for (const g of spec.groups) {
    b.group(g.type, g.values ?? {});
    for (const [head, ...rest] of g.transactions) {
      b.transaction(head[0], head[1]);
      for (const [t, v] of rest) b.record(t, v);
    }
  }
  b.end();
  return lines.join('\r\n') + '\r\n';
}

/** A one-work NWR file with `records` after the NWR header. */
export const workFile = (records: Rec[], nwr: Values = {}, version: CwrVersion = '2.1', hdr: Values = {}): string =>
  cwrText({ version, hdr, groups: [{ type: 'NWR', transactions: [[['NWR', { ...NWR, ...nwr }], ...records]] }] });

export async function validate(text: string, fileName = 'CW260001ZFP_177.V21', setup: SetupOptions = {}): Promise<Diagnostic[]> {
  const options = await buildValidation(setup);
  // Plain Latin text goes as Latin-1 (the 2.x default); anything else as UTF-8.
  const utf8 = /[^\u0000-\u00ff]/.test(text);
  async function* chunks(): AsyncIterable<Buffer> {
    yield Buffer.from(text, utf8 ? 'utf8' : 'latin1');
  }
  const r = await validateCwr(chunks(), { ...options, fileName, ...(utf8 ? { encoding: 'utf-8' } : {}) });
  return r.diagnostics.filter((d) => d.severity !== 'info');
}

/** "rule@line" for each diagnostic, sorted: compact to compare in tables. */
export async function found(text: string, fileName?: string, setup?: SetupOptions): Promise<string[]> {
  return (await validate(text, fileName, setup)).map((d) => `${d.rule}@${d.line ?? '-'}`).sort();
}
