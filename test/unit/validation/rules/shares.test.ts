import { describe, expect, it } from 'vitest';
import { found, owr, pwr, spt, spu, swr, swt, workFile, type Rec } from './build.js';

// Lines: NWR 3, SPU 4, SPT 5, SWR 6, SWT 7, PWR 8, then extras.
const work = (o: { spu?: Rec; spt?: Rec; swr?: Rec; swt?: Rec; extra?: Rec[] }): string =>
  workFile([o.spu ?? spu(), o.spt ?? spt(), o.swr ?? swr(), o.swt ?? swt(), pwr(), ...(o.extra ?? [])]);

describe('ownership shares (TX-2..TX-5)', () => {
  it.each([
    ['exactly 100%', {}, []],
    ['within +0.06% tolerance', { swr: swr({ pr_ownership_share: 5006 }) }, []],
    ['within -0.06% tolerance', { swr: swr({ pr_ownership_share: 4994 }) }, []],
    ['0.07% over', { swr: swr({ pr_ownership_share: 5007 }) }, ['ownership-total@3']],
    ['PR 90%', { spu: spu({ pr_ownership_share: 4000 }), spt: spt({ pr_collection_share: 4000 }) }, ['ownership-total@3']],
    ['a right owned 0% in total is fine', { spu: spu({ mr_ownership_share: 0 }), spt: spt({ mr_collection_share: 0 }) }, []],
    ['writers below 50% PR', { spu: spu({ pr_ownership_share: 6000 }), swr: swr({ pr_ownership_share: 4000 }), swt: swt({ pr_collection_share: 4000 }) }, ['chain-pr-collection@4', 'publisher-ownership-cap@3', 'share-range@4', 'writer-ownership@3']],
    ['writers over 100% MR', { spu: spu({ mr_ownership_share: 0 }), spt: spt({ mr_collection_share: 0 }), swr: swr({ mr_ownership_share: 10000 }), extra: [owr({ mr_ownership_share: 1000 })] }, ['ownership-total@3', 'writer-ownership@3']],
    ['SPT PR collection over 50%', { spt: spt({ pr_collection_share: 6000 }), swt: swt({ pr_collection_share: 4000 }) }, ['chain-pr-collection@4', 'share-range@5']],
  ] as const)('%s', async (_name, o, expected) => {
    expect(await found(work(o))).toEqual([...expected].sort());
  });
});
