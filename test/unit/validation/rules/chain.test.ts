import { describe, expect, it } from 'vitest';
import { found, owr, pwr, spt, spu, swr, swt, workFile, type Rec } from './build.js';

const none = { pr_ownership_share: 0, mr_ownership_share: 0, sr_ownership_share: 0 };
const writerAll = swr({ pr_ownership_share: 10000, mr_ownership_share: 10000, sr_ownership_share: 10000 });

describe('chain of title and PWR links (TX-9..TX-11, FLD-5)', () => {
  it.each<[string, Rec[], string[]]>([
    ['original publisher with collection', [spu(), spt(), swr(), swt(), pwr()], []],
    ['chain starting with a sub-publisher', [spu({ publisher_type: 'SE', ...none }), spt(), writerAll, swt(), pwr()], ['chain-first-publisher@4', 'chain-no-ownership@4', 'chain-pr-collection@4', 'pwr-publisher-unknown@8']],
    ['income participant may start a chain', [spu({ publisher_type: 'PA', ...none }), spt(), writerAll, swt(), pwr()], ['chain-no-ownership@4']],
    ['administrator holding shares', [spu({ pr_ownership_share: 4000 }), spt({ pr_collection_share: 4000 }), spu({ interested_party_number: 'P2', publisher_name: 'ADMIN', publisher_type: 'AM', pr_ownership_share: 1000, mr_ownership_share: 0, sr_ownership_share: 0 }), swr(), swt(), pwr()], ['chain-ownership-type@6']],
    ['acquirer after an owning original', [spu(), spt(), spu({ interested_party_number: 'P2', publisher_name: 'BUYER', publisher_type: 'AQ', ...none }), swr(), swt(), pwr()], ['chain-acquirer@6', 'chain-acquirer@6']],
    ['acquirer taking all ownership', [spu(none), spt(), spu({ interested_party_number: 'P2', publisher_name: 'BUYER', publisher_type: 'AQ' }), swr(), swt(), pwr()], []],
    ['second chain numbered 3', [spu(), spt(), spu({ publisher_sequence_number: 3, interested_party_number: 'P2', publisher_name: 'TWO', ...none }), swr(), swt(), pwr()], ['chain-no-ownership@6', 'publisher-sequence@6', 'territory-missing@6']],
    ['PWR to an unknown publisher', [spu(), spt(), swr(), swt(), pwr({ publisher_ip_number: 'P9' })], ['pwr-publisher-unknown@8']],
    ['PWR to another writer', [spu(), spt(), swr(), swt(), pwr({ writer_ip_number: 'W2' })], ['pwr-writer-mismatch@8']],
    ['PWR with a different publisher name', [spu(), spt(), swr(), swt(), pwr({ publisher_name: 'ZFP' })], ['pwr-publisher-name@8']],
    ['SPU without interested party #', [spu({ interested_party_number: null }), spt({ interested_party_number: null }), swr(), swt(), pwr()], ['controlled-party-fields@4', 'field-required@5', 'pwr-publisher-unknown@8']],
    ['SWR with unknown indicator', [spu(), spt(), swr({ writer_unknown_indicator: 'N' }), swt(), pwr()], ['controlled-party-fields@6']],
    ['OWR unknown with a name', [spu(), spt(), swr(), swt(), pwr(), owr({ writer_unknown_indicator: 'Y' })], ['unknown-party-name@9']],
    ['OWR unknown without a name', [spu(), spt(), swr(), swt(), pwr(), owr({ writer_unknown_indicator: 'Y', writer_last_name: null })], []],
  ])('%s', async (_name, records, expected) => {
    expect(await found(workFile(records))).toEqual([...expected].sort());
  });

  it('CWR 2.2: a collecting SPU needs its IPI name number; 2.1 does not', async () => {
    const recs = (ipiNo: string | null): Rec[] => [spu({ publisher_ipi_name_number: ipiNo }), spt(), swr(), swt(), pwr({ publisher_sequence_number: 1 })];
    expect(await found(workFile(recs(null), {}, '2.2'), 'CW260001ZFP_177.V22')).toEqual(['collecting-publisher-ipi@4']);
    expect(await found(workFile(recs(null)))).toEqual([]);
  });
});
