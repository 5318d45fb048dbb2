import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acknowledgeFile } from '../../../../../src/app/ack.js';
import { CwrBuilder } from '../../../../../src/formats/cwr/builder.js';
import { safeText } from '../../../../../src/formats/cwr/ack/echo.js';
import { readCwrFile } from '../../../../../src/formats/cwr/reader.js';
import { EMPTY_CHECKS } from '../../../../../src/validation/checkset.js';
import { FIXTURES } from '../../../../helpers/paths.js';
import { useTempDir } from '../../../../helpers/temp-dir.js';

describe('echoed text', () => {
  it.each([
    ['plain text', 'KOKTEM', 'KOKTEM'],
    ['NUL and other C0 controls', 'A\u0000B\u0007C\u001b', 'A B C '],
    ['tab, form feed, SUB', 'A\tB\fC\u001a', 'A B C '],
    ['DEL and C1 controls', 'A\u007fB\u0085C', 'A B C'],
    ['undecodable bytes', 'A\ufffdB', 'A?B'],
    ['Kazakh letters stay', 'ҚАРАТОРҒАЙ', 'ҚАРАТОРҒАЙ'],
  ])('%s', (_name, input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  const tmp = useTempDir();
  it('a control byte deep in the input (past the reader\'s binary sniffing) does not make the ACK look binary', async () => {
    const dir = tmp();
    const lines: string[] = [];
    const b = new CwrBuilder('2.1', (l) => lines.push(l));
    b.header({ sender_type: 'PB', sender_id: 123456789, sender_name: 'QAZAQ MUSIC PUBLISHING', creation_date: '2026-01-10', creation_time: '09:30:00', transmission_date: '2026-01-10' });
    b.group('NWR');
    for (let i = 0; i < 300; i++) b.transaction('NWR', { work_title: i === 299 ? 'KOK\u0000\u0001EM' : `SONG ${i}`, submitter_work_number: `W${i}`, musical_work_distribution_category: 'POP', recorded_indicator: 'U', version_type: 'ORI' });
    b.end();
    const input = join(dir, 'CW260001QAZ_177.V21');
    writeFileSync(input, lines.join('\r\n') + '\r\n', 'latin1');
    expect(lines.join('\r\n').indexOf('\u0000')).toBeGreaterThan(65536);
    const r = await acknowledgeFile(input, { outDir: join(dir, 'out'), checks: EMPTY_CHECKS });
    expect(r.transactions.total).toBe(300);
    const bytes = readFileSync(r.output);
    expect([...bytes].filter((x) => x < 0x20 && x !== 0x0d && x !== 0x0a)).toEqual([]);
    const back = await readCwrFile(r.output);
    expect(back.info.binary).toBe(false);
    expect(back.transmission.groups[0]?.transactions[299]?.header.str('creation_title')).toBe('KOK  EM');
  });
});
