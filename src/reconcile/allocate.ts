/**
 * Who is paid from one matched statement line. Members of the receiving society are the work's
 * parties affiliated to it for the line's right. A line naming a party pays that party when it is
 * on the work and a member; a line naming no party is split over the work's members by their
 * registered collection shares for the right and territory. Everything else stays unallocated,
 * with its reason. Parts always add up to the line amount, in every currency.
 */
import { splitByWeights } from './amounts.js';
import { collectionShare, isMember, namesParty, type PartyMatch, type TerritoryContains } from './parties.js';
import type { LineStatus, ReconLine, Right, WorkDetail, WorkParty } from './types.js';

export const UNALLOCATED_REASONS = ['unmatched', 'review', 'party-not-on-work', 'not-a-member', 'no-member-share'] as const;
export type UnallocatedReason = (typeof UNALLOCATED_REASONS)[number];

export interface AllocationPart {
  readonly party: WorkParty;
  /** Collection share used as the weight (hundredths of a percent; 10000 when the line names the party). */
  readonly weight: number;
  /** Statement currency, minor units. */
  readonly amount: bigint;
  /** Local currency, minor units (null without a rate). */
  readonly local: bigint | null;
}

export interface Allocation {
  readonly parts: readonly AllocationPart[];
  readonly unallocated: bigint;
  readonly unallocatedLocal: bigint | null;
  readonly reason: UnallocatedReason | null;
  /** Sum of the members' registered collection shares (or the named party's) for the line. */
  readonly registeredShare: number | null;
}

export interface AllocateInput {
  readonly line: ReconLine;
  readonly status: LineStatus;
  readonly work: WorkDetail | null;
  readonly party: PartyMatch | null;
  /** Amount to allocate (after bank charges), statement currency. */
  readonly amount: bigint;
  readonly local: bigint | null;
  readonly society: string;
  readonly contains: TerritoryContains;
}

export function lineRight(line: ReconLine): Right {
  return line.right ?? 'PR';
}

function none(amount: bigint, local: bigint | null, reason: UnallocatedReason, registeredShare: number | null = null): Allocation {
  return { parts: [], unallocated: amount, unallocatedLocal: local, reason, registeredShare };
}

export function allocateLine(input: AllocateInput): Allocation {
  const { line, work, amount, local, society } = input;
  if (input.status !== 'matched' || work === null) return none(amount, local, input.status === 'review' ? 'review' : 'unmatched');
  const right = lineRight(line);
  if (namesParty(line)) {
    const p = input.party;
    if (p === null) return none(amount, local, 'party-not-on-work');
    const share = collectionShare(p.party.collection, right, line.territory, input.contains);
    if (!isMember(p.party, right, society)) return none(amount, local, 'not-a-member', share);
    return { parts: [{ party: p.party, weight: 10000, amount, local }], unallocated: 0n, unallocatedLocal: local === null ? null : 0n, reason: null, registeredShare: share };
  }
  const members: { party: WorkParty; weight: number }[] = [];
  let registered = 0;
  for (const p of work.parties) {
    if (!isMember(p, right, society)) continue;
    const weight = collectionShare(p.collection, right, line.territory, input.contains);
    if (weight > 0) {
      members.push({ party: p, weight });
      registered += weight;
    }
  }
  if (members.length === 0) return none(amount, local, 'no-member-share', 0);
  const weights = members.map((m) => BigInt(m.weight));
  const amounts = splitByWeights(amount, weights);
  const locals = local === null ? null : splitByWeights(local, weights);
  return {
    parts: mergeByParty(members.map((m, i) => ({ party: m.party, weight: m.weight, amount: amounts[i] ?? 0n, local: locals === null ? null : (locals[i] ?? 0n) }))),
    unallocated: 0n,
    unallocatedLocal: local === null ? null : 0n,
    reason: null,
    registeredShare: registered,
  };
}

/** One part per party: a party on the work twice (a publisher in two chains, a writer with two
 * roles) is paid once, its weights and amounts added up (the parts still add up to the line). */
function mergeByParty(parts: AllocationPart[]): AllocationPart[] {
  if (parts.length < 2) return parts;
  const seen = new Map<number, number>();
  const out: AllocationPart[] = [];
  for (const p of parts) {
    const i = seen.get(p.party.id);
    if (i === undefined) {
      seen.set(p.party.id, out.length);
      out.push(p);
      continue;
    }
    const q = out[i] as AllocationPart;
    out[i] = { party: q.party, weight: q.weight + p.weight, amount: q.amount + p.amount, local: q.local === null || p.local === null ? null : q.local + p.local };
  }
  return out;
}
