#!/usr/bin/env node
// Writes the bundled CWR samples (samples/cwr/) from the data below with cwrkit's own builder.
// Run after `npm run build`: node samples/make-samples.mjs. The works, people and publisher are
// fictional; identifiers carry valid check digits. Kazakh titles and names travel in Cyrillic in
// the non-Roman records of 2.x (NAT, NWN, NPN, NPR), with the Latin transliteration
// (src/domain/transliteration.ts) in the main records. CWR 3.x main records carry the CIS Latin
// set too and the 3.x non-Roman record layouts are not published, so the 3.x samples are Latin.
import { writeFileSync } from 'node:fs';
import { CwrBuilder } from '../dist/formats/cwr/builder.js';
import { ipiNameCheckDigits, iswcCheckDigit, ipiBaseCheckDigit } from '../dist/domain/identifiers.js';
import { transliterate } from '../dist/domain/transliteration.js';

const dir = new URL('./cwr/', import.meta.url);
const ipi = (nine) => nine + ipiNameCheckDigits(nine);
const iswc = (nine) => `T${nine}${iswcCheckDigit(nine)}`;
const base = (nine) => `I-${nine}-${ipiBaseCheckDigit(nine)}`;

const PUBLISHER = { id: 'QMP001', name: 'QAZAQ MUSIC PUBLISHING', nameKk: 'Қазақ Музыка Баспасы', ipi: ipi('007123456'), society: 177 };
const FOREIGN_PUBLISHER = { id: 'EDB001', name: 'EDITION BERGWIND', ipi: ipi('005551234'), society: 35 };

const WRITERS = {
  aigerim: { id: 'W0001', last: 'Нұрланқызы', first: 'Айгерім', ipi: ipi('004411223'), base: base('000112233'), role: 'CA', society: 177 },
  yerlan: { id: 'W0002', last: 'Сейітов', first: 'Ерлан', ipi: ipi('004411224'), role: 'C', society: 177 },
  dana: { id: 'W0003', last: 'Әбілқасым', first: 'Дана', ipi: ipi('004411225'), role: 'A', society: 177 },
  klaus: { id: 'W0004', last: 'HOFFMANN', first: 'KLAUS', ipi: ipi('003987650'), role: 'C', society: 35, controlled: false },
};

const WORKS = [
  { swn: 'QMP-0001', title: 'Дала әні', iswc: iswc('321000101'), duration: '00:03:41', writers: [['aigerim', 5000]], alt: ['DALA SONG'],
    isrc: 'KZQMP2600001', performer: ['ҚОҢЫР', ''], album: 'DALA', label: 'QAZAQ RECORDS' },
  { swn: 'QMP-0002', title: 'Алматы түні', iswc: iswc('321000102'), duration: '00:04:05', writers: [['yerlan', 2500], ['dana', 2500]], alt: [],
    isrc: 'KZQMP2600002', performer: ['Жұлдызова', 'Мәдина'], album: 'TUNGI QALA', label: 'QAZAQ RECORDS' },
  { swn: 'QMP-0003', title: 'Көктем вальсі', iswc: null, duration: '00:02:58', writers: [['aigerim', 2500], ['klaus', 2500]], alt: ['SPRING WALTZ'],
    foreignPublisher: true },
];

// Works the publisher registers in CWR 3.x (other works than the 2.x files, so that a 3.x
// registration, which carries no ownership shares, does not replace a 2.x one in the demo).
const WORKS_V3 = [
  { swn: 'QMP-0101', title: 'Тау самалы', iswc: iswc('321000201'), duration: '00:03:12', writers: [['yerlan', 5000]], alt: ['MOUNTAIN BREEZE'],
    isrc: 'KZQMP2600101', performer: ['Жұлдызова', 'Мәдина'], album: 'TAU', label: 'QAZAQ RECORDS' },
  { swn: 'QMP-0102', title: 'Ақ көйлек', iswc: iswc('321000202'), duration: '00:03:55', writers: [['dana', 2500], ['aigerim', 2500]], alt: [] },
  { swn: 'QMP-0103', title: 'Сағыныш', iswc: null, duration: '00:04:20', writers: [['aigerim', 2500], ['klaus', 2500]], alt: ['LONGING'], foreignPublisher: true },
];

