/**
 * Settings of the society running cwrkit, normalised once: flags > environment (CWRKIT_*) >
 * ./cwrkit.config.json > $XDG_CONFIG_HOME/cwrkit/config.json > defaults (KazAK, 177).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Settings {
  /** CISAC society code of the society running cwrkit (3 digits). */
  readonly society: string;
  /** Path of the catalogue database. */
  readonly db: string;
  /** Default validation profile name or file. */
  readonly profile: string | null;
  /** Local currency (ISO 4217) for allocations. */
  readonly currency: string;
  /** Where the settings came from, for --verbose. */
  readonly sources: readonly string[];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface SettingsInput {
  readonly flags?: { society?: string | undefined; db?: string | undefined; profile?: string | undefined };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

type FileSettings = Partial<Record<'society' | 'db' | 'profile' | 'currency', string>>;

function readConfigFile(path: string): FileSettings | null {
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${path}: must be a JSON object`);
  const out: FileSettings = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k !== 'society' && k !== 'db' && k !== 'profile' && k !== 'currency') throw new ConfigError(`${path}: unknown key "${k}"`);
    if (typeof v !== 'string') throw new ConfigError(`${path}: "${k}" must be a string`);
    out[k] = v;
  }
  return out;
}

/** Normalises a society code to 3 digits ("52" -> "052"). */
export function normaliseSociety(code: string): string {
  const t = code.trim();
  if (!/^[0-9]{1,3}$/.test(t)) throw new ConfigError(`society code must be 1 to 3 digits, not "${code}"`);
  return t.padStart(3, '0');
}

export function loadSettings(input: SettingsInput): Settings {
  const { env, cwd } = input;
  const sources: string[] = [];
  const xdg = env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config');
  const files = [join(xdg, 'cwrkit', 'config.json'), join(cwd, 'cwrkit.config.json')];
  let merged: FileSettings = {};
  for (const f of files) {
    const s = readConfigFile(f);
    if (s) {
      merged = { ...merged, ...s };
      sources.push(f);
    }
  }
  const pick = (flag: string | undefined, envName: string, key: keyof FileSettings, dflt: string): string => flag ?? env[envName] ?? merged[key] ?? dflt;
  const society = normaliseSociety(pick(input.flags?.society, 'CWRKIT_SOCIETY', 'society', '177'));
  const db = resolve(cwd, pick(input.flags?.db, 'CWRKIT_DB', 'db', 'cwrkit.db'));
  const profile = input.flags?.profile ?? env['CWRKIT_PROFILE'] ?? merged.profile ?? null;
  const currency = (env['CWRKIT_CURRENCY'] ?? merged.currency ?? 'KZT').toUpperCase();
  return { society, db, profile, currency, sources };
}
