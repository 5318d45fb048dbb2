import { afterEach, describe, expect, it } from 'vitest';
import { histories, showParties, showWorks } from '../../../../src/app/works.js';
import type { Db } from '../../../../src/catalogue/db.js';
import { diffWorks } from '../../../../src/catalogue/queries/history.js';
import { loadWork } from '../../../../src/catalogue/queries/load-work.js';
import { listRegistrations, registrationState } from '../../../../src/catalogue/queries/registrations.js';
import { resolveWorkRef } from '../../../../src/catalogue/queries/resolve.js';
import { useTempDir } from '../../../helpers/temp-dir.js';
import { sampleCatalogue } from './setup.js';

describe('works show, history, parties show, registrations on a real catalogue', () => {
  const tmp = useTempDir();
  let db: Db | null = null;
  afterEach(() => db?.close());

  it.each([
    ['ISWC', 'T3210001013', 'iswc'],
    ['ISWC with punctuation', 't-321.000.101-3', 'iswc'],
    ['submitter work number', 'QMP-0001', 'submitter-work-number'],
    ['society work number from an ACK', 'PRS880001', 'society-work-number'],
    ['society work number from an XRF', 'KZ0001', 'society-work-number'],
    ['internal id', '#1', 'id'],
  ])('%s %s finds the work', async (_what, ref, by) => {
    db = await sampleCatalogue(tmp());
    const m = resolveWorkRef(db, ref);
    expect(m).toHaveLength(1);
    expect(m[0]?.by).toBe(by);
    expect(loadWork(db, m[0]?.id ?? 0)?.submitterWorkNumber).toBe('QMP-0001');
  });

  it('an unknown reference finds nothing', async () => {
    db = await sampleCatalogue(tmp());
    expect(resolveWorkRef(db, 'T0000000000')).toEqual([]);
    expect(showWorks(db, 'NOPE-1', '2026-11-28')).toEqual([]);
  });

  it('show: titles in both scripts, parties with shares per right and territory, identifiers, recordings, registrations, history', async () => {
    db = await sampleCatalogue(tmp());
    const [s] = showWorks(db, 'QMP-0001', '2026-11-28');
    if (!s) throw new Error('not found');
    const w = s.work;
    expect(w.title).toBe('DALA AENI');
    expect(w.titles).toContainEqual({ title: 'Дала әні', type: 'OT', language: 'KK', nonRoman: true });
    expect(w.titles).toContainEqual({ title: 'SONG OF THE STEPPE', type: 'AT', language: 'EN', nonRoman: false });
    const writer = w.parties.find((p) => p.party.kind === 'writer');
    expect(writer?.party.originalName).toEqual({ name: 'Нұрланқызы', firstName: 'Айгерім', language: 'KK' });
    expect(writer?.ownership).toEqual({ PR: 5000, MR: 0, SR: 0 });
    expect(writer?.collection).toEqual([{ territory: '2136', include: true, shares: { PR: 5000, MR: 0, SR: 0 }, sequence: 1 }]);
    expect(w.societyWorkNumbers).toEqual([
      { society: '052', number: 'PRS880001' },
      { society: '177', number: 'KZ0001' },
    ]);
    expect(w.recordings.map((r) => r.isrc)).toEqual(['KZQMP2600001']);
    expect(w.performers).toEqual([expect.objectContaining({ name: 'QONGYR', originalName: 'ҚОҢЫР' })]);
    expect(s.registrations).toEqual([expect.objectContaining({ society: '052', status: 'AS', state: 'accepted', societyWorkNumber: 'PRS880001' })]);
    expect(s.history.map((h) => [h.action, h.transactionType, h.version])).toEqual([
      ['insert', 'NWR', 1],
      ['replace', 'REV', 2],
      ['ack', 'ACK', 3],
    ]);
  });

  it('history: what each registration changed, field by field', async () => {
    db = await sampleCatalogue(tmp());
    const [h] = histories(db, 'QMP-0001');
    const changes = (h?.entries ?? []).map((e) => e.changes.map((c) => `${c.field}: ${String(c.from)} -> ${String(c.to)}`));
    expect(changes[0]).toContain('title: null -> DALA AENI');
    expect(changes[0]).toContain('party writer W0001.ownership.PR: null -> 5000');
    expect(changes[1]).toEqual(['titles: null -> AT/EN: SONG OF THE STEPPE', 'societyWorkNumbers: null -> 177: KZ0001']);
    expect(changes[2]).toEqual(['societyWorkNumbers: null -> 052: PRS880001']);
  });

  it.each([
    ['ownership share', (w: NonNullable<ReturnType<typeof loadWork>>) => ({ ...w, parties: w.parties.map((p) => (p.party.kind === 'writer' ? { ...p, ownership: { ...p.ownership, PR: 2500 } } : p)) }), 'party writer W0001.ownership.PR: 5000 -> 2500'],
    ['collection share', (w: NonNullable<ReturnType<typeof loadWork>>) => ({ ...w, parties: w.parties.map((p) => (p.party.kind === 'writer' ? { ...p, collection: [{ territory: '0398', include: true, shares: { PR: 5000, MR: 0, SR: 0 }, sequence: 1 }] } : p)) }), 'party writer W0001.collection 0398 I.PR: null -> 5000'],
    ['removed party', (w: NonNullable<ReturnType<typeof loadWork>>) => ({ ...w, parties: w.parties.filter((p) => p.party.kind !== 'publisher') }), 'party publisher QMP001: QAZAQ MUSIC PUBLISHING (IPI 00712345669), E -> null'],
    ['ISWC', (w: NonNullable<ReturnType<typeof loadWork>>) => ({ ...w, iswc: null }), 'iswc: T3210001013 -> null'],
  ])('diffWorks reports a changed %s', async (_what, change, expected) => {
    db = await sampleCatalogue(tmp());
    const before = loadWork(db, 1);
    if (!before) throw new Error('no work');
    expect(diffWorks(before, before)).toEqual([]);
    expect(diffWorks(before, change(before)).map((c) => `${c.field}: ${String(c.from)} -> ${String(c.to)}`)).toContain(expected);
  });

  it('parties show: a writer by IPI with affiliations and works', async () => {
    db = await sampleCatalogue(tmp());
    for (const ref of ['00441122310', '441122310', 'I-000112233-2']) {
      const [p] = showParties(db, ref, 200);
      expect(p?.name).toBe('NURLANQYZY');
      expect(p?.originalName).toBe('Нұрланқызы');
      expect(p?.affiliations).toEqual([
        { right: 'MR', society: '177' },
        { right: 'PR', society: '177' },
        { right: 'SR', society: '177' },
      ]);
      expect(p?.works.map((w) => w.submitterWorkNumber)).toEqual(['QMP-0001', 'QMP-0003', 'QMP-0005']);
      expect(p?.workCount).toBe(3);
    }
    expect(showParties(db, '99999999999', 10)).toEqual([]);
  });

  it.each([
    ['AS', 'accepted'],
    ['RA', 'accepted'],
    ['RJ', 'rejected'],
    ['CO', 'rejected'],
    ['sent', 'pending'],
  ] as const)('status %s reads as %s', (status, state) => {
    expect(registrationState(status)).toBe(state);
  });

  it('registrations: filters by society, state and staleness', async () => {
    db = await sampleCatalogue(tmp());
    db.prepare("INSERT INTO registrations (work_id, society, status, sent_at, sent_file) VALUES (3, '035', 'sent', '2026-09-01T10:00:00Z', 'CW260001177_035.V21')").run();
    db.prepare("INSERT INTO registrations (work_id, society, status, sent_at, sent_file) VALUES (4, '035', 'RJ', '2026-11-01T10:00:00Z', 'CW260001177_035.V21')").run();
    const all = listRegistrations(db, { today: '2026-11-28', limit: 100 });
    expect(all.map((r) => `${r.society} ${r.submitterWorkNumber} ${r.state}`)).toEqual(['035 QMP-0003 pending', '035 QMP-0005 rejected', '052 QMP-0001 accepted', '052 QMP-0002 accepted']);
    expect(listRegistrations(db, { society: '052', today: '2026-11-28', limit: 100 })).toHaveLength(2);
    expect(listRegistrations(db, { state: 'rejected', today: '2026-11-28', limit: 100 }).map((r) => r.submitterWorkNumber)).toEqual(['QMP-0005']);
    const stale = listRegistrations(db, { staleDays: 30, today: '2026-11-28', limit: 100 });
    expect(stale.map((r) => [r.submitterWorkNumber, r.daysWaiting])).toEqual([['QMP-0003', 88]]);
    expect(listRegistrations(db, { staleDays: 100, today: '2026-11-28', limit: 100 })).toEqual([]);
    const acked = all.find((r) => r.submitterWorkNumber === 'QMP-0001');
    expect(acked?.acks).toEqual([{ status: 'AS', processingDate: '2026-11-25', societyWorkNumber: 'PRS880001', iswc: null }]);
  });
});
