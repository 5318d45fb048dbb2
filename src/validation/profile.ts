/**
 * Society profiles: JSON files saying which rules are off, which levels change, and extra
 * requirements expressed as data. Loaded by name from the bundled profiles or from a file path;
 * every key is checked, and errors name the key.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { LEVELS, type Level } from './diagnostic.js';
import kazak from './profiles/kazak.json' with { type: 'json' };

export interface ProfileRequirements {
  /** Controlled parties (SPU/SWR) must carry IPI name numbers. */
  readonly ipiNameNumbers: boolean;
  /** Work registrations must carry an ISWC. */
  readonly iswc: boolean;
  /** Controlled writers must be affiliated (PR or MR) to one of these societies, if non-empty. */
  readonly writerSocieties: readonly string[];
}

export interface Profile {
  readonly name: string;
  readonly society: string;
  readonly description: string;
  readonly disabled: readonly string[];
  readonly levels: Readonly<Record<string, Level>>;
  readonly require: ProfileRequirements;
  /** Sender types accepted in the HDR (null: any CISAC type). */
  readonly senderTypes: readonly string[] | null;
  /** HDR character set values accepted ("" = none declared; null: the CISAC table). */
  readonly acceptedCharacterSets: readonly string[] | null;
  /** Why each choice was made (documentation kept with the data). */
  readonly notes: Readonly<Record<string, string>>;
}

export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  readonly code = 'CWRKIT_PROFILE';
  constructor(
    message: string,
    readonly key: string,
    readonly source: string,
  ) {
    super(`${source}: ${key === '' ? '' : `"${key}": `}${message}`);
  }
}

const BUNDLED: Readonly<Record<string, unknown>> = { kazak };

export function bundledProfiles(): string[] {
  return Object.keys(BUNDLED);
}

const KEYS = new Set(['$comment', 'name', 'society', 'description', 'disabled', 'levels', 'require', 'senderTypes', 'acceptedCharacterSets', 'notes']);
const REQUIRE_KEYS = new Set(['ipiNameNumbers', 'iswc', 'writerSocieties']);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function strings(x: unknown, key: string, src: string): string[] {
  if (!Array.isArray(x) || !x.every((v): v is string => typeof v === 'string')) throw new ProfileError('must be an array of strings', key, src);
  return x;
}

/**
 * Checks a parsed profile. `knownRule` tells whether a rule id exists, so a typo in "disabled" or
 * "levels" is an error instead of a silent no-op.
 */
export function parseProfile(raw: unknown, source: string, knownRule: (id: string) => boolean): Profile {
  if (!isObject(raw)) throw new ProfileError('a profile must be a JSON object', '', source);
  for (const k of Object.keys(raw)) if (!KEYS.has(k)) throw new ProfileError(`unknown key (allowed: ${[...KEYS].join(', ')})`, k, source);
  const name = raw['name'];
  if (typeof name !== 'string' || name === '') throw new ProfileError('must be a non-empty string', 'name', source);
  const society = raw['society'] ?? '';
  if (typeof society !== 'string' || !/^([0-9]{3})?$/.test(society)) throw new ProfileError('must be a 3-digit CISAC society code', 'society', source);
  const description = raw['description'] ?? '';
  if (typeof description !== 'string') throw new ProfileError('must be a string', 'description', source);
  const disabled = raw['disabled'] === undefined ? [] : strings(raw['disabled'], 'disabled', source);
  for (const id of disabled) if (!knownRule(id)) throw new ProfileError(`unknown rule id "${id}" (see cwrkit rules)`, 'disabled', source);
  const levelsRaw = raw['levels'] ?? {};
  if (!isObject(levelsRaw)) throw new ProfileError('must be an object of rule id -> level', 'levels', source);
  const levels: Record<string, Level> = {};
  for (const [id, lvl] of Object.entries(levelsRaw)) {
    if (!knownRule(id)) throw new ProfileError(`unknown rule id "${id}" (see cwrkit rules)`, `levels.${id}`, source);
    if (typeof lvl !== 'string' || !(LEVELS as readonly string[]).includes(lvl)) throw new ProfileError(`must be one of ${LEVELS.join(', ')}`, `levels.${id}`, source);
    levels[id] = lvl as Level;
  }
  const reqRaw = raw['require'] ?? {};
  if (!isObject(reqRaw)) throw new ProfileError('must be an object', 'require', source);
  for (const k of Object.keys(reqRaw)) if (!REQUIRE_KEYS.has(k)) throw new ProfileError(`unknown requirement (allowed: ${[...REQUIRE_KEYS].join(', ')})`, `require.${k}`, source);
  const bool = (k: string): boolean => {
    const v = reqRaw[k] ?? false;
    if (typeof v !== 'boolean') throw new ProfileError('must be true or false', `require.${k}`, source);
    return v;
  };
  const writerSocieties = reqRaw['writerSocieties'] === undefined ? [] : strings(reqRaw['writerSocieties'], 'require.writerSocieties', source);
  for (const c of writerSocieties) if (!/^[0-9]{3}$/.test(c)) throw new ProfileError(`"${c}" is not a 3-digit society code`, 'require.writerSocieties', source);
  const senderTypes = raw['senderTypes'] === undefined || raw['senderTypes'] === null ? null : strings(raw['senderTypes'], 'senderTypes', source);
  const cs = raw['acceptedCharacterSets'];
  const acceptedCharacterSets = cs === undefined || cs === null ? null : strings(cs, 'acceptedCharacterSets', source);
  const notesRaw = raw['notes'] ?? {};
  if (!isObject(notesRaw) || !Object.values(notesRaw).every((v) => typeof v === 'string')) throw new ProfileError('must be an object of strings', 'notes', source);
  return {
    name,
    society,
    description,
    disabled,
    levels,
    require: { ipiNameNumbers: bool('ipiNameNumbers'), iswc: bool('iswc'), writerSocieties },
    senderTypes,
    acceptedCharacterSets,
    notes: notesRaw as Record<string, string>,
  };
}

/** Loads a bundled profile by name ("kazak") or a JSON file by path (relative to `cwd`). */
export async function loadProfile(nameOrPath: string, knownRule: (id: string) => boolean, cwd = '.'): Promise<Profile> {
  const bundled = BUNDLED[nameOrPath.toLowerCase()];
  if (bundled !== undefined) return parseProfile(bundled, `profile ${nameOrPath}`, knownRule);
  if (!nameOrPath.endsWith('.json') && !nameOrPath.includes('/') && !nameOrPath.includes('\\')) {
    throw new ProfileError(`no bundled profile of that name (bundled: ${bundledProfiles().join(', ')}); give a .json file path`, '', `profile ${nameOrPath}`);
  }
  const path = isAbsolute(nameOrPath) ? nameOrPath : resolve(cwd, nameOrPath);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ProfileError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, '', path);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ProfileError(`not valid JSON: ${(e as Error).message}`, '', path);
  }
  return parseProfile(raw, path, knownRule);
}
