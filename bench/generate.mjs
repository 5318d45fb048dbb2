#!/usr/bin/env node
/**
 * Synthetic CWR generator for benchmarks and tests. Writes a valid registration file of N works
 * (NWR in 2.1/2.2, WRK in 3.0) through the CwrBuilder of the build in dist/, streaming to disk in
 * bounded memory. Deterministic for a seed: the same arguments give the same bytes.
 *
 *   node bench/generate.mjs --works 10000 --version 2.1 --out bench/out/CW260001ZFP_177.V21 [--seed 7]
 *
 * Name the file the CISAC way (CWyynnnnSSS_RRR.V21, ..._V3-0-0.SUB): the validator checks names.
 *
 * Each work is a realistic mix of about ten records: NWR, SPU+SPT (the submitter's own chain),
 * often an OPU (a co-publisher it does not control), SWR+SWT+PWR, OWR, and usually ALT, PER,
 * REC, sometimes ORN. Shares add up the CISAC way (PR/MR/SR ownership 100%, publisher PR at most
 * 50%, writer PR at least 50%); ISWC, IPI name and base numbers and EAN carry valid check digits.
 * Names are Kazakh names transliterated to upper-case Latin (the CIS character set).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const { CwrBuilder } = await import(new URL('formats/cwr/builder.js', dist).href);
const { iswcCheckDigit, ipiNameCheckDigits, ipiBaseCheckDigit } = await import(new URL('domain/identifiers.js', dist).href);
const { encodeText } = await import(new URL('io/encoding.js', dist).href);

/** Small, fast, seedable PRNG (mulberry32). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['ALTYN', 'DALA', 'TAULAR', 'ZHULDYZ', 'AI', 'KUN', 'ZHAZ', 'KYS', 'OZEN', 'ANA', 'ZHOL', 'ARMAN', 'KOKTEM', 'SAGYNYSH', 'ZHUREK', 'ASPAN', 'TUN', 'ANSHI', 'ELIM', 'SHABYT', 'LOVE', 'NIGHT', 'RIVER', 'SONG', 'HOME', 'STEPPE'];
const LAST = ['ABAIULY', 'NURLANOVA', 'ZHUMABEKOV', 'SEITKALI', 'ORAZBAEVA', 'TOKTAROV', 'BAIMUKHAN', 'ESENOVA', 'KASYMOV', 'ZHAKUPOVA', 'SMAGULOV', 'AITBAEVA'];
const FIRST = ['ASEL', 'DAUREN', 'AIGERIM', 'NURSULTAN', 'ZHANAR', 'ERLAN', 'GULNAR', 'ARMAN', 'DINARA', 'BAUYRZHAN', 'SAULE', 'TIMUR'];
const PUBLISHERS = ['DALA MUSIC PUBLISHING', 'ALTYN NOTA', 'STEPPE SONGS LLP', 'ASTANA EDITIONS', 'ZHULDYZ MUSIC'];
const LABELS = ['QAZAQ RECORDS', 'ALMATY SOUND', 'NOMAD AUDIO'];
/** The submitting publisher: an entry of the CISAC CWR sender ID table (reference/cwr/tables). */
const SENDER = { name: '040 PUBLISHING', ipi: '00841473537', code: 'ZFP' };

function pick(rnd, list) {
  return list[Math.floor(rnd() * list.length)];
}

function digits(n, width) {
  return String(n).padStart(width, '0');
}

function iswc(n) {
  const nine = digits(n % 1e9, 9);
  return `T${nine}${iswcCheckDigit(nine)}`;
}

function ipiName(n) {
  const nine = digits(n % 1e9, 9);
  return nine + ipiNameCheckDigits(nine);
}

function ipiBase(n) {
  const nine = digits(n % 1e9, 9);
  return `I-${nine}-${ipiBaseCheckDigit(nine)}`;
}

function ean13(n) {
  const twelve = digits(n % 1e12, 12);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i % 2 === 0 ? 1 : 3);
  return twelve + String((10 - (sum % 10)) % 10);
}

function title(rnd, words) {
  let t = pick(rnd, WORDS);
  for (let i = 1; i < words; i++) t += ' ' + pick(rnd, WORDS);
  return t;
}

function duration(rnd) {
  const secs = 120 + Math.floor(rnd() * 240);
  return `00:${digits(Math.floor(secs / 60), 2)}:${digits(secs % 60, 2)}`;
}

function date(rnd) {
  return `${2000 + Math.floor(rnd() * 25)}-${digits(1 + Math.floor(rnd() * 12), 2)}-${digits(1 + Math.floor(rnd() * 28), 2)}`;
}

