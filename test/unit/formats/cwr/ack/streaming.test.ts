/**
 * The ACK is written while the input streams (a large file does not wait in memory), and verdicts
 * known only at a GRT or the TRL are applied afterwards by the status pass.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acknowledgeFile } from '../../../../../src/app/ack.js';
import { CwrBuilder } from '../../../../../src/formats/cwr/builder.js';
import { readCwrFile } from '../../../../../src/formats/cwr/reader.js';
import { EMPTY_CHECKS } from '../../../../../src/validation/checkset.js';
import { useTempDir } from '../../../../helpers/temp-dir.js';

const PER_GROUP = 2000;

function bigInput(path: string, damage: 'grt' | 'trl' | 'none'): void {
  const lines: string[] = [];
  const b = new CwrBuilder('2.1', (l) => lines.push(l));
  b.header({ sender_type: 'PB', sender_id: 123456789, sender_name: 'QAZAQ MUSIC PUBLISHING', creation_date: '2026-01-10', creation_time: '09:30:00', transmission_date: '2026-01-10' });
  for (const type of ['NWR', 'REV']) {
    b.group(type);
    for (let i = 0; i < PER_GROUP; i++) {
      b.transaction(type, { work_title: `SONG ${i}`, submitter_work_number: `W${i}`, musical_work_distribution_category: 'POP', recorded_indicator: 'U', version_type: 'ORI' });
      b.record('SWR', { interested_party_number: 'W001', writer_last_name: 'ABAI', writer_designation_code: 'CA', pr_ownership_share: 10000 });
    }
  }
  b.end();
  const grt = lines.findIndex((l) => l.startsWith('GRT'));
  if (damage === 'grt') lines[grt] = (lines[grt] ?? '').slice(0, 8) + '00000001' + (lines[grt] ?? '').slice(16);
  if (damage === 'trl') lines[lines.length - 1] = 'TRL000020000000100000001';
  writeFileSync(path, lines.join('\r\n') + '\r\n');
}

describe('streaming ACK', () => {
  const tmp = useTempDir();

  it('writes ACKs while the input is still being read', async () => {
    const dir = tmp();
    const input = join(dir, 'CW260001QAZ_177.V21');
    bigInput(input, 'none');
    let sizeBeforeLast = 0;
    let seen = 0;
    const out = join(dir, 'out');
    const r = await acknowledgeFile(input, {
      outDir: out,
      checks: EMPTY_CHECKS,
      catalogue: () => {
        if (++seen === 2 * PER_GROUP) {
          const temp = readdirSync(out).find((n) => n.endsWith('.tmp'));
          sizeBeforeLast = temp ? statSync(join(out, temp)).size : 0;
        }
        return null;
      },
    });
    expect(r.transactions.total).toBe(2 * PER_GROUP);
    expect(sizeBeforeLast).toBeGreaterThan(1 << 20);
    expect(statSync(r.output).size).toBeGreaterThan(sizeBeforeLast);
  });

  it.each([
    ['a GRT count error rejects its own group only', 'grt' as const, { RJ: PER_GROUP, RA: PER_GROUP }, false],
    ['a TRL count error rejects every transaction', 'trl' as const, { RJ: 2 * PER_GROUP }, true],
  ])('%s', async (_name, damage, statuses, fileRejected) => {
    const dir = tmp();
    const input = join(dir, 'CW260001QAZ_177.V21');
    bigInput(input, damage);
    const r = await acknowledgeFile(input, { outDir: dir, checks: EMPTY_CHECKS, now: () => new Date(Date.UTC(2026, 1, 1)) });
    expect(r.fileRejected).toBe(fileRejected);
    expect(Object.fromEntries(Object.entries(r.transactions).filter(([k, v]) => k !== 'total' && v > 0))).toEqual(statuses);
    const back = await readCwrFile(r.output);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const byGroup = new Map<string, Set<string>>();
    for (const tx of back.transmission.groups[0]?.transactions ?? []) {
      const key = `${tx.header.str('original_transaction_type')}/${tx.header.str('original_group_id')}`;
      if (!byGroup.has(key)) byGroup.set(key, new Set());
      byGroup.get(key)?.add(tx.header.str('transaction_status'));
    }
    if (damage === 'grt') {
      expect(Object.fromEntries([...byGroup].map(([k, v]) => [k, [...v]]))).toEqual({ 'NWR/1': ['RJ'], 'REV/2': ['RA'], 'HDR/0': ['AC'] });
    } else {
      expect(Object.fromEntries([...byGroup].map(([k, v]) => [k, [...v]]))).toEqual({ 'NWR/1': ['RJ'], 'REV/2': ['RJ'], 'TRL/0': ['RJ'] });
    }
    expect(readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
  });
});
