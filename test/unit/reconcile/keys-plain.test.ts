import { describe, expect, it } from 'vitest';
import { titleKey } from '../../../src/domain/text-keys.js';
import { looseKey, matchTitleKey } from '../../../src/reconcile/keys.js';
import { prng } from './fixtures.js';

// matchTitleKey takes a one-pass path for plain ASCII titles: it must give what the general path
// (titleKey, then looseKey) gives for every title.

const next = prng(21);
const rnd = (n: number): number => Math.floor(next() * n);
const PIECES = ['the', 'The ', 'A', 'an', 'les', 'gli', 'het', 'l', "l'", 'de', 'thee', 'kh', 'gh', 'GH', 'q', 'y', 'j', 'w', 'll', 'AA', 'zhel', 'kok', ' ', ' ', '  ', ',', '.', "'", '!', '\t', '\n', '1', '007', '(', ')', '[', ']', '-', ' - ', 'live', 'remix', '&', 'é', 'Қара', 'ß', '_', '~'];
const random = (): string => Array.from({ length: rnd(9) }, () => PIECES[rnd(PIECES.length)]).join(rnd(3) ? ' ' : '');
const CASES = ['', ' ', 'THE', 'THE END', 'The  Long and Winding Road', 'A', 'A B', 'AN  ', "L'AMOUR", 'DE DE DE', 'Hello - Live at Wembley', 'Love (Remix)', 'Rock & Roll', 'KHAN', 'GHOST', 'AAA BBB', 'x'.repeat(1100), ...Array.from({ length: 5000 }, random)];

describe('matchTitleKey', () => {
  it('gives looseKey(titleKey(title)) on 5,000+ titles', () => {
    for (const t of CASES) expect(matchTitleKey(t), JSON.stringify(t)).toBe(looseKey(titleKey(t)));
  });
  it('drops every leading article titleKey drops, and no other short word', () => {
    const words = ['THE', 'A', 'AN', 'LE', 'LA', 'LES', 'L', 'DER', 'DIE', 'DAS', 'EL', 'LOS', 'LAS', 'IL', 'LO', 'GLI', 'DE', 'HET', 'TH', 'HE', 'THEE', 'ANA', 'LESS', 'I', 'O', 'DEL', 'GL', 'ET', 'AL', 'ELL'];
    for (const w of words) for (const t of [`${w} ROAD`, `${w.toLowerCase()}  road`, w, `${w}!`]) expect(matchTitleKey(t), t).toBe(looseKey(titleKey(t)));
  });
  it.each([
    ['The Winding Road', 'VINDING ROAD'],
    ['  qara  torghai!! ', 'KARA TORGAI'],
    ['A', 'A'],
    ['Love (Remix)', 'LOVE'],
  ])('%s -> %s', (t, k) => {
    expect(matchTitleKey(t)).toBe(k);
  });
});
