import { describe, expect, it } from 'vitest';
import { cisText } from '../../../../../src/formats/cwr/ack/cis-text.js';
import { cwrkitNumber, msgContent, messageType, validationNumber } from '../../../../../src/formats/cwr/ack/messages.js';
import type { Diagnostic } from '../../../../../src/validation/diagnostic.js';
import { defineRule } from '../../../../../src/validation/rule.js';
import '../../../../../src/validation/rules/structure.js';
import '../../../../../src/validation/rules/fields.js';

// Rules with CISAC numbers, as the CISAC rule set declares them.
defineRule({ id: 'test-ack-spu-share', level: 'field', cisac: 'test', msg: { record: 'SPU', number: '13' }, summary: 's', message: () => 'm' });
defineRule({ id: 'test-ack-nwr-title', level: 'transaction', cisac: 'test', msg: { record: 'NWR', number: '002', messageLevel: 'F' }, summary: 's', message: () => 'm' });

const diag = (over: Partial<Diagnostic>): Diagnostic => ({
  rule: 'field-numeric',
  level: 'field',
  severity: 'warning',
  line: 5,
  column: 116,
  record: 'SPU',
  field: 'pr_ownership_share',
  transaction: 0,
  message: 'pr_ownership_share must be digits, zero-filled, found "X5000"',
  ...over,
});

describe('MSG content', () => {
  it.each<[string, Partial<Diagnostic>, number, Record<string, unknown>]>([
    [
      'field default (FR), cwrkit-numbered rule',
      {},
      2,
      { message_type: 'F', message_level: 'F', original_record_type: 'SPU', original_record_sequence_number: 2, validation_number: cwrkitNumber('field-numeric'), message_text: 'PR OWNERSHIP SHARE MUST BE DIGITS, ZERO-FILLED, FOUND "X5000"' },
    ],
    [
      'transaction rejected by a mandatory field',
      { rule: 'field-required', level: 'transaction', severity: 'error', record: 'NWR', field: 'work_title', message: 'work_title is mandatory but blank' },
      0,
      { message_type: 'T', message_level: 'F', original_record_type: 'NWR', validation_number: cwrkitNumber('field-required'), message_text: 'WORK TITLE IS MANDATORY BUT BLANK' },
    ],
    [
      'record rejected: CISAC FIL F 001 for an unknown record type',
      { rule: 'record-type-unknown', level: 'record', severity: 'error', record: 'ZZZ', field: 'record_type', message: '"ZZZ" is not a record type of CWR 2.1' },
      3,
      { message_type: 'R', message_level: 'F', original_record_type: 'ZZZ', validation_number: '001' },
    ],
    [
      'file rejected by the TRL record count: CISAC TRL F 003',
      { rule: 'trl-record-count', level: 'file', severity: 'error', record: 'TRL', field: 'record_count', message: 'TRL says 99 records' },
      0,
      { message_type: 'E', message_level: 'F', original_record_type: 'TRL', validation_number: '003' },
    ],
    [
      'group rejected by the GRT count: CISAC GRT F 002',
      { rule: 'grt-transaction-count', level: 'group', severity: 'error', record: 'GRT' },
      0,
      { message_type: 'G', message_level: 'F', original_record_type: 'GRT', validation_number: '002' },
    ],
    [
      'a CISAC number from the rule, padded to 3',
      { rule: 'test-ack-spu-share', field: 'pr_ownership_share' },
      1,
      { message_type: 'F', message_level: 'F', validation_number: '013' },
    ],
    [
      'the table message level declared by the rule wins',
      { rule: 'test-ack-nwr-title', level: 'transaction', severity: 'error', record: 'NWR', field: null },
      0,
      { message_type: 'T', message_level: 'F', validation_number: '002' },
    ],
    [
      'a profile raised a field rule to transaction level: type T, level stays F',
      { level: 'transaction', severity: 'error' },
      4,
      { message_type: 'T', message_level: 'F' },
    ],
    [
      'the CISAC key the diagnostic names wins over the rule (one rule, several edits)',
      { rule: 'test-ack-nwr-title', level: 'file', severity: 'error', record: 'HDR', field: 'sender_id', params: { msgRecord: 'HDR', msgLevel: 'F', msgNumber: '004' } },
      0,
      { message_type: 'E', message_level: 'F', original_record_type: 'HDR', validation_number: '004' },
    ],
    [
      'no record type on the diagnostic: the record of the line is used',
      { record: null, rule: 'transaction-sequence', level: 'file', severity: 'error', field: null },
      0,
      { original_record_type: 'NWR', message_type: 'E', message_level: 'F', validation_number: '007' },
    ],
  ])('%s', (_name, over, seq, expected) => {
    expect(msgContent(diag(over), seq, 'NWR')).toMatchObject(expected);
  });

  it.each([
    ['control characters', '\u0000\u0001\u0002', '???'],
    ['lower case', 'xy', 'XY?'],
    ['digits and letters', '9ab', '9AB'],
  ])('a garbage line (%s) gets a CIS-safe record type', (_name, type, expected) => {
    const d = diag({ rule: 'record-type-unknown', level: 'record', severity: 'error', record: type, field: 'record_type' });
    expect(msgContent(d, 5, type)).toMatchObject({ original_record_type: expected, original_record_sequence_number: 5, message_type: 'R' });
  });

  it.each([
    ['error', 'record', 'R'],
    ['error', 'transaction', 'T'],
    ['warning', 'transaction', 'F'],
    ['warning', 'record', 'R'],
    ['warning', 'field', 'F'],
  ] as const)('message type of a %s at %s level is %s', (severity, level, letter) => {
    expect(messageType({ severity, level })).toBe(letter);
  });

  it('cwrkit numbers are stable, start with Z and fit the 3-character field', () => {
    for (const id of ['field-numeric', 'field-required', 'x', 'a-very-long-rule-identifier-for-testing']) {
      const n = cwrkitNumber(id);
      expect(n).toMatch(/^Z[0-9A-Z]{2}$/);
      expect(cwrkitNumber(id)).toBe(n);
    }
    expect(cwrkitNumber('field-numeric')).not.toBe(cwrkitNumber('field-required'));
  });

  it('a rule that is not registered gets a cwrkit number', () => {
    expect(validationNumber(diag({ rule: 'no-such-rule' }))).toBe(cwrkitNumber('no-such-rule'));
  });
});

describe('cisText', () => {
  it.each([
    ['lower case', 'title is blank', 'TITLE IS BLANK'],
    ['underscores of field names', 'work_title must be set', 'WORK TITLE MUST BE SET'],
    ['Kazakh Cyrillic is transliterated', 'найдено "Қоңыр Әні"', 'NAJDENO "QONGYR AENI"'],
    ['Latin diacritics are dropped', 'Café Müller Ñ', 'CAFE MULLER N'],
    ['characters outside the CIS set', 'a|b€c', 'A?B?C'],
    ['control characters and runs of blanks', 'a\tb   c\n', 'A B C'],
    ['the Unicode replacement character', 'bad \uFFFD byte', 'BAD ? BYTE'],
  ])('%s', (_name, input, expected) => {
    expect(cisText(input, 150)).toBe(expected);
  });

  it('cuts to the field length without a trailing blank', () => {
    const out = cisText('word '.repeat(60), 150);
    expect(out.length).toBeLessThanOrEqual(150);
    expect(out.endsWith(' ')).toBe(false);
  });
});
