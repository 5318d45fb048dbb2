/**
 * A work registration transaction read once into parties, chains and territory records, shared by
 * the share, chain-of-title and collection rules (built once per transaction, cached).
 */
import type { CwrRecord } from '../../../formats/cwr/record.js';
import type { Transaction } from '../../../formats/cwr/structure.js';
import { numAt, strAt } from '../support.js';

/** Transaction types that register a work (2.x and v3). */
export const WORK_TYPES: ReadonlySet<string> = new Set(['NWR', 'REV', 'ISW', 'EXC', 'WRK']);
/** Work transactions whose shares and chains are checked (ISW/EXC describe someone else's data). */
export const REGISTRATION_TYPES: ReadonlySet<string> = new Set(['NWR', 'REV', 'WRK']);

export interface TerritoryRecord {
  readonly rec: CwrRecord;
  readonly include: boolean;
  readonly tis: string;
  readonly shares: readonly [number, number, number];
}

export interface Party {
  readonly rec: CwrRecord;
  /** SPU, OPU, SWR, OWR. */
  readonly kind: string;
  readonly controlled: boolean;
  readonly publisher: boolean;
  readonly ip: string;
  /** Ownership shares [PR, MR, SR], or null when the layout has none (v3). */
  readonly own: readonly [number, number, number] | null;
  readonly territories: TerritoryRecord[];
  readonly links: CwrRecord[];
}

export interface WorkModel {
  readonly header: CwrRecord;
  readonly records: readonly CwrRecord[];
  readonly publishers: readonly Party[];
  readonly writers: readonly Party[];
  /** Publishers then writers. */
  readonly parties: readonly Party[];
  /** SPU chains: consecutive SPUs sharing a publisher sequence number. */
  readonly chains: readonly (readonly Party[])[];
  /** Whether the work has INS or IND records (instrumentation). */
  readonly instrumentation: boolean;
}

// Checks of one transaction run one after the other, so remembering the last model is enough
// (a WeakMap over every transaction of a large file costs far more in garbage collection).
let lastTx: Transaction | null = null;
let lastModel: WorkModel | null = null;

const shareOf = numAt;

export function workModel(tx: Transaction): WorkModel | null {
  if (tx === lastTx) return lastModel;
  lastTx = tx;
  lastModel = null;
  if (!WORK_TYPES.has(tx.header.type)) return null;
  const header = tx.header;
  const rest = tx.records;
  const recs = [header, ...rest];
  const publishers: Party[] = [];
  const writers: Party[] = [];
  const chains: Party[][] = [];
  let instrumentation = false;
  let current: Party | null = null;
  let chainSeq: number | null = null;
  for (const rec of rest) {
    switch (rec.type) {
      case 'SPU':
      case 'OPU':
      case 'SWR':
      case 'OWR': {
        const publisher = rec.type === 'SPU' || rec.type === 'OPU';
        current = { rec, kind: rec.type, controlled: rec.type[0] === 'S', publisher, ip: strAt(rec, 'interested_party_number'), own: hasOwnershipFields(rec) ? ownership(rec) : null, territories: [], links: [] };
        (publisher ? publishers : writers).push(current);
        if (rec.type === 'SPU') {
          const seq = shareOf(rec, 'publisher_sequence_number');
          const last = chains[chains.length - 1];
          if (last && chainSeq === seq) last.push(current);
          else chains.push([current]);
          chainSeq = seq;
        } else if (rec.type === 'OPU') chainSeq = null;
        break;
      }
      case 'SPT':
      case 'OPT':
      case 'SWT':
      case 'OWT':
        if (current)
          current.territories.push({
            rec,
            include: strAt(rec, 'inclusion_exclusion_indicator') !== 'E',
            tis: strAt(rec, 'tis_numeric_code').padStart(4, '0'),
            shares: [shareOf(rec, 'pr_collection_share'), shareOf(rec, 'mr_collection_share'), shareOf(rec, 'sr_collection_share')],
          });
        break;
      case 'PWR':
        if (current && !current.publisher) current.links.push(rec);
        break;
      case 'NPN':
      case 'NWN':
        break;
      case 'INS':
      case 'IND':
        instrumentation = true;
        current = null;
        break;
      default:
        current = null;
    }
  }
  const model: WorkModel = { header, records: recs, publishers, writers, parties: [...publishers, ...writers], chains, instrumentation };
  lastModel = model;
  return model;
}

export function ownership(rec: CwrRecord): readonly [number, number, number] {
  return [shareOf(rec, 'pr_ownership_share'), shareOf(rec, 'mr_ownership_share'), shareOf(rec, 'sr_ownership_share')];
}

export function hasOwnershipFields(rec: CwrRecord): boolean {
  return rec.layout?.byName.has('pr_ownership_share') === true;
}
