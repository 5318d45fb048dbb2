import { describe, expect, it } from 'vitest';
import { encodeRecord } from '../../../../src/fixed-width/codec.js';
import type { FieldValue } from '../../../../src/fixed-width/field-types.js';
import { ackToModel } from '../../../../src/formats/cwr/ack-to-model.js';
import { CwrRecord } from '../../../../src/formats/cwr/record.js';
import { toWork } from '../../../../src/formats/cwr/to-work.js';
import { layoutOf, type CwrVersion } from '../../../../src/formats/cwr/versions.js';

type Values = Record<string, FieldValue>;

function rec(version: CwrVersion, type: string, values: Values, line = 1): CwrRecord {
  const layout = layoutOf(version, type);
  if (!layout) throw new Error(`no ${type} in ${version}`);
  return new CwrRecord(type, line, encodeRecord(layout, { ...values, record_type: type, transaction_sequence_number: 0, record_sequence_number: line }), layout);
}

const NWR: Values = {
  work_title: 'DALA AENI', language_code: 'KK', submitter_work_number: 'QMP-0001', iswc: 'T3210001013', musical_work_distribution_category: 'POP',
  duration: '00:03:41', recorded_indicator: 'Y', text_music_relationship: 'MTX', version_type: 'ORI', grand_rights_indicator: false,
};

