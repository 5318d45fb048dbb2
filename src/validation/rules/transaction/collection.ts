/**
 * Collection shares per territory (TX-6, TX-12, TX-13), computed exactly through the TIS
 * hierarchy: each party's include/exclude chain is reduced to countries, then summed per country.
 */
import type { CwrRecord } from '../../../formats/cwr/record.js';
import type { Transaction } from '../../../formats/cwr/structure.js';
import { countryAt, countryCount, expandIndices, territoryName } from '../../../domain/territories.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { FULL, RIGHTS, RIGHT_NAME, TOLERANCE, pct, reportAt, s, settingsOf , numAt, strAt } from '../support.js';
import { REGISTRATION_TYPES, workModel, type Party } from './work-model.js';

export const COLLECTION_TOTAL = defineRule({
  id: 'collection-total',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edits 14, 44 (TX-6); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '014' },
  summary: 'For a right and a territory, the collection shares of all parties add up to more than 100% (+0.06%).',
  message: (p) => `${s(p, 'right')} collection shares in ${s(p, 'territory')} add up to ${s(p, 'total')}, more than 100%: the transaction is rejected`,
});

export const TERRITORY_INCLUDE_ZERO = defineRule({
  id: 'territory-include-zero',
  level: 'transaction',
  cisac: 'CWR 2.2 SPT record edit 1, SWT record edit 1 (TX-13); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'SPT', number: '001', messageLevel: 'R' },
  summary: 'An include (I) territory record carries no share at all.',
  message: (p) => `${s(p, 'record')} includes territory ${s(p, 'territory')} but all its collection shares are zero: the transaction is rejected`,
});

export const TERRITORY_EXCLUDE_SHARES = defineRule({
  id: 'territory-exclude-shares',
  level: 'field',
  cisac: 'CWR 2.2 SWT record edit 3 (TX-13); applied to SPT/OPT/OWT alike; v3 WRK where the layout has the fields: unverified',
  msg: { record: 'SWT', number: '003', messageLevel: 'R' },
  summary: 'An exclude (E) territory record carries shares (they are ignored).',
  message: (p) => `${s(p, 'record')} excludes territory ${s(p, 'territory')} but carries collection shares: they are ignored`,
});

export const TERRITORY_PLACEMENT = defineRule({
  id: 'territory-placement',
  level: 'transaction',
  cisac: 'CWR 2.2 SPT field edits 1, 14; SWT field edit 1 (TX-12); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'SPT', number: '001', messageLevel: 'F' },
  summary: 'A territory record (SPT/OPT/SWT/OWT) does not follow its party record.',
  message: (p) => `${s(p, 'record')} must follow ${s(p, 'after')}, it follows ${s(p, 'previous')}: the transaction is rejected`,
});

export const TERRITORY_IP_MISMATCH = defineRule({
  id: 'territory-ip-mismatch',
  level: 'transaction',
  cisac: 'CWR 2.2 SPT field edit 2, SWT field edit 2 (TX-12); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'SPT', number: '002', messageLevel: 'F' },
  summary: 'A territory record names another interested party than the party record it follows.',
  message: (p) => `${s(p, 'record')} interested party "${s(p, 'found')}" is not the preceding ${s(p, 'party')}'s "${s(p, 'expected')}": the transaction is rejected`,
});

export const TERRITORY_SEQUENCE = defineRule({
  id: 'territory-sequence',
  level: 'record',
  cisac: 'CWR 2.2 SPT field edits 12-13, SWT field edits 9-10 (TX-12); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'SPT', number: '013', messageLevel: 'F' },
  summary: 'Territory record sequence numbers start at 1 after each party record and go up by one.',
  message: (p) => `${s(p, 'record')} sequence number is ${s(p, 'found')}, expected ${s(p, 'expected')}: the record is dropped`,
});

export const TERRITORY_SHARED_IN_CHAIN = defineRule({
  id: 'territory-shared-in-chain',
  level: 'transaction',
  cisac: 'CWR 2.2 SPT record edit 5, SWT record edit 2 (TX-12); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'SPT', number: '005', messageLevel: 'R' },
  summary: 'A territory is linked to more than one publisher of the same chain for the same right.',
  message: (p) => `${s(p, 'right')} in ${s(p, 'territory')} is collected by more than one publisher of chain ${s(p, 'chain')}: the transaction is rejected`,
});

export const TERRITORY_MISSING = defineRule({
  id: 'territory-missing',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edits 7, 20 (TX-8); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '007' },
  summary: 'A controlled publisher chain has no SPT, or a controlled writer with ownership has no SWT: nothing says where they collect.',
  message: (p) => `${s(p, 'who')} has no ${s(p, 'record')} record: nothing says in which territories it collects; the transaction is rejected`,
});

