// The in-place fast paths of the record rules may only say "certainly fine" when the plain checks
// (slice, trim, regex, domain/identifiers.ts, table lookup) find nothing, and must say it for the
// ordinary valid values (or the hot path gains nothing). Each value is tried at a field offset
// inside a longer line, padded with blanks and cut short by the end of the line.
import { describe, expect, it } from 'vitest';
import { isValidEan13, isValidIpiBaseNumber, isValidIpiNameNumber, isValidIswc, normaliseIsrc } from '../../../../src/domain/identifiers.js';
import { normaliseSocietyCode, lookup } from '../../../../src/reference/tables.js';
import { identifierSurelyFine, type IdentifierKind } from '../../../../src/validation/rules/identifiers/in-place.js';
import { foldedCodes, lookupSurelyFine, type LookupNormal } from '../../../../src/validation/rules/lookups/in-place.js';

/** The field text as strAt gives it: [from, to) cut by the line end, trailing blanks trimmed. */
function strAt(line: string, from: number, to: number): string {
  return line.slice(from, Math.min(to, line.length)).replace(/ +$/, '');
}

/** Lines holding `value` in a field at column 5 of width `width`: padded, and cut at the field end. */
function placements(value: string, width: number): Array<[string, number, number]> {
  const field = value.padEnd(width, ' ').slice(0, width);
  return [
    ['XYZAB' + field + 'QQ', 5, 5 + width],
    ['XYZAB' + value.slice(0, width), 5, 5 + width],
    ['XYZ', 5, 5 + width],
  ];
}

function plainIdentifierFine(kind: IdentifierKind, raw: string): boolean {
  const v = raw.trim();
  if (v === '' || /^0+$/.test(v)) return true;
  switch (kind) {
    case 'iswc':
      return /^T[0-9]{10}$/.test(v) && isValidIswc(v);
    case 'ipi-name':
      return /^[0-9]{1,11}$/.test(v) && isValidIpiNameNumber(v.padStart(11, '0'));
    case 'ipi-base':
      return isValidIpiBaseNumber(v);
    case 'isrc':
      return normaliseIsrc(v) === v;
    case 'ean':
      return isValidEan13(v);
  }
}

const IDENTIFIERS: ReadonlyArray<[IdentifierKind, number, string[], string[]]> = [
  // kind, field width, valid values (must be settled in place), other values
  ['ipi-name', 11, ['00014107338', '14107338', '00070000052', '70000052', '00000000000', '0'], ['01', '00000000100', '00014107339', '1410733', ' 14107338', '0001410733\t', '000141O7338', 'ABC', '14107338 X', '\u00a014107338', '-1']],
  ['iswc', 11, ['T1000000008', 'T0345246801', '0'], ['T1000000009', 'T-100.000.000-8', 't1000000008', 'T10000000', 'T10000000080', 'X1000000008']],
  ['ipi-base', 13, ['I-000800000-6', 'I-031771726-1'], ['I-000800000-7', 'I-00080000-66', 'I 000800000-6', 'i-000800000-6', 'I-0008000006']],
  ['isrc', 12, ['USRC17607839', 'KZA1B2300003'], ['usrc17607839', 'US-RC1-76-07839', 'USRC1760783X', '1SRC17607839', 'USRC176078']],
  ['ean', 13, ['4006381333931', '4800000000033'], ['4006381333932', '400638133393', 'A006381333931', '4006381333931 ']],
];

describe('identifierSurelyFine', () => {
  const cases = IDENTIFIERS.flatMap(([kind, width, good, other]) => [...good.map((v) => [kind, width, v, true] as const), ...other.map((v) => [kind, width, v, false] as const)]);
  it.each(cases)('%s (width %i) %j', (kind, width, value, settled) => {
    for (const [line, from, to] of placements(value, width)) {
      const fast = identifierSurelyFine(kind, line, from, to);
      if (fast) expect(plainIdentifierFine(kind, strAt(line, from, to))).toBe(true);
    }
    const [line, from, to] = placements(value, width)[0] ?? ['', 0, 0];
    if (settled) expect(identifierSurelyFine(kind, line, from, to)).toBe(true);
  });

  it('never calls an invalid random identifier fine', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const alphabet = '0123456789  TI-AZtx\t';
    for (let i = 0; i < 20000; i++) {
      const kind = (['ipi-name', 'iswc', 'ipi-base', 'isrc', 'ean'] as const)[rnd(5)] ?? 'ean';
      const width = kind === 'isrc' ? 12 : kind === 'iswc' || kind === 'ipi-name' ? 11 : 13;
      let v = '';
      for (let k = rnd(width + 1); k > 0; k--) v += alphabet[rnd(alphabet.length)];
      for (const [line, from, to] of placements(v, width)) {
        if (identifierSurelyFine(kind, line, from, to)) expect([kind, v, plainIdentifierFine(kind, strAt(line, from, to))]).toEqual([kind, v, true]);
      }
    }
  });
});

