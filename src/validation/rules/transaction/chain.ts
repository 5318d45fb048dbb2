/**
 * Chain of title (TX-9, TX-10) and writer-publisher links (TX-11), plus the mandatory fields of
 * controlled parties (FLD-5, FLD-6).
 */
import type { Transaction } from '../../../formats/cwr/structure.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { blankAt, numAt, reportAt, s, strAt } from '../support.js';
import { REGISTRATION_TYPES, hasOwnershipFields, workModel, type Party } from './work-model.js';

export const CHAIN_FIRST_PUBLISHER = defineRule({
  id: 'chain-first-publisher',
  level: 'transaction',
  cisac: 'CWR 2.2 SPU record edits 2, 5 (TX-9); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'SPU', number: '002', messageLevel: 'R' },
  summary: 'Each publisher chain starts with an original publisher (E) or an income participant (PA).',
  message: (p) => `publisher chain ${s(p, 'chain')} starts with a publisher of type ${s(p, 'type')}, not an original publisher (E) or income participant (PA): the transaction is rejected`,
});

export const CHAIN_ONE_ORIGINAL = defineRule({
  id: 'chain-one-original',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edit 17 (TX-9); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '017' },
  summary: 'A publisher chain has more than one original publisher (E).',
  message: (p) => `publisher chain ${s(p, 'chain')} has more than one original publisher (E): the transaction is rejected`,
});

export const CHAIN_OPU_IN_SPU_CHAIN = defineRule({
  id: 'chain-opu-in-spu-chain',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edit 16 (TX-9); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '016' },
  summary: 'A non-controlled publisher (OPU) sits in a chain started by an SPU.',
  message: (p) => `OPU uses publisher sequence ${s(p, 'chain')}, the number of an SPU chain: a non-controlled publisher cannot be inside a controlled chain; the transaction is rejected`,
});

export const CHAIN_OWNERSHIP_TYPE = defineRule({
  id: 'chain-ownership-type',
  level: 'transaction',
  cisac: 'CWR 2.2 SPU record edit 3, SPU field edit 19 (TX-9); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'SPU', number: '003', messageLevel: 'R' },
  summary: 'Only original publishers (E) and acquirers (AQ) may hold ownership shares.',
  message: (p) => `${s(p, 'name')} is a publisher of type ${s(p, 'type')} but holds ownership shares: only E and AQ may own; the transaction is rejected`,
});

export const CHAIN_ACQUIRER = defineRule({
  id: 'chain-acquirer',
  level: 'transaction',
  cisac: 'CWR 2.2 SPU field edit 32, SPU record edit 8, NWR transaction edit 26 (TX-9); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'SPU', number: '032', messageLevel: 'F' },
  summary: 'An acquirer (AQ) must follow an original publisher, own something, and leave the original publisher zero ownership.',
  message: (p) => `acquirer ${s(p, 'name')}: ${s(p, 'why')}; the transaction is rejected`,
});

export const CHAIN_NO_OWNERSHIP = defineRule({
  id: 'chain-no-ownership',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edit 25, SPU record edit 1 (TX-9); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '025' },
  summary: 'In each controlled chain the original publisher and acquirers own something in at least one right.',
  message: (p) => `publisher chain ${s(p, 'chain')} owns nothing (E and AQ ownership are all zero): the transaction is rejected`,
});

export const PUBLISHER_SEQUENCE = defineRule({
  id: 'publisher-sequence',
  level: 'transaction',
  cisac: 'CWR 2.2 SPU field edit 1 (TX-10); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'SPU', number: '001', messageLevel: 'F' },
  summary: 'Publisher sequence numbers are 1 for the first chain and go up by one per chain.',
  message: (p) => `publisher sequence number ${s(p, 'found')} should be ${s(p, 'expected')}: the transaction is rejected`,
});

export const PWR_WRITER_MISMATCH = defineRule({
  id: 'pwr-writer-mismatch',
  level: 'record',
  cisac: 'CWR 2.2 PWR field edit 5 (TX-11); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'PWR', number: '005', messageLevel: 'F' },
  summary: 'A PWR names another writer than the writer record it follows.',
  message: (p) => `PWR writer "${s(p, 'found')}" is not the preceding writer "${s(p, 'expected')}": the record is dropped`,
});

export const PWR_PUBLISHER_UNKNOWN = defineRule({
  id: 'pwr-publisher-unknown',
  level: 'transaction',
  cisac: 'CWR 2.2 PWR field edits 1, 6 (TX-11); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'PWR', number: '001', messageLevel: 'F' },
  summary: 'A PWR publisher is not an original publisher (E or PA) of this work, or its sequence number differs.',
  message: (p) => `PWR publisher "${s(p, 'ip')}" ${s(p, 'why')}: the transaction is rejected`,
});

