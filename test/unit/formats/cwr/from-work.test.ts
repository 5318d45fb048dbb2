import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../../../../src/app/validate-files.js';
import type { Work, WorkParty } from '../../../../src/domain/work.js';
import { registrationFile, registrationType, workTransaction, type WorkTransaction } from '../../../../src/formats/cwr/from-work.js';
import { disallowedChars, toCisLatin, toCisName } from '../../../../src/formats/cwr/from-work-charset.js';
import { cwrFileName, nextSequence, parseCwrFileName } from '../../../../src/formats/cwr/from-work-filename.js';
import { readCwrFile } from '../../../../src/formats/cwr/reader.js';
import { toWork, WORK_TRANSACTION_TYPES } from '../../../../src/formats/cwr/to-work.js';
import { isV3, type CwrVersion } from '../../../../src/formats/cwr/versions.js';
import { CRLF } from '../../../../src/formats/cwr/writer.js';
import { encodeText } from '../../../../src/io/encoding.js';
import { SAMPLES } from '../../../helpers/paths.js';
import { useTempDir } from '../../../helpers/temp-dir.js';
import { comparable } from '../../catalogue/queries/work-compare.js';

const NOW = new Date('2026-11-28T10:00:00Z');

/** Every work transaction of a CWR file as the domain model. */
export async function worksOf(path: string): Promise<{ version: CwrVersion; works: Work[] }> {
  const { info, transmission } = await readCwrFile(path);
  const h = transmission.header;
  const submitter = h ? String(h.get('sender_code') ?? h.get('sender_id') ?? '') : '';
  const works: Work[] = [];
  for (const g of transmission.groups) for (const tx of g.transactions) if (WORK_TRANSACTION_TYPES.has(tx.header.type)) works.push(toWork(tx.header, tx.records, submitter));
  return { version: info.version, works };
}

function fileText(version: CwrVersion, txs: WorkTransaction[]): { text: string; encoding: string } {
  const unicode = isV3(version) || txs.some((t) => t.needsUnicode);
  const { lines } = registrationFile(version, { society: '177', name: 'KAZAK', now: NOW, characterSet: unicode ? 'UTF-8' : '', fileName: cwrFileName({ version, year: 2026, sequence: 1, sender: '177', receiver: '052' }), softwareVersion: '0.1.0' }, txs);
  return { text: lines.join(CRLF) + CRLF, encoding: unicode ? 'utf-8' : 'windows-1252' };
}

const party = (p: Partial<WorkParty> & Pick<WorkParty, 'party' | 'position'>): WorkParty => ({
  role: null,
  controlled: true,
  chain: null,
  unknown: false,
  ownership: { PR: null, MR: null, SR: null },
  collection: [],
  agreement: null,
  ...p,
});

