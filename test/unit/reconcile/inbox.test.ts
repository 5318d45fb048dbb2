import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InboxError, LOCK_NAME, parseRules, processInbox, routeFile, takeLock, type InboxOptions } from '../../../src/app/inbox.js';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { line } from './fixtures.js';
import { MemoryStatements, seedWorks } from './seed.js';

describe('file name rules', () => {
  it.each([
    ['PRS_052_2026Q1.crd', { from: '052', format: 'crd' }],
    ['gema-035-statement.CSV', { from: '035', format: 'csv' }],
    ['statement 52.xml', 'no file name rule matches'],
    ['S035.bin', { from: '035' }],
  ])('%s', (name, expected) => {
    expect(routeFile(name, [{ pattern: '(?:^|[^0-9])(?<society>[0-9]{3})(?:[^0-9]|$)' }])).toEqual(expected);
  });
  it('reads explicit rules and refuses bad ones', () => {
    const rules = parseRules('[{"pattern": "^SACEM", "from": "58", "format": "csv", "profile": "sacem"}]', 'r.json');
    expect(routeFile('SACEM_2026.txt', rules)).toEqual({ from: '058', format: 'csv', profile: 'sacem' });
    expect(() => parseRules('{}', 'r.json')).toThrow(InboxError);
    expect(() => parseRules('[{"pattern": "("}]', 'r.json')).toThrow(/not a regular expression/);
    expect(() => parseRules('[{"pattern": "x", "format": "pdf"}]', 'r.json')).toThrow(/format/);
  });
});

describe('inbox lock', () => {
  const tmp = useTempDir();
  it('refuses a second holder while the first is alive, and takes over a stale lock', () => {
    const dir = tmp();
    const release = takeLock(dir, 100, () => true, new Date());
    expect(() => takeLock(dir, 200, () => true, new Date())).toThrow(/another cwrkit reconcile --inbox \(pid 100\)/);
    // The holder died: its lock is stale.
    const again = takeLock(dir, 200, (pid) => pid !== 100, new Date());
    expect(JSON.parse(readFileSync(join(dir, LOCK_NAME), 'utf8'))).toMatchObject({ pid: 200 });
    again();
    release(); // releasing twice is harmless
    expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
  });
});

describe('processInbox', () => {
  const tmp = useTempDir();

  function setup() {
    const dir = tmp();
    const inbox = join(dir, 'in');
    const archive = join(dir, 'done');
    mkdirSync(inbox);
    const db = openCatalogue(join(dir, 'c.db'));
    seedWorks(db, [{ title: 'Dala', swn: 'SW1', iswc: 'T0345246801', writers: [{ name: 'ABAI', ipi: '00014107338', society: '177', share: 10000 }] }]);
    const statements = new MemoryStatements();
    let next = 1;
    const opts: InboxOptions = {
      inbox,
      archive,
      rules: [{ pattern: '(?<society>[0-9]{3})' }],
      request: { society: '177', localCurrency: 'KZT', rate: null, received: null },
      maxUnmatchedPercent: 40,
      logFile: join(dir, 'inbox.log'),
      manifestDir: join(dir, 'manifests'),
      source: () => statements,
      pid: 1,
      isAlive: () => false,
      importStatement: async (_db, file) => {
        const text = readFileSync(file, 'utf8');
        if (text.startsWith('broken')) return { errors: ['line 1: STMT-AMOUNT'] };
        const id = next++;
        // Each line of the file: "iswc;amount" (amounts in cents).
        const lines = text
          .trim()
          .split('\n')
          .map((l, i) => {
            const [iswc, amount] = l.split(';');
            return line({ id: id * 100 + i, iswc: iswc ?? null, title: iswc ?? null, amount: BigInt(amount ?? '0'), ipiName: null });
          });
        statements.add({ id, fromSociety: '052', currency: 'EUR', scale: 2, declaredTotal: null, rate: null }, lines);
        return { statementId: id };
      },
    };
    return { dir, inbox, archive, db, opts };
  }

  it('imports, reconciles, archives, skips what it has seen, and writes a manifest and a log without personal data', async () => {
    const { dir, inbox, archive, db, opts } = setup();
    writeFileSync(join(inbox, 'PRS_052_A.csv'), 'T0345246801;1000\nT0345246801;250\n');
    writeFileSync(join(inbox, 'PRS_052_B.csv'), 'T0345246801;1000\nT9999999999;5\n');
    writeFileSync(join(inbox, 'broken_052.csv'), 'broken\n');
    writeFileSync(join(inbox, 'nosociety.csv'), 'x\n');
    const m = await processInbox(db, opts);
    expect(m.files.map((f) => [f.file, f.status, f.needsPerson])).toEqual([
      ['PRS_052_A.csv', 'done', false],
      ['PRS_052_B.csv', 'done', true],
      ['broken_052.csv', 'error', true],
      ['nosociety.csv', 'error', true],
    ]);
    expect(m.statements).toEqual([1, 2]);
    expect(m.needsPerson).toBe(true);
    expect(readdirSync(archive).sort()).toEqual(['PRS_052_A.csv', 'PRS_052_B.csv']);
    expect(readdirSync(inbox).filter((n) => !n.startsWith('.')).sort()).toEqual(['broken_052.csv', 'nosociety.csv']);
    expect((statSync(m.manifest).mode & 0o777).toString(8)).toBe('600');
    const log = readFileSync(join(dir, 'inbox.log'), 'utf8');
    expect(log).toContain('PRS_052_A.csv: statement 1, 2 lines, 2 matched');
    expect(log).not.toMatch(/00014107338|ABAI|12\.50|10\.00/);
    expect(existsSync(join(inbox, LOCK_NAME))).toBe(false);

    // The same file again is skipped by hash.
    writeFileSync(join(inbox, 'PRS_052_A_again.csv'), 'T0345246801;1000\nT0345246801;250\n');
    const m2 = await processInbox(db, opts);
    expect(m2.files.find((f) => f.file === 'PRS_052_A_again.csv')?.status).toBe('skipped');
    db.close();
  });

  it('exits at once when another live run holds the lock', async () => {
    const { inbox, db, opts } = setup();
    writeFileSync(join(inbox, LOCK_NAME), JSON.stringify({ pid: 4242 }));
    await expect(processInbox(db, { ...opts, isAlive: (p) => p === 4242 })).rejects.toMatchObject({ code: 'CWRKIT_LOCKED' });
    db.close();
  });
});
