#!/usr/bin/env node
// Cost of the CISAC rule set on a generated 160,000-line CWR 2.1 file, against plain parsing
// (reader + every record decoded, what `cwrkit parse` does) and against the bare validation
// engine (reader + allocation-free field checks). CPU time, best of 4 runs. Needs `npm run build`.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CwrBuilder } from '../dist/formats/cwr/builder.js';
import { streamCwr } from '../dist/formats/cwr/reader.js';
import { validateCwr } from '../dist/validation/engine.js';
import { buildValidation } from '../dist/validation/setup.js';

const path = join(mkdtempSync(join(tmpdir(), 'cwrkit-bench-')), 'CW260001ZFP_177.V21');
const lines = [];
const b = new CwrBuilder('2.1', (l) => lines.push(l));
b.header({ sender_type: 'PB', sender_id: 841473537, sender_name: 'X', creation_date: '2026-01-15', creation_time: '10:00:00', transmission_date: '2026-01-15' });
b.group('NWR');
for (let i = 0; i < 20000; i++) {
  b.transaction('NWR', { work_title: `BALLAD ${i}`, submitter_work_number: `W${i}`, musical_work_distribution_category: 'POP', recorded_indicator: 'U', version_type: 'ORI' });
  b.record('SPU', { publisher_sequence_number: 1, interested_party_number: 'P1', publisher_name: 'ZFP', publisher_type: 'E', publisher_ipi_name_number: '00014107338', pr_ownership_share: 5000, mr_ownership_share: 10000, sr_ownership_share: 10000 });
  b.record('SPT', { interested_party_number: 'P1', pr_collection_share: 5000, mr_collection_share: 10000, sr_collection_share: 10000, inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136', sequence_number: 1 });
  b.record('SPT', { interested_party_number: 'P1', pr_collection_share: 0, mr_collection_share: 0, sr_collection_share: 0, inclusion_exclusion_indicator: 'E', tis_numeric_code: '0398', sequence_number: 2 });
  b.record('SWR', { interested_party_number: 'W1', writer_last_name: 'ABAYEV', writer_designation_code: 'CA', pr_ownership_share: 5000 });
  b.record('SWT', { interested_party_number: 'W1', pr_collection_share: 5000, inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136', sequence_number: 1 });
  b.record('PWR', { publisher_ip_number: 'P1', publisher_name: 'ZFP', writer_ip_number: 'W1' });
  b.record('ALT', { alternate_title: `ALT ${i}`, title_type: 'AT' });
}
b.end();
writeFileSync(path, lines.join('\r\n') + '\r\n');

async function parse() {
  const s = streamCwr(path, {}, () => {});
  for await (const batch of s.events) {
    for (const ev of batch) {
      if (ev.kind !== 'transaction') continue;
      void ev.transaction.header.decoded;
      for (const r of ev.transaction.records) void r.decoded;
    }
  }
}
const cpu = async (options) => {
  const t = process.cpuUsage();
  await (options === 'parse' ? parse() : validateCwr(path, options));
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
};
const rules = await buildValidation({});
const plain = [];
const base = [];
const full = [];
for (let k = 0; k < 4; k++) {
  plain.push(await cpu('parse'));
  base.push(await cpu({}));
  full.push(await cpu(rules));
}
const min = (a) => Math.min(...a);
const [p, e, v] = [min(plain), min(base), min(full)];
console.log(`${lines.length} lines, CPU: plain parsing ${p.toFixed(0)} ms; engine ${e.toFixed(0)} ms; engine + CISAC rules ${v.toFixed(0)} ms = ${(v / p).toFixed(2)}x plain parsing, ${(v / e).toFixed(2)}x the bare engine`);
