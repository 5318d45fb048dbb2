import { describe, expect, it } from 'vitest';
import { found, ipi, pwr, spt, spu, standard, swr, swt, workFile, type Rec } from './build.js';
import type { Values } from '../../../../src/formats/cwr/builder.js';

describe('lookups, identifiers and characters (FLD-4, ID-*, CIS-1)', () => {
  it.each<[string, Values, Rec[] | null, string[]]>([
    ['version type not in table (key field: TR)', { version_type: 'XXX' }, null, ['lookup-invalid@3']],
    ['excerpt type not in table (optional: FR)', { excerpt_type: 'ZZZ' }, null, ['lookup-invalid@3']],
    ['language code in table', { language_code: 'KK' }, null, []],
    ['ISWC with a good check digit', { iswc: 'T1234567894' }, null, []],
    ['ISWC with a bad check digit', { iswc: 'T1234567895' }, null, ['iswc-invalid@3']],
    ['special agreement indicator not in table (optional: FR)', {}, [spu({ special_agreements_indicator: 'Z' }), spt(), swr(), swt(), pwr()], ['lookup-invalid@4']],
    ['writer designation not in table', {}, [spu(), spt(), swr({ writer_designation_code: 'ZZ' }), swt(), pwr()], ['lookup-invalid@6', 'work-no-author@3']],
    ['TIS code that does not exist', {}, [spu(), spt({ tis_numeric_code: '9999' }), swr(), swt(), pwr()], ['lookup-invalid@5']],
    ['society code that does not exist', {}, [spu({ pr_affiliation_society: '998' }), spt(), swr(), swt(), pwr()], ['lookup-invalid@4']],
    ['IPI name number without leading zeros', {}, [spu({ publisher_ipi_name_number: String(Number(ipi(123456789))) }), spt(), swr(), swt(), pwr()], []],
    ['IPI name number with a bad check', {}, [spu({ publisher_ipi_name_number: '00123456780' }), spt(), swr(), swt(), pwr()], ['ipi-name-invalid@4']],
    ['IPI base number', {}, [spu(), spt(), swr({ writer_ipi_base_number: 'I-123456789-3' }), swt(), pwr()], []],
    ['lower-case title', { work_title: 'Ballad' }, null, ['cis-characters@3']],
    ['Cyrillic title', { work_title: 'ДАЛА' }, null, ['cis-characters@3']],
    ['comma in a writer name', {}, [spu(), spt(), swr({ writer_last_name: 'ABAYEV, A' }), swt(), pwr()], ['cis-characters@6']],
    ['Cyrillic in a non-Roman record is fine', {}, [...standard(), ['NAT', { title: 'ДАЛА БАЛЛАДАСЫ', title_type: 'OL', language_code: 'KK' }]], []],
    ['TER in a work is not allowed', {}, [...standard(), ['TER', { inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136' }]], ['record-not-allowed@9']],
    ['ALT before the writers', {}, [spu(), spt(), ['ALT', { alternate_title: 'STEPPE', title_type: 'AT' }], swr(), swt(), pwr()], ['record-order@7']],
    ['SPT after ALT', {}, [...standard(), ['ALT', { alternate_title: 'STEPPE', title_type: 'AT' }], spt({ sequence_number: 2, tis_numeric_code: '0398' })], ['territory-placement@10']],
  ])('%s', async (_name, nwr, records, expected) => {
    expect(await found(workFile(records ?? standard(), nwr))).toEqual([...expected].sort());
  });

  it('a lookup failure carries the CISAC message key for the ACK writer', async () => {
    const { validate } = await import('./build.js');
    const d = (await validate(workFile(standard(), { version_type: 'XXX' }))).find((x) => x.rule === 'lookup-invalid');
    expect(d?.params).toMatchObject({ msgRecord: 'NWR', msgLevel: 'F', msgNumber: '012' });
    expect(d?.level).toBe('transaction');
    expect(d?.field).toBe('version_type');
    expect(d?.column).toBe(143);
  });
});
