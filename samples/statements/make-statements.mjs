#!/usr/bin/env node
// Writes the bundled sample statements (samples/statements/) with cwrkit's own writers.
// Run after `npm run build`: node samples/statements/make-statements.mjs. They pay KazAK (177)
// members for the fictional works of samples/cwr/ (same ISWCs, IPI numbers and the work numbers
// PRS gave in its acknowledgement), plus one work cwrkit does not know.
import { writeFileSync } from 'node:fs';
import { crdText } from '../../dist/formats/crd/writer.js';
import { linesCsv } from '../../dist/statements/csv/write-csv.js';
import { blankLine } from '../../dist/statements/model.js';
import { ipiNameCheckDigits, iswcCheckDigit } from '../../dist/domain/identifiers.js';

const ipi = (nine) => nine + ipiNameCheckDigits(nine);
const iswc = (nine) => `T${nine}${iswcCheckDigit(nine)}`;
const AIGERIM = { ipNumber: 'W0001', ipiNameNumber: ipi('004411223'), partyName: 'NURLANQYZY AJGERIM', role: 'CA' };
const YERLAN = { ipNumber: 'W0002', ipiNameNumber: ipi('004411224'), partyName: 'SEJITOV ERLAN', role: 'C' };
const DANA = { ipNumber: 'W0003', ipiNameNumber: ipi('004411225'), partyName: 'AEBILQASYM DANA', role: 'A' };
const QMP = { ipNumber: 'QMP001', ipiNameNumber: ipi('007123456'), partyName: 'QAZAQ MUSIC PUBLISHING', role: 'E' };
const STRANGER = { ipNumber: 'X0042', ipiNameNumber: ipi('004999001'), partyName: 'TEMIR ASAN', role: 'C' };

const DALA = { societyWorkCode: 'PRS880001', iswc: iswc('321000101'), title: 'DALA AENI' };
const ALMATY = { societyWorkCode: 'PRS880002', iswc: iswc('321000102'), title: 'ALMATY TUENI' };
const UNKNOWN = { societyWorkCode: 'PRS990123', iswc: null, title: 'KOEK TUMAN' };

const at = (line) => ({ file: 'CD260001052_177.CRD', line, column: null });
const gbp = (over) => ({ ...blankLine('GBP', at(0)), right: 'PR', territory: '0826', distributionCategory: 'RA', usagePeriod: { start: '2026-01-01', end: '2026-06-30' }, ...over });
const prsLines = [
  gbp({ ...DALA, ...AIGERIM, share: 5000, gross: 24000n, net: 10800n, lineRef: 'P000001' }),
  gbp({ ...DALA, ...QMP, share: 5000, gross: 24000n, net: 10800n, lineRef: 'P000002' }),
  gbp({ ...ALMATY, ...YERLAN, share: 2500, gross: 18000n, net: 4050n, lineRef: 'P000003', distributionCategory: 'TV' }),
  gbp({ ...ALMATY, ...YERLAN, share: 2500, net: -1225n, lineRef: 'P000004', adjustmentRef: 'P-2025-0077', usagePeriod: null, distributionCategory: 'TV' }),
  gbp({ ...ALMATY, ...DANA, share: 2500, gross: 18000n, net: 4050n, lineRef: 'P000005', distributionCategory: 'TV' }),
  gbp({ ...ALMATY, ...QMP, share: 5000, gross: 18000n, net: 8100n, lineRef: 'P000006', distributionCategory: 'TV' }),
  gbp({ ...UNKNOWN, ...STRANGER, share: 10000, gross: 5000n, net: 4500n, lineRef: 'P000007' }),
];
const prsHeader = { fromSociety: '052', format: 'crd', period: { start: '2026-01-01', end: '2026-06-30' }, distributionId: 'PRS-2026H1-INT', currency: 'GBP', decimals: 2 };
writeFileSync(new URL('./CD260001052_177.CRD', import.meta.url), crdText(prsHeader, prsLines, { toSociety: '177', senderName: 'PRS', now: new Date('2026-11-25T08:00:00Z') }));

const eur = (over) => ({ ...blankLine('EUR', at(0)), right: 'PR', territory: '0276', ...over });
const KOKTEM = { societyWorkCode: 'GEMA-7781234', iswc: null, title: 'Көктем вальсі', writers: ['Нұрланқызы Айгерім', 'Hoffmann Klaus'] };
const gemaLines = [
  eur({ ...KOKTEM, ...AIGERIM, partyName: 'Нұрланқызы Айгерім', share: 2500, net: 3750000n, lineRef: 'G-1' }),
  eur({ ...KOKTEM, ...QMP, share: 2500, net: 3750000n, lineRef: 'G-2' }),
  eur({ societyWorkCode: 'GEMA-7781001', iswc: iswc('321000101'), title: 'Дала әні', writers: ['Нұрланқызы Айгерім'], ...AIGERIM, right: 'MR', share: 5000, net: 1200000n, lineRef: 'G-3' }),
  eur({ societyWorkCode: 'GEMA-7781001', iswc: iswc('321000101'), title: 'Дала әні', writers: ['Нұрланқызы Айгерім'], ...QMP, right: 'MR', share: 5000, net: 1200000n, lineRef: 'G-4' }),
];
// The generic CSV profile reads amounts with 6 decimals; the file shows them with 2.
const csv = linesCsv(gemaLines, 6).replace(/(\d+\.\d{2})0000,EUR/g, '$1,EUR');
writeFileSync(new URL('./gema-2026q2.csv', import.meta.url), csv);

writeFileSync(
  new URL('./usage-2026q3.csv', import.meta.url),
  ['work,uses,title', `${iswc('321000101')},120,Дала әні`, 'QMP-0002,75.5,Алматы түні', 'QMP-0003,30,Көктем вальсі', 'KZ-LOST-1,4,Белгісіз ән', ''].join('\n'),
);
console.log('samples/statements written');