describe('toWork (CWR 2.1)', () => {
  const header = rec('2.1', 'NWR', NWR);

  it('reads the work header', () => {
    const w = toWork(header, [], '712345669');
    expect(w).toMatchObject({
      submitter: '712345669', submitterWorkNumber: 'QMP-0001', title: 'DALA AENI', language: 'KK', iswc: 'T3210001013', category: 'POP',
      duration: '00:03:41', recorded: 'Y', textMusicRelationship: 'MTX', versionType: 'ORI', grandRights: false, parties: [], titles: [],
    });
  });

  it.each([
    ['T3210001013', 'T3210001013'],
    ['T3210001031', null], // wrong check digit: ignored, as the validator announces
    ['', null],
  ])('ISWC %j -> %j', (given, expected) => {
    expect(toWork(rec('2.1', 'NWR', { ...NWR, iswc: given === '' ? null : given }), [], 'S').iswc).toBe(expected);
  });

  it('reads a publisher chain: SPU, NPN, SPT (shares as integer hundredths of a percent)', () => {
    const w = toWork(header, [
      rec('2.1', 'SPU', { publisher_sequence_number: 1, interested_party_number: 'QMP001', publisher_name: 'QAZAQ MUSIC PUBLISHING', publisher_type: 'E',
        publisher_ipi_name_number: '00712345669', pr_affiliation_society: 177, pr_ownership_share: 5000, mr_affiliation_society: 177, mr_ownership_share: 10000,
        sr_affiliation_society: 52, sr_ownership_share: 10000, submitter_agreement_number: 'AGR1' }, 2),
      rec('2.1', 'NPN', { publisher_sequence_number: 1, interested_party_number: 'QMP001', publisher_name: 'Қазақ Музыка Баспасы', language_code: 'KK' }, 3),
      rec('2.1', 'SPT', { interested_party_number: 'QMP001', pr_collection_share: 5000, mr_collection_share: 10000, sr_collection_share: 10000,
        inclusion_exclusion_indicator: 'I', tis_numeric_code: '398', sequence_number: 1 }, 4),
      rec('2.1', 'SPT', { interested_party_number: 'QMP001', pr_collection_share: 0, mr_collection_share: 0, sr_collection_share: 0,
        inclusion_exclusion_indicator: 'E', tis_numeric_code: '2136', sequence_number: 2 }, 5),
    ], 'S');
    expect(w.parties).toEqual([
      {
        party: { kind: 'publisher', ipNumber: 'QMP001', ipiNameNumber: '00712345669', ipiBaseNumber: null, name: 'QAZAQ MUSIC PUBLISHING', firstName: null,
          originalName: { name: 'Қазақ Музыка Баспасы', firstName: null, language: 'KK' }, societies: { PR: '177', MR: '177', SR: '052' } },
        role: 'E', controlled: true, chain: 1, position: 1, unknown: false, ownership: { PR: 5000, MR: 10000, SR: 10000 },
        collection: [
          { territory: '0398', include: true, shares: { PR: 5000, MR: 10000, SR: 10000 }, sequence: 1 },
          { territory: '2136', include: false, shares: { PR: 0, MR: 0, SR: 0 }, sequence: 2 },
        ],
        agreement: { submitterNumber: 'AGR1', societyNumber: null, type: null },
      },
    ]);
  });

  it.each([
    ['SWR', true],
    ['OWR', false],
  ])('reads a writer from %s (controlled: %s), its original-script name and PWR link', (type, controlled) => {
    const w = toWork(header, [
      rec('2.1', type, { interested_party_number: 'W0001', writer_last_name: 'NURLANQYZY', writer_first_name: 'AJGERIM', writer_designation_code: 'CA',
        writer_ipi_name_number: '00441122310', writer_ipi_base_number: 'I-000112233-2', pr_affiliation_society: 177, pr_ownership_share: 5000 }, 2),
      rec('2.1', 'NWN', { interested_party_number: 'W0001', writer_last_name: 'Нұрланқызы', writer_first_name: 'Айгерім', language_code: 'KK' }, 3),
      rec('2.1', 'PWR', { publisher_ip_number: 'QMP001', publisher_name: 'QAZAQ', writer_ip_number: 'W0001', submitter_agreement_number: 'A1' }, 4),
    ], 'S');
    const p = w.parties[0];
    expect(p?.controlled).toBe(controlled);
    expect(p?.role).toBe('CA');
    expect(p?.party).toMatchObject({ kind: 'writer', name: 'NURLANQYZY', firstName: 'AJGERIM', ipiBaseNumber: 'I-000112233-2', originalName: { name: 'Нұрланқызы', firstName: 'Айгерім', language: 'KK' } });
    expect(p?.ownership).toEqual({ PR: 5000, MR: 0, SR: 0 }); // the encoder zero-fills numeric fields
    expect(w.links).toEqual([{ writerIpNumber: 'W0001', publisherIpNumber: 'QMP001', chain: null, submitterAgreementNumber: 'A1', societyAgreementNumber: null }]);
  });

  it('reads titles, performers, recordings, cross references and related works', () => {
    const w = toWork(header, [
      rec('2.1', 'ALT', { alternate_title: 'DALA SONG', title_type: 'AT', language_code: 'EN' }, 2),
      rec('2.1', 'NAT', { title: 'Дала әні', title_type: 'OT', language_code: 'KK' }, 3),
      rec('2.1', 'PER', { performing_artist_last_name: 'QONYR', performing_artist_first_name: null }, 4),
      rec('2.1', 'NPR', { performing_artist_name: 'ҚОҢЫР', language_code: 'KK' }, 5),
      rec('2.1', 'REC', { first_release_date: '2026-03-01', first_release_duration: '00:03:41', first_album_title: 'DALA', first_album_label: 'QAZAQ RECORDS', isrc: 'KZQMP2600001' }, 6),
      rec('2.1', 'VER', { title: 'OLD SONG', iswc: 'T3210001024', language_code: 'EN', writer_1_last_name: 'ABAI', writer_1_first_name: null }, 7),
      rec('2.1', 'NVT', { title: 'Ескі ән', language_code: 'KK' }, 8),
      rec('2.1', 'ARI', { society_number: 52, work_number: 'PRS1', type_of_right: 'ALL' }, 9),
    ], 'S');
    expect(w.titles).toEqual([
      { title: 'DALA SONG', type: 'AT', language: 'EN', nonRoman: false },
      { title: 'Дала әні', type: 'OT', language: 'KK', nonRoman: true },
    ]);
    expect(w.performers).toEqual([{ name: 'QONYR', firstName: null, ipiNameNumber: null, ipiBaseNumber: null, originalName: 'ҚОҢЫР', language: 'KK' }]);
    expect(w.recordings[0]).toMatchObject({ isrc: 'KZQMP2600001', releaseDate: '2026-03-01', duration: '00:03:41', albumTitle: 'DALA', albumLabel: 'QAZAQ RECORDS' });
    expect(w.related).toEqual([{ relation: 'original', title: 'OLD SONG', iswc: 'T3210001024', submitterWorkNumber: null, originalTitle: 'Ескі ән', writers: [{ name: 'ABAI', firstName: null, ipiNameNumber: null }] }]);
    expect(w.societyWorkNumbers).toEqual([{ society: '052', number: 'PRS1' }]);
  });

  it('an XRF work identifier from a society is a society work number', () => {
    const w = toWork(rec('2.2', 'REV', NWR), [rec('2.2', 'XRF', { organisation_code: '177', identifier: 'KZ0001', identifier_type: 'W', validity: 'Y' }, 2)], 'S');
    expect(w.crossReferences).toEqual([{ organisation: '177', identifier: 'KZ0001', type: 'W', valid: 'Y' }]);
    expect(w.societyWorkNumbers).toEqual([{ society: '177', number: 'KZ0001' }]);
  });
});

