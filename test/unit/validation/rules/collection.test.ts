import { describe, expect, it } from 'vitest';
import { found, pwr, spt, spu, swr, swt, workFile, type Rec } from './build.js';

// Lines: NWR 3, SPU 4, SPT 5, (extra publisher territory records 6..), SWR, SWT, PWR.
const work = (pubTerritories: Rec[], writerTerritories: Rec[] = [swt()]): string => workFile([spu(), ...pubTerritories, swr(), ...writerTerritories, pwr()]);

describe('collection per territory through the TIS hierarchy (TX-6, TX-12, TX-13)', () => {
  it.each([
    ['world for publisher and writer', [spt()], [swt()], []],
    ['world excluding Kazakhstan, plus Kazakhstan separately at the same share', [spt(), spt({ inclusion_exclusion_indicator: 'E', tis_numeric_code: '0398', pr_collection_share: 0, mr_collection_share: 0, sr_collection_share: 0, sequence_number: 2 }), spt({ tis_numeric_code: '0398', sequence_number: 3 })], [swt()], []],
    ['writer 60% in Kazakhstan only overflows there', [spt()], [swt({ tis_numeric_code: '0398', pr_collection_share: 6000 })], ['collection-total@3']],
    ['publisher world 50%, writer Europe 60% and Asia 50%: Europe overflows', [spt()], [swt({ tis_numeric_code: '2120', pr_collection_share: 6000 }), swt({ tis_numeric_code: '2106', pr_collection_share: 5000, sequence_number: 2 })], ['collection-total@3']],
    ['writer 60% in Europe, publisher only in Asia: disjoint, fine', [spt({ tis_numeric_code: '2106' })], [swt({ tis_numeric_code: '2120', pr_collection_share: 6000 })], []],
    ['writer 60% excluded from Kazakhstan, publisher 50% in Kazakhstan only', [spt({ tis_numeric_code: '0398' })], [swt({ pr_collection_share: 6000 }), swt({ inclusion_exclusion_indicator: 'E', tis_numeric_code: '0398', pr_collection_share: 0, sequence_number: 2 })], []],
    ['include with all shares zero', [spt({ pr_collection_share: 0, mr_collection_share: 0, sr_collection_share: 0 })], [swt()], ['chain-pr-collection@4', 'territory-include-zero@5']],
    ['exclude carrying shares', [spt(), spt({ inclusion_exclusion_indicator: 'E', tis_numeric_code: '0398', sequence_number: 2 })], [swt()], ['territory-exclude-shares@6']],
    ['SPT naming another party', [spt({ interested_party_number: 'P9' })], [swt()], ['territory-ip-mismatch@5']],
    ['SPT sequence starting at 2', [spt({ sequence_number: 2 })], [swt()], ['territory-sequence@5']],
  ] as const)('%s', async (_name, pub, wri, expected) => {
    expect(await found(work([...pub], [...wri]))).toEqual([...expected].sort());
  });

  it('a territory collected by two publishers of one chain is reported once per right', async () => {
    const text = workFile([
      spu(),
      spt({ pr_collection_share: 2500 }),
      spu({ interested_party_number: 'P2', publisher_name: 'SUB MUSIC', publisher_type: 'SE', pr_ownership_share: 0, mr_ownership_share: 0, sr_ownership_share: 0 }),
      spt({ interested_party_number: 'P2', tis_numeric_code: '0398', pr_collection_share: 2500, mr_collection_share: 0, sr_collection_share: 0 }),
      swr(),
      swt(),
      pwr(),
    ]);
    // Outside Kazakhstan the chain collects 25% of the 50% it owns (TX-7).
    expect(await found(text)).toEqual(['chain-pr-collection@4', 'territory-shared-in-chain@7']);
  });

  it('different chains may collect the same territory', async () => {
    const text = workFile([
      spu({ pr_ownership_share: 2500, mr_ownership_share: 5000, sr_ownership_share: 5000 }),
      spt({ pr_collection_share: 2500, mr_collection_share: 5000, sr_collection_share: 5000 }),
      spu({ publisher_sequence_number: 2, interested_party_number: 'P2', publisher_name: 'SECOND MUSIC', pr_ownership_share: 2500, mr_ownership_share: 5000, sr_ownership_share: 5000 }),
      spt({ interested_party_number: 'P2', pr_collection_share: 2500, mr_collection_share: 5000, sr_collection_share: 5000 }),
      swr(),
      swt(),
      pwr(),
    ]);
    expect(await found(text)).toEqual([]);
  });
});
