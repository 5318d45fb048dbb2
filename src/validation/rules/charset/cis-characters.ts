/**
 * CIS-1: titles and names use only characters of the CIS Latin character set ("Titles" and
 * "Names" columns). Non-Roman records (NAT, NWN, NPN, NET, NCT, NVT, NOW, NPA, NPR) are exempt:
 * they carry national characters with their language code. ALT titles of type OL/AL use the
 * "national titles" column.
 */
import type { RecordLayout } from '../../../fixed-width/layout.js';
import type { CwrRecord } from '../../../formats/cwr/record.js';
import { cisCharacters } from '../../../reference/tables.js';
import type { Level } from '../../diagnostic.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { reportAt, s, strAt } from '../support.js';

export const CIS_CHARACTERS = defineRule({
  id: 'cis-characters',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR field edit 24, SPU field edit 37, SWR field edits 29-30, ALT field edits 4-5, PER/EWT/VER/COM/ORN/IPA edits (CIS character set); 2.x only: v3 files carry national text in the main records (no NAT/NWN layouts), unverified',
  summary: 'A title or name holds characters outside the CIS Latin set (lower case, Cyrillic...): use upper case, transliterate, and put national text in NAT/NWN/NPN records.',
  message: (p) =>
    `${s(p, 'field')} contains ${s(p, 'chars')}, not allowed in CWR ${s(p, 'kind')} (upper-case CIS Latin only${p['hint'] ? `; ${s(p, 'hint')}` : ''}): ${s(p, 'effect')}`,
});

type Kind = 'titles' | 'names';
/** record -> [field, kind, level letter, msg record, msg number] */
const FIELDS: Readonly<Record<string, ReadonlyArray<readonly [string, Kind, 'T' | 'R' | 'F', string, string]>>> = {
  NWR: [['work_title', 'titles', 'T', 'NWR', '024']],
  REV: [['work_title', 'titles', 'T', 'NWR', '024']],
  WRK: [['work_title', 'titles', 'T', 'NWR', '024']],
  ISR: [['work_title', 'titles', 'T', 'NWR', '024']],
  SPU: [['publisher_name', 'names', 'T', 'SPU', '037']],
  OPU: [['publisher_name', 'names', 'T', 'SPU', '037']],
  SWR: [
    ['writer_last_name', 'names', 'T', 'SWR', '029'],
    ['writer_first_name', 'names', 'T', 'SWR', '030'],
  ],
  OWR: [
    ['writer_last_name', 'names', 'T', 'SWR', '029'],
    ['writer_first_name', 'names', 'T', 'SWR', '030'],
  ],
  WRI: [
    ['writer_last_name', 'names', 'T', 'SWR', '029'],
    ['writer_first_name', 'names', 'T', 'SWR', '030'],
  ],
  ALT: [['alternate_title', 'titles', 'R', 'ALT', '004']],
  PER: [
    ['performing_artist_last_name', 'names', 'R', 'PER', '004'],
    ['performing_artist_first_name', 'names', 'R', 'PER', '005'],
  ],
  EWT: [
    ['title', 'titles', 'R', 'EWT', '009'],
    ['writer_1_last_name', 'names', 'F', 'EWT', '010'],
    ['writer_1_first_name', 'names', 'F', 'EWT', '011'],
    ['writer_2_last_name', 'names', 'F', 'EWT', '012'],
    ['writer_2_first_name', 'names', 'F', 'EWT', '013'],
  ],
  VER: [
    ['title', 'titles', 'R', 'VER', '009'],
    ['writer_1_last_name', 'names', 'F', 'VER', '010'],
    ['writer_1_first_name', 'names', 'F', 'VER', '011'],
    ['writer_2_last_name', 'names', 'F', 'VER', '012'],
    ['writer_2_first_name', 'names', 'F', 'VER', '013'],
  ],
  COM: [
    ['title', 'titles', 'R', 'COM', '011'],
    ['writer_1_last_name', 'names', 'F', 'COM', '012'],
    ['writer_1_first_name', 'names', 'F', 'COM', '013'],
    ['writer_2_last_name', 'names', 'F', 'COM', '014'],
    ['writer_2_first_name', 'names', 'F', 'COM', '015'],
  ],
  ORN: [
    ['production_title', 'titles', 'R', 'ORN', '011'],
    ['episode_title', 'titles', 'F', 'ORN', '012'],
  ],
  REC: [['first_album_title', 'titles', 'F', 'REC', '015']],
  IPA: [
    ['interested_party_last_name', 'names', 'T', 'IPA', '018'],
    ['interested_party_writer_first_name', 'names', 'T', 'IPA', '019'],
  ],
};

const LEVEL: Readonly<Record<'T' | 'R' | 'F', Level>> = { T: 'transaction', R: 'record', F: 'field' };
const EFFECT: Readonly<Record<'T' | 'R' | 'F', string>> = { T: 'the transaction is rejected', R: 'the record is dropped', F: 'the field is ignored' };

/** Characters of `text` not in `allowed`, at most five, quoted. */
function badChars(text: string, allowed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const ch of text) if (!allowed.has(ch) && !out.includes(ch)) out.push(ch);
  return out;
}

/** Allowed-character tables for code points below 256 (1 = allowed), built once per set. */
const tables = new WeakMap<ReadonlySet<string>, Uint8Array>();
function tableOf(allowed: ReadonlySet<string>): Uint8Array {
  let t = tables.get(allowed);
  if (!t) {
    t = new Uint8Array(256);
    for (const ch of allowed) {
      const c = ch.codePointAt(0) ?? 0;
      if (c < 256) t[c] = 1;
    }
    tables.set(allowed, t);
  }
  return t;
}

