/** Small in-memory catalogue and statement lines for the reconciliation unit tests. */
import { MemoryIndex } from '../../../src/reconcile/candidates.js';
import type { IndexEntry, ReconLine, WorkDetail, WorkDetails, WorkParty } from '../../../src/reconcile/types.js';

export function party(id: number, name: string, ipi: string | null, society: string | null, share: number, extra: Partial<WorkParty> = {}): WorkParty {
  return {
    id,
    name,
    ipiName: ipi,
    ipiBase: null,
    role: 'CA',
    writer: true,
    affiliation: society === null ? {} : { PR: society, MR: society },
    collection: [
      { right: 'PR', share, territory: '2136', include: true },
      { right: 'MR', share, territory: '2136', include: true },
    ],
    ...extra,
  };
}

export interface TestWork {
  readonly detail: WorkDetail;
  readonly entry: IndexEntry;
}

export function work(id: number, title: string, parties: WorkParty[], ids: Partial<Omit<IndexEntry, 'id' | 'titles' | 'writers'>> & { alt?: string[] } = {}): TestWork {
  return {
    detail: { id, title, iswc: ids.iswc ?? null, parties },
    entry: {
      id,
      titles: [title, ...(ids.alt ?? [])],
      iswc: ids.iswc ?? null,
      submitterNumbers: ids.submitterNumbers ?? [],
      societyCodes: ids.societyCodes ?? [],
      isrcs: ids.isrcs ?? [],
      writers: parties.filter((p) => p.writer).map((p) => ({ name: p.name, ipiName: p.ipiName, ipiBase: p.ipiBase })),
    },
  };
}

export function catalogue(works: TestWork[]): { index: MemoryIndex; details: WorkDetails } {
  const byId = new Map(works.map((w) => [w.detail.id, w.detail]));
  return { index: MemoryIndex.from(works.map((w) => w.entry)), details: { detail: (id) => byId.get(id) ?? null } };
}

let nextId = 1;
export function line(fields: Partial<ReconLine>): ReconLine {
  return {
    id: fields.id ?? nextId++,
    ref: null,
    workCode: null,
    iswc: null,
    submitterWorkNumber: null,
    isrc: null,
    title: null,
    writers: [],
    ipiName: null,
    ipiBase: null,
    partyName: null,
    right: 'PR',
    territory: '0398',
    share: null,
    amount: 0n,
    period: null,
    ...fields,
  };
}

/** KazAK members (177), a PRS member (052), and works using them. */
export const ABAI = party(1, 'KUNANBAYULY ABAI', '00014107338', '177', 5000);
export const ZHAMBYL = party(2, 'ZHABAYEV ZHAMBYL', '00025436718', '177', 2500);
export const SMITH = party(3, 'SMITH JOHN', '00034567892', '052', 2500);

export const WORKS: TestWork[] = [
  work(10, 'Қара торғай', [ABAI, ZHAMBYL, SMITH], { iswc: 'T-034.524.680-1', submitterNumbers: ['SW0001'], societyCodes: ['052:88001'], isrcs: ['KZA012300001'] }),
  work(11, 'Dancing Queen of the Steppe', [ABAI, SMITH], { iswc: 'T0000000011', submitterNumbers: ['SW0002'] }),
  work(12, 'Love Me Tender Steppe', [ZHAMBYL], { submitterNumbers: ['SW0003'] }),
  work(13, 'Dancing Queen', [SMITH], { submitterNumbers: ['SW0004'] }),
  work(14, 'Mountain Song', [party(4, 'NURLAN OTHER', '00045678901', '035', 10000)], { submitterNumbers: ['SW0005'] }),
];

/** A small deterministic PRNG so property tests are reproducible (seeded per case). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

