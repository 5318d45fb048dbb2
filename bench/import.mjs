#!/usr/bin/env node
/**
 * Import benchmark (runs against dist/: `npm run build` first). Generates a CWR 2.1 file of N
 * works with the project's CwrBuilder (NWR + SPU + SPT + 2 x (SWR + SWT + PWR) + ALT, valid for
 * the CISAC rule set), imports it into a fresh catalogue and reports works/s, database size and
 * peak RSS (process.resourceUsage().maxRSS).
 *
 *   node bench/import.mjs [N=10000] [--keep] [--json] [--no-validate-timing] [--reader=auto|worker|inline]
 *
 * The validation-only time of the same file is measured first, so the import's own cost shows.
 * CPU seconds (process.cpuUsage) are printed beside wall-clock time: on a shared machine they
 * are the steadier figure.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIST = new URL('../dist/', import.meta.url);
const { CwrBuilder } = await import(new URL('formats/cwr/builder.js', DIST));
const { ipiNameCheckDigits, iswcCheckDigit } = await import(new URL('domain/identifiers.js', DIST));
const { openCatalogue } = await import(new URL('catalogue/db.js', DIST));
const { SendersRepository } = await import(new URL('catalogue/repositories/senders.js', DIST));
const { importFiles } = await import(new URL('app/import.js', DIST));
const { validateFiles } = await import(new URL('app/validate-files.js', DIST));

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^[0-9]+$/.test(a)) ?? 10000);
const keep = args.includes('--keep');
const json = args.includes('--json');
const timeValidation = !args.includes('--no-validate-timing');
const reader = args.find((a) => a.startsWith('--reader='))?.slice('--reader='.length);

const ipi = (k) => {
  const nine = String(k).padStart(9, '0');
  return nine + ipiNameCheckDigits(nine);
};
const iswc = (k) => {
  const nine = String(k).padStart(9, '0');
  return `T${nine}${iswcCheckDigit(nine)}`;
};

const dir = mkdtempSync(join(tmpdir(), 'cwrkit-bench-import-'));
const file = join(dir, 'CW260001QMP_177.V21');
const SENDER = 712345669;

async function generate() {
  const out = createWriteStream(file);
  let buf = '';
  const b = new CwrBuilder('2.1', (line) => {
    buf += line + '\r\n';
  });
  const flush = async () => {
    if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
    buf = '';
  };
  b.header({ sender_type: 'PB', sender_id: SENDER, sender_name: 'QAZAQ MUSIC PUBLISHING', creation_date: '2026-11-20', creation_time: '09:30:00', transmission_date: '2026-11-20', character_set: 'UTF-8' });
  b.group('NWR');
  const pub = { id: 'QMP001', name: 'QAZAQ MUSIC PUBLISHING', ipi: ipi(7123456) };
  for (let i = 0; i < n; i++) {
    b.transaction('NWR', { work_title: `BENCH WORK ${i}`, language_code: 'EN', submitter_work_number: `B${i}`, iswc: iswc(100000000 + i),
      musical_work_distribution_category: 'POP', duration: '00:03:00', recorded_indicator: 'N', text_music_relationship: 'MTX', version_type: 'ORI' });
    b.record('SPU', { publisher_sequence_number: 1, interested_party_number: pub.id, publisher_name: pub.name, publisher_type: 'E', publisher_ipi_name_number: pub.ipi,
      pr_affiliation_society: 177, pr_ownership_share: 5000, mr_affiliation_society: 177, mr_ownership_share: 10000, sr_affiliation_society: 177, sr_ownership_share: 10000 });
    b.record('SPT', { interested_party_number: pub.id, pr_collection_share: 5000, mr_collection_share: 10000, sr_collection_share: 10000, inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136', sequence_number: 1 });
    for (const w of [0, 1]) {
      const k = (i * 2 + w) % 50000; // a realistic pool: writers recur across works
      const id = `W${k}`;
      b.record('SWR', { interested_party_number: id, writer_last_name: `WRITER${k}`, writer_first_name: 'TEST', writer_designation_code: 'CA', writer_ipi_name_number: ipi(400000000 + k),
        pr_affiliation_society: 177, pr_ownership_share: 2500, mr_affiliation_society: 177, mr_ownership_share: 0, sr_affiliation_society: 177, sr_ownership_share: 0 });
      b.record('SWT', { interested_party_number: id, pr_collection_share: 2500, mr_collection_share: 0, sr_collection_share: 0, inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136', sequence_number: 1 });
      b.record('PWR', { publisher_ip_number: pub.id, publisher_name: pub.name, writer_ip_number: id });
    }
    b.record('ALT', { alternate_title: `ALT TITLE ${i}`, title_type: 'AT', language_code: 'EN' });
    if (buf.length > 1 << 20) await flush();
  }
  b.end();
  await flush();
  await new Promise((r) => out.end(r));
}

const t0 = performance.now();
await generate();
const genMs = performance.now() - t0;
const fileBytes = statSync(file).size;

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
/** CPU seconds of the main thread alone (Linux: /proc/self/task/<pid>/stat), null elsewhere:
 * with the reading side in a worker, this is the writer's share of the CPU time. */