/** Whether [from, to) of `text` only uses allowed characters; no allocation. */
function clean(text: string, from: number, to: number, table: Uint8Array, allowed: ReadonlySet<string>): boolean {
  const end = Math.min(text.length, to);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 256 ? table[c] === 1 : allowed.has(text[i] ?? '')) continue;
    return false;
  }
  return true;
}

/** One checked field of a layout, with its 0-based [from, to) range in the line. */
interface CisField {
  readonly field: string;
  readonly kind: Kind;
  readonly lvl: 'T' | 'R' | 'F';
  readonly msgRecord: string;
  readonly msgNumber: string;
  readonly from: number;
  readonly to: number;
  /** The allowed set for the field's kind, and its table (ALT titles of type OL/AL use the national set instead). */
  readonly allowed: ReadonlySet<string>;
  readonly table: Uint8Array;
}

/**
 * The checked fields of a layout, and one native scan over the span that holds them all: a
 * negated character class of the characters allowed in every checked field (titles and names
 * alike). When no character of the span falls outside it, no field can have a finding and the
 * per-field loops are skipped; otherwise they decide, field by field, exactly as before.
 */
interface CisPlan {
  readonly fields: readonly CisField[];
  readonly from: number;
  readonly to: number;
  readonly outside: RegExp;
}

const plans = new WeakMap<RecordLayout, CisPlan>();

/** A global regular expression matching any character outside every one of `tables`. */
function outsideAll(tables: readonly Uint8Array[]): RegExp {
  let cls = '';
  for (let c = 0; c < 256; c++) if (tables.every((t) => t[c] === 1)) cls += `\\x${c.toString(16).padStart(2, '0')}`;
  return new RegExp(cls === '' ? '[^]' : `[^${cls}]`, 'g');
}

function planOf(layout: RecordLayout): CisPlan {
  let plan = plans.get(layout);
  if (plan === undefined) {
    const out: CisField[] = [];
    const cis = cisCharacters();
    for (const [field, kind, lvl, msgRecord, msgNumber] of FIELDS[layout.type] ?? []) {
      const f = layout.byName.get(field);
      const allowed = kind === 'titles' ? cis.titles : cis.names;
      if (f !== undefined) out.push({ field, kind, lvl, msgRecord, msgNumber, from: f.start - 1, to: f.start - 1 + f.length, allowed, table: tableOf(allowed) });
    }
    const from = Math.min(...out.map((f) => f.from));
    const to = Math.max(...out.map((f) => f.to));
    plan = { fields: out, from, to, outside: outsideAll(out.map((f) => f.table)) };
    plans.set(layout, plan);
  }
  return plan;
}

/** True when no character of the plan's span is outside the characters every checked field allows. */
function spanClean(plan: CisPlan, text: string): boolean {
  if (plan.fields.length === 0 || plan.from >= text.length) return true;
  const re = plan.outside;
  re.lastIndex = plan.from;
  // test() resumes at lastIndex and, on a match, leaves lastIndex just past it.
  return !re.test(text) || re.lastIndex - 1 >= plan.to;
}

/** ALT titles of type OL/AL use the national titles column: is title_type OL or AL? (read in place) */
function nationalAlt(rec: CwrRecord): boolean {
  const f = rec.layout?.byName.get('title_type');
  if (f === undefined) return false;
  const t = rec.text;
  const i = f.start - 1;
  // strAt(rec, 'title_type') is 'OL' or 'AL': those two characters, then only blanks to the field end.
  if (f.length < 2 || i + 2 > t.length || t.charCodeAt(i + 1) !== 76) return false;
  const c0 = t.charCodeAt(i);
  if (c0 !== 79 && c0 !== 65) return false;
  const end = Math.min(t.length, i + f.length);
  for (let k = i + 2; k < end; k++) if (t.charCodeAt(k) !== 32) return false;
  return true;
}

export function checkCisCharacters(rec: CwrRecord, ctx: CheckContext): void {
  const layout = rec.layout;
  if (!layout || FIELDS[rec.type] === undefined) return;
  const v = ctx.info.version;
  if (v === '3.0' || v === '3.1') return;
  const text = rec.text;
  const plan = planOf(layout);
  if (spanClean(plan, text)) return;
  const national = rec.type === 'ALT' && nationalAlt(rec);
  for (const { field, kind, lvl, msgRecord, msgNumber, from, to, allowed: usual, table } of plan.fields) {
    if (!national && clean(text, from, to, table, usual)) continue;
    const allowed = national ? cisCharacters().nationalTitles : usual;
    if (national && clean(text, from, to, tableOf(allowed), allowed)) continue;
    const bad = badChars(strAt(rec, field), allowed);
    if (bad.length === 0) continue;
    const lower = bad.some((c) => c !== c.toUpperCase());
    const nonLatin = bad.some((c) => /[\u0400-\u04FF]/.test(c));
    const hint = nonLatin ? 'transliterate and send the original in a non-Roman record (NAT, NWN, NPN)' : lower ? 'write it in upper case' : '';
    reportAt(
      ctx,
      CIS_CHARACTERS,
      rec,
      field,
      { field, chars: bad.slice(0, 5).map((c) => `"${c}"`).join(' '), kind, hint, effect: EFFECT[lvl], msgRecord, msgLevel: 'F', msgNumber },
      LEVEL[lvl],
    );
  }
}
