import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseSender } from '../../../src/app/import.js';
import { catalogueSenders } from '../../../src/app/validate-files.js';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { SendersRepository } from '../../../src/catalogue/repositories/senders.js';
import { useTempDir } from '../../helpers/temp-dir.js';

describe('local senders', () => {
  const tmp = useTempDir();

  it.each([
    ['000000052', '52'],
    ['712345669', '712345669'],
    ['qmp', 'QMP'],
    [' DP1 ', 'DP1'],
    ['0', '0'],
  ])('sender code %j is keyed as %j', (given, expected) => {
    expect(normaliseSender(given)).toBe(expected);
  });

  it('add is an upsert and codes() gives every form an HDR may carry', () => {
    const db = openCatalogue(':memory:');
    const repo = new SendersRepository(db);
    expect(repo.add({ code: '20', name: 'DMP', ipi: '00712345669', added_at: 'now' })).toBe(true);
    expect(repo.add({ code: '20', name: 'DMP RENAMED', ipi: null, added_at: 'later' })).toBe(false);
    expect(repo.add({ code: 'QMP', name: 'QAZAQ', ipi: null, added_at: 'now' })).toBe(true);
    expect(repo.list().map((s) => [s.code, s.name, s.ipi])).toEqual([
      ['20', 'DMP RENAMED', null],
      ['QMP', 'QAZAQ', null],
    ]);
    expect([...repo.codes()].sort()).toEqual(['00000000020', '000000020', '20', 'QMP']);
  });

  it('validation reads the senders of the catalogue named by the settings (none without one)', () => {
    const cwd = tmp();
    expect(catalogueSenders({ env: {}, cwd }).size).toBe(0);
    const db = openCatalogue(join(cwd, 'cwrkit.db'));
    new SendersRepository(db).add({ code: 'QMP', name: 'QAZAQ', ipi: null, added_at: 'now' });
    db.close();
    expect([...catalogueSenders({ env: {}, cwd })]).toEqual(['QMP']);
    expect([...catalogueSenders({ env: { CWRKIT_DB: join(cwd, 'elsewhere.db') }, cwd })]).toEqual([]);
  });
});