const HDR_DATE = '2026-11-20';
const HDR_TIME = '09:30:00';
const lat = (s) => transliterate(s);

function header(b, version, charset, sender) {
  if (sender) {
    b.header({ sender_type: 'SO', sender_id: sender.code, sender_name: sender.name, creation_date: HDR_DATE, creation_time: HDR_TIME, transmission_date: HDR_DATE, character_set: charset });
    return;
  }
  const h = { sender_type: 'PB', sender_name: PUBLISHER.name, creation_date: HDR_DATE, creation_time: HDR_TIME, transmission_date: HDR_DATE, character_set: charset };
  if (version.startsWith('3')) b.header({ ...h, sender_code: 'QMP', software_package: 'cwrkit', software_package_version: '0.1.0', file_name: b.fileName });
  else b.header({ ...h, sender_id: Number(PUBLISHER.ipi.slice(2)), ...(version === '2.2' ? { software_package: 'cwrkit', software_package_version: '0.1.0' } : {}) });
}

/** 2.x: one NWR/REV transaction with its detail records. */
function work2x(b, version, type, w) {
  const hasForeign = w.foreignPublisher === true;
  b.transaction(type, {
    work_title: lat(w.title), language_code: 'KK', submitter_work_number: w.swn, iswc: w.iswc, musical_work_distribution_category: 'POP',
    duration: w.duration, recorded_indicator: w.isrc ? 'Y' : 'N', text_music_relationship: 'MTX', version_type: 'ORI',
  });
  // Controlled publisher chain (sequence 1): 50% PR (25% when a foreign chain shares the work).
  const prPub = hasForeign ? 2500 : 5000;
  const mrPub = hasForeign ? 5000 : 10000;
  b.record('SPU', { publisher_sequence_number: 1, interested_party_number: PUBLISHER.id, publisher_name: PUBLISHER.name, publisher_type: 'E',
    publisher_ipi_name_number: PUBLISHER.ipi, pr_affiliation_society: PUBLISHER.society, pr_ownership_share: prPub,
    mr_affiliation_society: PUBLISHER.society, mr_ownership_share: mrPub, sr_affiliation_society: PUBLISHER.society, sr_ownership_share: mrPub });
  b.record('NPN', { publisher_sequence_number: 1, interested_party_number: PUBLISHER.id, publisher_name: PUBLISHER.nameKk, language_code: 'KK' });
  b.record('SPT', { interested_party_number: PUBLISHER.id, pr_collection_share: prPub, mr_collection_share: mrPub, sr_collection_share: mrPub,
    inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136', sequence_number: 1 });
  if (hasForeign) {
    b.record('OPU', { publisher_sequence_number: 2, interested_party_number: FOREIGN_PUBLISHER.id, publisher_name: FOREIGN_PUBLISHER.name, publisher_type: 'E',
      publisher_ipi_name_number: FOREIGN_PUBLISHER.ipi, pr_affiliation_society: FOREIGN_PUBLISHER.society, pr_ownership_share: 2500,
      mr_affiliation_society: FOREIGN_PUBLISHER.society, mr_ownership_share: 5000, sr_affiliation_society: FOREIGN_PUBLISHER.society, sr_ownership_share: 5000 });
  }
  for (const [key, pr] of w.writers) {
    const p = WRITERS[key];
    const controlled = p.controlled !== false;
    const cyr = /[\u0400-\u04FF]/.test(p.last);
    b.record(controlled ? 'SWR' : 'OWR', { interested_party_number: p.id, writer_last_name: lat(p.last), writer_first_name: lat(p.first), writer_designation_code: p.role,
      writer_ipi_name_number: p.ipi, writer_ipi_base_number: p.base, pr_affiliation_society: p.society, pr_ownership_share: pr,
      mr_affiliation_society: p.society, mr_ownership_share: 0, sr_affiliation_society: p.society, sr_ownership_share: 0 });
    if (cyr) b.record(controlled ? 'NWN' : 'NOW', controlled
      ? { interested_party_number: p.id, writer_last_name: p.last, writer_first_name: p.first, language_code: 'KK' }
      : { writer_name: p.last, writer_first_name: p.first, language_code: 'KK' });
    if (controlled) {
      b.record('SWT', { interested_party_number: p.id, pr_collection_share: pr, mr_collection_share: 0, sr_collection_share: 0, inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136', sequence_number: 1 });
      b.record('PWR', { publisher_ip_number: PUBLISHER.id, publisher_name: PUBLISHER.name, writer_ip_number: p.id, ...(version === '2.2' ? { publisher_sequence_number: 1 } : {}) });
    }
  }
  for (const a of w.alt) b.record('ALT', { alternate_title: a, title_type: 'AT', language_code: 'EN' });
  b.record('NAT', { title: w.title, title_type: 'OT', language_code: 'KK' });
  if (w.performer) {
    b.record('PER', { performing_artist_last_name: lat(w.performer[0]), performing_artist_first_name: lat(w.performer[1]) || null });
    b.record('NPR', { performing_artist_name: w.performer[0], performing_artist_first_name: w.performer[1] || null, language_code: 'KK' });
  }
  if (w.isrc) {
    b.record('REC', { first_release_date: '2026-03-01', first_release_duration: w.duration, first_album_title: w.album, first_album_label: w.label, isrc: w.isrc,
      recording_format: 'A', recording_technique: 'D', media_type: 'CD',
      ...(version === '2.2' ? { recording_title: lat(w.title), display_artist: lat(w.performer[0]), record_label: w.label, isrc_validity: 'Y' } : {}) });
  }
  if (version === '2.2') b.record('XRF', { organisation_code: '177', identifier: `KZ${w.swn.slice(4)}`, identifier_type: 'W', validity: 'Y' });
}

/** 3.x: one WRK transaction. */
function work3x(b, w) {
  const hasForeign = w.foreignPublisher === true;
  b.transaction('WRK', { work_title: lat(w.title), language_code: 'KK', submitter_work_number: w.swn, iswc: w.iswc, musical_work_distribution_category: 'POP',
    duration: w.duration, recorded_indicator: w.isrc ? 'Y' : 'N', text_music_relationship: 'MTX', version_type: 'ORI' });
  const prPub = hasForeign ? 2500 : 5000;
  const mrPub = hasForeign ? 5000 : 10000;
  b.record('SPU', { publisher_sequence_number: 1, interested_party_number: PUBLISHER.id, publisher_name: PUBLISHER.name, publisher_type: 'E', publisher_ipi_name_number: PUBLISHER.ipi });
  b.record('SPT', { sequence_number: 1, interested_party_number: PUBLISHER.id, pr_collection_share: prPub, mr_collection_share: mrPub, sr_collection_share: mrPub,
    inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136', pr_affiliation_society: '177', mr_affiliation_society: '177', sr_affiliation_society: '177' });
  if (hasForeign) {
    b.record('OPU', { publisher_sequence_number: 2, interested_party_number: FOREIGN_PUBLISHER.id, publisher_name: FOREIGN_PUBLISHER.name, publisher_type: 'E', publisher_ipi_name_number: FOREIGN_PUBLISHER.ipi });
    b.record('OPT', { sequence_number: 1, interested_party_number: FOREIGN_PUBLISHER.id, pr_collection_share: 2500, mr_collection_share: 5000, sr_collection_share: 5000,
      inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136', pr_affiliation_society: '35', mr_affiliation_society: '35', sr_affiliation_society: '35' });
  }
  for (const [key, pr] of w.writers) {
    const p = WRITERS[key];
    const controlled = p.controlled !== false;
    b.record(controlled ? 'SWR' : 'OWR', { interested_party_number: p.id, writer_last_name: lat(p.last), writer_first_name: lat(p.first), writer_designation_code: p.role,
      writer_ipi_name_number: p.ipi, writer_ipi_base_number: p.base });
    b.record(controlled ? 'SWT' : 'OWT', { sequence_number: 1, interested_party_number: p.id, pr_collection_share: pr, mr_collection_share: 0, sr_collection_share: 0,
      inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136', pr_affiliation_society: String(p.society), mr_affiliation_society: String(p.society), sr_affiliation_society: String(p.society) });
    if (controlled) b.record('PWR', { publisher_sequence_number: 1, publisher_ip_number: PUBLISHER.id, writer_ip_number: p.id });
  }
  for (const a of w.alt) b.record('ALT', { alternate_title: a, title_type: 'AT', language_code: 'EN' });
  if (w.performer) b.record('PER', { performing_artist_last_name: lat(w.performer[0]), performing_artist_first_name: lat(w.performer[1]) || null });
  if (w.isrc) b.record('REC', { release_date: '2026-03-01', release_duration: w.duration, isrc: w.isrc, recording_title: lat(w.title), display_artist: lat(w.performer[0]), record_label: w.label, isrc_validity: 'Y' });
}

function write(name, version, charset, fill, sender) {
  const lines = [];
  const b = new CwrBuilder(version, (l) => lines.push(l));
  b.fileName = name;
  header(b, version, charset, sender);
  fill(b);
  b.end();
  writeFileSync(new URL(name, dir), lines.map((l) => l + '\r\n').join(''), 'utf8');
  console.log(`${name}: ${lines.length} records`);
}

// 2.1: three new works, Cyrillic in NAT/NWN/NPN/NPR, so the HDR declares UTF-8.
write('CW260001QMP_177.V21', '2.1', 'UTF-8', (b) => {
  b.group('NWR');
  for (const w of WORKS) work2x(b, '2.1', 'NWR', w);
});
// 2.2: a revision of the first work (a new alternate title) and XRF cross references.
write('CW260002QMP_177.V22', '2.2', 'UTF-8', (b) => {
  b.group('REV');
  work2x(b, '2.2', 'REV', { ...WORKS[0], alt: ['DALA SONG', 'SONG OF THE STEPPE'] });
});
// 3.0 and 3.1: WRK transactions (UTF-8 files, Latin main records).
write('CW260003QMP_177_V3-0-0.SUB', '3.0', 'UTF-8', (b) => {
  b.group('WRK');
  for (const w of WORKS_V3) work3x(b, w);
});
// 3.1: a full resubmission of the first 3.x work with a new alternate title (3.x has no REV).
write('CW260004QMP_177_V3-1-0.SUB', '3.1', 'UTF-8', (b) => {
  b.group('WRK');
  work3x(b, { ...WORKS_V3[0], alt: ['MOUNTAIN BREEZE', 'WIND OF THE MOUNTAINS'] });
});
// An acknowledgement from PRS (052) for the first two works, with PRS work numbers.
write('CW260001052_177.V21', '2.1', '', (b) => {
  b.group('ACK');
  WORKS.slice(0, 2).forEach((w, i) => {
    b.transaction('ACK', { creation_date: HDR_DATE, creation_time: HDR_TIME, original_group_id: 1, original_transaction_sequence_number: i,
      original_transaction_type: 'NWR', creation_title: lat(w.title), submitter_creation_number: w.swn, recipient_creation_number: `PRS${String(880001 + i)}`,
      processing_date: '2026-11-25', transaction_status: 'AS' });
  });
}, { code: 52, name: 'PRS' });
// A file with mistakes, for the validation and ACK demo: shares that do not add up and a bad ISWC.
write('CW260005QMP_177.V21', '2.1', 'UTF-8', (b) => {
  b.group('NWR');
  work2x(b, '2.1', 'NWR', { ...WORKS[1], swn: 'QMP-0004', title: 'Жаңа жыл', iswc: 'T3210001031', writers: [['yerlan', 2500], ['dana', 1500]], isrc: null, performer: null });
  work2x(b, '2.1', 'NWR', { ...WORKS[0], swn: 'QMP-0005', title: 'Таң шапағы', iswc: null, isrc: null, performer: null });
});
