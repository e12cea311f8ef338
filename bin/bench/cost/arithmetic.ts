import { prices, storageOverheadBytesPerItem } from './prices';

/**
 * The pure arithmetic of the cost bench: capacity units from item sizes,
 * dollars from units, GB-seconds and bytes. Tested in
 * tests/unit/bench/cost-arithmetic.test.ts.
 */
const kilobyte = 1024;
/** AWS bills storage in GB of 2^30 bytes. */
export const gigabyte = 1024 ** 3;

/** Write request units of one write of an item of `bytes`: 1 per started KB (at least 1); a transaction's write counts twice. */
export function writeUnits(bytes: number, transactional = false): number {
  return Math.max(1, Math.ceil(bytes / kilobyte)) * (transactional ? 2 : 1);
}

/** Read request units of reading `bytes`: 1 per started 4 KB, half that eventually consistent, twice in a transaction. */
export function readUnits(bytes: number, consistency: 'eventual' | 'strong' | 'transactional'): number {
  const units = Math.max(1, Math.ceil(bytes / (4 * kilobyte)));
  return consistency === 'eventual' ? units / 2 : consistency === 'strong' ? units : units * 2;
}

/** One action of a TransactWriteItems: the item's size before and after (undefined: absent), and its entries in the indexes it was or is in. */
export interface TransactionAction {
  kind: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  beforeBytes?: number;
  afterBytes?: number;
  indexes: IndexEntryChange[];
}

/** One index entry of an item before and after a write. */
export interface IndexEntryChange {
  indexName: string;
  /** The item's key in the index before and after (undefined: not in the index). */
  before?: string;
  after?: string;
  /** The entry's size before and after: keys and projected attributes. Left out: the item's size (an ALL projection). */
  beforeBytes?: number;
  afterBytes?: number;
  /** Whether a projected attribute changed while the key stayed. Left out: yes (an ALL projection of a written item). */
  changed?: boolean;
}

/**
 * Write units of one index entry of a write, as DynamoDB bills them: 1 per
 * started KB of the entry (not of the item) when the item enters or leaves
 * the index, two writes when its index key moves (a delete and a put),
 * one when only projected attributes change (at the larger size), none
 * when the entry stays the same (a keys-only entry whose key stays).
 */
export function indexEntryWriteUnits(entry: IndexEntryChange, item: { beforeBytes?: number; afterBytes?: number }, transactional = false): number {
  const beforeBytes = entry.beforeBytes ?? item.beforeBytes ?? 0;
  const afterBytes = entry.afterBytes ?? item.afterBytes ?? 0;
  if (entry.before !== undefined && entry.after !== undefined) {
    if (entry.before !== entry.after) return writeUnits(beforeBytes, transactional) + writeUnits(afterBytes, transactional);
    return (entry.changed ?? true) ? writeUnits(Math.max(beforeBytes, afterBytes), transactional) : 0;
  }
  if (entry.before !== undefined) return writeUnits(beforeBytes, transactional);
  if (entry.after !== undefined) return writeUnits(afterBytes, transactional);
  return 0;
}

/** Write request units of a PutItem, UpdateItem or DeleteItem: the item (the larger of before and after) and each index entry it writes. */
export function plainWriteUnits(action: TransactionAction): number {
  return writeUnits(Math.max(action.beforeBytes ?? 0, action.afterBytes ?? 0)) + action.indexes.reduce((sum, entry) => sum + indexEntryWriteUnits(entry, action), 0);
}

/**
 * Write request units DynamoDB bills for a TransactWriteItems: every action
 * twice the units of its item (the larger of before and after; a
 * ConditionCheck counts as a write of the item it checks), and every index
 * entry it writes (`indexEntryWriteUnits`) likewise. AWS's documentation
 * does not say whether the index writes of a transaction are billed at the
 * transactional rate: by default they are (the upper bound); `standard`
 * gives the lower bound.
 */
export function transactionWriteUnits(actions: readonly TransactionAction[], indexWrites: 'transactional' | 'standard' = 'transactional'): number {
  let units = 0;
  for (const action of actions) {
    units += writeUnits(Math.max(action.beforeBytes ?? 0, action.afterBytes ?? 0), true);
    if (action.kind === 'ConditionCheck') continue;
    for (const entry of action.indexes) units += indexEntryWriteUnits(entry, action, indexWrites === 'transactional');
  }
  return units;
}

