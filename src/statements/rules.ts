/**
 * Rules for royalty statements (CSV, XML and the common checks). An error means the statement
 * cannot be read whole and nothing of it is stored; a warning is reported and the line is kept.
 * CRD structure rules live in src/formats/crd/rules.ts.
 */
import { defineRule, type Params } from '../validation/rule.js';

const s = (p: Params, k: string): string => String(p[k] ?? '');

export const AMOUNT_INVALID = defineRule({
  id: 'stmt-amount-invalid',
  level: 'record',
  cisac: 'cwrkit statements (docs/statements.md)',
  summary: 'An amount is not a decimal number the profile can read.',
  message: (p) => `amount "${s(p, 'text')}" is not a number (${s(p, 'problem')})`,
});

export const AMOUNT_MISSING = defineRule({
  id: 'stmt-amount-missing',
  level: 'record',
  cisac: 'cwrkit statements (docs/statements.md)',
  summary: 'A statement line has no amount.',
  message: () => 'the line has no amount',
});

export const LINE_UNIDENTIFIED = defineRule({
  id: 'stmt-line-unidentified',
  level: 'record',
  cisac: 'cwrkit statements (docs/statements.md)',
  summary: 'A line names no work: it needs a society work code, an ISWC or a title.',
  message: () => 'the line names no work (society work code, ISWC or title)',
});

export const CURRENCY_UNKNOWN = defineRule({
  id: 'stmt-currency-unknown',
  level: 'record',
  cisac: 'ISO 4217',
  summary: 'A currency is not an ISO 4217 code.',
  message: (p) => `"${s(p, 'currency')}" is not an ISO 4217 currency code`,
});

export const CURRENCY_MISSING = defineRule({
  id: 'stmt-currency-missing',
  level: 'record',
  cisac: 'ISO 4217',
  summary: 'A line has no currency and no default currency was given (--currency).',
  message: () => 'no currency for the line: add a currency column or pass --currency',
});

export const SHARE_INVALID = defineRule({
  id: 'stmt-share-invalid',
  level: 'field',
  cisac: 'cwrkit statements (docs/statements.md)',
  summary: 'A share is not a percentage from 0 to 100 with at most two decimals.',
  message: (p) => `share "${s(p, 'text')}" is not a percentage from 0 to 100 (kept empty)`,
});

export const RIGHT_INVALID = defineRule({
  id: 'stmt-right-invalid',
  level: 'field',
  cisac: 'cwrkit statements (docs/statements.md)',
  summary: 'A right is not PR, MR or SR.',
  message: (p) => `right "${s(p, 'text')}" is not PR, MR or SR (kept empty)`,
});

export const ISWC_INVALID = defineRule({
  id: 'stmt-iswc-invalid',
  level: 'field',
  cisac: 'CRD rules.md WRK-02',
  summary: 'An ISWC has a bad shape or check digit (the society work code stays the key).',
  message: (p) => `ISWC "${s(p, 'text')}" is not valid (kept as given)`,
});

export const IPI_INVALID = defineRule({
  id: 'stmt-ipi-invalid',
  level: 'field',
  cisac: 'CRD rules.md WRK-04',
  summary: 'An IPI name number is not 11 digits with a correct check.',
  message: (p) => `IPI name number "${s(p, 'text')}" is not valid (kept as given)`,
});

export const COLUMN_MISSING = defineRule({
  id: 'stmt-column-missing',
  level: 'file',
  cisac: 'cwrkit statement profiles (docs/statements.md)',
  summary: 'A column the profile requires is not in the header row.',
  message: (p) => `the header has no "${s(p, 'column')}" column (needed for ${s(p, 'field')})`,
});

export const CSV_SYNTAX = defineRule({
  id: 'stmt-csv-syntax',
  level: 'file',
  cisac: 'RFC 4180',
  summary: 'The CSV text is malformed (quotes, column counts).',
  message: (p) => `CSV syntax: ${s(p, 'detail')}`,
});

export const TOTAL_MISMATCH = defineRule({
  id: 'stmt-total-mismatch',
  level: 'file',
  cisac: 'CRD rules.md AMT-05',
  summary: 'The total the statement declares differs from the sum of its lines.',
  message: (p) => `declared total ${s(p, 'declared')} ${s(p, 'currency')} differs from the sum of the lines ${s(p, 'computed')}`,
});

export const STATEMENT_EMPTY = defineRule({
  id: 'stmt-empty',
  level: 'file',
  cisac: 'cwrkit statements (docs/statements.md)',
  summary: 'The statement has no lines.',
  message: () => 'the statement has no lines',
});

export const PROFILE_INVALID = defineRule({
  id: 'stmt-profile-invalid',
  level: 'file',
  cisac: 'cwrkit statement profiles (docs/statements.md)',
  summary: 'The statement profile cannot be used.',
  message: (p) => `profile: ${s(p, 'detail')}`,
});

export const XML_DOCTYPE = defineRule({
  id: 'stmt-xml-doctype',
  level: 'file',
  cisac: 'cwrkit XML intake (docs/statements.md; ECOSYSTEM.md §5)',
  summary: 'XML statements must not carry a DOCTYPE (entity expansion and external entities).',
  message: () => 'the XML document declares a DOCTYPE: refused (statements have no use for DTDs)',
});

export const XML_INVALID = defineRule({
  id: 'stmt-xml-invalid',
  level: 'file',
  cisac: 'XML 1.0',
  summary: 'The XML document is not well-formed.',
  message: (p) => `XML: ${s(p, 'detail')}`,
});

export const XML_NO_LINES = defineRule({
  id: 'stmt-xml-no-lines',
  level: 'file',
  cisac: 'cwrkit XML intake (docs/statements.md)',
  summary: 'The XML profile\'s line path matches nothing.',
  message: (p) => `no element at ${s(p, 'path')}: is this the right XML profile?`,
});

export const DATE_INVALID = defineRule({
  id: 'stmt-date-invalid',
  level: 'field',
  cisac: 'cwrkit statement profiles (docs/statements.md)',
  summary: 'A date does not match the profile\'s date format.',
  message: (p) => `date "${s(p, 'text')}" does not match ${s(p, 'format')} (kept empty)`,
});

export const MORE_PROBLEMS = defineRule({
  id: 'stmt-more-problems',
  level: 'file',
  cisac: 'cwrkit statements (docs/statements.md)',
  summary: 'More problems were found than are listed.',
  message: (p) => `${s(p, 'count')} more problems not listed`,
});

export const USES_INVALID = defineRule({
  id: 'stmt-uses-invalid',
  level: 'record',
  cisac: 'cwrkit distribute (docs/statements.md)',
  summary: 'A usage line has no positive number of uses.',
  message: (p) => `uses "${s(p, 'text')}" is not a positive number`,
});

export const ALREADY_IMPORTED = defineRule({
  id: 'stmt-already-imported',
  level: 'file',
  severity: 'warning',
  cisac: 'cwrkit statements (docs/statements.md)',
  summary: 'The same file was imported before with another sending society.',
  message: (p) => `this file was imported before as statement ${s(p, 'id')} from society ${s(p, 'stored')}, not ${s(p, 'given')}: the stored statement is kept`,
});
