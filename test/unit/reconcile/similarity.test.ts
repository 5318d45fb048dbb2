import { describe, expect, it } from 'vitest';
import { editDistance, editSimilarity, letterBound, titleSimilarity, tokenSetSimilarity, tokenSortSimilarity } from '../../../src/reconcile/similarity.js';

describe('similarity', () => {
  it.each([
    ['', '', 0],
    ['ABC', '', 3],
    ['KITTEN', 'SITTING', 3],
    ['DANCING QUEEN', 'DANCNG QUEEN', 1],
    ['SAME', 'SAME', 0],
  ])('edit distance %s / %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it.each([
    // [a, b, min, max]
    ['LOVE ME TENDER', 'TENDER LOVE ME', 1, 1],
    ['DANCING QUEEN', 'DANCNG QUEEN', 0.9, 0.95],
    ['HEY JUDE', 'HEY JUDE REMASTERED', 0.9, 0.9],
    ['LOVE', 'LOVE ME TENDER', 0, 0.5],
    ['MOUNTAIN SONG', 'RIVER DANCE', 0, 0.4],
  ])('title similarity %s / %s', (a, b, min, max) => {
    const s = titleSimilarity(a, b);
    expect(s).toBeGreaterThanOrEqual(min);
    expect(s).toBeLessThanOrEqual(max);
  });

  it('token sort ignores order, edit similarity does not', () => {
    expect(editSimilarity('LOVE ME TENDER', 'TENDER LOVE ME')).toBeLessThan(0.5);
    expect(tokenSortSimilarity('LOVE ME TENDER', 'TENDER LOVE ME')).toBe(1);
    expect(tokenSetSimilarity('A B C', 'A B C D E')).toBe(0.9);
  });
});

describe('letterBound', () => {
  it.each([
    ['DANCING QUEEN', 'DANCNG QUEEN'],
    ['LOVE ME TENDER', 'TENDER LOVE ME'],
    ['ABC', 'XYZ'],
    ['KARA TORGAI', 'QARA TORGAI'],
  ])('is an upper bound of edit and token-sort similarity: %s / %s', (a, b) => {
    expect(letterBound(a, b)).toBeGreaterThanOrEqual(editSimilarity(a, b) - 1e-9);
    expect(letterBound(a, b)).toBeGreaterThanOrEqual(tokenSortSimilarity(a, b) - 1e-9);
  });
  it('lets titleSimilarity skip pairs that cannot reach the floor', () => {
    expect(titleSimilarity('MOUNTAIN SONG', 'RIVER DANCE', 0.6)).toBe(0);
    expect(titleSimilarity('DANCING QUEEN', 'DANCNG QUEEN', 0.6)).toBeGreaterThan(0.9);
  });
});
