import { describe, expect, it } from 'vitest';
import { parseRate } from '../../../src/reconcile/amounts.js';
import { Reconciler, type ReconcileOptions } from '../../../src/reconcile/engine.js';
import { DEFAULT_MATCH_OPTIONS, NO_DECISIONS } from '../../../src/reconcile/match.js';
import { simpleContains } from '../../../src/reconcile/parties.js';
import type { ReconLine, ReconStatement } from '../../../src/reconcile/types.js';
import { catalogue, line, prng, WORKS } from './fixtures.js';

const { index, details } = catalogue(WORKS);
const STATEMENT: ReconStatement = { id: 1, fromSociety: '052', currency: 'EUR', scale: 2, declaredTotal: null, rate: null };
const OPTIONS: ReconcileOptions = {
  society: '177',
  match: DEFAULT_MATCH_OPTIONS,
  rate: null,
  localCurrency: 'KZT',
  received: null,
  shareTolerance: 6,
  contains: simpleContains,
};

function run(lines: ReconLine[], options: Partial<ReconcileOptions> = {}, statement: Partial<ReconStatement> = {}) {
  const total = lines.reduce((s, l) => s + l.amount, 0n);
  const r = new Reconciler({ ...STATEMENT, ...statement }, total, index, details, NO_DECISIONS, { ...OPTIONS, ...options });
  const outcomes = lines.map((l) => r.line(l));
  return { outcomes, ...r.finish() };
}

describe('Reconciler', () => {
  it('splits a line without a party over the members by collection share', () => {
    const { outcomes, summary, findings } = run([line({ iswc: 'T0345246801', amount: 10000n })]);
    const parts = outcomes[0]?.allocation.parts.map((p) => [p.party.id, p.amount]);
    // ABAI 50%, ZHAMBYL 25% are KazAK members; SMITH (PRS) is not: 2/3 and 1/3 of 100.00.
    expect(parts).toEqual([
      [1, 6667n],
      [2, 3333n],
    ]);
    expect(summary).toMatchObject({ lines: 1, matched: 1, allocated: 10000n, unallocated: 0n });
    expect(findings).toEqual([]);
  });

  it('pays a named member, keeps a non-member and an unknown party unallocated, and flags them', () => {
    const { outcomes, summary, findings } = run([
      line({ id: 1, iswc: 'T0345246801', ipiName: '00025436718', share: 2500, amount: 500n }),
      line({ id: 2, iswc: 'T0345246801', partyName: 'John Smith', amount: 300n }),
      line({ id: 3, iswc: 'T0345246801', ipiName: '99999999999', amount: 200n }),
      line({ id: 4, title: 'nothing like it', amount: 7n }),
    ]);
    expect(outcomes.map((o) => o.allocation.reason)).toEqual([null, 'not-a-member', 'party-not-on-work', 'unmatched']);
    expect(outcomes[0]?.party?.method).toBe('ipi-name');
    expect(outcomes[1]?.party?.method).toBe('name');
    expect(summary).toMatchObject({ allocated: 500n, unallocated: 507n, total: 1007n, unmatched: 1 });
    expect(summary.unallocatedByReason).toEqual({ 'not-a-member': 300n, 'party-not-on-work': 200n, unmatched: 7n });
    expect(findings.filter((f) => f.kind === 'claim-candidate').map((f) => f.partyId)).toEqual([1]);
    expect(outcomes[2]?.findings.map((f) => f.kind)).toEqual(['party-not-on-work']);
  });

  it('flags share discrepancies beyond the tolerance and duplicate lines', () => {
    const { outcomes, summary } = run([
      line({ id: 1, iswc: 'T0345246801', ipiName: '00014107338', share: 5005, amount: 100n }),
      line({ id: 2, iswc: 'T0345246801', ipiName: '00014107338', share: 4000, amount: 100n }),
      line({ id: 3, iswc: 'T0345246801', ipiName: '00014107338', share: 4000, amount: 100n }),
    ]);
    expect(outcomes.map((o) => o.findings.map((f) => f.kind))).toEqual([[], ['share-discrepancy'], ['duplicate-line', 'share-discrepancy']]);
    expect(summary.discrepancies).toBe(3);
  });

  it('reports a control total that differs from the lines', () => {
    const { findings } = run([line({ iswc: 'T0345246801', amount: 100n })], {}, { declaredTotal: 150n });
    expect(findings.find((f) => f.kind === 'control-total')?.detail).toEqual({ declared: '150', lines: '100' });
  });

  it('scales to the amount received and converts to local currency exactly', () => {
    const lines = [line({ iswc: 'T0345246801', amount: 333n }), line({ iswc: 'T0345246801', amount: 333n }), line({ title: 'unknown', amount: 334n })];
    const { summary } = run(lines, { received: { amount: 990n, currency: 'EUR' }, rate: parseRate('EUR:KZT=512.3456') });
    expect(summary.total).toBe(1000n);
    expect(summary.charges).toBe(10n);
    expect(summary.allocated + summary.unallocated).toBe(990n);
    expect(summary.localTotal).toBe(507222n); // 9.90 EUR * 512.3456 = 5072.22 KZT
    expect((summary.localAllocated ?? 0n) + (summary.localUnallocated ?? 0n)).toBe(507222n);
  });

  it('takes the local amount from what was received in local currency', () => {
    const { summary } = run([line({ iswc: 'T0345246801', amount: 1000n })], { received: { amount: 500000n, currency: 'KZT' } });
    expect(summary).toMatchObject({ localCurrency: 'KZT', localTotal: 500000n, localAllocated: 500000n, charges: 0n });
  });

  it.each([11, 12, 13, 14, 15, 16])('property: allocated + unallocated == total in both currencies (seed %i)', (seed) => {
    const rnd = prng(seed);
    const keys: Partial<ReconLine>[] = [
      { iswc: 'T0345246801' },
      { submitterWorkNumber: 'SW0002' },
      { submitterWorkNumber: 'SW0003', ipiName: '00025436718' },
      { submitterWorkNumber: 'SW0005' },
      { title: 'no such work' },
      { iswc: 'T0345246801', ipiName: '00034567892' },
    ];
    const lines = Array.from({ length: 1 + Math.floor(rnd() * 300) }, (_, i) =>
      line({ id: i + 1, ...keys[Math.floor(rnd() * keys.length)], amount: BigInt(Math.floor(rnd() * 1e6) - 1e5), right: rnd() < 0.5 ? 'PR' : 'MR' }),
    );
    const total = lines.reduce((s, l) => s + l.amount, 0n);
    const received = total === 0n ? null : { amount: (total * 97n) / 100n, currency: 'EUR' };
    const { summary, outcomes } = run(lines, { received, rate: parseRate('EUR:KZT=498.77') });
    const net = received?.amount ?? total;
    expect(summary.allocated + summary.unallocated).toBe(net);
    expect(summary.allocated + summary.unallocated + summary.charges).toBe(total);
    expect((summary.localAllocated ?? 0n) + (summary.localUnallocated ?? 0n)).toBe(summary.localTotal);
    expect(summary.members.reduce((s, m) => s + m.amount, 0n)).toBe(summary.allocated);
    for (const o of outcomes) expect(o.allocation.parts.reduce((s, p) => s + p.amount, 0n) + o.allocation.unallocated).toBe(o.net);
  });
});
