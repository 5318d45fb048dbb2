import { describe, expect, it } from 'vitest';
import { found, standard, workFile } from './build.js';
import type { Values } from '../../../../src/formats/cwr/builder.js';

describe('HDR rules (HDR-1..HDR-4, FILE-6)', () => {
  it.each<[string, Values, string[]]>([
    ['registered publisher (CISAC sender table)', {}, []],
    ['society sender', { sender_type: 'SO', sender_id: 177, sender_name: 'KAZAK' }, []],
    ['unknown society code', { sender_type: 'SO', sender_id: 999, sender_name: 'NOBODY' }, ['hdr-sender-id@1']],
    ['writer with a valid IPI', { sender_type: 'WR', sender_id: 14107338, sender_name: 'ABAYEV' }, []],
    ['writer with a bad IPI', { sender_type: 'WR', sender_id: 14107339, sender_name: 'ABAYEV' }, ['hdr-sender-id@1']],
    ['unregistered publisher', { sender_id: 199 }, ['hdr-sender-id@1']],
    ['bad sender type', { sender_type: 'XX' }, ['hdr-sender-type@1']],
    ['IPNN workaround, unregistered', { sender_type: '09', sender_id: 20 }, ['hdr-sender-id@1']],
    ['EDI version 01.00', { edi_standard_version_number: '01.00' }, ['hdr-edi-version@1']],
    ['character set UTF-8', { character_set: 'UTF-8' }, []],
    ['character set KZ-1048 without a profile', { character_set: 'KZ-1048' }, ['hdr-character-set@1']],
  ])('%s', async (_name, hdr, expected) => {
    expect(await found(workFile(standard(), {}, '2.1', hdr))).toEqual(expected);
  });

  it('local senders registered by the society are accepted', async () => {
    const text = workFile(standard(), {}, '2.1', { sender_id: 199 });
    expect(await found(text, undefined, { localSenders: new Set(['00000000199']) })).toEqual([]);
    expect(await found(text, undefined, { localSenders: new Set(['199']) })).toEqual([]);
  });

  it('the kazak profile accepts KZ-1048', async () => {
    expect(await found(workFile(standard(), {}, '2.1', { character_set: 'KZ-1048' }), undefined, { profile: 'kazak' })).toEqual([]);
  });

  it.each([
    [1, []],
    [2, []],
    [3, ['hdr-version@1']],
  ])('CWR 2.2 revision %s', async (rev, expected) => {
    const text = workFile([...standard().slice(0, 4), ['PWR', { publisher_ip_number: 'P1', publisher_name: 'ZFP MUSIC', writer_ip_number: 'W1', publisher_sequence_number: 1 }]], {}, '2.2', { cwr_revision: rev });
    expect(await found(text, 'CW260001ZFP_177.V22')).toEqual(expected);
  });
});

describe('file names (FILE-1, FILE-2)', () => {
  it.each([
    ['CW260001ZFP_177.V21', []],
    ['CW2601ZFP_177.V21', []],
    ['CW260001177_000.V21', []],
    ['cw260001zfp_177.v21', []],
    ['CW260001ZFP_177.V22', ['file-name-version@-']],
    ['works.cwr', ['file-name-2x@-']],
    ['CW260001ZFP177.V21', ['file-name-2x@-']],
    ['CW260001ZFPX_177.V21', ['file-name-2x@-']],
  ])('%s', async (name, expected) => {
    expect(await found(workFile(standard()), name)).toEqual(expected);
  });
});