describe('toWork (CWR 3.x)', () => {
  it.each(['3.0', '3.1'] as const)('%s: societies come from the territory records', (v) => {
    const w = toWork(rec(v, 'WRK', NWR), [
      rec(v, 'SPU', { publisher_sequence_number: 1, interested_party_number: 'QMP001', publisher_name: 'QAZAQ', publisher_type: 'E', publisher_ipi_name_number: '00712345669' }, 2),
      rec(v, 'SPT', { sequence_number: 1, interested_party_number: 'QMP001', pr_collection_share: 5000, mr_collection_share: 10000, sr_collection_share: 10000,
        inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136', pr_affiliation_society: '177', mr_affiliation_society: '177', sr_affiliation_society: '177' }, 3),
      rec(v, 'SWR', { interested_party_number: 'W1', writer_last_name: 'Нұрланқызы', writer_first_name: 'Айгерім', writer_designation_code: 'CA', writer_ipi_name_number: '00441122310' }, 4),
      rec(v, 'PWR', { publisher_sequence_number: 1, publisher_ip_number: 'QMP001', writer_ip_number: 'W1' }, 5),
    ], 'QMP');
    expect(w.parties.map((p) => [p.party.kind, p.party.name, p.party.societies.PR, p.collection.length])).toEqual([
      ['publisher', 'QAZAQ', '177', 1],
      ['writer', 'Нұрланқызы', null, 0],
    ]);
    expect(w.links[0]?.chain).toBe(1);
  });
});

describe('ackToModel', () => {
  it('reads the original reference, status, numbers, messages and the echoed work', () => {
    const ack = rec('2.1', 'ACK', { creation_date: '2026-11-20', creation_time: '09:30:00', original_group_id: 1, original_transaction_sequence_number: 4,
      original_transaction_type: 'NWR', creation_title: 'DALA AENI', submitter_creation_number: 'QMP-0001', recipient_creation_number: 'PRS880001',
      processing_date: '2026-11-25', transaction_status: 'RA' });
    const msg = rec('2.1', 'MSG', { message_type: 'F', original_record_sequence_number: 1, message_level: 'F', validation_number: '005', message_text: 'DATE REPLACED' }, 2);
    const msgText = msg.text.slice(0, 28) + 'NWR' + msg.text.slice(31);
    const m = ackToModel({ header: ack, records: [new CwrRecord('MSG', 2, msgText, msg.layout), rec('2.1', 'NWR', NWR, 3)], group: 1, index: 0 });
    expect(m).toMatchObject({
      originalGroup: 1, originalTransaction: 4, originalType: 'NWR', title: 'DALA AENI', submitterWorkNumber: 'QMP-0001', societyWorkNumber: 'PRS880001',
      status: 'RA', processingDate: '2026-11-25', iswc: 'T3210001013',
      messages: [{ type: 'F', level: 'F', recordType: 'NWR', validation: '005', text: 'DATE REPLACED' }],
    });
    expect(m.work?.title).toBe('DALA AENI');
  });

  it('an ACK without an echoed work has no work and no ISWC', () => {
    const ack = rec('2.1', 'ACK', { original_group_id: 1, original_transaction_sequence_number: 0, original_transaction_type: 'NWR', submitter_creation_number: 'X1', transaction_status: 'RJ' });
    expect(ackToModel({ header: ack, records: [], group: 1, index: 0 })).toMatchObject({ work: null, iswc: null, status: 'RJ', societyWorkNumber: null });
  });
});