/** A Kazakh work with everything that needs an original-script record. */
const KAZAKH: Work = {
  submitter: '177',
  submitterWorkNumber: 'KZ-0001',
  title: 'Көктем вальсі',
  language: 'KK',
  iswc: 'T3210001013',
  titles: [
    { title: 'SPRING WALTZ', type: 'AT', language: 'EN', nonRoman: false },
    { title: 'Весенний вальс', type: 'TT', language: 'RU', nonRoman: true },
  ],
  societyWorkNumbers: [],
  copyrightDate: null,
  copyrightNumber: null,
  category: 'POP',
  duration: '00:02:58',
  recorded: 'Y',
  textMusicRelationship: 'MTX',
  compositeType: null,
  versionType: 'ORI',
  excerptType: null,
  musicArrangement: null,
  lyricAdaptation: null,
  cwrWorkType: null,
  grandRights: null,
  opusNumber: null,
  catalogueNumber: null,
  priority: null,
  parties: [
    party({
      position: 1,
      role: 'E',
      chain: 1,
      party: { kind: 'publisher', ipNumber: 'QMP001', ipiNameNumber: '00712345669', ipiBaseNumber: null, name: 'QAZAQ MUSIC PUBLISHING', firstName: null, originalName: { name: 'Қазақ Музыка Баспасы', firstName: null, language: 'KK' }, societies: { PR: '177', MR: '177', SR: '177' } },
      ownership: { PR: 5000, MR: 10000, SR: 10000 },
      collection: [{ territory: '2136', include: true, shares: { PR: 5000, MR: 10000, SR: 10000 }, sequence: 1 }],
    }),
    party({
      position: 2,
      role: 'CA',
      party: { kind: 'writer', ipNumber: 'W0001', ipiNameNumber: '00441122310', ipiBaseNumber: 'I-000112233-2', name: 'NURLANQYZY', firstName: 'AJGERIM', originalName: { name: 'Нұрланқызы', firstName: 'Айгерім', language: 'KK' }, societies: { PR: '177', MR: '177', SR: '177' } },
      ownership: { PR: 5000, MR: 0, SR: 0 },
      collection: [{ territory: '2136', include: true, shares: { PR: 5000, MR: 0, SR: 0 }, sequence: 1 }],
    }),
  ],
  links: [{ writerIpNumber: 'W0001', publisherIpNumber: 'QMP001', chain: 1, submitterAgreementNumber: null, societyAgreementNumber: null }],
  performers: [{ name: 'QONGYR', firstName: null, ipiNameNumber: null, ipiBaseNumber: null, originalName: 'ҚОҢЫР', language: 'KK' }],
  recordings: [
    { isrc: 'KZQMP2600001', releaseDate: '2026-03-01', duration: '00:02:58', albumTitle: 'DALA', albumLabel: 'QAZAQ RECORDS', catalogueNumber: null, ean: null, recordingTitle: null, versionTitle: null, displayArtist: null, recordLabel: null, format: 'A', technique: 'D', mediaType: 'CD', submitterRecordingId: null },
  ],
  origin: null,
  crossReferences: [],
  related: [],
};

