/**
 * A work registration transaction read once into parties, chains and territory records, shared by
 * the share, chain-of-title and collection rules (built once per transaction, cached).
 */
import type { CwrRecord } from '../../../formats/cwr/record.js';
import type { Transaction } from '../../../formats/cwr/structure.js';
import type { RecordLayout } from '../../../fixed-width/layout.js';
import { numAt, numIn, rangeIn, strIn } from '../support.js';

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
  /** The detail records (the transaction's records after its header). */
  readonly details: readonly CwrRecord[];
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

type Range = readonly [number, number];
/** The ranges of the fields the model reads, per layout (one lookup per record instead of one per field). */
interface ModelFields {
  readonly ip: Range;
  readonly publisherSequence: Range;
  /** PR, MR, SR ownership; null when the layout has no ownership shares (v3). */
  readonly own: readonly [Range, Range, Range] | null;
  readonly include: Range;
  readonly tis: Range;
  readonly collection: readonly [Range, Range, Range];
}
const fieldsPlan = new WeakMap<RecordLayout, ModelFields>();
function fieldsOf(layout: RecordLayout | undefined): ModelFields {
  const known = layout === undefined ? undefined : fieldsPlan.get(layout);
  if (known !== undefined) return known;
  const r = (name: string): Range => rangeIn(layout, name);
  const plan: ModelFields = {
    ip: r('interested_party_number'),
    publisherSequence: r('publisher_sequence_number'),
    own: layout?.byName.has('pr_ownership_share') ? [r('pr_ownership_share'), r('mr_ownership_share'), r('sr_ownership_share')] : null,
    include: r('inclusion_exclusion_indicator'),
    tis: r('tis_numeric_code'),
    collection: [r('pr_collection_share'), r('mr_collection_share'), r('sr_collection_share')],
  };
  if (layout !== undefined) fieldsPlan.set(layout, plan);
  return plan;
}

export function workModel(tx: Transaction): WorkModel | null {
  if (tx === lastTx) return lastModel;
  lastTx = tx;
  lastModel = null;
  if (!WORK_TYPES.has(tx.header.type)) return null;
  const header = tx.header;
  const rest = tx.records;
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
        const f = fieldsOf(rec.layout);
        const t = rec.text;
        const own = f.own === null ? null : ([numIn(t, f.own[0][0], f.own[0][1]), numIn(t, f.own[1][0], f.own[1][1]), numIn(t, f.own[2][0], f.own[2][1])] as const);
        current = { rec, kind: rec.type, controlled: rec.type[0] === 'S', publisher, ip: strIn(t, f.ip[0], f.ip[1]), own, territories: [], links: [] };
        (publisher ? publishers : writers).push(current);
        if (rec.type === 'SPU') {
          const seq = numIn(t, f.publisherSequence[0], f.publisherSequence[1]);
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
        if (current) {
          const f = fieldsOf(rec.layout);
          const t = rec.text;
          const c = f.collection;
          current.territories.push({
            rec,
            include: strIn(t, f.include[0], f.include[1]) !== 'E',
            tis: strIn(t, f.tis[0], f.tis[1]).padStart(4, '0'),
            shares: [numIn(t, c[0][0], c[0][1]), numIn(t, c[1][0], c[1][1]), numIn(t, c[2][0], c[2][1])],
          });
        }
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
  const model: WorkModel = { header, details: rest, publishers, writers, parties: [...publishers, ...writers], chains, instrumentation };
  lastModel = model;
  return model;
}

export function ownership(rec: CwrRecord): readonly [number, number, number] {
  return [shareOf(rec, 'pr_ownership_share'), shareOf(rec, 'mr_ownership_share'), shareOf(rec, 'sr_ownership_share')];
}

export function hasOwnershipFields(rec: CwrRecord): boolean {
  return rec.layout?.byName.has('pr_ownership_share') === true;
}