/** The plain lookup: blank, or the (normalised) value is a code of the table. */
function plainLookupFine(table: string, normal: LookupNormal, raw: string): boolean {
  if (raw === '') return true;
  const code = normal === 'society' ? normaliseSocietyCode(raw) : normal === 'tis' ? (/^[0-9]{1,4}$/.test(raw) ? raw.padStart(4, '0') : raw) : raw;
  return lookup(table).has(code);
}

const LOOKUPS: ReadonlyArray<[string, LookupNormal, number, string[], string[]]> = [
  ['society_code', 'society', 3, ['177', '052', '52', ' 52', '0', '099'], ['999', '5 2', 'ABC', '\t52', '52\t', '1777']],
  ['society_code', 'society', 4, ['177', '52  '], ['0052', '00052', 'X52']],
  ['tis_territories', 'tis', 4, ['2136', '0398', '398'], ['2WL', ' 398', '9999', '39 8', 'ZZZZ']],
  ['language_code', null, 2, ['EN', 'KK'], ['en', 'E', 'ZZ', ' E', 'É']],
  ['publisher_type', null, 2, ['E', 'AQ', 'SE', 'PA'], ['X', 'e', ' E', 'AQ?']],
  ['musical_work_distribution_category', null, 3, ['POP', 'SER'], ['PO', 'POPS', 'pop']],
  ['composite_type', null, 7, [], ['COS', 'MED', 'POT', 'UCO', 'XXXXXXX']],
];

describe('lookupSurelyFine', () => {
  const cases = LOOKUPS.flatMap(([table, normal, width, good, other]) => [...good.map((v) => [table, normal, width, v, true] as const), ...other.map((v) => [table, normal, width, v, false] as const)]);
  it.each(cases)('%s (%s, width %i) %j', (table, normal, width, value, settled) => {
    const keys = foldedCodes(lookup(table));
    for (const [line, from, to] of placements(value, width)) {
      const raw = strAt(line, from, to);
      // Never fine when the plain check objects; always fine when it does not and the value is short.
      expect(lookupSurelyFine(keys, normal, line, from, to) && !plainLookupFine(table, normal, raw)).toBe(false);
      if (raw.length <= 4 && !/[^\x20-\x7e]/.test(raw)) {
        expect(lookupSurelyFine(keys, normal, line, from, to)).toBe(plainLookupFine(table, normal, raw));
      }
    }
    if (settled) expect(lookupSurelyFine(keys, normal, placements(value, width)[0]?.[0] ?? '', 5, 5 + width)).toBe(true);
  });

  it('agrees with the plain lookup on every code of every table and their near misses', () => {
    for (const table of ['language_code', 'title_type', 'society_code', 'tis_territories', 'writer_designation', 'version_type', 'composite_type']) {
      const normal: LookupNormal = table === 'society_code' ? 'society' : table === 'tis_territories' ? 'tis' : null;
      const keys = foldedCodes(lookup(table));
      for (const code of lookup(table)) {
        for (const v of [code, code.toLowerCase(), code.slice(1), `${code}X`, ` ${code}`]) {
          const line = 'AB' + v + '  ';
          if (lookupSurelyFine(keys, normal, line, 2, 2 + v.length)) expect(plainLookupFine(table, normal, strAt(line, 2, 2 + v.length))).toBe(true);
        }
        if (code.length <= 4) expect(lookupSurelyFine(keys, normal, `AB${code}`, 2, 2 + code.length)).toBe(true);
      }
    }
  });
});
