/** Use-case: validate CWR files with the CISAC rule set and the chosen society profile. */
import { validateCwr, type ValidateHooks, type ValidationResult } from '../validation/engine.js';
import { buildValidation } from '../validation/setup.js';
import type { CwrReadOptions } from '../formats/cwr/reader.js';
import { existsSync } from 'node:fs';
import { openCatalogue } from '../catalogue/db.js';
import { SendersRepository } from '../catalogue/repositories/senders.js';
import { loadSettings } from '../config.js';

export interface ValidateFilesOptions extends Pick<CwrReadOptions, 'encoding' | 'version'> {
  profile?: string;
  society?: string;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  /** Local submitters (sender codes / ids) from the catalogue; read from it when not given. */
  localSenders?: ReadonlySet<string>;
  /** Catalogue path (default: settings) the local senders are read from. */
  db?: string;
  /** Most diagnostics kept in the result (see ValidateOptions.maxDiagnostics); all reach hooks.onDiagnostic. */
  maxDiagnostics?: number;
}

/** Sender codes registered in the catalogue (cwrkit senders add), or none without a catalogue. */
export function catalogueSenders(options: Pick<ValidateFilesOptions, 'env' | 'cwd' | 'db'>): ReadonlySet<string> {
  try {
    const settings = loadSettings({ flags: { db: options.db }, env: options.env ?? {}, cwd: options.cwd ?? '.' });
    if (!existsSync(settings.db)) return new Set();
    const db = openCatalogue(settings.db, { readonly: true, mustExist: true });
    try {
      return new SendersRepository(db).codes();
    } finally {
      db.close();
    }
  } catch {
    return new Set();
  }
}

async function one(path: string, options: ValidateFilesOptions, hooks: ValidateHooks = {}): Promise<ValidationResult> {
  const localSenders = options.localSenders ?? catalogueSenders(options);
  const setup = await buildValidation({ ...options, localSenders });
  return validateCwr(
    path,
    {
      ...setup,
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.version ? { version: options.version } : {}),
      ...(options.maxDiagnostics !== undefined ? { maxDiagnostics: options.maxDiagnostics } : {}),
    },
    hooks,
  );
}

export const validateFiles = { one };
