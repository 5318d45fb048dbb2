import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertFile } from '../../../../src/app/convert.js';
import type { FieldValue } from '../../../../src/fixed-width/field-types.js';
import { CwrBuilder } from '../../../../src/formats/cwr/builder.js';
import { convertLayouts, CwrConverter, type Loss } from '../../../../src/formats/cwr/convert.js';
import { societyFor } from '../../../../src/formats/cwr/convert-values.js';
import { convertedName, senderFromName } from '../../../../src/formats/cwr/convert-names.js';
import { readCwrFile } from '../../../../src/formats/cwr/reader.js';
import type { CwrRecord } from '../../../../src/formats/cwr/record.js';
import type { Transmission } from '../../../../src/formats/cwr/structure.js';
import { isV3, type CwrVersion } from '../../../../src/formats/cwr/versions.js';
import { PUBLIC_SAMPLES, SAMPLES } from '../../../helpers/paths.js';
import { useTempDir } from '../../../helpers/temp-dir.js';

type V = Record<string, FieldValue>;

async function* bytesOf(buf: Buffer): AsyncGenerator<Buffer> {
  yield buf;
}

async function parse(lines: readonly string[], version: CwrVersion): Promise<Awaited<ReturnType<typeof readCwrFile>>> {
  const bytes = Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'utf8');
  return readCwrFile(bytesOf(bytes), { version, encoding: 'utf-8', layouts: convertLayouts(version), fileName: 'mem' });
}

function feed(t: Transmission, conv: CwrConverter): void {
  conv.header(t.header);
  for (const g of t.groups) {
    conv.control();
    for (const tx of g.transactions) conv.transaction(tx, g.info);
    for (const r of g.stray) conv.stray(r);
    if (g.info.trailer) conv.control();
  }
  for (const r of t.stray) conv.stray(r);
  if (t.trailer) conv.control();
  conv.end();
}

interface Converted {
  losses: Loss[];
  records: CwrRecord[];
  all: CwrRecord[];
  errors: string[];
}

