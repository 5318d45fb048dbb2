/**
 * Works, parties, histories and registrations as a person at the registrations desk reads them.
 * Plain text with optional colour (a chalk instance at level 0 prints no escapes).
 */
import type { ChalkInstance } from 'chalk';
import type { WorkHistory, ShownWork } from '../app/works.js';
import type { PartyDetails } from '../catalogue/queries/parties.js';
import type { RegistrationRow } from '../catalogue/queries/registrations.js';
import type { SearchHit } from '../catalogue/queries/search.js';
import { formatShare, type SharesByRight } from '../domain/share.js';
import type { WorkParty } from '../domain/work.js';

const dash = (s: string | null | undefined): string => (s === null || s === undefined || s === '' ? '—' : s);

function shares(s: SharesByRight): string {
  return (['PR', 'MR', 'SR'] as const).map((r) => `${r} ${s[r] === null ? '—' : formatShare(s[r]).padStart(6)}`).join('  ');
}

function partyName(p: WorkParty): string {
  const latin = [p.party.firstName, p.party.name].filter((x) => x !== null && x !== '').join(' ');
  const o = p.party.originalName;
  const original = o ? [o.firstName, o.name].filter((x) => x !== null && x !== '').join(' ') : '';
  return original && original !== latin ? `${latin} (${original})` : latin || (p.unknown ? '(unknown)' : '—');
}

export function renderSearch(hits: readonly SearchHit[], c: ChalkInstance): string {
  if (hits.length === 0) return 'no work found\n';
  const idWidth = Math.max(...hits.map((h) => String(h.id).length));
  let out = '';
  for (const h of hits) {
    const via = h.matched === 'title' ? '' : c.dim(`  [${h.matched}: ${h.matchedText}]`);
    out += `${c.dim(String(h.id).padStart(idWidth))}  ${(h.iswc ?? '').padEnd(11)}  ${c.bold(h.title)}  ${c.dim(`${h.submitter}/${h.submitterWorkNumber}`)}${via}\n`;
  }
  return out;
}

export function renderWork(s: ShownWork, c: ChalkInstance): string {
  const w = s.work;
  let out = `${c.bold(w.title)}  ${c.dim(`#${s.id}, version ${s.version}`)}\n`;
  out += `  ISWC ${dash(w.iswc)}   submitter ${w.submitter} work ${w.submitterWorkNumber}   language ${dash(w.language)}\n`;
  out += `  category ${dash(w.category)}  version ${dash(w.versionType)}  duration ${dash(w.duration)}  recorded ${dash(w.recorded)}\n`;
  if (w.societyWorkNumbers.length > 0) out += `  society work numbers: ${w.societyWorkNumbers.map((n) => `${n.society} ${n.number}`).join(', ')}\n`;
  if (w.titles.length > 0) {
    out += c.bold('Titles\n');
    for (const t of w.titles) out += `  ${t.type}${t.language ? `/${t.language}` : ''}  ${t.title}${t.nonRoman ? c.dim('  (original script)') : ''}\n`;
  }
  if (w.parties.length > 0) {
    out += c.bold('Parties') + c.dim('  (ownership shares per right; collection per territory)\n');
    for (const p of w.parties) {
      const kind = p.party.kind === 'writer' ? (p.controlled ? 'SWR' : 'OWR') : p.controlled ? 'SPU' : 'OPU';
      const chain = p.chain !== null ? ` chain ${p.chain}` : '';
      const ipi = p.party.ipiNameNumber ? ` IPI ${p.party.ipiNameNumber}` : '';
      const soc = (['PR', 'MR', 'SR'] as const).map((r) => p.party.societies[r] ?? '—').join('/');
      out += `  ${kind} ${dash(p.role).padEnd(2)}  ${partyName(p)}${c.dim(`  [${p.party.ipNumber}${ipi}${chain}, societies ${soc}]`)}\n`;
      out += `         ownership  ${shares(p.ownership)}\n`;
      for (const t of p.collection) out += `         ${t.include ? 'incl.' : 'excl.'} ${t.territory}  ${shares(t.shares)}\n`;
    }
  }
  if (w.links.length > 0) out += `  links: ${w.links.map((l) => `${l.writerIpNumber} -> ${l.publisherIpNumber}`).join(', ')}\n`;
  if (w.performers.length > 0) out += `${c.bold('Performers')}  ${w.performers.map((p) => [p.firstName, p.name].filter(Boolean).join(' ') + (p.originalName ? ` (${p.originalName})` : '')).join('; ')}\n`;
  if (w.recordings.length > 0) {
    out += c.bold('Recordings\n');
    for (const r of w.recordings) out += `  ${dash(r.isrc)}  ${dash(r.releaseDate)}  ${dash(r.duration)}  ${dash(r.albumTitle ?? r.recordingTitle)}  ${dash(r.albumLabel ?? r.recordLabel)}\n`;
  }
  if (w.crossReferences.length > 0) out += `  cross references: ${w.crossReferences.map((x) => `${x.organisation} ${x.identifier} ${x.type ?? ''}`.trim()).join(', ')}\n`;
  if (s.registrations.length > 0) {
    out += c.bold('Registrations\n');
    out += renderRegistrations(s.registrations, c, { indent: '  ', withWork: false });
  }
  if (s.history.length > 0) {
    out += c.bold('History\n');
    for (const h of s.history) out += `  v${h.version}  ${h.action.padEnd(9)} ${h.transactionType} ${dash(h.file)} line ${h.line}${h.importedAt ? c.dim(`  ${h.importedAt}`) : ''}\n`;
  }
  return out;
}

