import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSnapshot, snapshotJson, snapshotOf, normaliseWork } from '../../../src/catalogue/snapshot.js';
import type { Work } from '../../../src/domain/work.js';
import { readCwrFile } from '../../../src/formats/cwr/reader.js';
import { toWork, WORK_TRANSACTION_TYPES } from '../../../src/formats/cwr/to-work.js';
import { SAMPLES } from '../../helpers/paths.js';

async function sampleWorks(): Promise<Work[]> {
  const out: Work[] = [];
  for (const name of ['CW260001QMP_177.V21', 'CW260002QMP_177.V22', 'CW260003QMP_177_V3-0-0.SUB']) {
    const { transmission } = await readCwrFile(join(SAMPLES, 'cwr', name));
    for (const g of transmission.groups) for (const tx of g.transactions) if (WORK_TRANSACTION_TYPES.has(tx.header.type)) out.push(toWork(tx.header, tx.records, 'QMP'));
  }
  return out;
}

describe('work snapshots', () => {
  it('round-trip exactly: parse then serialise gives the same text, and the same work', async () => {
    const works = await sampleWorks();
    expect(works.length).toBeGreaterThan(5);
    for (const w of works) {
      const json = snapshotJson(w);
      expect(snapshotJson(parseSnapshot(json))).toBe(json);
      expect(parseSnapshot(json)).toEqual(w);
      // toWork builds keys in the canonical order: the fast path equals the normalised one
      expect(json).toBe(snapshotJson(w, false));
    }
  });

  it('leaves out nulls and empty lists, keeps false, zero and Cyrillic', async () => {
    const [w] = await sampleWorks();
    const json = snapshotJson(w as Work);
    expect(json).not.toMatch(/:null|:\[\]/);
    expect(json).toContain('"controlled":true');
    expect(json).toContain('Нұрланқызы');
  });

  it.each([
    ['a title that looks like JSON', '"a":null,"b":[]}'],
    ['quotes and braces', '{"x":null}'],
    ['a backslash before a quote', 'A\\"B":null'],
  ])('strings are never touched by the compaction: %s', (_what, title) => {
    const w = normaliseWork({ submitter: 'S', submitterWorkNumber: 'N', title, titles: [{ title, type: 'AT', language: null, nonRoman: false }] });
    const back = parseSnapshot(snapshotJson(w));
    expect(back.title).toBe(title);
    expect(back.titles[0]?.title).toBe(title);
  });

  it('objects whose first, last or every member is empty compact to valid JSON and round-trip', () => {
    const party = { kind: 'publisher', ipNumber: 'P1', name: 'QMP', societies: { PR: null, MR: '177', SR: null }, originalName: { name: 'Дала', firstName: null, language: null } };
    const w = normaliseWork({
      submitter: 'S',
      submitterWorkNumber: 'N',
      title: 'T',
      parties: [{ party, position: 1, ownership: { PR: null, MR: null, SR: 0 }, agreement: { submitterNumber: null, societyNumber: 'A1', type: null }, collection: [] }],
    });
    const json = snapshotJson(w);
    expect(json).not.toMatch(/:null|:\[\]|,[}\]]|\{,/);
    expect(json).toContain('"societies":{"MR":"177"}');
    expect(json).toContain('"agreement":{"societyNumber":"A1"}');
    expect(json).toContain('"ownership":{"SR":0}');
    expect(parseSnapshot(json)).toEqual(w);
  });

  it('the hash identifies the state', async () => {
    const [w] = await sampleWorks();
    const a = snapshotOf(w as Work);
    expect(snapshotOf(parseSnapshot(a.json)).hash).toBe(a.hash);
    expect(snapshotOf({ ...(w as Work), title: 'OTHER' }).hash).not.toBe(a.hash);
  });
});
