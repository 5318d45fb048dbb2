/**
 * One self-contained HTML report of a reconciliation: inline CSS, inline SVG bar charts (amounts
 * by match method and by member), unmatched and discrepancy tables, and the money path of each
 * line. No scripts, no fonts, no images, no network: every text is HTML-escaped.
 */
import type { ReconReport, ReportLine } from '../reconcile/report.js';
import { escapeHtml as e } from './html-escape.js';

const CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#777}details{margin:.2em 0}summary{cursor:pointer}
.kpi{display:inline-block;margin:0 1.5em .5em 0}.kpi b{display:block;font-size:1.3em}svg text{font:12px system-ui,sans-serif}`;

/** Horizontal bars; values are decimal strings, scaled to the largest for drawing only. */
function barChart(title: string, rows: readonly { label: string; value: string }[]): string {
  if (rows.length === 0) return `<p class="muted">${e(title)}: nothing to show.</p>`;
  const max = Math.max(...rows.map((r) => Math.abs(Number(r.value))), 1);
  const h = 22;
  const width = 640;
  const bars = rows
    .map((r, i) => {
      const w = Math.round((Math.abs(Number(r.value)) / max) * 360);
      const y = i * h;
      return `<text x="0" y="${y + 15}">${e(r.label.slice(0, 30))}</text><rect x="200" y="${y + 3}" width="${w}" height="${h - 6}" fill="#4a7bb7"/><text x="${206 + w}" y="${y + 15}">${e(r.value)}</text>`;
    })
    .join('');
  return `<figure><figcaption>${e(title)}</figcaption><svg role="img" width="${width}" height="${rows.length * h}" viewBox="0 0 ${width} ${rows.length * h}">${bars}</svg></figure>`;
}

function table(head: readonly string[], rows: readonly (readonly (string | number | null)[])[], numeric: ReadonlySet<number> = new Set()): string {
  if (rows.length === 0) return '<p class="muted">None.</p>';
  const th = head.map((h, i) => `<th${numeric.has(i) ? ' class="n"' : ''}>${e(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="n"' : ''}>${e(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

function path(l: ReportLine, currency: string): string {
  const items: string[] = [];
  items.push(`<li>key: ${e(l.method ?? l.status)} ${e(l.key ?? '(none)')}</li>`);
  if (l.workId !== null) items.push(`<li>work ${e(l.workId)} “${e(l.workTitle)}” (confidence ${e(l.confidence.toFixed(3))})</li>`);
  for (const c of l.candidates) items.push(`<li>candidate work ${e(c.workId)} “${e(c.title)}” score ${e(c.score)}${c.writerConfirmed ? ', writer confirmed' : ''}</li>`);
  if (l.party) items.push(`<li>party ${e(l.party)} (by ${e(l.partyMethod)})</li>`);
  items.push(`<li>share registered ${e(l.shareRegistered === null ? '-' : (l.shareRegistered / 100).toFixed(2) + '%')}, paid ${e(l.sharePaid === null ? '-' : (l.sharePaid / 100).toFixed(2) + '%')}, ${e(l.right ?? 'PR')} ${e(l.territory ?? '')}</li>`);
  items.push(`<li>amount ${e(l.amount)} ${e(currency)}, net ${e(l.net)}${l.local !== null ? `, local ${e(l.local)}` : ''}${l.reason ? `, unallocated ${e(l.unallocated)} (${e(l.reason)})` : ''}</li>`);
  for (const m of l.members) items.push(`<li>→ ${e(m.name)} ${e(m.ipi ?? '')}: ${e(m.amount)}${m.local !== null ? ` / ${e(m.local)}` : ''}</li>`);
  return `<details><summary>line ${e(l.id)} ${e(l.ref ?? '')} — ${e(l.status)} ${e(l.workTitle ?? l.key ?? '')} ${e(l.amount)}</summary><ol>${items.join('')}</ol></details>`;
}

export function renderReconcileHtml(r: ReconReport): string {
  const s = r.summary;
  const lc = r.localCurrency;
  const kpi = (label: string, value: string | number | null): string => `<span class="kpi">${e(label)}<b>${e(value)}</b></span>`;
  const members = r.members.map((m) => ({ label: m.name, value: m.amount }));
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Reconciliation of statement ${e(r.statement)}</title><style>${CSS}</style></head>
<body>
<h1>Reconciliation of statement ${e(r.statement)} from society ${e(r.fromSociety)}</h1>
<p class="muted">Receiving society ${e(r.society)}; reconciled ${e(r.createdAt)}; amounts in ${e(r.currency)}${lc ? ` and ${e(lc)}${r.rate ? ` (rate ${e(r.rate)})` : ''}` : ''}.</p>
<div>${kpi('lines', s.lines)}${kpi('matched', s.matched)}${kpi('review', s.review)}${kpi('unmatched', s.unmatched)}${kpi('discrepancies', s.discrepancies)}${kpi('claim candidates', s.claims)}</div>
<div>${kpi(`total ${r.currency}`, s.total)}${kpi('bank charges', s.charges)}${kpi('allocated', s.allocated)}${kpi('unallocated', s.unallocated)}${lc ? kpi(`total ${lc}`, s.localTotal) + kpi(`allocated ${lc}`, s.localAllocated) : ''}</div>
<h2>Amounts by match method</h2>
${barChart(`net amount per method (${r.currency})`, Object.entries(r.amountsByMethod).map(([label, value]) => ({ label, value })))}
${table(['method', 'lines'], Object.entries(s.byMethod).map(([m, n]) => [m, n]), new Set([1]))}
<h2>Amounts by member</h2>
${barChart(`allocated per member (${r.currency})`, members.slice(0, 40))}
${table(['member', 'IPI', 'lines', r.currency, lc ?? 'local'], r.members.map((m) => [m.name, m.ipi, m.lines, m.amount, m.local]), new Set([2, 3, 4]))}
<h2>Unallocated by reason</h2>
${table(['reason', r.currency], Object.entries(s.unallocatedByReason).map(([k, v]) => [k, v]), new Set([1]))}
<h2>Unmatched lines and review candidates</h2>
${table(['line', 'ref', 'status', 'key', 'best candidate', 'score', r.currency], r.notMatched.map((l) => [l.id, l.ref, l.status, l.key, l.candidates[0] ? `${l.candidates[0].workId} ${l.candidates[0].title}` : null, l.candidates[0]?.score ?? null, l.net]), new Set([0, 5, 6]))}
<h2>Discrepancies and claim candidates</h2>
${table(['kind', 'line', 'ref', 'work', 'party', 'detail'], r.findings.map((f) => [f.kind, f.lineId, f.lineRef, f.workTitle ?? f.workId, f.party, JSON.stringify(f.detail)]))}
<h2>Money path of each line</h2>
${r.lines.map((l) => path(l, r.currency)).join('\n')}
${r.linesOmitted > 0 ? `<p class="muted">${e(r.linesOmitted)} more lines not shown (use cwrkit reconcile explain LINE).</p>` : ''}
</body></html>
`;
}
