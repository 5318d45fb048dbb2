import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/app/import.js';
import { undoRun } from '../../../src/app/runs.js';
import { CwrBuilder } from '../../../src/formats/cwr/builder.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { catalogue, cwrName, dump, ipi, QMP } from './fixture.js';

function agreementFile(dir: string): string {
  const lines: string[] = [];
  const b = new CwrBuilder('2.1', (l) => lines.push(l));
  b.header({ sender_type: 'PB', sender_id: QMP, sender_name: 'QAZAQ MUSIC PUBLISHING', creation_date: '2026-11-20', creation_time: '09:30:00', transmission_date: '2026-11-20', character_set: 'UTF-8' });
  b.group('AGR');
  b.transaction('AGR', { submitter_agreement_number: 'AGR-1', agreement_type: 'OS', agreement_start_date: '2026-01-01', prior_royalty_status: 'N',
    post_term_collection_status: 'N', number_of_works: 1, sales_manufacture_clause: 'S' });
  b.record('TER', { inclusion_exclusion_indicator: 'I', tis_numeric_code: '2136' });
  b.record('IPA', { agreement_role_code: 'AS', interested_party_ipi_name_number: ipi('004411223'), interested_party_number: 'W1', interested_party_last_name: 'NURLANQYZY',
    interested_party_writer_first_name: 'AJGERIM', pr_affiliation_society: 177, pr_share: 5000, mr_affiliation_society: 177, mr_share: 0, sr_affiliation_society: 177, sr_share: 0 });
  b.record('IPA', { agreement_role_code: 'AC', interested_party_ipi_name_number: ipi('007123456'), interested_party_number: 'P1', interested_party_last_name: 'QAZAQ MUSIC PUBLISHING',
    pr_affiliation_society: 177, pr_share: 5000, mr_affiliation_society: 177, mr_share: 10000, sr_affiliation_society: 177, sr_share: 10000 });
  b.end();
  const path = join(dir, cwrName(1));
  writeFileSync(path, lines.map((l) => l + '\r\n').join(''));
  return path;
}

describe('agreements', () => {
  const tmp = useTempDir();

  it('an accepted AGR is stored once per submitter and agreement number, and undone with its run', async () => {
    const db = catalogue(tmp());
    const before = dump(db);
    const s = await importFiles(db, [agreementFile(tmp())]);
    expect(s.files[0]?.validation?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(db.prepare('SELECT submitter, submitter_agreement_number, type, start_date FROM agreements').all()).toEqual([
      { submitter: String(QMP), submitter_agreement_number: 'AGR-1', type: 'OS', start_date: '2026-01-01' },
    ]);
    const details = JSON.parse(db.prepare('SELECT details FROM agreements').pluck().get() as string) as Array<{ type: string }>;
    expect(details.map((r) => r.type)).toEqual(['AGR', 'TER', 'IPA', 'IPA']);
    undoRun(db, s.run as number);
    expect(dump(db)).toEqual(before);
  });
});
