#!/usr/bin/env node
// Generates src/reference/data/*.json (the run-time lookup tables) from the team's CSV copies of
// the CISAC tables in /work/shared/reference/cwr/tables. Run: node bench/gen-reference.mjs [DIR]
// Not part of the package: the JSON it writes is committed.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const SRC = process.argv[2] ?? '/work/shared/reference/cwr/tables';
const OUT = fileURLToPath(new URL('../src/reference/data/', import.meta.url));
mkdirSync(OUT, { recursive: true });

const rows = (file, columns = true) => parse(readFileSync(join(SRC, file)), { columns, skip_empty_lines: true, trim: true });
const rawList = (file) => readFileSync(join(SRC, 'weso-cwr-dataapi', file), 'utf8').trim().split(',').map((s) => s.trim());

/** code -> description, from the standard code,description,... CSVs. */
const codeTable = (file, col = 'description') => Object.fromEntries(rows(file).filter((r) => r.code && !r.code.startsWith('(')).map((r) => [r.code, r[col] ?? '']));
const fromList = (list, label = '') => Object.fromEntries(list.map((c) => [c, label]));

const codes = {
  agreement_role_code: codeTable('agreement_role_code.csv'),
  agreement_type: codeTable('agreement_type.csv'),
  biem_cisac_media_type: codeTable('biem_cisac_media_type.csv'),
  bltvr: codeTable('bltvr_background_logo_theme_visual_rolled_up_cue.csv'),
  language_code: codeTable('cis_language_code.csv'),
  composite_type: codeTable('composite_type.csv'),
  cwr_work_type: codeTable('cwr_work_type.csv'),
  excerpt_type: codeTable('excerpt_type.csv'),
  instrument: codeTable('instrument.csv'),
  intended_purpose: codeTable('intended_purpose.csv'),
  isrc_validity: codeTable('isrc_validity.csv', 'meaning'),
  lyric_adaptation: codeTable('lyric_adaptation.csv'),
  message_level: codeTable('message_level.csv', 'meaning'),
  message_type: codeTable('message_type.csv', 'meaning'),
  music_arrangement: codeTable('music_arrangement.csv'),
  musical_work_distribution_category: codeTable('musical_work_distribution_category.csv'),
  publisher_type: codeTable('publisher_type.csv'),
  recording_technique: { ...codeTable('recording_technique.csv') },
  recording_format: { A: 'Audio', V: 'Video' },
  record_type: codeTable('record_type.csv', 'name'),
  sender_type: codeTable('sender_type.csv'),
  special_agreement_indicator: codeTable('special_agreement_indicator.csv'),
  standard_instrumentation: codeTable('standard_instrumentation.csv'),
  subject_codes: codeTable('subject_codes.csv'),
  text_music_relationship: codeTable('text_music_relationship.csv'),
  title_type: codeTable('title_type.csv'),
  transaction_status: codeTable('transaction_status_all.csv', 'meaning'),
  transaction_type: codeTable('transaction_type.csv'),
  type_of_right: codeTable('type_of_right.csv'),
  usa_license_indicator: codeTable('usa_license_indicator.csv'),
  version_type: codeTable('version_type.csv'),
  writer_designation: codeTable('writer_designation.csv'),
  xrf_identifier_type: codeTable('xrf_identifier_type.csv', 'meaning'),
  inclusion_exclusion_indicator: { I: 'Include', E: 'Exclude' },
  sales_manufacture_clause: fromList(rawList('cwr_sales_manufacture_clause.csv')),
  prior_royalty_status: { N: 'None', A: 'All', D: 'From a date' },
  post_term_collection_status: { N: 'No', O: 'Open-ended', D: 'Until a date' },
  // HDR edit 14: Big5, GB or a Unicode value (UTF-8); KZ-1048 is cwrkit's own addition for
  // KazAK files and is only accepted through a profile's acceptedCharacterSets.
  character_set: { Big5: 'Traditional Chinese', GB: 'Simplified Chinese', 'UTF-8': 'Unicode', UNICODE: 'Unicode' },
};
// v3 transaction types (UM3) are added to the 2.x list so the table serves every version.
for (const t of ['WRK', 'ISR', 'ISA', 'DRW', 'LIC']) codes.transaction_type[t] ??= 'CWR 3.x (UM3)';
// ACK original transaction type: HDR/TRL name a file-level problem (CWR 2.2 §4.6 ACK field 8).
for (const t of ['HDR', 'TRL']) codes.transaction_type[t] ??= 'file level (ACK only)';
codes.recording_technique.U ??= 'Unknown';

const societies = {};
for (const r of rows('society_codes.csv')) if (r.code_3digit) societies[r.code_3digit] = [r.name, r.membership_status, r.country];
for (const r of rows('society_code_cwr_lookup_2021.csv')) {
  const c = r.code.padStart(3, '0');
  societies[c] ??= [r.description, 'CWR lookup 2021', r.definition];
}

const senders = rows('cwr_sender_ids.csv').map((r) => [r.submitter_code, r.submitter_number.replace(/\D/g, '').padStart(11, '0'), r.publisher, r.start_date, r.end_date]);

const isoDate = (s) => {
  const m = /^(\d\d)\.(\d\d)\.(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : s;
};
const territories = rows('tis_territories.csv').map((r) => [r.tis_n_4digit, r.type, r.tis_a, r.name, isoDate(r.exists_from), isoDate(r.exists_until || '3999-12-31')]);
const links = rows('tis_hierarchy.csv').map((r) => [r.parent_tis_code, r.child_tis_code, r.start_date, r.end_date]);

const cis = rows('cis_character_set_latin.csv');
const chars = (col) => cis.filter((r) => r[col] === 'Y').map((r) => String.fromCodePoint(parseInt(r.unicode.slice(2), 16))).join('');
const cisLatin = { titles: chars('allowed_in_titles'), names: chars('allowed_in_names'), nationalTitles: chars('allowed_in_national_titles') };

const messages = rows('cwr_error_messages.csv').map((r) => [r.record_type, r.message_level, r.rule_number, r.level, r.society_code, r.message_text]);

const write = (name, data) => writeFileSync(join(OUT, name), JSON.stringify(data) + '\n');
write('codes.json', codes);
write('societies.json', societies);
write('senders.json', senders);
write('tis.json', { territories, links });
write('cis-latin.json', cisLatin);
write('error-messages.json', messages);
console.log('wrote', Object.keys(codes).length, 'code tables,', Object.keys(societies).length, 'societies,', senders.length, 'senders,', territories.length, 'territories,', links.length, 'links');
