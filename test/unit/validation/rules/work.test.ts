import { describe, expect, it } from 'vitest';
import { found, owr, pwr, spt, spu, standard, swr, swt, workFile, type Rec } from './build.js';
import type { Values } from '../../../../src/formats/cwr/builder.js';

describe('work content (TX-1, TX-14, TX-15, TX-17, TX-18)', () => {
  it.each<[string, Values, Rec[] | null, string[]]>([
    ['standard work', {}, null, []],
    ['MOD with an arranger and codes', { version_type: 'MOD', music_arrangement: 'ARR', lyric_adaptation: 'UNS' }, [spu(), spt(), swr(), swt(), pwr(), owr({ writer_designation_code: 'AR' })], []],
    ['MOD without arranger', { version_type: 'MOD', music_arrangement: 'ARR', lyric_adaptation: 'UNS' }, null, ['version-roles@3']],
    ['MOD without arrangement codes', { version_type: 'MOD' }, [spu(), spt(), swr(), swt(), pwr(), owr({ writer_designation_code: 'AR' })], ['version-roles@3', 'version-roles@3']],
    ['ORI with an arranger', {}, [spu(), spt(), swr(), swt(), pwr(), owr({ writer_designation_code: 'AR' })], ['version-roles@3']],
    ['MUS with a lyricist', { text_music_relationship: 'MUS' }, null, ['version-roles@3']],
    ['MUS with a composer', { text_music_relationship: 'MUS' }, [spu(), spt(), swr({ writer_designation_code: 'C' }), swt(), pwr()], []],
    ['only an adaptor', { version_type: 'MOD', music_arrangement: 'ARR', lyric_adaptation: 'UNS' }, [spu(), spt(), swr({ writer_designation_code: 'AD' }), swt(), pwr()], ['work-no-author@3']],
    ['film music without ORN', { cwr_work_type: 'FM' }, null, ['work-type-needs@3']],
    ['film music with ORN', { cwr_work_type: 'FM' }, [...standard(), ['ORN', { intended_purpose: 'FIL', production_title: 'STEPPE FILM' }]], []],
    ['serious work without instrumentation or duration', { musical_work_distribution_category: 'SER' }, null, ['work-type-needs@3', 'work-type-needs@3']],
    ['serious work with INS and duration', { musical_work_distribution_category: 'SER', duration: '00:12:00' }, [...standard(), ['INS', { standard_instrumentation_type: 'ORC' }]], []],
    ['composite without count', { composite_type: 'MED' }, null, ['composite-fields@3']],
    ['count without composite', { composite_component_count: 3 }, null, ['composite-fields@3']],
    ['composite of one', { composite_type: 'MED', composite_component_count: 1 }, null, ['composite-fields@3']],
    ['composite of three', { composite_type: 'MED', composite_component_count: 3 }, null, []],
  ])('%s', async (_name, nwr, records, expected) => {
    expect(await found(workFile(records ?? standard(), nwr))).toEqual([...expected].sort());
  });

  it('public domain writers cannot leave PR ownership claimed', async () => {
    const pd = workFile([spu(), spt(), owr({ writer_last_name: 'PUBLIC DOMAIN', writer_designation_code: 'CA', pr_ownership_share: 5000 })]);
    expect(await found(pd)).toEqual(['public-domain-shares@3']);
  });
});