describe('workTransaction: records per version', () => {
  it.each([
    ['2.1', 'NWR', 'NWR SPU NPN SPT SWR NWN SWT PWR ALT NAT NAT PER NPR REC'],
    ['2.2', 'REV', 'REV SPU NPN SPT SWR NWN SWT PWR ALT NAT NAT PER NPR REC'],
    ['3.0', 'WRK', 'WRK SPU SPT SWR SWT PWR ALT PER REC'],
    ['3.1', 'WRK', 'WRK SPU SPT SWR SWT PWR ALT PER REC'],
  ] as const)('CWR %s %s writes %s', (version, type, expected) => {
    const tx = workTransaction(KAZAKH, version, type);
    expect(tx.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(tx.records.map((r) => r.type).join(' ')).toBe(expected);
    expect(tx.needsUnicode).toBe(!isV3(version));
  });

  it.each(['2.1', '2.2'] as const)('CWR %s: the main records are Latin, the originals travel in NAT/NWN/NPN/NPR', (version) => {
    const tx = workTransaction(KAZAKH, version, registrationType(version, false));
    expect(tx.issues).toEqual([]);
    const v = (type: string, field: string): unknown[] => tx.records.filter((r) => r.type === type).map((r) => r.values[field]);
    expect(v(registrationType(version, false), 'work_title')).toEqual(['KOEKTEM VALSI']);
    expect(v('SWR', 'writer_last_name')).toEqual(['NURLANQYZY']);
    expect(v('NWN', 'writer_first_name')).toEqual(['Айгерім']);
    expect(v('NPN', 'publisher_name')).toEqual(['Қазақ Музыка Баспасы']);
    expect(v('NPR', 'performing_artist_name')).toEqual(['ҚОҢЫР']);
    expect(tx.records.filter((r) => r.type === 'NAT').map((r) => [r.values['title'], r.values['title_type'], r.values['language_code']])).toEqual([
      ['Весенний вальс', 'TT', 'RU'],
      ['Көктем вальсі', 'OT', 'KK'],
    ]);
  });

  it.each(['3.0', '3.1'] as const)('CWR %s has no non-Roman records: Latin goes out, each original is reported', (version) => {
    const tx = workTransaction(KAZAKH, version, 'WRK');
    expect(tx.records[0]?.values['work_title']).toBe('KOEKTEM VALSI');
    expect(tx.issues.map((i) => [i.record, i.problem, i.severity, i.text])).toEqual([
      ['NPN', 'not-carried', 'warning', 'Қазақ Музыка Баспасы'],
      ['NWN', 'not-carried', 'warning', 'Айгерім Нұрланқызы'],
      ['NAT', 'not-carried', 'warning', 'Весенний вальс'],
      ['NAT', 'not-carried', 'warning', 'Көктем вальсі'],
      ['NPR', 'not-carried', 'warning', 'ҚОҢЫР'],
    ]);
  });

  it.each([
    ['2.1', false, 'NWR'],
    ['2.1', true, 'REV'],
    ['2.2', true, 'REV'],
    ['3.0', false, 'WRK'],
    ['3.1', true, 'WRK'],
  ] as const)('CWR %s, already sent %s: %s', (version, sent, type) => {
    expect(registrationType(version, sent)).toBe(type);
  });

  it.each([
    ['a title with a Chinese character', { ...KAZAKH, title: 'DALA 歌' }, 'NWR', 'work_title', ['歌']],
    ['a writer name with an emoji', { ...KAZAKH, parties: [KAZAKH.parties[0] as WorkParty, { ...(KAZAKH.parties[1] as WorkParty), party: { ...(KAZAKH.parties[1] as WorkParty).party, name: 'STAR ★' } }] }, 'SWR', 'writer_last_name', ['★']],
  ])('%s is reported, not dropped (2.1)', (_what, work, record, field, chars) => {
    const tx = workTransaction(work, '2.1', 'NWR');
    expect(tx.issues).toEqual([expect.objectContaining({ work: 'KZ-0001', record, field, problem: 'charset', severity: 'error', chars })]);
  });

  it('a title longer than its field is reported, never cut', () => {
    const tx = workTransaction({ ...KAZAKH, title: 'A'.repeat(61) }, '2.2', 'NWR');
    expect(tx.issues).toEqual([expect.objectContaining({ record: 'NWR', field: 'work_title', problem: 'too-long', severity: 'error' })]);
  });

  it('2.1 has no OPT: collection shares of other publishers are reported as not carried', () => {
    const other = party({ position: 3, controlled: false, role: 'E', chain: 2, party: { kind: 'publisher', ipNumber: 'EDB001', ipiNameNumber: null, ipiBaseNumber: null, name: 'EDITION BERGWIND', firstName: null, originalName: null, societies: { PR: '035', MR: null, SR: null } }, collection: [{ territory: '2136', include: true, shares: { PR: 0, MR: 0, SR: 0 }, sequence: 1 }] });
    const w = { ...KAZAKH, parties: [...KAZAKH.parties, other] };
    expect(workTransaction(w, '2.1', 'NWR').issues).toEqual([expect.objectContaining({ record: 'OPT', problem: 'not-carried', severity: 'warning' })]);
    expect(workTransaction(w, '2.2', 'NWR').records.map((r) => r.type)).toContain('OPT');
  });

  it('a work with only Latin text needs no Unicode', () => {
    const latin: Work = { ...KAZAKH, title: 'SPRING WALTZ', titles: [], performers: [], parties: KAZAKH.parties.map((p) => ({ ...p, party: { ...p.party, originalName: null } })) };
    expect(workTransaction(latin, '2.1', 'NWR').needsUnicode).toBe(false);
  });
});

describe('registration files (golden)', () => {
  it.each([
    ['2.1', 'kazakh-work.V21'],
    ['2.2', 'kazakh-work.V22'],
    ['3.0', 'kazakh-work_V3-0-0.SUB'],
    ['3.1', 'kazakh-work_V3-1-0.SUB'],
  ] as const)('CWR %s matches %s', async (version, golden) => {
    const tx = workTransaction(KAZAKH, version, registrationType(version, false));
    const { text } = fileText(version, [tx]);
    await expect(text).toMatchFileSnapshot(`../../../fixtures/cwr/export/${golden}`);
  });
});

describe('export round trip through CWR (same version)', () => {
  const tmp = useTempDir();
  it.each([
    ['cwr/CW260001QMP_177.V21', true],
    ['cwr/CW260002QMP_177.V22', true],
    ['cwr/CW260003QMP_177_V3-0-0.SUB', true],
    ['cwr/CW260004QMP_177_V3-1-0.SUB', true],
    ['cwr/CW260005QMP_177.V21', false],
  ])('%s: works written and read back carry the same data', async (sample, clean) => {
    const { version, works } = await worksOf(join(SAMPLES, sample));
    expect(works.length).toBeGreaterThan(0);
    const exportOnce = async (list: Work[], n: number): Promise<{ path: string; works: Work[]; issues: WorkTransaction['issues'] }> => {
      const txs = list.map((w) => workTransaction(w, version, registrationType(version, false)));
      const { text, encoding } = fileText(version, txs);
      const path = join(tmp(), cwrFileName({ version, year: 2026, sequence: n, sender: '177', receiver: '052' }));
      writeFileSync(path, encodeText(text, encoding));
      return { path, works: (await worksOf(path)).works, issues: txs.flatMap((t) => t.issues) };
    };
    const first = await exportOnce(works, 1);
    expect(first.issues.filter((i) => i.severity === 'error')).toEqual([]);
    if (isV3(version)) {
      // The bundled 3.x samples carry Cyrillic in main records; 3.x export writes Latin and
      // reports the originals, after which the data is stable.
      expect(first.issues.every((i) => i.problem === 'not-carried')).toBe(true);
      const second = await exportOnce(first.works, 2);
      expect(second.issues).toEqual([]);
      expect(second.works.map((w) => comparable(w))).toEqual(first.works.map((w) => comparable(w)));
    } else {
      expect(first.issues).toEqual([]);
      expect(first.works.map((w) => comparable(w))).toEqual(works.map((w) => comparable(w)));
    }
    const out = first.path;
    if (clean) {
      const r = await validateFiles.one(out, {});
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.valid).toBe(true);
    }
  });
});

