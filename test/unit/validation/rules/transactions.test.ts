import { describe, expect, it } from 'vitest';
import { cwrText, found, NWR, standard, type Rec } from './build.js';
import type { Values } from '../../../../src/formats/cwr/builder.js';

const AGR: Values = { submitter_agreement_number: 'A1', agreement_type: 'OS', agreement_start_date: '2020-01-01', prior_royalty_status: 'N', post_term_collection_status: 'N', number_of_works: 1, sales_manufacture_clause: 'S' };
const TER: Rec = ['TER', { inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136' }];
const AS: Rec = ['IPA', { agreement_role_code: 'AS', interested_party_number: 'W1', interested_party_last_name: 'ABAYEV', pr_affiliation_society: '177', pr_share: 5000, mr_share: 0, sr_share: 0 }];
const AC: Rec = ['IPA', { agreement_role_code: 'AC', interested_party_number: 'P1', interested_party_last_name: 'ZFP MUSIC', pr_affiliation_society: '177', pr_share: 5000, mr_affiliation_society: '177', mr_share: 10000, sr_share: 10000 }];
const agr = (values: Values, recs: Rec[] = [TER, AS, AC]) => cwrText({ groups: [{ type: 'AGR', transactions: [[['AGR', { ...AGR, ...values }], ...recs]] }] });

describe('agreements (AGR-1)', () => {
  it.each<[string, Values, Rec[] | undefined, string[]]>([
    ['complete agreement', {}, undefined, []],
    ['no territory', {}, [AS, AC], ['agr-territory-missing@3']],
    ['no acquirer', {}, [TER, ['IPA', { ...AS[1], pr_share: 10000 }]], ['agr-parties@3']],
    ['shares 90%', {}, [TER, AS, ['IPA', { ...AC[1], pr_share: 4000 }]], ['agr-shares-total@3']],
    ['prior royalty D without date', { prior_royalty_status: 'D' }, undefined, ['agr-dates@3']],
    ['prior royalty D with an earlier date', { prior_royalty_status: 'D', prior_royalty_start_date: '2019-01-01' }, undefined, []],
    ['prior royalty N with a date', { prior_royalty_start_date: '2019-01-01' }, undefined, ['agr-dates@3']],
    ['post-term D without date', { post_term_collection_status: 'D' }, undefined, ['agr-dates@3']],
    ['retention before agreement end', { agreement_end_date: '2030-01-01', retention_end_date: '2029-01-01' }, undefined, ['agr-dates@3']],
    ['OS without sales/manufacture clause', { sales_manufacture_clause: null }, undefined, ['agr-dates@3']],
  ])('%s', async (_name, values, recs, expected) => {
    expect(await found(agr(values, recs))).toEqual(expected);
  });
});

const ACK: Values = { creation_date: '2026-01-10', creation_time: '09:00:00', original_group_id: 1, original_transaction_sequence_number: 0, original_transaction_type: 'NWR', creation_title: 'BALLAD OF THE STEPPE', submitter_creation_number: 'W001', recipient_creation_number: 'K123', processing_date: '2026-01-15', transaction_status: 'AS' };
const ack = (values: Values, recs: Rec[] = []) => cwrText({ hdr: { sender_type: 'SO', sender_id: 177, sender_name: 'KAZAK' }, groups: [{ type: 'ACK', transactions: [[['ACK', { ...ACK, ...values }], ...recs]] }] });

describe('acknowledgements (ACK-2..ACK-4)', () => {
  it.each<[string, Values, Rec[] | undefined, string[]]>([
    ['accepted with the echoed work', {}, [['NWR', NWR], ...standard()], []],
    ['rejected without echo', { transaction_status: 'RJ', recipient_creation_number: null }, undefined, []],
    ['accepted without the society number', { recipient_creation_number: null }, undefined, ['ack-recipient-number@3']],
    ['answering NWR without title', { creation_title: null }, undefined, ['ack-creation-title@3']],
    ['file-level ACK naming a group', { original_transaction_type: 'HDR', creation_title: null }, undefined, ['ack-file-level-ids@3']],
    ['file-level ACK with zero ids', { original_transaction_type: 'HDR', creation_title: null, original_group_id: 0 }, undefined, []],
    ['status unknown', { transaction_status: 'ZZ' }, undefined, ['lookup-invalid@3']],
    ['v3 status in a 2.1 ACK is still a known code', { transaction_status: 'DR', recipient_creation_number: null }, undefined, []],
    ['processed before it was created', { processing_date: '2026-01-01' }, undefined, ['ack-dates@3']],
    ['EXC without the work', {}, [['EXC', { ...NWR, work_title: 'OTHER' }]], ['ack-echo@4']],
    ['EXC after the work', {}, [['NWR', NWR], ['EXC', { ...NWR, work_title: 'OTHER', submitter_work_number: 'X1' }]], []],
    ['echoing a REV for an NWR is accepted', {}, [['REV', NWR]], []],
    ['echoing an AGR for an NWR', {}, [['AGR', AGR]], ['ack-echo@4']],
  ])('%s', async (_name, values, recs, expected) => {
    expect(await found(ack(values, recs), 'CW260001177_ZFP.V21')).toEqual(expected);
  });
});

describe('groups (GRP-1, GRP-3, GRP-4)', () => {
  const tx = [['NWR', NWR], ...standard()] as const;
  it.each<[string, Parameters<typeof cwrText>[0], string[]]>([
    ['one NWR group', { groups: [{ type: 'NWR', transactions: [tx] }] }, []],
    ['2.2 version number in a 2.1 file', { groups: [{ type: 'NWR', values: { version_number_for_transaction_type: '02.20' }, transactions: [tx] }] }, ['grh-version-number@2']],
    ['two NWR groups', { groups: [{ type: 'NWR', transactions: [tx] }, { type: 'NWR', transactions: [tx] }] }, ['group-type-repeated@10']],
    ['NWR and REV groups', { groups: [{ type: 'NWR', transactions: [tx] }, { type: 'REV', transactions: [[['REV', NWR], ...standard()]] }] }, []],
    ['v3 transaction type in a 2.1 file', { groups: [{ type: 'WRK', transactions: [tx] }] }, ['group-type-mismatch@3', 'grh-transaction-type@2']],
  ])('%s', async (_name, spec, expected) => {
    expect(await found(cwrText(spec))).toEqual([...expected].sort());
  });
});