/** Pools of parties reused across works, as in a real catalogue. */
function parties(rnd) {
  const writers = [];
  for (let i = 0; i < 400; i++) {
    const n = 100000 + i * 7919;
    writers.push({ ip: `W${digits(i + 1, 6)}`, last: pick(rnd, LAST), first: pick(rnd, FIRST), ipi: ipiName(n * 13), base: ipiBase(n * 17) });
  }
  const publishers = PUBLISHERS.map((name, i) => ({ ip: `P${digits(i + 1, 6)}`, name, ipi: ipiName(700000 + i * 104729), base: ipiBase(800000 + i * 15485863) }));
  return { writers, publishers };
}

/** Society codes: 3 digits in 2.x, 4 characters left-justified in 3.x. */
function society(version, code) {
  return version === '3.0' ? code.replace(/^0+/, '').padEnd(4, ' ') : code;
}

/** The random choices of one work, drawn in a fixed order (same seed, same file, any version). */
function drawWork(rnd, pool) {
  const dur = duration(rnd);
  const workTitle = title(rnd, 1 + Math.floor(rnd() * 3));
  const own = pool.publishers[0];
  const co = pool.publishers[1 + Math.floor(rnd() * (pool.publishers.length - 1))];
  const w1 = pick(rnd, pool.writers);
  let w2 = pick(rnd, pool.writers);
  if (w2 === w1) w2 = pool.writers[(pool.writers.indexOf(w1) + 1) % pool.writers.length];
  const withCo = rnd() < 0.5;
  // Ownership (hundredths of a percent): writers keep 50% PR; publishers split the rest.
  const pubPr = withCo ? 2500 : 5000;
  const pubMr = withCo ? 5000 : 10000;
  const lang = rnd() < 0.7 ? 'KK' : 'EN';
  return { dur, workTitle, own, co, w1, w2, withCo, pubPr, pubMr, lang };
}

/** Writes one work (a whole transaction) for CWR 2.1/2.2. */
function work2x(b, version, i, rnd, pool) {
  const v22 = version === '2.2';
  const { dur, workTitle, own, co, w1, w2, withCo, pubPr, pubMr, lang } = drawWork(rnd, pool);

  b.transaction('NWR', {
    work_title: workTitle,
    language_code: lang,
    submitter_work_number: `ZFP${digits(i + 1, 9)}`,
    iswc: iswc(100000000 + i),
    musical_work_distribution_category: 'POP',
    duration: dur,
    recorded_indicator: 'Y',
    text_music_relationship: 'MTX',
    version_type: 'ORI',
    exceptional_clause: 'N',
    priority_flag: 'N',
  });
  const spu = {
    publisher_sequence_number: 1,
    interested_party_number: own.ip,
    publisher_name: own.name,
    publisher_type: 'E',
    publisher_ipi_name_number: own.ipi,
    pr_affiliation_society: '177',
    pr_ownership_share: pubPr,
    mr_affiliation_society: '177',
    mr_ownership_share: pubMr,
    sr_affiliation_society: '177',
    sr_ownership_share: pubMr,
    publisher_ipi_base_number: own.base,
  };
  b.record('SPU', spu);
  b.record('SPT', {
    interested_party_number: own.ip,
    pr_collection_share: pubPr,
    mr_collection_share: pubMr,
    sr_collection_share: pubMr,
    inclusion_exclusion_indicator: 'I',
    tis_numeric_code: '2136',
    shares_change: 'N',
    sequence_number: 1,
  });
  if (withCo) {
    b.record('OPU', {
      ...spu,
      publisher_sequence_number: 2,
      interested_party_number: co.ip,
      publisher_name: co.name,
      publisher_ipi_name_number: co.ipi,
      publisher_ipi_base_number: co.base,
      pr_affiliation_society: '052',
      mr_affiliation_society: '044',
      sr_affiliation_society: '044',
    });
  }
  const writer = (w, role, pr) => ({
    interested_party_number: w.ip,
    writer_last_name: w.last,
    writer_first_name: w.first,
    writer_designation_code: role,
    writer_ipi_name_number: w.ipi,
    pr_affiliation_society: '177',
    pr_ownership_share: pr,
    mr_ownership_share: 0,
    sr_ownership_share: 0,
    writer_ipi_base_number: w.base,
  });
  b.record('SWR', writer(w1, 'C', 2500));
  b.record('SWT', {
    interested_party_number: w1.ip,
    pr_collection_share: 2500,
    mr_collection_share: 0,
    sr_collection_share: 0,
    inclusion_exclusion_indicator: 'I',
    tis_numeric_code: '2136',
    shares_change: 'N',
    sequence_number: 1,
  });
  b.record('PWR', {
    publisher_ip_number: own.ip,
    publisher_name: own.name,
    writer_ip_number: w1.ip,
    ...(v22 ? { publisher_sequence_number: 1 } : {}),
  });
  b.record('OWR', writer(w2, 'A', 2500));
  if (rnd() < 0.7) b.record('ALT', { alternate_title: title(rnd, 2), title_type: 'AT', language_code: lang === 'KK' ? 'EN' : 'KK' });
  const recorded = rnd() < 0.8;
  if (recorded) {
    b.record('PER', { performing_artist_last_name: w1.last, performing_artist_first_name: w1.first, performing_artist_ipi_name_number: w1.ipi });
    b.record('REC', {
      first_release_date: date(rnd),
      first_release_duration: dur,
      first_album_title: title(rnd, 2),
      first_album_label: pick(rnd, LABELS),
      first_release_catalog_number: `QR${digits(i, 8)}`,
      ean: ean13(480000000000 + i),
      isrc: `KZA1B${digits(20 + (i % 6), 2)}${digits(i % 100000, 5)}`,
      recording_format: 'A',
      recording_technique: 'D',
      media_type: 'CD',
      ...(v22 ? { recording_title: workTitle, display_artist: `${w1.first} ${w1.last}`, record_label: pick(rnd, LABELS), isrc_validity: 'Y' } : {}),
    });
  }
  if (rnd() < 0.2) {
    b.record('ORN', { intended_purpose: 'FIL', production_title: title(rnd, 2), production_number: `F${digits(i, 8)}`, year_of_production: 2000 + (i % 25) });
  }
}

