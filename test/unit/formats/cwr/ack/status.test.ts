import { describe, expect, it } from 'vitest';
import { decideStatus, type StatusInput } from '../../../../../src/formats/cwr/ack/status.js';
import type { Diagnostic, Level, Severity } from '../../../../../src/validation/diagnostic.js';

const d = (level: Level, severity: Severity): Diagnostic => ({
  rule: 'x',
  level,
  severity,
  line: 3,
  column: 1,
  record: 'NWR',
  field: null,
  transaction: 0,
  message: 'm',
});

const work = { registersWork: true, recipientNumber: 'KZ0001' } as const;

describe('decideStatus', () => {
  it.each<[string, StatusInput, string]>([
    ['clean work registration with a work number', { validation: 'accepted', diagnostics: [], ...work }, 'AS'],
    ['field replaced by default (FR)', { validation: 'accepted-with-changes', diagnostics: [d('field', 'warning')], ...work }, 'AC'],
    ['record dropped (RR)', { validation: 'accepted-with-changes', diagnostics: [d('record', 'error')], ...work }, 'AC'],
    ['transaction-level warning changes nothing', { validation: 'accepted-with-changes', diagnostics: [d('transaction', 'warning')], ...work }, 'AS'],
    ['a note (info) changes nothing', { validation: 'accepted', diagnostics: [d('record', 'info')], ...work }, 'AS'],
    ['transaction rejected (TR)', { validation: 'rejected', diagnostics: [d('transaction', 'error')], ...work }, 'RJ'],
    ['group rejected (GR) at its GRT', { validation: 'accepted', diagnostics: [], groupRejected: true, ...work }, 'RJ'],
    ['file rejected (ER)', { validation: 'accepted', diagnostics: [], fileRejected: true, ...work }, 'RJ'],
    ['catalogue conflict', { validation: 'accepted', diagnostics: [], catalogue: 'CO', ...work }, 'CO'],
    ['catalogue duplicate', { validation: 'accepted-with-changes', diagnostics: [d('field', 'warning')], catalogue: 'DU', ...work }, 'DU'],
    ['rejection wins over a conflict', { validation: 'rejected', diagnostics: [], catalogue: 'CO', ...work }, 'RJ'],
    ['file rejection wins over a duplicate', { validation: 'accepted', diagnostics: [], catalogue: 'DU', fileRejected: true, ...work }, 'RJ'],
    ['work registration without a work number: pending', { validation: 'accepted', diagnostics: [], registersWork: true, recipientNumber: null }, 'RA'],
    ['changed work registration without a number: pending', { validation: 'accepted-with-changes', diagnostics: [d('field', 'warning')], registersWork: true }, 'RA'],
    ['conflict without a number stays a conflict', { validation: 'accepted', diagnostics: [], catalogue: 'CO', registersWork: true }, 'CO'],
    ['agreement needs no work number', { validation: 'accepted', diagnostics: [], registersWork: false }, 'AS'],
    ['agreement with a field default', { validation: 'accepted-with-changes', diagnostics: [d('field', 'warning')] }, 'AC'],
  ])('%s -> %s', (_name, input, expected) => {
    expect(decideStatus(input)).toBe(expected);
  });
});
