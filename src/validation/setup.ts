/**
 * Turns user options (profile, society) into the checks and settings of a validation run.
 * The CISAC rule set and society profiles plug in here.
 */
import type { ValidateOptions } from './engine.js';
import { EMPTY_CHECKS } from './checkset.js';

export interface SetupOptions {
  profile?: string;
  society?: string;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

export async function buildValidation(_options: SetupOptions): Promise<ValidateOptions> {
  return { checks: EMPTY_CHECKS };
}
