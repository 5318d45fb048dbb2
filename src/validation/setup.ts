/**
 * Turns user options (profile, society, local senders) into the checks and settings of a
 * validation run: the CISAC rule set plus a society profile.
 */
import type { ValidateOptions } from './engine.js';
import { cisacChecks } from './cisac.js';
import { loadProfile, type Profile } from './profile.js';
import { ruleById } from './rule.js';
import type { RuleSettings } from './rules/support.js';
import type { Level } from './diagnostic.js';

export interface SetupOptions {
  /** A bundled profile name ("kazak") or a JSON file path. */
  profile?: string;
  /** The receiving society (CISAC code); defaults to the profile's, else 177 (KazAK). */
  society?: string;
  /** Sender codes / IPI numbers the society registered locally (passed by the catalogue). */
  localSenders?: ReadonlySet<string>;
  /** Date for TIS hierarchy expansion (YYYY-MM-DD); default today. */
  territoryDate?: string;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

export const knownRule = (id: string): boolean => ruleById(id) !== undefined;

export async function buildValidation(options: SetupOptions): Promise<ValidateOptions> {
  // Importing cisac.js registers every rule, so profile rule ids can be checked.
  const checks = cisacChecks();
  const profile: Profile | null = options.profile ? await loadProfile(options.profile, knownRule, options.cwd) : null;
  const society = (options.society ?? (profile?.society || undefined) ?? options.env?.['CWRKIT_SOCIETY'] ?? '177').padStart(3, '0');
  const settings: RuleSettings = {
    profile,
    society,
    localSenders: options.localSenders ?? new Set(),
    territoryDate: options.territoryDate ?? new Date().toISOString().slice(0, 10),
  };
  const levels = new Map<string, Level>(Object.entries(profile?.levels ?? {}));
  return {
    checks,
    ...(profile && profile.disabled.length > 0 ? { disabled: new Set(profile.disabled) } : {}),
    ...(levels.size > 0 ? { levels } : {}),
    settings: settings as unknown as Readonly<Record<string, unknown>>,
  };
}
