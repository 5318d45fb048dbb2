/**
 * The CheckSet of all CISAC rules for a CWR version: record-level checks (lookups, identifiers,
 * character set) run once per record, transaction checks per transaction, control checks on
 * HDR/GRH, file checks at the end.
 */
import type { CwrRecord } from '../formats/cwr/record.js';
import type { Transaction } from '../formats/cwr/structure.js';
import type { CwrVersion } from '../formats/cwr/versions.js';
import type { CheckContext, CheckSet } from './engine.js';
import { checkAck } from './rules/ack/ack-content.js';
import { checkAgreement, checkAgreementsAtEnd } from './rules/agreement/agreement.js';
import { checkCisCharacters } from './rules/charset/cis-characters.js';
import { checkFileName } from './rules/file/file-name.js';
import { checkHeader } from './rules/file/header.js';
import { checkSenderName } from './rules/file/sender-name.js';
import { checkGroupHeader } from './rules/group/groups.js';
import { checkIdentifiers } from './rules/identifiers/identifiers.js';
import { checkLookups } from './rules/lookups/field-lookups.js';
import { checkProfileRequirements } from './rules/profile/requirements.js';
import { checkChainOfTitle } from './rules/transaction/chain.js';
import { checkCollection } from './rules/transaction/collection.js';
import { checkContent } from './rules/transaction/content.js';
import { checkShares } from './rules/transaction/shares.js';
import { checkWork } from './rules/transaction/work.js';

/** Record checks, run on every record of a transaction (header included). */
function record(rec: CwrRecord, ctx: CheckContext): void {
  checkLookups(rec, ctx);
  checkIdentifiers(rec, ctx);
  checkCisCharacters(rec, ctx);
}

function records(tx: Transaction, ctx: CheckContext): void {
  record(tx.header, ctx);
  for (const rec of tx.records) record(rec, ctx);
}

/** Every transaction check, in one call (one entry in the CheckSet keeps the hot loop short). */
function transaction(tx: Transaction, _group: unknown, ctx: CheckContext): void {
  records(tx, ctx);
  checkContent(tx, ctx);
  checkShares(tx, ctx);
  checkCollection(tx, ctx);
  checkChainOfTitle(tx, ctx);
  checkWork(tx, ctx);
  checkAgreement(tx, ctx);
  checkAck(tx, ctx);
  checkProfileRequirements(tx, ctx);
}

const ALL: CheckSet = {
  transaction: [transaction],
  control: [checkHeader, checkSenderName, checkGroupHeader],
  file: [checkFileName, checkAgreementsAtEnd],
};

/** All CISAC checks. The version is read from the file at run time (ctx.info.version); rules
 * that are version-specific look at it themselves, so one set serves every version. */
export function cisacChecks(_version?: CwrVersion): CheckSet {
  return ALL;
}
