import { describe, expect, it } from 'vitest';
import { cisCharacters, describe as describeCode, errorMessage, isSocietyCode, lookup, normaliseSocietyCode, senderByCode, senderByIpi, society, tableNames } from '../../../src/reference/tables.js';
import { layoutsFor, CWR_VERSIONS } from '../../../src/formats/cwr/versions.js';

describe('reference tables', () => {
  it.each([
    ['version_type', 'ORI', true],
    ['version_type', 'XXX', false],
    ['writer_designation', 'CA', true],
    ['publisher_type', 'AQ', true],
    ['title_type', 'OL', true],
    ['language_code', 'KK', true],
    ['musical_work_distribution_category', 'SER', true],
    ['transaction_status', 'RA', true],
    ['transaction_status', 'WA', true],
    ['tis_territories', '0398', true],
    ['tis_territories', '2136', true],
    ['society_code', '177', true],
    ['society_code', '052', true],
    ['character_set', 'UTF-8', true],
    ['sender_type', 'PB', true],
    ['isrc_validity', 'Y', true],
    ['agreement_role_code', 'AS', true],
    ['intended_purpose', 'FIL', true],
  ])('%s has %s: %s', (table, code, has) => {
    expect(lookup(table).has(code)).toBe(has);
  });

  it('has every lookup table the layouts name (other than identifier and ISO tables)', () => {
    const identifiers = new Set(['ipi', 'ean13', 'isrc', 'iso_639_2_dialect', 'iso_4217_currency', 'submission_distribution_type', 'record_type']);
    const names = new Set([...tableNames(), 'society_code', 'tis_territories']);
    for (const v of CWR_VERSIONS) for (const layout of layoutsFor(v).records.values()) for (const f of layout.fields) if (f.lookup && !identifiers.has(f.lookup)) expect(names.has(f.lookup), `${v} ${layout.type}.${f.name} -> ${f.lookup}`).toBe(true);
  });

  it('KazAK is society 177 in Kazakhstan; v3 "177 " and "52  " normalise', () => {
    expect(society('177')?.name).toBe('KazAK');
    expect(normaliseSocietyCode('52  ')).toBe('052');
    expect(isSocietyCode('177 ')).toBe(true);
    expect(isSocietyCode('998')).toBe(false);
  });

  it('CWR sender table by IPI and by code', () => {
    expect(senderByIpi('841473537')?.code).toBe('ZFP');
    expect(senderByCode('zfp')?.ipi).toBe('00841473537');
    expect(senderByIpi('199')).toBeUndefined();
  });

  it('CIS Latin: upper case and punctuation in titles, no lower case, no comma in names', () => {
    const cis = cisCharacters();
    expect(cis.titles.has('A')).toBe(true);
    expect(cis.titles.has('a')).toBe(false);
    expect(cis.titles.has(',')).toBe(true);
    expect(cis.names.has(',')).toBe(false);
  });

  it('CISAC error messages by record, message level and number', () => {
    expect(errorMessage('NWR', 'T', '011')?.level).toBe('TR');
    expect(errorMessage('SPU', 'F', '013')?.text).toMatch(/0-50%/);
    expect(describeCode('version_type', 'MOD')).toMatch(/Modified/);
  });
});
