import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { formatUnits } from '../../../src/domain/money.js';
import { readCsv } from '../../../src/statements/csv/read-csv.js';
import { inferProfile } from '../../../src/statements/csv/infer.js';
import { sniffDelimiter } from '../../../src/statements/csv/sniff.js';
import { collectStatement, hasErrors } from '../../../src/statements/intake.js';
import { GENERIC_CSV, parseProfile, ProfileError, type CsvProfile } from '../../../src/statements/profile.js';
import { useTempDir } from '../../helpers/temp-dir.js';

describe('CSV intake', () => {
  const tmp = useTempDir();
  const file = (name: string, content: string | Buffer): string => {
    const p = join(tmp(), name);
    writeFileSync(p, content);
    return p;
  };
  const read = (path: string, profile: CsvProfile = GENERIC_CSV, currency?: string) =>
    collectStatement((sink) => readCsv(path, { fromSociety: '035', profile, ...(currency ? { currency } : {}) }, sink));

  const FULL =
    'line_ref,society_work_code,iswc,title,writers,ipi_name_number,party_name,role,right,territory,share,amount,currency\n' +
    'G1,GEMA-1,T-034.524.680-1,ДАЛА ӘУЕНІ,Құрманғазы; Абай,00014107338,ҚҰРМАНҒАЗЫ,C,PR,0398,50.00,12.34,EUR\n' +
    'G2,GEMA-2,,STEPPE,,,,,MR,276,100,0.005,EUR\n';

  it('reads the generic profile, keeping Kazakh text and exact amounts', async () => {
    const { statement, result } = await read(file('g.csv', FULL));
    expect(result.diagnostics).toEqual([]);
    expect(statement.lines).toHaveLength(2);
    const [a, b] = statement.lines;
    expect(a).toMatchObject({ lineRef: 'G1', societyWorkCode: 'GEMA-1', iswc: 'T0345246801', title: 'ДАЛА ӘУЕНІ', writers: ['Құрманғазы', 'Абай'], ipiNameNumber: '00014107338', partyName: 'ҚҰРМАНҒАЗЫ', role: 'C', right: 'PR', territory: '0398', share: 5000, net: 12340000n, currency: 'EUR' });
    expect(a?.source).toEqual({ file: 'g.csv', line: 2, column: expect.any(Number) });
    expect(b).toMatchObject({ territory: '0276', share: 10000, net: 5000n, right: 'MR', iswc: null });
    expect(formatUnits(result.control.computed.get('EUR') ?? 0n, statement.decimals)).toBe('12.345000');
  });

  it.each([
    ['upper case, shuffled', 'AMOUNT,Title,CURRENCY\n5.00,Song,KZT\n'],
    ['blanks around names', ' amount , title ,currency\n5.00,Song,KZT\n'],
  ])('matches columns in any order and case (%s)', async (_n, text) => {
    const { statement, result } = await read(file('o.csv', text));
    expect(result.diagnostics).toEqual([]);
    expect(statement.lines[0]).toMatchObject({ title: 'Song', net: 5000000n, currency: 'KZT' });
  });

  it('accepts missing optional columns, the currency from --currency', async () => {
    const { statement, result } = await read(file('m.csv', 'iswc,amount\nT0345246801,1\n'), GENERIC_CSV, 'KZT');
    expect(result.diagnostics).toEqual([]);
    expect(statement.lines[0]).toMatchObject({ iswc: 'T0345246801', currency: 'KZT', writers: [], share: null });
  });

  it.each([
    ['no amount column', 'title,currency\nA,EUR\n', 'stmt-column-missing', 1, null],
    ['no work column', 'amount,currency\n1,EUR\n', 'stmt-column-missing', 1, null],
    ['letters in an amount', 'title,amount,currency\nA,1.00,EUR\n"B, the second",12a.5,EUR\n', 'stmt-amount-invalid', 3, 19],
    ['too many decimals', 'title,amount,currency\nA,0.1234567,EUR\n', 'stmt-amount-invalid', 2, 11],
    ['empty amount', 'title,amount,currency\nA,,EUR\n', 'stmt-amount-missing', 2, 3],
    ['unknown currency', 'title,amount,currency\nA,1,EURO\n', 'stmt-currency-unknown', 2, 5],
    ['no currency at all', 'title,amount\nA,1\n', 'stmt-currency-missing', 2, null],
    ['unidentified line', 'title,iswc,amount,currency\n,,1,EUR\n', 'stmt-line-unidentified', 2, 1],
    ['broken quotes', 'title,amount,currency\n"A"x,1,EUR\n', 'stmt-csv-syntax', 2, null],
    ['only a header', 'title,amount,currency\n', 'stmt-empty', null, null],
  ])('%s: diagnosed with line and column', async (_n, text, rule, line, column) => {
    const { result } = await read(file('bad.csv', text));
    expect(hasErrors(result.diagnostics)).toBe(true);
    expect(result.diagnostics[0]).toMatchObject({ rule, line, column });
  });

  it('reports each bad line and counts lines after a quoted multi-line title', async () => {
    const { result } = await read(file('ml.csv', 'title,amount,currency\n"two\nlines",1,EUR\nB,x,EUR\nC,y,EUR\n'));
    expect(result.diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['stmt-amount-invalid', 4],
      ['stmt-amount-invalid', 5],
    ]);
  });

  it('warns (keeps the line) on a bad ISWC, share or right', async () => {
    const { statement, result } = await read(file('w.csv', 'iswc,share,right,amount,currency\nT0345246802,150,XX,1,EUR\n'));
    expect(result.diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ['stmt-share-invalid', 'warning'],
      ['stmt-right-invalid', 'warning'],
      ['stmt-iswc-invalid', 'warning'],
    ]);
    expect(statement.lines).toHaveLength(1);
  });

  it('strips a UTF-8 BOM from the first column name', async () => {
    const { statement, result } = await read(file('bom.csv', '\uFEFFtitle,amount,currency\nA,2.5,EUR\n'));
    expect(result.diagnostics).toEqual([]);
    expect(statement.lines[0]?.title).toBe('A');
  });

  it('reads a semicolon, decimal-comma, windows-1251 profile', async () => {
    const profile = parseProfile(
      { kind: 'csv', name: 'rao', delimiter: ';', decimalSeparator: ',', groupSeparators: ' .', encoding: 'windows-1251', currency: 'RUB', columns: { title: 'Название', amount: 'Сумма', share: 'Доля' } },
      'rao.json',
    ) as CsvProfile;
    const bytes = iconv.encode('Название;Сумма;Доля\nПесня;1.234,56;33,33\nВторая;0,5;\n', 'windows-1251');
    const { statement, result } = await read(file('rao.csv', bytes), profile);
    expect(result.diagnostics).toEqual([]);
    expect(statement.lines.map((l) => [l.title, formatUnits(l.net, 6), l.share, l.currency])).toEqual([
      ['Песня', '1234.560000', 3333, 'RUB'],
      ['Вторая', '0.500000', null, 'RUB'],
    ]);
  });

  it('reads a KZ-1048 file with every Kazakh-specific letter intact', async () => {
    const profile = parseProfile({ kind: 'csv', name: 'kz', encoding: 'KZ-1048', currency: 'KZT', columns: { title: 'title', partyName: 'party_name', amount: 'amount' } }, 'kz.json') as CsvProfile;
    const kazakh = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі';
    const { statement, result } = await read(file('kz.csv', iconv.encode(`title,party_name,amount\n${kazakh},Құрманғазы,1\n`, 'rk1048')), profile);
    expect(result.diagnostics).toEqual([]);
    expect(statement.lines[0]).toMatchObject({ title: kazakh, partyName: 'Құрманғазы' });
  });

  it('reads columns by number when there is no header row', async () => {
    const profile = parseProfile({ kind: 'csv', name: 'n', headerRow: false, delimiter: '|', currency: 'KZT', columns: { title: 2, amount: 3 } }, 'n.json') as CsvProfile;
    const { statement } = await read(file('n.csv', 'x|Song|7.5\n'), profile);
    expect(statement.lines[0]).toMatchObject({ title: 'Song', net: 7500000n });
  });

  it.each([
    [{ kind: 'csv', columns: { title: 'title' } }, /amount/],
    [{ kind: 'csv', columns: { amount: 'a' } }, /at least one/],
    [{ kind: 'csv', columns: { amount: 'a', title: 't', bogus: 'x' } }, /unknown model field "bogus"/],
    [{ kind: 'csv', encoding: 'klingon', columns: { amount: 'a', title: 't' } }, /encoding/],
    [{ kind: 'csv', currency: 'EURO', columns: { amount: 'a', title: 't' } }, /ISO 4217/],
    [{ kind: 'tsv', columns: {} }, /kind/],
  ])('refuses a bad profile %j', (raw, message) => {
    expect(() => parseProfile(raw, 'p.json')).toThrow(ProfileError);
    expect(() => parseProfile(raw, 'p.json')).toThrow(message);
  });
});

