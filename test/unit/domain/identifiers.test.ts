import { describe, expect, it } from 'vitest';
import {
  ipiNameCheckDigits,
  isValidEan13,
  isValidIpiBaseNumber,
  isValidIpiNameNumber,
  isValidIsni,
  isValidIswc,
  normaliseIpiNameNumber,
  normaliseIsrc,
  normaliseIswc,
} from '../../../src/domain/identifiers.js';

describe('ISWC', () => {
  it.each([
    ['T1234567894', true],
    ['T-123.456.789-4', true],
    ['T1234567890', false],
    ['T0000000010', true],
    ['X1234567894', false],
    ['T12345678', false],
  ])('%s valid=%s', (iswc, valid) => {
    expect(isValidIswc(iswc)).toBe(valid);
  });
  it('normalises punctuation', () => {
    expect(normaliseIswc('t-123.456.789-4')).toBe('T1234567894');
    expect(normaliseIswc('nonsense')).toBeNull();
  });
});

describe('IPI name number', () => {
  it.each([
    ['00000000199', true],
    ['00000000198', false],
    ['00014107338', true],
    ['1234', false],
  ])('%s valid=%s', (ipi, valid) => {
    expect(isValidIpiNameNumber(ipi)).toBe(valid);
  });
  it('computes check digits so every generated number validates', () => {
    for (let i = 0; i < 500; i++) {
      const nine = String((i * 7919 + 12345) % 1_000_000_000).padStart(9, '0');
      expect(isValidIpiNameNumber(nine + ipiNameCheckDigits(nine))).toBe(true);
    }
  });
  it('pads short numbers', () => {
    expect(normaliseIpiNameNumber('199')).toBe('00000000199');
  });
});

describe('IPI base number, ISRC, EAN, ISNI', () => {
  it.each([
    ['I-123456789-3', true],
    ['I-123456789-4', false],
    ['I123456789-3', false],
  ])('base %s valid=%s', (b, valid) => expect(isValidIpiBaseNumber(b)).toBe(valid));
  it('ISRC shape', () => {
    expect(normaliseIsrc('kz-a1b-26-00001')).toBe('KZA1B2600001');
    expect(normaliseIsrc('KZ12')).toBeNull();
  });
  it('EAN-13', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
  });
  it('ISNI', () => {
    expect(isValidIsni('000000012146438X')).toBe(true);
    expect(isValidIsni('0000000121464380')).toBe(false);
  });
});
