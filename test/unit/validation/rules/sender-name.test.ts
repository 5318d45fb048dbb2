import { describe, expect, it } from 'vitest';
import { nameWords, sameSenderName } from '../../../../src/validation/rules/file/sender-name.js';

describe('sender names compared the way people write them', () => {
  it.each([
    ['PRS FOR MUSIC', 'PRS', true],
    ['KAZAK', 'KazAK', true],
    ['040 PUBLISHING', '040 Publishing', true],
    ['SONY/ATV MUSIC PUBLISHING (UK) LTD', 'Sony/ATV Music Publishing (UK) Limited', true],
    ['ÉDITIONS MUSICALES', 'EDITIONS MUSICALES SARL', true],
    ['TEST PUBLISHER', 'Dreamer Music Publishing Cc', false],
    ['BMI', 'GEMA', false],
    ['LTD', 'SOME MUSIC', false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameSenderName(a, b)).toBe(same);
    expect(sameSenderName(b, a)).toBe(same);
  });

  it('drops legal forms, accents and punctuation', () => {
    expect(nameWords('Les Éditions & Co. S.A.R.L.')).toEqual(['LES', 'EDITIONS', 'S', 'A', 'R', 'L']);
  });
});