describe('profile inference', () => {
  const tmp = useTempDir();
  it.each([
    [',', 'a,b,c\n1,2,3\n'],
    [';', 'a;b;c\n"1;x";2;3\n'],
    ['\t', 'a\tb\n1\t2\n'],
    ['|', 'a|b|c\n'],
  ])('sniffs the delimiter %j', (want, text) => {
    expect(sniffDelimiter(text)).toBe(want);
  });

  it.each([
    ['French', 'Titre;Code ISWC;Ayant droit;Montant;Devise\nLa mer;T0345246801;X;1 234,56;EUR\n', 'utf-8', { title: 'Titre', iswc: 'Code ISWC', partyName: 'Ayant droit', amount: 'Montant', currency: 'Devise' }, ';', ','],
    ['German', 'Werknummer,Titel,Betrag,Währung\n1,A,3.50,EUR\n', 'utf-8', { societyWorkCode: 'Werknummer', title: 'Titel', amount: 'Betrag', currency: 'Währung' }, ',', '.'],
    ['Spanish', 'Título\tImporte\tMoneda\nA\t3,50\tEUR\n', 'utf-8', { title: 'Título', amount: 'Importe', currency: 'Moneda' }, '\t', ','],
    ['Russian cp1251', 'Название;Сумма;Валюта;Правообладатель\nА;3,50;RUB;Б\n', 'windows-1251', { title: 'Название', amount: 'Сумма', currency: 'Валюта', partyName: 'Правообладатель' }, ';', ','],
  ])('proposes a profile for a %s file', (_n, text, encoding, columns, delimiter, decimalSeparator) => {
    const p = join(tmp(), 'in.csv');
    writeFileSync(p, iconv.encode(text, encoding));
    const r = inferProfile(p);
    expect(r.problems).toEqual([]);
    expect(r.profile).toMatchObject({ encoding, delimiter, decimalSeparator, columns });
    // The proposal is a valid profile.
    expect(() => parseProfile(r.profile, 'inferred')).not.toThrow();
  });

  it('says what is missing when nothing looks like an amount', () => {
    const p = join(tmp(), 'x.csv');
    writeFileSync(p, 'foo,bar\n1,2\n');
    expect(inferProfile(p).problems).toEqual([expect.stringMatching(/amount/), expect.stringMatching(/work/)]);
  });
});