export function renderHistory(h: WorkHistory, c: ChalkInstance): string {
  let out = `${c.bold(h.title)}  ${c.dim(`#${h.id} ${h.submitter}/${h.submitterWorkNumber}`)}\n`;
  if (h.entries.length === 0) return out + '  no history recorded\n';
  for (const e of h.entries) {
    out += `  ${c.bold(`v${e.version}`)} ${e.action} by ${e.transactionType} in ${dash(e.file)} (line ${e.line}, run ${e.run})${e.importedAt ? c.dim(` ${e.importedAt}`) : ''}\n`;
    if (e.changes.length === 0) out += c.dim('      no change\n');
    for (const ch of e.changes) {
      const fmt = (v: string | number | boolean | null, field: string): string =>
        v === null ? '—' : typeof v === 'number' && /ownership|collection/.test(field) ? `${formatShare(v)}%` : String(v);
      out += `      ${ch.field}: ${c.red(fmt(ch.from, ch.field))} -> ${c.green(fmt(ch.to, ch.field))}\n`;
    }
  }
  return out;
}

export function renderParty(p: PartyDetails, c: ChalkInstance): string {
  const latin = [p.firstName, p.name].filter(Boolean).join(' ');
  const original = [p.originalFirstName, p.originalName].filter(Boolean).join(' ');
  let out = `${c.bold(latin)}${original ? ` (${original})` : ''}  ${c.dim(`${p.kind}, #${p.id}`)}\n`;
  out += `  IPI name ${dash(p.ipiNameNumber)}  IPI base ${dash(p.ipiBaseNumber)}  first sent by ${p.submitter} as ${p.ipNumber}\n`;
  out += `  affiliations: ${p.affiliations.length ? p.affiliations.map((a) => `${a.right} ${a.society}`).join(', ') : '—'}\n`;
  out += `  works: ${p.workCount}${p.works.length < p.workCount ? c.dim(` (first ${p.works.length} shown)`) : ''}\n`;
  for (const w of p.works) {
    out += `  ${c.dim(String(w.id).padStart(7))}  ${(w.iswc ?? '').padEnd(11)}  ${w.title}  ${c.dim(`${w.submitter}/${w.submitterWorkNumber}`)}  ${dash(w.role)} ${w.controlled ? 'controlled' : 'other'}  ${shares(w.shares)}\n`;
  }
  return out;
}

export function renderRegistrations(rows: readonly RegistrationRow[], c: ChalkInstance, opts: { indent?: string; withWork?: boolean } = {}): string {
  const ind = opts.indent ?? '';
  let out = '';
  for (const r of rows) {
    const colour = r.state === 'accepted' ? c.green : r.state === 'rejected' ? c.red : c.yellow;
    const work = opts.withWork === false ? '' : `${c.dim(`#${r.workId}`)} ${r.title} ${c.dim(`${r.submitter}/${r.submitterWorkNumber}`)}  `;
    const waiting = r.daysWaiting !== null ? c.dim(` (${r.daysWaiting} days)`) : '';
    out += `${ind}${work}society ${r.society}  ${colour(`${r.status} ${r.state}`)}  sent ${r.sentType ? `${r.sentType} ` : ''}${dash(r.sentAt?.slice(0, 10))} ${dash(r.sentFile)}${waiting}`;
    out += `  swn ${dash(r.societyWorkNumber)}  ISWC ${dash(r.iswc)}\n`;
    r.acks.forEach((a, i) => {
      out += `${ind}    ${i === 0 ? 'first ACK' : 'later ACK'}: ${a.status} ${dash(a.processingDate)}  swn ${dash(a.societyWorkNumber)}  ISWC ${dash(a.iswc)}\n`;
    });
  }
  return out;
}