/** Writes one work for CWR 3.0: ownership is not on SPU/SWR; collection shares are on SPT/SWT. */
function work30(b, i, rnd, pool) {
  const { dur, workTitle, own, co, w1, w2, withCo, pubPr, pubMr, lang } = drawWork(rnd, pool);
  const terr = (ip, pr, mr, soc) => ({
    sequence_number: 1,
    interested_party_number: ip,
    pr_collection_share: pr,
    mr_collection_share: mr,
    sr_collection_share: mr,
    inclusion_exclusion_indicator: 'I',
    tis_numeric_code: '2136',
    pr_affiliation_society: society('3.0', soc),
    ...(mr > 0 ? { mr_affiliation_society: society('3.0', soc), sr_affiliation_society: society('3.0', soc) } : {}),
  });
  b.transaction('WRK', {
    work_title: workTitle,
    language_code: lang,
    submitter_work_number: `ZFP${digits(i + 1, 9)}`,
    iswc: iswc(100000000 + i),
    musical_work_distribution_category: 'POP',
    duration: dur,
    recorded_indicator: 'Y',
    text_music_relationship: 'MTX',
    version_type: 'ORI',
    exceptional_clause: 'N',
    priority_flag: 'N',
  });
  const pub = (p, seq) => ({ publisher_sequence_number: seq, interested_party_number: p.ip, publisher_name: p.name, publisher_type: 'E', publisher_ipi_name_number: p.ipi, publisher_ipi_base_number: p.base });
  b.record('SPU', pub(own, 1));
  b.record('SPT', terr(own.ip, pubPr, pubMr, '177'));
  if (withCo) {
    b.record('OPU', pub(co, 2));
    b.record('OPT', terr(co.ip, 2500, 5000, '052'));
  }
  const writer = (w, role) => ({ interested_party_number: w.ip, writer_last_name: w.last, writer_first_name: w.first, writer_designation_code: role, writer_ipi_name_number: w.ipi, writer_ipi_base_number: w.base });
  b.record('SWR', writer(w1, 'C'));
  b.record('SWT', terr(w1.ip, 2500, 0, '177'));
  b.record('PWR', { publisher_sequence_number: 1, publisher_ip_number: own.ip, writer_ip_number: w1.ip });
  b.record('OWR', writer(w2, 'A'));
  b.record('OWT', terr(w2.ip, 2500, 0, '177'));
  if (rnd() < 0.7) b.record('ALT', { alternate_title: title(rnd, 2), title_type: 'AT', language_code: lang === 'KK' ? 'EN' : 'KK' });
  if (rnd() < 0.8) {
    b.record('PER', { performing_artist_last_name: w1.last, performing_artist_first_name: w1.first, performing_artist_ipi_name_number: w1.ipi });
    b.record('REC', {
      release_date: date(rnd),
      release_duration: dur,
      isrc: `KZA1B${digits(20 + (i % 6), 2)}${digits(i % 100000, 5)}`,
      recording_title: workTitle,
      display_artist: `${w1.first} ${w1.last}`,
      record_label: pick(rnd, LABELS),
      isrc_validity: 'Y',
    });
  }
  if (rnd() < 0.2) {
    b.record('ORN', { intended_purpose: 'FIL', production_title: title(rnd, 2), production_number: `F${digits(i, 8)}`, year_of_production: 2000 + (i % 25) });
  }
}