const mainCpu = () => {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
};
let validateMs = null;
let validateCpu = null;
if (timeValidation) {
  const t = performance.now();
  const c = cpu();
  const r = await validateFiles.one(file, { localSenders: new Set([String(SENDER)]) });
  validateMs = performance.now() - t;
  validateCpu = cpu() - c;
  if (r.summary.rejected > 0) console.error(`warning: ${r.summary.rejected} transactions rejected by validation`);
}

const dbPath = join(dir, 'cwrkit.db');
const db = openCatalogue(dbPath);
new SendersRepository(db).add({ code: String(SENDER), name: 'QMP', ipi: null, added_at: new Date().toISOString() });
const t1 = performance.now();
const c1 = cpu();
const m1 = mainCpu();
const phases = {};
const onPhase = (phase, ms) => (phases[phase] = +((phases[phase] ?? 0) + ms / 1000).toFixed(2));
const summary = await importFiles(db, [file], { onPhase, ...(reader ? { reader } : {}) });
const importMs = performance.now() - t1;
const importCpu = cpu() - c1;
const m2 = mainCpu();
db.close();
const dbBytes = statSync(dbPath).size;
const maxRss = process.resourceUsage().maxRSS * 1024;

const result = {
  works: n,
  inserted: summary.works.inserted,
  rejected: summary.transactions.rejected,
  fileMB: +(fileBytes / 1e6).toFixed(1),
  generateS: +(genMs / 1000).toFixed(2),
  validateS: validateMs === null ? null : +(validateMs / 1000).toFixed(2),
  validateCpuS: validateCpu === null ? null : +validateCpu.toFixed(2),
  importS: +(importMs / 1000).toFixed(2),
  importCpuS: +importCpu.toFixed(2),
  mainThreadCpuS: m1 === null || m2 === null ? null : +(m2 - m1).toFixed(2),
  phasesS: phases,
  worksPerS: Math.round(n / (importMs / 1000)),
  worksPerCpuS: Math.round(n / importCpu),
  dbMB: +(dbBytes / 1e6).toFixed(1),
  peakRssMB: Math.round(maxRss / 1e6),
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`works           ${result.works} (inserted ${result.inserted}, rejected ${result.rejected})`);
  console.log(`file            ${result.fileMB} MB (generated in ${result.generateS} s)`);
  if (result.validateS !== null) console.log(`validate only   ${result.validateS} s (CPU ${result.validateCpuS} s)`);
  console.log(`import          ${result.importS} s = ${result.worksPerS} works/s (CPU ${result.importCpuS} s = ${result.worksPerCpuS} works per CPU second)`);
  console.log(`phases (wall)   ${Object.entries(phases).map(([k, v]) => `${k} ${v} s`).join(', ')}`);
  if (result.mainThreadCpuS !== null) console.log(`main thread     CPU ${result.mainThreadCpuS} s (the SQL writer; the rest ran in the reader thread)`);
  console.log(`database        ${result.dbMB} MB`);
  console.log(`peak RSS        ${result.peakRssMB} MB`);
}
if (keep) console.log(`kept: ${dir}`);
else rmSync(dir, { recursive: true, force: true });