export const PWR_PUBLISHER_NAME = defineRule({
  id: 'pwr-publisher-name',
  level: 'field',
  cisac: 'CWR 2.2 PWR field edit 2 (TX-11); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'PWR', number: '002', messageLevel: 'F' },
  summary: 'A PWR publisher name differs from the SPU it refers to (the SPU name is used).',
  message: (p) => `PWR publisher name "${s(p, 'found')}" differs from the SPU's "${s(p, 'expected')}": the SPU name is used`,
});

export const CONTROLLED_PARTY_FIELDS = defineRule({
  id: 'controlled-party-fields',
  level: 'transaction',
  cisac: 'CWR 2.2 SPU field edits 2, 4, 5, 7; SWR field edits 1, 3, 4, 7 (FLD-5); v3 WRK where the layout has the fields: unverified',
  summary: 'A controlled publisher or writer lacks its interested party #, name or type, or has an unknown indicator.',
  message: (p) => `${s(p, 'record')} ${s(p, 'why')}: the transaction is rejected`,
});

export const UNKNOWN_PARTY_NAME = defineRule({
  id: 'unknown-party-name',
  level: 'field',
  cisac: 'CWR 2.2 SPU field edit 9, SWR field edit 6 (FLD-5); v3 WRK where the layout has the fields: unverified',
  summary: 'An OPU/OWR is marked unknown but carries a name (the indicator is set to N).',
  message: (p) => `${s(p, 'record')} is marked unknown (Y) but has a name: the indicator is treated as N`,
});

export const COLLECTING_PUBLISHER_IPI = defineRule({
  id: 'collecting-publisher-ipi',
  level: 'transaction',
  cisac: 'CWR 2.2 SPU field edit 40 (FLD-6; 2.2 only); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'SPU', number: '040', messageLevel: 'F' },
  summary: 'CWR 2.2: a collecting SPU (one with territory records) must carry its IPI name number.',
  message: (p) => `collecting publisher ${s(p, 'name')} has no IPI name number: the transaction is rejected`,
});

const ORIGINAL = new Set(['E', 'PA']);
const ZERO = [0, 0, 0] as const;

function checkChains(chains: readonly (readonly Party[])[], ctx: CheckContext): void {
  let expected = 1;
  for (const chain of chains) {
    const first = chain[0];
    if (!first) continue;
    const seq = numAt(first.rec, 'publisher_sequence_number');
    const chainNo = typeof seq === 'number' ? seq : 0;
    if (typeof seq === 'number' && seq !== expected) reportAt(ctx, PUBLISHER_SEQUENCE, first.rec, 'publisher_sequence_number', { found: seq, expected });
    expected = chainNo + 1;
    const type0 = strAt(first.rec, 'publisher_type');
    if (type0 !== '' && !ORIGINAL.has(type0)) reportAt(ctx, CHAIN_FIRST_PUBLISHER, first.rec, 'publisher_type', { chain: chainNo, type: type0 });
    // The second original publisher (E) of the chain, if any.
    let originals = 0;
    for (const p of chain) {
      if (strAt(p.rec, 'publisher_type') !== 'E' || ++originals !== 2) continue;
      reportAt(ctx, CHAIN_ONE_ORIGINAL, p.rec, 'publisher_type', { chain: chainNo });
      break;
    }
    if (!hasOwnershipFields(first.rec)) continue;
    let owned = 0;
    let lastE: Party | null = null;
    for (const p of chain) {
      const type = strAt(p.rec, 'publisher_type');
      const o = p.own ?? ZERO;
      const sum = o[0] + o[1] + o[2];
      if (type === 'E' || type === 'AQ') owned += sum;
      else if (sum > 0 && type !== '') reportAt(ctx, CHAIN_OWNERSHIP_TYPE, p.rec, 'publisher_type', { name: strAt(p.rec, 'publisher_name'), type });
      if (type === 'E') lastE = p;
      if (type === 'AQ') {
        if (!lastE) reportAt(ctx, CHAIN_ACQUIRER, p.rec, 'publisher_type', { name: strAt(p.rec, 'publisher_name'), why: 'it does not follow an original publisher (E) in its chain' });
        else {
          const e = lastE.own ?? ZERO;
          if (e[0] + e[1] + e[2] > 0) reportAt(ctx, CHAIN_ACQUIRER, p.rec, 'publisher_type', { name: strAt(p.rec, 'publisher_name'), why: 'the original publisher before it still holds ownership shares (they must be zero)' });
        }
        if (sum === 0) reportAt(ctx, CHAIN_ACQUIRER, p.rec, 'publisher_type', { name: strAt(p.rec, 'publisher_name'), why: 'it holds no ownership share' });
      }
    }
    if (owned === 0) reportAt(ctx, CHAIN_NO_OWNERSHIP, first.rec, null, { chain: chainNo });
  }
}