/** A file name following the CISAC convention (the validator checks it): CWyynnnnSSS_RRR.V2x,
 * or CWyynnnnSSS_RRR_V3-0-0.SUB for 3.0; sender ZFP (the generated sender), receiver 177 KazAK. */
export function cwrFileName(version, sequence = 1) {
  const stem = `CW26${digits(sequence % 10000, 4)}${SENDER.code}_177`;
  return version === '3.0' ? `${stem}_V3-0-0.SUB` : `${stem}.V${version.replace('.', '')}`;
}

/** The 2.x HDR encoding (windows-1252) or UTF-8 for 3.x; the generated text is ASCII anyway. */
function encodingOf(version) {
  return version === '3.0' ? 'utf-8' : 'windows-1252';
}

/**
 * Generates a CWR file. Returns counts. `out` is a path; lines are buffered up to ~1 MB and
 * written synchronously, so memory stays flat whatever the number of works.
 */
export function generateCwr({ works, version = '2.1', out, seed = 1, now = new Date(Date.UTC(2026, 0, 15, 9, 30, 0)) }) {
  if (!['2.1', '2.2', '3.0'].includes(version)) throw new Error(`unsupported version ${version} (2.1, 2.2 or 3.0)`);
  if (!Number.isSafeInteger(works) || works < 0) throw new Error('--works must be a whole number');
  const fd = openSync(out, 'w', 0o600);
  const encoding = encodingOf(version);
  let parts = [];
  let size = 0;
  let bytes = 0;
  const flush = () => {
    if (parts.length === 0) return;
    const buf = encodeText(parts.join(''), encoding);
    writeSync(fd, buf);
    bytes += buf.length;
    parts = [];
    size = 0;
  };
  let lines = 0;
  const sink = (line) => {
    parts.push(line, '\r\n');
    size += line.length + 2;
    lines++;
    if (size >= 1 << 20) flush();
  };
  try {
    const rnd = prng(seed);
    const pool = parties(rnd);
    const b = new CwrBuilder(version, sink);
    const day = now.toISOString().slice(0, 10);
    const time = now.toISOString().slice(11, 19);
    if (version === '3.0') {
      b.header({ sender_type: 'PB', sender_code: SENDER.code, sender_name: SENDER.name, reserved_or_sender_ipi_name_number: SENDER.ipi, creation_date: day, creation_time: time, transmission_date: day, software_package: 'CWRKIT BENCH', software_package_version: '1' });
    } else {
      b.header({
        sender_type: 'PB',
        sender_id: Number(SENDER.ipi.slice(2)),
        sender_name: SENDER.name,
        creation_date: day,
        creation_time: time,
        transmission_date: day,
        ...(version === '2.2' ? { software_package: 'CWRKIT BENCH', software_package_version: '1' } : {}),
      });
    }
    b.group(version === '3.0' ? 'WRK' : 'NWR');
    for (let i = 0; i < works; i++) {
      if (version === '3.0') work30(b, i, rnd, pool);
      else work2x(b, version, i, rnd, pool);
    }
    b.end();
    flush();
  } finally {
    closeSync(fd);
  }
  return { works, lines, bytes, version };
}

function parseArgs(argv) {
  const opts = { works: NaN, version: '2.1', out: '', seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--works') (opts.works = Number(v)), i++;
    else if (a === '--version') (opts.version = v), i++;
    else if (a === '--out') (opts.out = v), i++;
    else if (a === '--seed') (opts.seed = Number(v)), i++;
    else if (a === '--help' || a === '-h') opts.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    if (opts.help || !opts.out || !Number.isFinite(opts.works)) {
      process.stderr.write('usage: node bench/generate.mjs --works N --version 2.1|2.2|3.0 --out FILE [--seed S]\n');
      process.exitCode = opts.help ? 0 : 2;
    } else {
      const t0 = performance.now();
      const r = generateCwr(opts);
      const s = (performance.now() - t0) / 1000;
      process.stderr.write(`${opts.out}: CWR ${r.version}, ${r.works} works, ${r.lines} records, ${(r.bytes / 1e6).toFixed(1)} MB in ${s.toFixed(1)} s\n`);
    }
  } catch (err) {
    process.stderr.write(`generate: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
