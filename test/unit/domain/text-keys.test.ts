import { describe, expect, it } from 'vitest';
import { nameKey, searchKey, titleKey } from '../../../src/domain/text-keys.js';
import { transliterate } from '../../../src/domain/transliteration.js';

describe('transliterate', () => {
  it.each([
    ['Қазақстан', 'QAZAQSTAN'],
    ['Әнұран', 'AENURAN'],
    ['Жұлдыз', 'ZHULDYZ'],
    ['Шәмші Қалдаяқов', 'SHAEMSHI QALDAJAQOV'],
    ['Hello', 'HELLO'],
  ])('%s -> %s', (c, l) => expect(transliterate(c)).toBe(l));
});

describe('keys', () => {
  it('title keys meet across accents, case, brackets and scripts', () => {
    expect(titleKey('Café del Mar (Remastered 2015)')).toBe(titleKey('CAFE DEL MAR'));
    expect(titleKey('Менің Қазақстаным')).toBe(titleKey('MENING QAZAQSTANYM'));
    expect(titleKey('The Final Countdown')).toBe('FINAL COUNTDOWN');
  });
  it('name keys ignore word order', () => {
    expect(nameKey('Kaldayakov, Shamshi')).toBe(nameKey('SHAMSHI KALDAYAKOV'));
  });
  it('search keys fold punctuation', () => {
    expect(searchKey("Rock'n'Roll")).toBe('ROCK N ROLL');
  });
});