export function checkChainOfTitle(tx: Transaction, ctx: CheckContext): void {
  if (!REGISTRATION_TYPES.has(tx.header.type)) return;
  const w = workModel(tx);
  if (!w) return;
  checkChains(w.chains, ctx);
  if (w.publishers.some((p) => p.kind === 'OPU')) {
    const spuSeqs = new Set(w.chains.map((c) => (c[0] ? numAt(c[0].rec, 'publisher_sequence_number') : -1)));
    for (const p of w.publishers) {
      if (p.kind === 'OPU' && spuSeqs.has(numAt(p.rec, 'publisher_sequence_number'))) reportAt(ctx, CHAIN_OPU_IN_SPU_CHAIN, p.rec, 'publisher_sequence_number', { chain: p.rec.str('publisher_sequence_number') });
    }
  }
  // Controlled and other parties' own fields.
  const v3 = ctx.info.version === '3.0' || ctx.info.version === '3.1';
  for (const p of w.parties) {
    const r = p.rec;
    const unknownField = p.publisher ? 'publisher_unknown_indicator' : 'writer_unknown_indicator';
    const nameField = p.publisher ? 'publisher_name' : 'writer_last_name';
    const unknown = blankAt(r, unknownField) ? '' : strAt(r, unknownField);
    if (p.controlled) {
      let why: string[] | null = null;
      if (p.ip === '') (why ??= []).push('has no interested party #');
      if (blankAt(r, nameField)) (why ??= []).push(p.publisher ? 'has no publisher name' : 'has no writer last name');
      if (p.publisher && blankAt(r, 'publisher_type')) (why ??= []).push('has no publisher type');
      if (!p.publisher && blankAt(r, 'writer_designation_code')) (why ??= []).push('has no writer designation');
      // v3 writers of the indicator (DMP) fill "N"; only "Y" contradicts a controlled party there.
      if (v3 ? unknown === 'Y' : unknown !== '') (why ??= []).push(`has an unknown indicator "${unknown}" (must be blank for a controlled party)`);
      if (why) reportAt(ctx, CONTROLLED_PARTY_FIELDS, r, null, { record: r.type, why: why.join(', ') });
      if (p.publisher && ctx.info.version === '2.2' && p.territories.length > 0 && blankAt(r, 'publisher_ipi_name_number')) {
        reportAt(ctx, COLLECTING_PUBLISHER_IPI, r, 'publisher_ipi_name_number', { name: strAt(r, nameField) });
      }
    } else if (unknown === 'Y' && !blankAt(r, nameField)) {
      reportAt(ctx, UNKNOWN_PARTY_NAME, r, unknownField, { record: r.type });
    }
  }
  // PWR links (the map of original publishers is only built when a writer has links).
  if (!w.writers.some((wr) => wr.links.length > 0)) return;
  const originals = new Map<string, Party>();
  for (const chain of w.chains) for (const p of chain) if (ORIGINAL.has(strAt(p.rec, 'publisher_type')) && !originals.has(p.ip)) originals.set(p.ip, p);
  for (const wr of w.writers) {
    for (const link of wr.links) {
      const writerIp = strAt(link, 'writer_ip_number');
      if (link.layout?.byName.has('writer_ip_number') && writerIp !== '' && writerIp !== wr.ip) {
        reportAt(ctx, PWR_WRITER_MISMATCH, link, 'writer_ip_number', { found: writerIp, expected: wr.ip });
      }
      const ip = strAt(link, 'publisher_ip_number');
      if (ip === '') continue;
      const pub = originals.get(ip);
      if (!pub) {
        reportAt(ctx, PWR_PUBLISHER_UNKNOWN, link, 'publisher_ip_number', { ip, why: 'is not an original publisher (E or PA) on an SPU of this work' });
        continue;
      }
      const seq = numAt(link, 'publisher_sequence_number');
      if (typeof seq === 'number' && seq !== 0 && seq !== numAt(pub.rec, 'publisher_sequence_number')) {
        reportAt(ctx, PWR_PUBLISHER_UNKNOWN, link, 'publisher_sequence_number', { ip, why: `has sequence ${seq}, but that publisher's chain is ${pub.rec.str('publisher_sequence_number')}` });
      }
      const pname = strAt(link, 'publisher_name');
      const expectedName = strAt(pub.rec, 'publisher_name');
      if (link.layout?.byName.has('publisher_name') && pname !== '' && pname !== expectedName) reportAt(ctx, PWR_PUBLISHER_NAME, link, 'publisher_name', { found: pname, expected: expectedName });
    }
  }
}