async function convert(from: CwrVersion, to: CwrVersion, build: (b: CwrBuilder) => void, opts: { revision?: boolean; senderCode?: string | null } = {}): Promise<Converted> {
  const src: string[] = [];
  const b = new CwrBuilder(from, (l) => src.push(l), convertLayouts(from));
  build(b);
  b.end();
  const parsed = await parse(src, from);
  const out: string[] = [];
  const conv = new CwrConverter({ from, to, senderCode: opts.senderCode === undefined ? 'QMP' : opts.senderCode, ...(opts.revision ? { revision: true } : {}) }, new CwrBuilder(to, (l) => out.push(l), convertLayouts(to)));
  feed(parsed.transmission, conv);
  const result = await parse(out, to);
  const t = result.transmission;
  const records = t.groups.flatMap((g) => g.transactions.flatMap((tx) => [tx.header, ...tx.records]));
  const all = [t.header, ...t.groups.flatMap((g) => [g.info.header, ...g.transactions.flatMap((tx) => [tx.header, ...tx.records]), ...(g.info.trailer ? [g.info.trailer] : [])]), t.trailer].filter((r): r is CwrRecord => r !== null);
  return { losses: conv.losses, records, all, errors: result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule}@${d.line}`) };
}

const HDR2: V = { sender_type: 'PB', sender_id: 712345669, sender_name: 'QAZAQ MUSIC PUBLISHING', creation_date: '2026-11-28', creation_time: '10:00:00', transmission_date: '2026-11-28' };
const HDR3: V = { sender_type: 'PB', sender_code: 'QMP', reserved_or_sender_ipi_name_number: '00712345669', sender_name: 'QAZAQ MUSIC PUBLISHING', creation_date: '2026-11-28', creation_time: '10:00:00', transmission_date: '2026-11-28' };
const WORK: V = { work_title: 'DALA AENI', language_code: 'KK', submitter_work_number: 'QMP-0001', iswc: 'T3210001013', musical_work_distribution_category: 'POP', duration: '00:03:41', recorded_indicator: 'Y', version_type: 'ORI' };
const SPU2: V = { publisher_sequence_number: 1, interested_party_number: 'QMP001', publisher_name: 'QAZAQ MUSIC PUBLISHING', publisher_type: 'E', publisher_ipi_name_number: '00712345669', pr_affiliation_society: '052', pr_ownership_share: 5000, mr_affiliation_society: '177', sr_affiliation_society: '177', first_recording_refusal_indicator: 'N' };
const SPT2: V = { interested_party_number: 'QMP001', pr_collection_share: 5000, mr_collection_share: 10000, sr_collection_share: 10000, inclusion_exclusion_indicator: 'I', tis_numeric_code: '0398', sequence_number: 1 };
const SWR2: V = { interested_party_number: 'W001', writer_last_name: 'ABAI', writer_first_name: 'QUNANBAIULY', writer_designation_code: 'CA', writer_ipi_name_number: '00012345678', pr_affiliation_society: '177', pr_ownership_share: 5000 };
const SWT2: V = { interested_party_number: 'W001', pr_collection_share: 5000, inclusion_exclusion_indicator: 'I', tis_numeric_code: '0398', sequence_number: 1 };
const PWR2: V = { publisher_ip_number: 'QMP001', publisher_name: 'QAZAQ MUSIC PUBLISHING', writer_ip_number: 'W001' };
const SPU3: V = { publisher_sequence_number: 1, interested_party_number: 'QMP001', publisher_name: 'QAZAQ MUSIC PUBLISHING', publisher_type: 'E', publisher_ipi_name_number: '00712345669' };
const SPT3: V = { sequence_number: 1, interested_party_number: 'QMP001', pr_collection_share: 5000, mr_collection_share: 10000, sr_collection_share: 10000, inclusion_exclusion_indicator: 'I', tis_numeric_code: '0398', pr_affiliation_society: '52', mr_affiliation_society: '177', sr_affiliation_society: '177' };
const SWR3: V = { interested_party_number: 'W001', writer_last_name: 'ABAI', writer_first_name: 'QUNANBAIULY', writer_designation_code: 'CA', writer_ipi_name_number: '00012345678' };
const SWT3: V = { sequence_number: 1, interested_party_number: 'W001', pr_collection_share: 5000, inclusion_exclusion_indicator: 'I', tis_numeric_code: '0398', pr_affiliation_society: '177' };
const PWR3: V = { publisher_sequence_number: 1, publisher_ip_number: 'QMP001', writer_ip_number: 'W001' };

/** A 2.x NWR with a full publisher/writer chain. */
const work2x = (b: CwrBuilder, extra: (b: CwrBuilder) => void = () => undefined, hdr: V = HDR2): void => {
  b.header(hdr).group('NWR').transaction('NWR', WORK).record('SPU', SPU2).record('SPT', SPT2).record('SWR', SWR2).record('SWT', SWT2).record('PWR', PWR2);
  extra(b);
};
/** The same work in 3.x. */
const work3x = (b: CwrBuilder, extra: (b: CwrBuilder) => void = () => undefined): void => {
  b.header(HDR3).group('WRK').transaction('WRK', WORK).record('SPU', SPU3).record('SPT', SPT3).record('SWR', SWR3).record('SWT', SWT3).record('PWR', PWR3);
  extra(b);
};

const key = (l: Loss): string => `${l.record}${l.field ? `.${l.field}` : ''}`;
const types = (c: Converted): string[] => c.records.map((r) => r.type);
const field = (c: Converted, type: string, name: string, nth = 0): FieldValue => c.records.filter((r) => r.type === type)[nth]?.get(name) ?? null;

interface Case {
  name: string;
  from: CwrVersion;
  to: CwrVersion;
  build: (b: CwrBuilder) => void;
  opts?: { revision?: boolean; senderCode?: string | null };
  types: string[];
  losses: string[];
  values?: Array<[type: string, field: string, value: FieldValue, nth?: number]>;
}

const cases: Case[] = [
  {
    name: '2.1 -> 2.2: same records; PWR publisher sequence derived from the SPU chain',
    from: '2.1',
    to: '2.2',
    build: (b) => work2x(b),
    types: ['NWR', 'SPU', 'SPT', 'SWR', 'SWT', 'PWR'],
    losses: [],
    values: [
      ['PWR', 'publisher_sequence_number', 1],
      ['SPU', 'pr_affiliation_society', '052'],
      ['SPU', 'pr_ownership_share', 5000],
      ['NWR', 'work_title', 'DALA AENI'],
    ],
  },
  {
    name: '2.2 -> 2.1: OPT/OWT/XRF, REC 2.2 fields, HDR software and PWR sequence cannot go down',
    from: '2.2',
    to: '2.1',
    build: (b) =>
      work2x(
        b,
        (x) =>
          x
          .record('PWR', { ...PWR2, publisher_sequence_number: 1 })
          .record('OPU', { publisher_sequence_number: 2, interested_party_number: 'P9', publisher_name: 'OTHER', publisher_type: 'E' })
          .record('OPT', { ...SPT2, interested_party_number: 'P9' })
          .record('OWR', { interested_party_number: 'W9', writer_last_name: 'OTHER', writer_designation_code: 'CA' })
          .record('OWT', { ...SWT2, interested_party_number: 'W9' })
          .record('REC', { first_release_date: '2026-01-01', recording_title: 'DALA AENI (LIVE)', isrc: 'KZA012600001' })
          .record('XRF', { organisation_code: '177', identifier: 'K-1', identifier_type: 'W', validity: 'Y' }),
        { ...HDR2, software_package: 'cwrkit' },
      ),
    types: ['NWR', 'SPU', 'SPT', 'SWR', 'SWT', 'PWR', 'PWR', 'OPU', 'OWR', 'REC'],
    losses: ['HDR.software_package', 'OPT', 'OWT', 'PWR.publisher_sequence_number', 'REC.recording_title', 'XRF'],
    values: [
      ['REC', 'isrc', 'KZA012600001'],
      ['REC', 'first_release_date', '2026-01-01'],
    ],
  },
  {
    name: '2.1 -> 3.0: NWR becomes WRK, societies move to SPT/SWT as 4-char codes, ownership is lost',
    from: '2.1',
    to: '3.0',
    build: (b) => work2x(b),
    types: ['WRK', 'SPU', 'SPT', 'SWR', 'SWT', 'PWR'],
    losses: ['SPU.pr_ownership_share', 'SWR.pr_ownership_share'],
    values: [
      ['SPT', 'pr_affiliation_society', '52'],
      ['SPT', 'mr_affiliation_society', '177'],
      ['SPT', 'first_recording_refusal_indicator', 'N'],
      ['SPT', 'pr_collection_share', 5000],
      ['SWT', 'pr_affiliation_society', '177'],
      ['PWR', 'publisher_sequence_number', 1],
      ['WRK', 'duration', '00:03:41'],
    ],
  },
  {
    name: '2.2 -> 3.0: REV becomes WRK; VER/EWT/COM become OWK; non-Roman and instrumentation records are lost',
    from: '2.2',
    to: '3.0',
    build: (b) =>
      b
        .header(HDR2)
        .group('REV')
        .transaction('REV', { ...WORK, version_type: 'MOD', contact_name: 'A. NURLAN' })
        .record('SWR', { interested_party_number: 'W001', writer_last_name: 'ABAI', writer_designation_code: 'CA' })
        .record('NWN', { interested_party_number: 'W001', writer_last_name: 'АБАЙ', language_code: 'KK' })
        .record('VER', { title: 'DALA', iswc: 'T0000000013', writer_1_last_name: 'ABAI', source: 'FOLK' })
        .record('COM', { title: 'PART ONE', iswc_of_component: 'T0000000024', duration: '00:01:00' })
        .record('INS', { standard_instrumentation_type: 'ORC' }),
    types: ['WRK', 'SWR', 'OWK', 'OWK'],
    losses: ['NWN', 'INS', 'VER.source', 'REV.contact_name'],
    values: [
      ['OWK', 'title', 'DALA'],
      ['OWK', 'writer_1_last_name', 'ABAI'],
      ['OWK', 'iswc', 'T0000000024', 1],
      ['OWK', 'duration', '00:01:00', 1],
    ],
  },
  {
    name: '3.0 -> 2.1: WRK becomes NWR, SPT societies return to SPU (3 digits), PWR sequence cannot go to 2.1',
    from: '3.0',
    to: '2.1',
    build: (b) => work3x(b),
    types: ['NWR', 'SPU', 'SPT', 'SWR', 'SWT', 'PWR'],
    losses: ['PWR.publisher_sequence_number'],
    values: [
      ['SPU', 'pr_affiliation_society', '052'],
      ['SPU', 'mr_affiliation_society', '177'],
      ['SWR', 'pr_affiliation_society', '177'],
      ['PWR', 'publisher_name', 'QAZAQ MUSIC PUBLISHING'],
      ['SPT', 'pr_collection_share', 5000],
    ],
  },
  {
    name: '3.0 -> 2.2 --revision: WRK becomes REV; OWK becomes VER for a modified work; XRF is kept',
    from: '3.0',
    to: '2.2',
    opts: { revision: true },
    build: (b) =>
      b
        .header(HDR3)
        .group('WRK')
        .transaction('WRK', { ...WORK, version_type: 'MOD' })
        .record('OWK', { title: 'DALA', iswc: 'T0000000013', opus_number: 'OP 1' })
        .record('XRF', { organisation_code: '177', identifier: 'K-1', identifier_type: 'W', validity: 'Y' }),
    types: ['REV', 'VER', 'XRF'],
    losses: ['OWK.opus_number'],
    values: [
      ['VER', 'iswc', 'T0000000013'],
      ['XRF', 'organisation_code', '177'],
    ],
  },
  {
    name: '3.0 -> 2.2: OWK of an excerpt becomes EWT, of a composite COM',
    from: '3.0',
    to: '2.2',
    build: (b) =>
      b
        .header(HDR3)
        .group('WRK')
        .transaction('WRK', { ...WORK, excerpt_type: 'MOV' })
        .record('OWK', { title: 'WHOLE WORK' })
        .transaction('WRK', { ...WORK, submitter_work_number: 'QMP-0002', composite_type: 'MED' })
        .record('OWK', { title: 'COMPONENT', iswc: 'T0000000024' }),
    types: ['NWR', 'EWT', 'NWR', 'COM'],
    losses: [],
    values: [
      ['EWT', 'title', 'WHOLE WORK'],
      ['COM', 'iswc_of_component', 'T0000000024'],
    ],
  },
  {
    name: '3.0 -> 2.1: a second territory with another society cannot be held by the 2.x SPU',
    from: '3.0',
    to: '2.1',
    build: (b) => work3x(b, (x) => x.record('SPU', { ...SPU3, publisher_sequence_number: 2, interested_party_number: 'QMP002' }).record('SPT', { ...SPT3, interested_party_number: 'QMP002' }).record('SPT', { ...SPT3, interested_party_number: 'QMP002', sequence_number: 2, pr_affiliation_society: '21' })),
    types: ['NWR', 'SPU', 'SPT', 'SWR', 'SWT', 'PWR', 'SPU', 'SPT', 'SPT'],
    losses: ['PWR.publisher_sequence_number', 'SPT.pr_affiliation_society'],
  },
  {
    name: '3.0 -> 2.2: an ISR (ISWC request) becomes ISW, its WRI writers OWR',
    from: '3.0',
    to: '2.2',
    build: (b) => {
      work3x(b);
      b.group('ISR')
        .transaction('ISR', { work_title: 'DALA AENI', submitter_work_number: 'QMP-0001', iswc: 'T3210001013', iswc_preferred_indicator: 'Y' })
        .record('WRI', { interested_party_number: 'W001', writer_ipi_name_number: '00012345678', writer_last_name: 'ABAI', writer_designation_code: 'CA' });
    },
    types: ['NWR', 'SPU', 'SPT', 'SWR', 'SWT', 'PWR', 'ISW', 'OWR'],
    losses: ['ISR.iswc_preferred_indicator'],
    values: [
      ['ISW', 'iswc', 'T3210001013'],
      ['OWR', 'writer_ipi_name_number', '00012345678'],
      ['OWR', 'writer_designation_code', 'CA'],
    ],
  },
  {
    name: '2.2 -> 3.0: an ISW becomes ISR; its writers become WRI, other details cannot follow',
    from: '2.2',
    to: '3.0',
    build: (b) =>
      b
        .header(HDR2)
        .group('ISW')
        .transaction('ISW', { work_title: 'DALA AENI', submitter_work_number: 'QMP-0001', iswc: 'T3210001013' })
        .record('SPU', { publisher_sequence_number: 1, interested_party_number: 'QMP001', publisher_name: 'QAZAQ MUSIC PUBLISHING', publisher_type: 'E' })
        .record('SWR', { interested_party_number: 'W001', writer_last_name: 'ABAI', writer_designation_code: 'CA' })
        .record('OWR', { interested_party_number: 'W002', writer_last_name: 'ZHAMBYL', writer_designation_code: 'A' }),
    types: ['ISR', 'WRI', 'WRI'],
    losses: ['SPU'],
    values: [
      ['ISR', 'work_title', 'DALA AENI'],
      ['WRI', 'writer_last_name', 'ZHAMBYL', 1],
    ],
  },
  {
    name: '3.1 -> 3.0: MAN exists only in 3.1',
    from: '3.1',
    to: '3.0',
    build: (b) => work3x(b, (x) => x.record('MAN', { interested_party_number: 'W001', pr_share: 5000 })),
    types: ['WRK', 'SPU', 'SPT', 'SWR', 'SWT', 'PWR'],
    losses: ['MAN'],
  },
  {
    name: '2.1 -> 3.0: an AGR transaction is reported record by record and not written',
    from: '2.1',
    to: '3.0',
    build: (b) => work2x(b, (x) => x.group('AGR').transaction('AGR', { submitter_agreement_number: 'A1', agreement_type: 'OG', agreement_start_date: '2026-01-01', number_of_works: 1 }).record('TER', { inclusion_exclusion_indicator: 'I', tis_numeric_code: '0398' })),
    types: ['WRK', 'SPU', 'SPT', 'SWR', 'SWT', 'PWR'],
    losses: ['AGR', 'SPU.pr_ownership_share', 'SWR.pr_ownership_share', 'TER'],
  },
  {
    name: '2.1 -> 3.0: an ACK echoing an NWR becomes an ACK echoing a WRK; MSG keeps the 2.2 positions',
    from: '2.1',
    to: '3.0',
    build: (b) =>
      b
        .header({ ...HDR2, sender_type: 'SO', sender_id: 177 })
        .group('ACK')
        .transaction('ACK', { creation_date: '2026-11-28', creation_time: '10:00:00', original_group_id: 1, original_transaction_sequence_number: 0, original_transaction_type: 'NWR', creation_title: 'DALA AENI', processing_date: '2026-11-29', transaction_status: 'RA' })
        .record('MSG', { message_type: 'F', original_record_sequence_number: 1, original_record_type: 'SPU', message_level: 'F', validation_number: '013', message_text: 'IPI NOT FOUND' })
        .record('NWR', WORK),
    opts: { senderCode: null },
    types: ['ACK', 'MSG', 'WRK'],
    losses: [],
    values: [
      ['ACK', 'original_transaction_type', 'WRK'],
      ['MSG', 'original_record_type', 'SPU'],
    ],
  },
  {
    name: '2.1 -> 2.2: an ACK keeps its MSG, including the original record type at column 29',
    from: '2.1',
    to: '2.2',
    build: (b) =>
      b
        .header({ ...HDR2, sender_type: 'SO', sender_id: 177 })
        .group('ACK')
        .transaction('ACK', { creation_date: '2026-11-28', creation_time: '10:00:00', original_group_id: 1, original_transaction_sequence_number: 0, original_transaction_type: 'NWR', processing_date: '2026-11-29', transaction_status: 'RJ' })
        .record('MSG', { message_type: 'T', original_record_sequence_number: 1, original_record_type: 'SPU', message_level: 'T', validation_number: '013', message_text: 'IPI NOT FOUND' }),
    types: ['ACK', 'MSG'],
    losses: [],
    values: [
      ['MSG', 'original_record_type', 'SPU'],
      ['MSG', 'message_text', 'IPI NOT FOUND'],
    ],
  },
];

describe('CwrConverter mappings', () => {
  it.each(cases)('$name', async (c) => {
    const r = await convert(c.from, c.to, c.build, c.opts);
    expect(types(r)).toEqual(c.types);
    expect(r.losses.map(key).sort()).toEqual([...c.losses].sort());
    for (const l of r.losses) {
      expect(l.line, key(l)).toBeGreaterThan(0);
      expect(l.reason.length).toBeGreaterThan(10);
    }
    for (const [type, name, value, nth] of c.values ?? []) expect(field(r, type, name, nth), `${type}.${name}`).toEqual(value);
    // Control records are regenerated: counts and sequences are right in the target.
    expect(r.errors).toEqual([]);
    const grh = r.all.find((x) => x.type === 'GRH');
    expect(grh?.get('version_number_for_transaction_type')).toBe({ '2.1': '02.10', '2.2': '02.20', '3.0': '03.00', '3.1': '03.10' }[c.to]);
  });

  it('2.x -> 3.x HDR: the sender code comes from the file name, the IPI to its own field', async () => {
    const r = await convert('2.1', '3.0', (b) => work2x(b), { senderCode: 'QMP' });
    const hdr = r.all[0];
    expect(hdr?.get('sender_code')).toBe('QMP');
    expect(hdr?.get('reserved_or_sender_ipi_name_number')).toBe('00712345669');
    expect(hdr?.get('cwr_version')).toBe('3.0');
  });

  it('2.x -> 3.x HDR without a sender code is a loss on sender_id', async () => {
    const r = await convert('2.1', '3.0', (b) => work2x(b), { senderCode: null });
    expect(r.losses.map(key)).toContain('HDR.sender_id');
  });

  it('3.x -> 2.x HDR: the IPI becomes the numeric sender id', async () => {
    const r = await convert('3.0', '2.2', (b) => work3x(b));
    expect(r.all[0]?.get('sender_id')).toBe(712345669);
    expect(r.all[0]?.get('sender_type')).toBe('PB');
  });

  it('3.x -> 2.x HDR without an IPI: --sender-id supplies the numeric sender id, else it is a loss', async () => {
    const noIpi = (b: CwrBuilder): void => {
      b.header({ ...HDR3, reserved_or_sender_ipi_name_number: null }).group('WRK').transaction('WRK', WORK);
    };
    const without = await convert('3.0', '2.1', noIpi);
    expect(without.losses.map(key)).toEqual(['HDR.sender_code']);
    const src: string[] = [];
    const b = new CwrBuilder('3.0', (l) => src.push(l));
    noIpi(b);
    b.end();
    const parsed = await parse(src, '3.0');
    const out: string[] = [];
    const conv = new CwrConverter({ from: '3.0', to: '2.1', senderId: 712345669 }, new CwrBuilder('2.1', (l) => out.push(l)));
    feed(parsed.transmission, conv);
    expect(conv.losses).toEqual([]);
    expect(out[0]?.slice(3, 14)).toBe('PB712345669');
  });

  it('ORN ISAN parts (2.2) join into one 3.x field and split back', async () => {
    const isan = { isan_root: '0000A1B2C3D4', isan_episode: '0001', isan_check_digit_1: 'X', isan_version: 'ABCD1234', isan_check_digit_2: 'Y' };
    const up = await convert('2.2', '3.0', (b) => work2x(b, (x) => x.record('ORN', { intended_purpose: 'FIL', production_title: 'KOSHPENDILER', ...isan })));
    expect(field(up, 'ORN', 'isan')).toBe('0000A1B2C3D40001XABCD1234Y');
    const down = await convert('3.0', '2.2', (b) => work3x(b, (x) => x.record('ORN', { intended_purpose: 'FIL', production_title: 'KOSHPENDILER', isan: '0000A1B2C3D40001XABCD1234Y' })));
    for (const [name, value] of Object.entries(isan)) expect(field(down, 'ORN', name)).toBe(value);
  });
});

describe('helpers', () => {
  it.each([
    ['052', '3.0', '52'],
    ['177', '3.1', '177'],
    ['52', '2.1', '052'],
    ['BMI', '2.2', 'BMI'],
    [null, '3.0', null],
  ] as const)('society %s in %s is %s', (code, to, want) => {
    expect(societyFor(code, to)).toBe(want);
  });

  it.each([
    ['CW220001DMP_000.V21', '2.2', 'SUB', 'CW220001DMP_000.V22'],
    ['CW220001DMP_000.V21', '3.0', 'SUB', 'CW220001DMP_000_V3-0-0.SUB'],
    ['CW220003DMP_0000_V3-0-0.ISR', '3.1', 'SUB', 'CW220003DMP_0000_V3-1-0.ISR'],
    ['CW220002DMP_0000_V3-0-0.SUB', '2.1', 'SUB', 'CW220002DMP_0000.V21'],
    ['demo_cwr_cleaned.v22', '2.1', 'SUB', 'demo_cwr_cleaned.V21'],
    ['/some/dir/registrations.cwr', '3.0', 'SUB', 'registrations_V3-0-0.SUB'],
  ] as const)('%s to %s is named %s', (name, to, ext, want) => {
    expect(convertedName(name, to, ext)).toBe(want);
  });

  it.each([
    ['CW260001QMP_177.V21', 'QMP'],
    ['CW220002DMP_0000_V3-0-0.SUB', 'DMP'],
    ['registrations.V21', null],
  ])('sender of %s is %s', (name, want) => {
    expect(senderFromName(name)).toBe(want);
  });
});

describe('convertFile', () => {
  const tmp = useTempDir();

  it('3.x Kazakh titles going to 2.x are written in UTF-8 declared in the HDR', async () => {
    const src: string[] = [];
    const b = new CwrBuilder('3.0', (l) => src.push(l));
    b.header(HDR3).group('WRK').transaction('WRK', { ...WORK, work_title: 'ДАЛА ӘУЕНІ' }).record('ALT', { alternate_title: 'ҚАРА ЖОРҒА', title_type: 'AT' });
    b.end();
    const input = join(tmp(), 'CW260003QMP_177_V3-0-0.SUB');
    writeFileSync(input, src.map((l) => `${l}\r\n`).join(''), 'utf8');
    const r = await convertFile(input, { to: '2.1', cwd: tmp() });
    expect(r.output).toBe(join(tmp(), 'CW260003QMP_177.V21'));
    expect(r.encoding).toBe('utf-8');
    expect(r.losses).toEqual([]);
    const back = await readCwrFile(r.output);
    expect(back.info.declaredCharset).toBe('UTF-8');
    const tx = back.transmission.groups[0]?.transactions[0];
    expect(tx?.header.get('work_title')).toBe('ДАЛА ӘУЕНІ');
    expect(tx?.records[0]?.get('alternate_title')).toBe('ҚАРА ЖОРҒА');
  });

  it('Latin-only text going to 2.x is windows-1252 with no character set; the file is 0600', async () => {
    const src: string[] = [];
    const b = new CwrBuilder('3.0', (l) => src.push(l));
    b.header(HDR3).group('WRK').transaction('WRK', { ...WORK, work_title: 'CAFÉ NOIR' });
    b.end();
    const input = join(tmp(), 'CW260004QMP_177_V3-0-0.SUB');
    writeFileSync(input, src.map((l) => `${l}\r\n`).join(''), 'utf8');
    const r = await convertFile(input, { to: '2.2', cwd: tmp(), output: 'out.V22' });
    expect(r.encoding).toBe('windows-1252');
    expect(readFileSync(r.output).includes(Buffer.from([0xc9]))).toBe(true);
    const { statSync } = await import('node:fs');
    expect(statSync(r.output).mode & 0o777).toBe(0o600);
  });

  it('unknown record types and records outside transactions are reported, not dropped', async () => {
    const src: string[] = [];
    const b = new CwrBuilder('2.1', (l) => src.push(l));
    work2x(b);
    b.end();
    src.splice(4, 0, 'ZZZ0000000000000004SOMETHING');
    src.splice(2, 0, 'ALT0000000000000000STRAY TITLE                                                 AT  ');
    const input = join(tmp(), 'CW260001QMP_177.V21');
    writeFileSync(input, src.map((l) => `${l}\r\n`).join(''), 'latin1');
    const r = await convertFile(input, { to: '2.2', cwd: tmp() });
    expect(r.losses.map((l) => [l.line, l.record, l.field ?? null])).toEqual([
      [3, 'ALT', null],
      [6, 'ZZZ', null],
    ]);
    expect(r.losses[1]?.reason).toMatch(/unknown record type/);
  });

  it('refuses to overwrite its input', async () => {
    const src: string[] = [];
    const b = new CwrBuilder('2.1', (l) => src.push(l));
    work2x(b);
    b.end();
    const input = join(tmp(), 'CW260001QMP_177.V21');
    writeFileSync(input, src.map((l) => `${l}\r\n`).join(''), 'latin1');
    await expect(convertFile(input, { to: '2.1', cwd: tmp() })).rejects.toThrow(/replace the input/);
  });

  it('a file that is not CWR is refused before anything is written', async () => {
    const input = join(tmp(), 'notes.txt');
    writeFileSync(input, 'hello, world\n');
    await expect(convertFile(input, { to: '3.0', cwd: tmp() })).rejects.toThrow(/not a CWR file/);
  });
});

it('every version pair converts the standard work without structural errors', async () => {
  for (const from of ['2.1', '2.2', '3.0', '3.1'] as const) {
    for (const to of ['2.1', '2.2', '3.0', '3.1'] as const) {
      const r = await convert(from, to, (b) => (isV3(from) ? work3x(b) : work2x(b)));
      expect(r.errors, `${from} -> ${to}`).toEqual([]);
      expect(types(r)[0], `${from} -> ${to}`).toBe(isV3(to) ? 'WRK' : 'NWR');
    }
  }
});

describe('every public and bundled sample converts to every version', () => {
  const tmp = useTempDir();
  const dirs = [PUBLIC_SAMPLES, join(SAMPLES, 'cwr')];
  const files = dirs.flatMap((d) => {
    try {
      return readdirSync(d)
        .filter((n) => !n.endsWith('.md'))
        .map((n) => join(d, n));
    } catch {
      return [];
    }
  });
  const pairs = files.flatMap((path) => (['2.1', '2.2', '3.0', '3.1'] as const).map((to) => ({ path, name: basename(path), to })));

  it.each(pairs)('$name -> $to', async ({ path, to }) => {
    const r = await convertFile(path, { to, cwd: tmp(), output: `out-${to}` });
    const back = await readCwrFile(r.output);
    const structural = back.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule}@${d.line}`);
    expect(structural).toEqual([]);
    expect(back.info.version).toBe(to);
    // Every record read is either written or reported: nothing disappears silently.
    const lostRecords = new Set(r.losses.filter((l) => l.field === undefined).map((l) => l.line));
    const source = await readCwrFile(path);
    const body = source.transmission.groups.flatMap((g) => g.transactions.flatMap((tx) => [tx.header, ...tx.records]));
    const written = back.transmission.groups.flatMap((g) => g.transactions.flatMap((tx) => [tx.header, ...tx.records]));
    expect(written.length + lostRecords.size).toBe(body.length);
    for (const l of r.losses) expect(l.line === null || l.line >= 1).toBe(true);
  });
});
