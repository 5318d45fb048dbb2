/**
 * The CISAC lookup tables cwrkit needs at run time, as compact JSON generated from the team's CSV
 * copies (bench/gen-reference.mjs). Each table is turned into a Set once, on first use.
 */
import codes from './data/codes.json' with { type: 'json' };
import societies from './data/societies.json' with { type: 'json' };
import senders from './data/senders.json' with { type: 'json' };
import tis from './data/tis.json' with { type: 'json' };
import cisLatin from './data/cis-latin.json' with { type: 'json' };
import messages from './data/error-messages.json' with { type: 'json' };

export type TableName = keyof typeof codes;

const CODES: Readonly<Record<string, Readonly<Record<string, string>>>> = codes;
const sets = new Map<string, ReadonlySet<string>>();

/** The names of all code tables. */
export function tableNames(): string[] {
  return Object.keys(CODES);
}

export function hasTable(name: string): boolean {
  return Object.hasOwn(CODES, name) || name === 'society_code' || name === 'tis_territories';
}

/** The set of codes of a table (society_code and tis_territories included); empty if unknown. */
export function lookup(name: string): ReadonlySet<string> {
  let set = sets.get(name);
  if (set === undefined) {
    if (name === 'society_code') set = new Set(Object.keys(SOCIETIES));
    else if (name === 'tis_territories') set = new Set([...tis.territories.map((t) => t[0] ?? ''), ...tis.links.flatMap((l) => [l[0] ?? '', l[1] ?? ''])]);
    else set = new Set(Object.keys(CODES[name] ?? {}));
    sets.set(name, set);
  }
  return set;
}

/** The description of a code, or undefined. */
export function describe(name: string, code: string): string | undefined {
  return CODES[name]?.[code];
}

// ---- societies -------------------------------------------------------------------------------

const SOCIETIES: Readonly<Record<string, readonly string[]>> = societies;

export interface Society {
  readonly code: string;
  readonly name: string;
  readonly status: string;
  readonly country: string;
}

/** A society code as written in 2.x (3 digits) or 3.x ("52  "): trimmed and zero-padded to 3. */
export function normaliseSocietyCode(code: string): string {
  const t = code.trim();
  return /^[0-9]{1,3}$/.test(t) ? t.padStart(3, '0') : t;
}

export function society(code: string): Society | undefined {
  const c = normaliseSocietyCode(code);
  const row = SOCIETIES[c];
  if (!row) return undefined;
  return { code: c, name: row[0] ?? '', status: row[1] ?? '', country: row[2] ?? '' };
}

export function isSocietyCode(code: string): boolean {
  return lookup('society_code').has(normaliseSocietyCode(code));
}

// ---- CWR sender ids ------------------------------------------------------------------------

export interface Sender {
  readonly code: string;
  /** IPI name number, 11 digits. */
  readonly ipi: string;
  readonly name: string;
  readonly start: string;
  readonly end: string;
}

let senderIndex: { byIpi: Map<string, Sender>; byCode: Map<string, Sender> } | undefined;

function senderMaps(): { byIpi: Map<string, Sender>; byCode: Map<string, Sender> } {
  if (senderIndex === undefined) {
    const byIpi = new Map<string, Sender>();
    const byCode = new Map<string, Sender>();
    for (const [code = '', ipi = '', name = '', start = '', end = ''] of senders as string[][]) {
      const s: Sender = { code, ipi, name, start, end };
      if (ipi !== '' && !byIpi.has(ipi)) byIpi.set(ipi, s);
      if (code !== '' && !byCode.has(code)) byCode.set(code, s);
    }
    senderIndex = { byIpi, byCode };
  }
  return senderIndex;
}

/** The CISAC-registered CWR sender with this IPI name number (any padding), if any. */
export function senderByIpi(ipi: string): Sender | undefined {
  const t = ipi.trim();
  if (!/^[0-9]{1,11}$/.test(t)) return undefined;
  return senderMaps().byIpi.get(t.padStart(11, '0'));
}

/** The CISAC-registered CWR sender with this submitter code (2-3 letters), if any. */
export function senderByCode(code: string): Sender | undefined {
  return senderMaps().byCode.get(code.trim().toUpperCase());
}

// ---- TIS -----------------------------------------------------------------------------------

export interface TisTerritory {
  readonly code: string;
  readonly type: string;
  readonly iso: string;
  readonly name: string;
  readonly from: string;
  readonly until: string;
}

export interface TisLink {
  readonly parent: string;
  readonly child: string;
  readonly from: string;
  readonly until: string;
}

export function tisTerritories(): TisTerritory[] {
  return (tis.territories as string[][]).map(([code = '', type = '', iso = '', name = '', from = '', until = '']) => ({ code, type, iso, name, from, until }));
}

export function tisLinks(): TisLink[] {
  return (tis.links as string[][]).map(([parent = '', child = '', from = '', until = '']) => ({ parent, child, from, until }));
}

// ---- CIS character set ---------------------------------------------------------------------

export interface CisCharacters {
  readonly titles: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
  readonly nationalTitles: ReadonlySet<string>;
}

let cis: CisCharacters | undefined;

/** The characters the CIS Latin table allows in CWR titles, names and national titles. */
export function cisCharacters(): CisCharacters {
  cis ??= { titles: new Set(cisLatin.titles), names: new Set(cisLatin.names), nationalTitles: new Set(cisLatin.nationalTitles) };
  return cis;
}

// ---- CWR error messages --------------------------------------------------------------------

export interface ErrorMessage {
  readonly record: string;
  readonly messageLevel: string;
  readonly number: string;
  readonly level: string;
  readonly society: string;
  readonly text: string;
}

let msgIndex: Map<string, ErrorMessage> | undefined;

/** The CISAC error message for record type + message level letter + validation number. */
export function errorMessage(record: string, messageLevel: string, number: string): ErrorMessage | undefined {
  if (msgIndex === undefined) {
    msgIndex = new Map();
    for (const [rec = '', ml = '', num = '', level = '', soc = '', text = ''] of messages as string[][]) {
      const key = `${rec}/${ml}/${num}`;
      if (!msgIndex.has(key)) msgIndex.set(key, { record: rec, messageLevel: ml, number: num, level, society: soc, text });
    }
  }
  return msgIndex.get(`${record}/${messageLevel}/${number}`);
}