export const CHAIN_PR_COLLECTION = defineRule({
  id: 'chain-pr-collection',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edit 27 (TX-7): skipped when shares change (Y) or an income participant (PA) is present; v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '027' },
  summary: "In each SPU chain and territory, the PR collection of its SPTs equals the PR ownership of the chain's original publisher and acquirers (±0.06%).",
  message: (p) =>
    `publisher chain ${s(p, 'chain')} collects ${s(p, 'collected')} of PR in ${s(p, 'territory')} but owns ${s(p, 'owned')}: the collection must equal the ownership; the transaction is rejected`,
});

const FOLLOWS: Readonly<Record<string, readonly string[]>> = {
  SPT: ['SPU', 'NPN', 'SPT'],
  OPT: ['SPU', 'NPN', 'SPT', 'OPU', 'OPT'],
  SWT: ['SWR', 'NWN', 'SWT'],
  OWT: ['OWR', 'NWN', 'OWT'],
};
const PARTY: Readonly<Record<string, string>> = { SPT: 'SPU', OPT: 'SPU/OPU', SWT: 'SWR', OWT: 'OWR' };

/** A party's collection per country and right: dense array [country*3 + right]; -1 = not covered. */
function collection(party: Party, date: string, n: number): Int32Array {
  const out = new Int32Array(n * 3).fill(-1);
  for (const t of party.territories) {
    const countries = expandIndices(t.tis, date);
    if (t.include) {
      for (const c of countries) {
        out[c * 3] = t.shares[0];
        out[c * 3 + 1] = t.shares[1];
        out[c * 3 + 2] = t.shares[2];
      }
    } else for (const c of countries) out.fill(-1, c * 3, c * 3 + 3);
  }
  return out;
}

/** Territory records after their party, in sequence; `header` is the transaction header, `details` what follows it. */
function checkPlacement(header: CwrRecord, details: readonly CwrRecord[], ctx: CheckContext): void {
  let prev: CwrRecord | undefined = header;
  let party: CwrRecord | undefined;
  let expectedSeq = 1;
  for (const rec of details) {
    const allowed = FOLLOWS[rec.type];
    if (rec.type === 'SPU' || rec.type === 'OPU' || rec.type === 'SWR' || rec.type === 'OWR') {
      party = rec;
      expectedSeq = 1;
    }
    if (allowed && prev) {
      if (!allowed.includes(prev.type)) {
        reportAt(ctx, TERRITORY_PLACEMENT, rec, null, { record: rec.type, after: allowed.join(', '), previous: prev.type });
      } else if (party) {
        const ip = strAt(rec, 'interested_party_number');
        const expected = strAt(party, 'interested_party_number');
        if (ip !== expected) reportAt(ctx, TERRITORY_IP_MISMATCH, rec, 'interested_party_number', { record: rec.type, found: ip, expected, party: party.type });
        const seq = numAt(rec, 'sequence_number');
        if (typeof seq === 'number' && seq !== expectedSeq) reportAt(ctx, TERRITORY_SEQUENCE, rec, 'sequence_number', { record: rec.type, found: seq, expected: expectedSeq });
        expectedSeq++;
      }
    }
    prev = rec;
  }
}

