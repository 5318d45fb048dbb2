/** Use-case: validate CWR files with the CISAC rule set and the chosen society profile. */
import { validateCwr, type ValidateHooks, type ValidationResult } from '../validation/engine.js';
import { buildValidation } from '../validation/setup.js';
import type { CwrReadOptions } from '../formats/cwr/reader.js';

export interface ValidateFilesOptions extends Pick<CwrReadOptions, 'encoding' | 'version'> {
  profile?: string;
  society?: string;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

async function one(path: string, options: ValidateFilesOptions, hooks: ValidateHooks = {}): Promise<ValidationResult> {
  const setup = await buildValidation(options);
  return validateCwr(path, { ...setup, ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.version ? { version: options.version } : {}) }, hooks);
}

export const validateFiles = { one };
