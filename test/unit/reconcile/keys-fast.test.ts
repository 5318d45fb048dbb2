import { describe, expect, it } from 'vitest';
import { titlePrefix } from '../../../src/reconcile/candidates.js';
import { looseKey, titleTokens } from '../../../src/reconcile/keys.js';

// The straightforward definitions the fast loops must agree with.
const looseRef = (key: string): string => key.replace(/GH/g, 'G').replace(/KH/g, 'H').replace(/Q/g, 'K').replace(/[YJ]/g, 'I').replace(/W/g, 'V').replace(/([A-Z])\1+/g, '$1');
const tokensRef = (key: string): string[] => [...new Set(key.split(' ').filter((w) => w.length > 0))];
const prefixRef = (key: string): string | null => {
  const s = key.replace(/ /g, '');
  return s.length >= 4 ? s.slice(0, 4) : null;
};

let seed = 99;
const rnd = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
// Letters the rules touch, their neighbours, doubled letters, spaces, digits, Cyrillic and an astral character.
const ALPHABET = ['G', 'H', 'K', 'Q', 'Y', 'J', 'W', 'V', 'I', 'A', 'Z', 'B', ' ', ' ', '1', '1', 'Ё', 'ж', '😀', "'"];
const random = (): string => Array.from({ length: rnd(14) }, () => ALPHABET[rnd(ALPHABET.length)]).join('');
const CASES = ['', 'GH', 'KH', 'GKH', 'KGH', 'GGH', 'GHH', 'KHH', 'QH', 'QK', 'KQ', 'YJ', 'WV', 'KKHH', 'ZHAKSY', 'QARA TORGHAI', 'KARA  TORGAI', 'AAA BBB', '  A B C D  ', 'AB CD', 'ABC', ...Array.from({ length: 3000 }, random)];

describe('the fast key loops give what the plain definitions give', () => {
  it('looseKey, titleTokens and titlePrefix on 3,000+ strings', () => {
    for (const s of CASES) {
      expect(looseKey(s), s).toBe(looseRef(s));
      expect(titleTokens(s), s).toEqual(tokensRef(s));
      expect(titlePrefix(s), s).toBe(prefixRef(s));
    }
  });

  it.each([
    ['QARA TORGHAI', 'KARA TORGAI'],
    ['KHAN', 'HAN'],
    ['ZHANNA', 'ZHANA'],
  ])('looseKey(%s) = %s', (a, b) => expect(looseKey(a)).toBe(b));
});
