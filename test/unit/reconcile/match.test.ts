import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_OPTIONS, matchLine, NO_DECISIONS, type Decisions } from '../../../src/reconcile/match.js';
import type { ReconLine } from '../../../src/reconcile/types.js';
import { catalogue, line, WORKS } from './fixtures.js';

const { index } = catalogue(WORKS);
const ctx = { index, fromSociety: '052', decisions: NO_DECISIONS, options: DEFAULT_MATCH_OPTIONS };

describe('match cascade', () => {
  it.each<[string, Partial<ReconLine>, string | null, number | null, string]>([
    ['society work code', { workCode: '00088001' }, 'society-code', 10, 'matched'],
    ['ISWC with punctuation', { iswc: 'T0345246801' }, 'iswc', 10, 'matched'],
    ['submitter work number', { submitterWorkNumber: 'sw0002' }, 'submitter-number', 11, 'matched'],
    ['ISRC', { isrc: 'KZ-A01-23-00001' }, 'isrc', 10, 'matched'],
    ['Cyrillic title to Latin with a writer', { title: 'KARA TORGAI', writers: ['Abai Kunanbayuly'] }, 'title-writer', 10, 'matched'],
    ['typo and word order, writer by IPI', { title: 'Queen of the Steppe Dancng', ipiName: '14107338' }, 'title-writer', 11, 'matched'],
    ['title without writer: review', { title: 'Love Me Tender Steppe' }, null, null, 'review'],
    ['title with the wrong writer: review', { title: 'Mountain Song', writers: ['Somebody Else'] }, null, null, 'review'],
    ['nothing alike', { title: 'Completely different', writers: ['X'] }, null, null, 'unmatched'],
    // Every title word and the prefix misspelt: only the writer's name brings the work in.
    ['misspelt words found through the writer: review', { title: 'Moutain Sng', writers: ['Nurlan Other'] }, null, null, 'review'],
    ['no keys at all', {}, null, null, 'unmatched'],
  ])('%s', (_name, fields, method, workId, status) => {
    const r = matchLine(line(fields), ctx);
    expect(r.status).toBe(status);
    expect(r.method).toBe(method);
    expect(r.workId).toBe(workId);
    if (status === 'review') expect(r.candidates.length).toBeGreaterThan(0);
    if (fields.title === 'Moutain Sng') expect(r.candidates[0]).toMatchObject({ workId: 14, writerConfirmed: true });
  });

  it('a society code of another society does not match', () => {
    expect(matchLine(line({ workCode: '88001' }), { ...ctx, fromSociety: '035' }).status).toBe('unmatched');
  });

  it('uses and honours remembered decisions', () => {
    const decisions: Decisions = {
      get: (soc, key) => (soc === '052' && key === 'X1' ? { accepted: 12, rejected: new Set() } : soc === '052' && key === 'X2' ? { accepted: null, rejected: new Set([13]) } : undefined),
    };
    const accepted = matchLine(line({ workCode: 'X1', title: 'whatever' }), { ...ctx, decisions });
    expect(accepted).toMatchObject({ status: 'matched', method: 'decision', workId: 12, confidence: 1 });
    // Without the decision, "Dancing Queen" by Smith matches work 13; rejected, it does not.
    const l = { title: 'Dancing Queen', writers: ['John Smith'] };
    expect(matchLine(line({ workCode: 'X3', ...l }), ctx).workId).toBe(13);
    const r = matchLine(line({ workCode: 'X2', ...l }), { ...ctx, decisions });
    expect(r.workId).not.toBe(13);
  });
});
