/**
 * Builds a CWR transmission record by record from field values: it numbers transactions and
 * records, counts groups, and writes GRT and TRL with correct counts. Lines go to a sink as they
 * are made, so files of any size can be produced in bounded memory.
 */
import { encodeRecord } from '../../fixed-width/codec.js';
import type { FieldValue } from '../../fixed-width/field-types.js';
import type { LayoutSet } from '../../fixed-width/layout.js';
import { GROUP_VERSION, isV3, layoutsFor, type CwrVersion } from './versions.js';

export type Values = Readonly<Record<string, FieldValue | undefined>>;

export class CwrBuildError extends Error {
  override readonly name = 'CwrBuildError';
}

export class CwrBuilder {
  readonly layouts: LayoutSet;
  /** The file name, for 3.x HDR records that carry it. */
  fileName = '';
  #groupId = 0;
  #groupType: string | null = null;
  #groupTx = 0;
  #groupRecords = 0;
  #txSeq = -1;
  #recSeq = 0;
  #totalTx = 0;
  #totalRecords = 0;
  #inTransaction = false;

  constructor(
    readonly version: CwrVersion,
    private readonly sink: (line: string) => void,
    layouts?: LayoutSet,
  ) {
    this.layouts = layouts ?? layoutsFor(version);
  }

  #emit(type: string, values: Values): void {
    const layout = this.layouts.records.get(type);
    if (!layout) throw new CwrBuildError(`CWR ${this.version} has no ${type} record`);
    this.sink(encodeRecord(layout, { ...values, record_type: type }));
    this.#totalRecords++;
    if (this.#groupType !== null) this.#groupRecords++;
  }

  /** The HDR; for 2.2 and 3.x the version fields are filled in. */
  header(values: Values): this {
    const extra: Record<string, FieldValue> = {};
    if (this.version === '2.2') {
      extra['cwr_version'] = '2.2';
      extra['cwr_revision'] = values['cwr_revision'] ?? 2;
    }
    if (isV3(this.version)) {
      extra['cwr_version'] = this.version;
      extra['cwr_revision'] = values['cwr_revision'] ?? 0;
    }
    if (!isV3(this.version) && values['edi_standard_version_number'] === undefined) extra['edi_standard_version_number'] = '01.10';
    this.#emit('HDR', { ...values, ...extra });
    return this;
  }

  /** Opens a group of transactions of one type (closing the previous group). */
  group(transactionType: string, values: Values = {}): this {
    this.endGroup();
    this.#groupId++;
    this.#groupType = transactionType;
    this.#groupTx = 0;
    this.#groupRecords = 0;
    this.#txSeq = -1;
    this.#emit('GRH', {
      transaction_type: transactionType,
      group_id: this.#groupId,
      version_number_for_transaction_type: GROUP_VERSION[this.version],
      ...values,
    });
    return this;
  }

  /** Starts a transaction with its header record (NWR, REV, ACK, WRK ...). */
  transaction(type: string, values: Values): this {
    if (this.#groupType === null) throw new CwrBuildError(`${type} outside a group`);
    this.#txSeq++;
    this.#recSeq = 0;
    this.#groupTx++;
    this.#totalTx++;
    this.#inTransaction = true;
    this.#emit(type, { ...values, transaction_sequence_number: this.#txSeq, record_sequence_number: 0 });
    return this;
  }

  /** A detail record of the current transaction (also the NWR/REV echoed inside an ACK). */
  record(type: string, values: Values): this {
    if (!this.#inTransaction) throw new CwrBuildError(`${type} outside a transaction`);
    this.#recSeq++;
    this.#emit(type, { ...values, transaction_sequence_number: this.#txSeq, record_sequence_number: this.#recSeq });
    return this;
  }

  endGroup(): this {
    if (this.#groupType === null) return this;
    this.#groupRecords++; // the GRT itself
    const records = this.#groupRecords;
    this.#groupType = null;
    this.#inTransaction = false;
    this.#emit('GRT', { group_id: this.#groupId, transaction_count: this.#groupTx, record_count: records });
    return this;
  }

  /** Closes the transmission with its TRL. */
  end(): void {
    this.endGroup();
    this.#emit('TRL', { group_count: this.#groupId, transaction_count: this.#totalTx, record_count: this.#totalRecords + 1 });
  }
}