describe('CIS character set', () => {
  it.each([
    ['DALA AENI', 'title', []],
    ['Дала', 'title', ['Д', 'а', 'л']],
    ['ROCK & ROLL: "LIVE"', 'title', []],
    ['ROCK & ROLL: "LIVE"', 'name', [':', '"']],
    ['CAFÉ', 'title', ['É']],
    ['CAFÉ', 'national-title', []],
    ['PRICE £5 €', 'title', []],
    ['lower', 'title', ['l', 'o', 'w', 'e', 'r']],
    ['A|B', 'title', ['|']],
  ] as const)('%s as a %s: not allowed %j', (text, kind, bad) => {
    expect(disallowedChars(text, kind)).toEqual(bad);
  });

  it.each([
    ['Дала әні', 'DALA AENI'],
    ['Алматы түні', 'ALMATY TUENI'],
    ['Жаңа жыл', 'ZHANGA ZHYL'],
    ['Café Müller', 'CAFE MUELLER'],
    ['Ørsted – “Blå”', 'OERSTED - "BLAA"'],
    ['Съешь  ещё', 'SESH ESHCHE'],
  ])('toCisLatin(%s) = %s', (text, expected) => {
    expect(toCisLatin(text)).toBe(expected);
  });

  it('names lose the punctuation names may not carry', () => {
    expect(toCisName('Smith, "Jr."')).toBe('SMITH JR.');
  });
});

describe('CWR file names', () => {
  it.each([
    ['2.1', 2026, 1, '177', '052', 'CW260001177_052.V21'],
    ['2.2', 2027, 42, '177', '035', 'CW270042177_035.V22'],
    ['3.0', 2026, 7, '177', '058', 'CW260007177_058_V3-0-0.SUB'],
    ['3.1', 2026, 9999, '177', '000', 'CW269999177_000_V3-1-0.SUB'],
  ] as const)('CWR %s, %i #%i from %s to %s: %s', (version, year, sequence, sender, receiver, name) => {
    expect(cwrFileName({ version, year, sequence, sender, receiver })).toBe(name);
    expect(parseCwrFileName(name)).toEqual({ year2: String(year % 100), sequence, sender, receiver });
  });

  it.each([
    [[], 1],
    [['CW260001177_052.V21', 'CW260002177_035.V22'], 3],
    [['CW250009177_052.V21', 'CW260001QMP_177.V21'], 1],
    [['CW260004177_058_V3-0-0.SUB', 'README.txt'], 5],
  ])('after %j the next 2026 sequence of 177 is %i', (used, next) => {
    expect(nextSequence(used, 2026, '177')).toBe(next);
  });

  it('refuses a sequence beyond 9999', () => {
    expect(() => cwrFileName({ version: '2.1', year: 2026, sequence: 10000, sender: '177', receiver: '052' })).toThrow(RangeError);
  });
});