export function checkCollection(tx: Transaction, ctx: CheckContext): void {
  const w = workModel(tx);
  if (!w) return;
  checkPlacement(w.header, w.details, ctx);
  const parties = w.parties;
  for (const p of parties) {
    for (const t of p.territories) {
      const any = t.shares[0] + t.shares[1] + t.shares[2] > 0;
      if (t.include === any) continue;
      const where = { record: t.rec.type, territory: `${t.tis} ${territoryName(t.tis)}` };
      reportAt(ctx, t.include ? TERRITORY_INCLUDE_ZERO : TERRITORY_EXCLUDE_SHARES, t.rec, 'inclusion_exclusion_indicator', where);
    }
  }
  if (!REGISTRATION_TYPES.has(tx.header.type)) return;
  const date = settingsOf(ctx).territoryDate;
  // TX-8: a controlled chain needs an SPT somewhere; a controlled writer who owns something needs an SWT.
  for (const chain of w.chains) {
    const first = chain[0];
    if (first && first.rec.layout?.byName.has('pr_ownership_share') && !chain.some((p) => p.territories.length > 0)) {
      reportAt(ctx, TERRITORY_MISSING, first.rec, null, { who: `publisher chain ${numAt(first.rec, 'publisher_sequence_number')} (${strAt(first.rec, 'publisher_name')})`, record: 'SPT' });
    }
  }
  for (const p of w.writers) {
    if (p.controlled && p.own && p.own[0] + p.own[1] + p.own[2] > 0 && p.territories.length === 0) {
      reportAt(ctx, TERRITORY_MISSING, p.rec, null, { who: `writer ${strAt(p.rec, 'writer_last_name')}`, record: 'SWT', msgRecord: 'NWR', msgLevel: 'T', msgNumber: '020' });
    }
  }
  checkChainCollection(w.chains, w.parties, date, ctx);
  const withTerritories = parties.filter((p) => p.territories.length > 0);
  if (withTerritories.length === 0) return;
  // Fast path: if no two parties can overlap on a right (the sum of each party's largest include
  // share is within 100%) and no chain has two collecting publishers, nothing can fail below.
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  for (const p of withTerritories) {
    let m0 = 0;
    let m1 = 0;
    let m2 = 0;
    for (const t of p.territories) {
      if (!t.include) continue;
      if (t.shares[0] > m0) m0 = t.shares[0];
      if (t.shares[1] > m1) m1 = t.shares[1];
      if (t.shares[2] > m2) m2 = t.shares[2];
    }
    b0 += m0;
    b1 += m1;
    b2 += m2;
  }
  let sharedChains = false;
  for (const c of w.chains) {
    let k = 0;
    for (const p of c) if (p.territories.length > 0) k++;
    if (k > 1) sharedChains = true;
  }
  const limit = FULL + TOLERANCE;
  if (!sharedChains && b0 <= limit && b1 <= limit && b2 <= limit) return;
  const n = countryCount();
  const per = new Map<Party, Int32Array>();
  for (const p of withTerritories) per.set(p, collection(p, date, n));

  // TX-12: within a chain, a country may be collected by one publisher only, per right.
  for (const chain of w.chains) {
    const members = chain.filter((p) => per.has(p));
    if (members.length < 2) continue;
    for (let r = 0; r < 3; r++) {
      const owner = new Int32Array(n).fill(-1);
      let reported = false;
      members.forEach((p, pi) => {
        const m = per.get(p);
        if (!m || reported) return;
        for (let c = 0; c < n; c++) {
          if ((m[c * 3 + r] ?? 0) <= 0) continue;
          const o = owner[c] ?? -1;
          if (o !== -1 && o !== pi && !reported) {
            const right = RIGHTS[r] ?? 'pr';
            const t = p.territories[0];
            const country = countryAt(c);
            reportAt(ctx, TERRITORY_SHARED_IN_CHAIN, t ? t.rec : p.rec, null, { right: RIGHT_NAME[right], territory: `${country} ${territoryName(country)}`, chain: p.rec.str('publisher_sequence_number') });
            reported = true;
          }
          owner[c] = pi;
        }
      });
    }
  }

  // TX-6: total collection per right and country.
  const totals = new Int32Array(n * 3);
  for (const m of per.values()) for (let i = 0; i < m.length; i++) if ((m[i] ?? 0) > 0) totals[i] = (totals[i] ?? 0) + (m[i] ?? 0);
  for (let r = 0; r < 3; r++) {
    let worst = -1;
    let worstValue = FULL + TOLERANCE;
    for (let c = 0; c < n; c++) {
      const v = totals[c * 3 + r] ?? 0;
      if (v > worstValue) {
        worst = c;
        worstValue = v;
      }
    }
    if (worst >= 0) {
      const right = RIGHTS[r] ?? 'pr';
      const country = countryAt(worst);
      reportAt(ctx, COLLECTION_TOTAL, tx.header, null, { right: RIGHT_NAME[right], territory: `${country} ${territoryName(country)}`, total: pct(worstValue) });
    }
  }
}

export const TERRITORY_PARTY = PARTY;

/** TX-7: per chain and country, SPT PR collection = PR ownership of E + AQ in the chain. */
function checkChainCollection(chains: readonly (readonly Party[])[], parties: readonly Party[], date: string, ctx: CheckContext): void {
  if (parties.some((p) => p.publisher && strAt(p.rec, 'publisher_type') === 'PA')) return;
  for (const chain of chains) {
    let owned = 0;
    let collectors = 0;
    let changes = false;
    for (const p of chain) {
      const type = strAt(p.rec, 'publisher_type');
      if ((type === 'E' || type === 'AQ') && p.own) owned += p.own[0];
      if (p.territories.length > 0) collectors++;
      for (const t of p.territories) if (strAt(t.rec, 'shares_change') === 'Y') changes = true;
    }
    const first = chain[0];
    if (!first || collectors === 0 || changes || !first.own) continue;
    // Fast path: with one collector every covered country takes the share of one include
    // record, so it is enough that each include record collects the owned share.
    let simple = true;
    for (const p of chain) for (const t of p.territories) if (t.include && Math.abs(t.shares[0] - owned) > TOLERANCE) simple = false;
    if (simple && collectors === 1) continue;
    const n = countryCount();
    const sum = new Int32Array(n);
    const covered = new Uint8Array(n);
    for (const p of chain) {
      if (p.territories.length === 0) continue;
      const m = collection(p, date, n);
      for (let c = 0; c < n; c++) {
        const v = m[c * 3] ?? -1;
        if (v < 0) continue;
        covered[c] = 1;
        sum[c] = (sum[c] ?? 0) + v;
      }
    }
    for (let c = 0; c < n; c++) {
      if (!covered[c] || Math.abs((sum[c] ?? 0) - owned) <= TOLERANCE) continue;
      const country = countryAt(c);
      reportAt(ctx, CHAIN_PR_COLLECTION, first.rec, null, { chain: numAt(first.rec, 'publisher_sequence_number'), collected: pct(sum[c] ?? 0), owned: pct(owned), territory: `${country} ${territoryName(country)}` });
      break;
    }
  }
}
