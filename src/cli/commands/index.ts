/** Every sub-command, in the order `cwrkit --help` lists them. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerAck } from './ack.js';
import { registerConflicts } from './conflicts.js';
import { registerConvert } from './convert.js';
import { registerDemo } from './demo.js';
import { registerDistribute } from './distribute.js';
import { registerExport } from './export.js';
import { registerImport } from './import.js';
import { registerParse } from './parse.js';
import { registerParties } from './parties.js';
import { registerReconcile } from './reconcile.js';
import { registerRegistrations } from './registrations.js';
import { registerReview } from './review.js';
import { registerRules } from './rules.js';
import { registerRuns } from './runs.js';
import { registerSenders } from './senders.js';
import { registerStatement } from './statement.js';
import { registerValidate } from './validate.js';
import { registerView } from './view.js';
import { registerWorks } from './works.js';

export type Register = (program: Command, ctx: CliContext) => void;

export const COMMANDS: readonly Register[] = [
  registerDemo,
  // reading and checking CWR
  registerParse,
  registerView,
  registerValidate,
  registerRules,
  registerAck,
  registerConvert,
  registerSenders,
  // the catalogue
  registerImport,
  registerWorks,
  registerParties,
  registerConflicts,
  registerRegistrations,
  registerExport,
  registerRuns,
  // money
  registerStatement,
  registerDistribute,
  registerReconcile,
  registerReview,
];