/** Bytes DynamoDB stores for an item and its index entries: each its data plus 100 bytes (an entry's data: its keys and projected attributes). */
export function storedBytes(itemBytes: number, indexEntryBytes: readonly number[] = []): number {
  return itemBytes + storageOverheadBytesPerItem + indexEntryBytes.reduce((sum, bytes) => sum + bytes + storageOverheadBytesPerItem, 0);
}

/** An average month (365.25 / 12 days), as storage is billed by GB-month. */
export const monthMs = (365.25 / 12) * 86_400_000;

/**
 * Byte-months an item is stored within `months` from `fromMs`: all of them,
 * or until its TTL (`expiresAt`, epoch seconds) has removed it.
 */
export function byteMonths(bytes: number, fromMs: number, months: number, expiresAtSeconds?: number): number {
  if (expiresAtSeconds === undefined) return bytes * months;
  const stored = Math.min(months, Math.max(0, (expiresAtSeconds * 1000 - fromMs) / monthMs));
  return bytes * stored;
}

/** Lambda GB-seconds of invocations of one function: each duration rounded up to the millisecond, times its memory. */
export function gigabyteSeconds(durationsMs: readonly number[], memoryMb: number): number {
  const billedMs = durationsMs.reduce((sum, ms) => sum + Math.max(1, Math.ceil(ms)), 0);
  return (billedMs / 1000) * (memoryMb / 1024);
}

/** What one complaint uses, averaged over the bench's complaints. */
export interface PerComplaintUsage {
  readUnits: number;
  writeUnits: number;
  lambdaInvocations: number;
  lambdaGbSeconds: number;
  apiRequests: number;
  logBytes: number;
  /** Stored byte-months over the first 36 months (items and index entries, with overhead, until TTL removes them), and of the base table alone. */
  storedByteMonths: number;
  tableByteMonths: number;
  /** Stored bytes and base-table bytes of what is left after erasure. */
  storedBytesAfterErasure: number;
  tableBytesAfterErasure: number;
}

export interface CostLine {
  item: string;
  dollarsPerMillion: number;
}

/** The storage horizon: personal data is erased 3 years after closing, and a case closes within weeks of filing. */
export const storageMonths = 36;

/**
 * Dollars per million complaints, item by item. Storage: what each
 * complaint leaves, for 36 months or until its TTL; PITR on the base table.
 */
export function dollarsPerMillion(usage: PerComplaintUsage): CostLine[] {
  const million = 1_000_000;
  const months = storageMonths;
  const gbMonths = (byteMonthsPerComplaint: number) => (byteMonthsPerComplaint * million) / gigabyte;
  return [
    { item: 'DynamoDB write request units', dollarsPerMillion: usage.writeUnits * prices.dynamoDb.perMillionWriteRequestUnits },
    { item: 'DynamoDB read request units', dollarsPerMillion: usage.readUnits * prices.dynamoDb.perMillionReadRequestUnits },
    { item: `DynamoDB storage, ${months} months (table and indexes)`, dollarsPerMillion: gbMonths(usage.storedByteMonths) * prices.dynamoDb.storagePerGbMonth },
    { item: `DynamoDB PITR backups, ${months} months (table)`, dollarsPerMillion: gbMonths(usage.tableByteMonths) * prices.dynamoDb.pitrPerGbMonth },
    { item: 'Lambda requests', dollarsPerMillion: usage.lambdaInvocations * prices.lambda.perMillionRequests },
    { item: 'Lambda duration (arm64 GB-seconds)', dollarsPerMillion: usage.lambdaGbSeconds * million * prices.lambda.perGbSecondArm64 },
    { item: 'HTTP API requests', dollarsPerMillion: usage.apiRequests * prices.apiGateway.perMillionHttpApiRequests },
    { item: 'CloudWatch Logs ingestion', dollarsPerMillion: ((usage.logBytes * million) / gigabyte) * prices.cloudWatchLogs.ingestionPerGb },
  ];
}

/** Storage and PITR of what erasure leaves, per million complaints and year, after the first 3 years. */
export function residualDollarsPerMillionPerYear(usage: PerComplaintUsage): number {
  const gb = (bytes: number) => (bytes * 1_000_000) / gigabyte;
  return 12 * (gb(usage.storedBytesAfterErasure) * prices.dynamoDb.storagePerGbMonth + gb(usage.tableBytesAfterErasure) * prices.dynamoDb.pitrPerGbMonth);
}
