import { BatchGetCommand, BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord } from '../domain/complaints/case';
import type { CaseFacts } from '../domain/statistics/case-facts';
import type { CellAddress, Counters } from '../domain/statistics/cells';
import { documentDb, tableName } from './client';
import { queryAll } from './query-all';
import { caseFromItem } from './cases-store';
import { indexPartitions, keys as tableKeys, statisticsKeys } from './keys';

/**
 * Statistics items (README "Data model"): the state item, the run lease,
 * the pending chunk, one item per cell (counters as top-level numbers
 * `c_<name>`), and per case the facts last counted. No Scan: cases are found by month (`MONTH#`) or in the change
 * feed (`CHANGED#<day>`), both partitions of the byMonth index.
 */
export interface StatisticsState {
  /** Cells in use are `STATS#<generation>#<period>`. */
  generation: number;
  /** Every change at or after this instant (less the overlap) is read by the next incremental run. */
  watermark: string;
  /** Periods that have cells in the current generation (for clean-up after a rebuild). */
  periods: string[];
  /** When the figures were last brought up to date. */
  generatedAt: string;
  /** A rebuild started and did not finish: the next run rebuilds. */
  rebuildPending?: boolean;
  /** The earliest month any counted case was received in. */
  firstMonth?: string;
}

export interface PendingChunk {
  chunkId: string;
  generation: number;
  entries: { counted?: CaseFacts; current: CaseFacts; disclosureSynced?: string }[];
}

const counterPrefix = 'c_';
const batchGetSize = 100;
const batchWriteSize = 25;
const maxBatchAttempts = 8;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function getStatisticsState(): Promise<StatisticsState | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: statisticsKeys.state(), ConsistentRead: true }));
  if (!Item) return undefined;
  const { generation, watermark, periods, generatedAt, rebuildPending, firstMonth } = Item;
  return { generation, watermark, periods: periods ?? [], generatedAt, ...(rebuildPending ? { rebuildPending } : {}), ...(firstMonth ? { firstMonth } : {}) } as StatisticsState;
}

export async function putStatisticsState(state: StatisticsState): Promise<void> {
  await documentDb().send(new PutCommand({ TableName: tableName(), Item: { ...statisticsKeys.state(), entity: 'statsState', ...state } }));
}

/** Takes the run lease if it is free or expired; false when another run holds it. */
export async function acquireRunLease(owner: string, nowEpochSeconds: number, leaseSeconds: number): Promise<boolean> {
  try {
    await documentDb().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...statisticsKeys.lock(), entity: 'statsLock', owner, expiresAt: nowEpochSeconds + leaseSeconds },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now OR #owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':now': nowEpochSeconds, ':owner': owner },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function releaseRunLease(owner: string): Promise<void> {
  try {
    await documentDb().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: statisticsKeys.lock(),
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}


/**
 * The change feed of one UTC day from `fromSortKey` on: for each case that
 * changed, the highest timeline `seq` seen (the case version it produced).
 */
export async function changesOnDay(utcDay: string, fromSortKey: string | undefined, into: Map<string, number>): Promise<void> {
  await queryAll(
    {
      TableName: tableName(),
      IndexName: 'byMonth',
      KeyConditionExpression: fromSortKey ? 'monthPk = :pk AND monthSk >= :from' : 'monthPk = :pk',
      ExpressionAttributeValues: { ':pk': statisticsKeys.changeFeedPartition(utcDay), ...(fromSortKey ? { ':from': fromSortKey } : {}) },
      ProjectionExpression: 'caseId, seq',
    },
    (items) => {
      for (const item of items) {
        const caseId = item.caseId as string;
        const seq = Number(item.seq ?? 0);
        if (caseId && seq > (into.get(caseId) ?? 0)) into.set(caseId, seq);
      }
    },
  );
}

/**
 * Cases received in one China month at or after `fromSortKey` (an ISO
 * instant): filings write only the case item, whose byMonth sort key is
 * `<receivedAt>#<caseId>`, so new cases are a range of the `MONTH#`
 * partition. Adds each with its version to `into`.
 */
export async function filingsSince(month: string, fromSortKey: string, into: Map<string, number>): Promise<void> {
  await queryAll(
    {
      TableName: tableName(),
      IndexName: 'byMonth',
      KeyConditionExpression: 'monthPk = :pk AND monthSk >= :from',
      ExpressionAttributeValues: { ':pk': statisticsKeys.monthPartition(month), ':from': fromSortKey },
      ProjectionExpression: 'caseId, version, entity',
    },
    (items) => {
      for (const item of items) {
        const caseId = item.caseId as string;
        const version = Number(item.version ?? 0);
        if (item.entity === 'case' && caseId && version > (into.get(caseId) ?? 0)) into.set(caseId, version);
      }
    },
  );
}

/**
 * Every case received in one China month, page by page (the byMonth
 * index's `MONTH#` partition projects whole case items).
 */
export async function casesReceivedIn(month: string, onPage: (cases: CaseRecord[]) => Promise<void> | void): Promise<void> {
  await queryAll(
    { TableName: tableName(), IndexName: 'byMonth', KeyConditionExpression: 'monthPk = :pk', ExpressionAttributeValues: { ':pk': statisticsKeys.monthPartition(month) } },
    (items) => onPage(items.filter((item) => item.entity === 'case').map(caseFromItem)),
  );
}

/** The case items of `caseIds` (strongly consistent); missing ones are left out. */
export async function getCaseRecords(caseIds: readonly string[]): Promise<CaseRecord[]> {
  const found: CaseRecord[] = [];
  for (const ids of chunked([...new Set(caseIds)], batchGetSize)) {
    let keys: Record<string, unknown>[] = ids.map((id) => tableKeys.case(id));
    for (let attempt = 1; keys.length > 0; attempt++) {
      const answer = await documentDb().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }));
      found.push(...(answer.Responses?.[tableName()] ?? []).map(caseFromItem));
      keys = (answer.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      if (keys.length > 0) {
        if (attempt >= maxBatchAttempts) throw new Error('DynamoDB kept some case keys unprocessed');
        await pause(25 * 2 ** attempt);
      }
    }
  }
  return found;
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** What the job last did for a case: the facts it counted, and the disclosure state it last made public. */
export interface Contribution {
  facts: CaseFacts;
  /** `<state>@<publishedAt>` of the disclosure last reconciled with the public list; absent if never. */
  disclosureSynced?: string;
}

/** What was last counted for each of `caseIds` (strongly consistent). */
export async function getContributions(caseIds: readonly string[]): Promise<Map<string, Contribution>> {
  const found = new Map<string, Contribution>();
  for (const ids of chunked([...new Set(caseIds)], batchGetSize)) {
    let keys: Record<string, unknown>[] = ids.map((id) => statisticsKeys.contribution(id));
    for (let attempt = 1; keys.length > 0; attempt++) {
      const answer = await documentDb().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of answer.Responses?.[tableName()] ?? []) {
        found.set(item.caseId as string, { facts: item.facts as CaseFacts, ...(item.disclosureSynced ? { disclosureSynced: item.disclosureSynced as string } : {}) });
      }
      keys = (answer.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      if (keys.length > 0) {
        if (attempt >= maxBatchAttempts) throw new Error('DynamoDB kept some statistics keys unprocessed');
        await pause(25 * 2 ** attempt);
      }
    }
  }
  return found;
}

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/** BatchWriteItem in 25s, retrying what DynamoDB leaves unprocessed; `concurrency` batches at a time. */
export async function batchWrite(requests: readonly WriteRequest[], concurrency = 4): Promise<void> {
  const batches = chunked(requests, batchWriteSize);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < batches.length) {
      let pending: WriteRequest[] = batches[next++]!;
      for (let attempt = 1; pending.length > 0; attempt++) {
        const answer = await documentDb().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
        pending = (answer.UnprocessedItems?.[tableName()] as WriteRequest[] | undefined) ?? [];
        if (pending.length > 0) {
          if (attempt >= maxBatchAttempts) throw new Error('DynamoDB kept some statistics writes unprocessed');
          await pause(25 * 2 ** attempt);
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
}

export function contributionItem(facts: CaseFacts, disclosureSynced?: string): Record<string, unknown> {
  return { ...statisticsKeys.contribution(facts.caseId), entity: 'statsContribution', caseId: facts.caseId, version: facts.version, facts, ...(disclosureSynced ? { disclosureSynced } : {}) };
}

export function putContributions(contributions: readonly Contribution[]): Promise<void> {
  return batchWrite(contributions.map((c) => ({ PutRequest: { Item: contributionItem(c.facts, c.disclosureSynced) } })), 8);
}

/** Entries per part item: old and new facts of a case take well under 1 KB. */
const entriesPerPart = 200;

export async function getPendingChunk(): Promise<PendingChunk | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: statisticsKeys.pendingChunk(), ConsistentRead: true }));
  if (!Item) return undefined;
  const entries: PendingChunk['entries'] = [];
  for (let part = 0; part < (Item.parts as number); part++) {
    const { Item: partItem } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: statisticsKeys.pendingChunkPart(part), ConsistentRead: true }));
    if (!partItem || partItem.chunkId !== Item.chunkId) throw new Error(`pending statistics chunk ${Item.chunkId as string} lacks part ${part}`);
    entries.push(...(partItem.entries as PendingChunk['entries']));
  }
  return { chunkId: Item.chunkId, generation: Item.generation, entries };
}

/** Writes the chunk's parts, then its header: the header is what makes the chunk pending. */
export async function putPendingChunk(chunk: PendingChunk): Promise<void> {
  const parts = chunked(chunk.entries, entriesPerPart);
  await batchWrite(parts.map((entries, part) => ({ PutRequest: { Item: { ...statisticsKeys.pendingChunkPart(part), entity: 'statsPendingPart', chunkId: chunk.chunkId, entries } } })));
  await documentDb().send(
    new PutCommand({ TableName: tableName(), Item: { ...statisticsKeys.pendingChunk(), entity: 'statsPendingChunk', chunkId: chunk.chunkId, generation: chunk.generation, parts: parts.length } }),
  );
}

/** The header goes; its parts are overwritten by the next chunk (and ignored: they name another chunk id). */
export async function deletePendingChunk(): Promise<void> {
  await documentDb().send(new DeleteCommand({ TableName: tableName(), Key: statisticsKeys.pendingChunk() }));
}

/**
 * Adds each delta to its cell, once per chunk. Runs under the aggregation
 * lease (one writer): it reads the periods' cells, adds, and writes them
 * back whole in batches, each stamped with the chunk; finishing a crashed
 * chunk again skips the cells that already carry its stamp. Answers how
 * many cells it changed.
 */
export async function applyCellDeltas(generation: number, deltas: ReadonlyMap<string, { address: CellAddress; delta: Counters }>, chunkId: string): Promise<number> {
  const periods = new Set([...deltas.values()].map(({ address }) => address.period));
  const current = new Map<string, { counters: Counters; lastChunk?: string }>();
  for (const period of periods) {
    for (const cell of await readCells(generation, period)) current.set(`${cell.address.period}|${cell.address.by}|${cell.address.key}`, cell);
  }
  const writes: WriteRequest[] = [];
  for (const [id, { address, delta }] of deltas) {
    const cell = current.get(id);
    if (cell?.lastChunk === chunkId) continue;
    const counters: Counters = { ...(cell?.counters ?? {}) };
    for (const [name, value] of Object.entries(delta)) {
      const sum = (counters[name] ?? 0) + value;
      if (sum === 0) delete counters[name];
      else counters[name] = sum;
    }
    writes.push({ PutRequest: { Item: cellItem(generation, address, counters, chunkId) } });
  }
  await batchWrite(writes, 8);
  return writes.length;
}

export function cellItem(generation: number, address: CellAddress, counters: Counters, lastChunk = 'rebuild'): Record<string, unknown> {
  return {
    ...statisticsKeys.cell(generation, address.period, address.by, address.key),
    entity: 'statsCell',
    period: address.period,
    by: address.by,
    key: address.key,
    lastChunk,
    ...Object.fromEntries(Object.entries(counters).map(([name, value]) => [`${counterPrefix}${name}`, value])),
  };
}

function countersFromItem(item: Record<string, unknown>): Counters {
  const counters: Counters = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(counterPrefix) && typeof value === 'number' && value !== 0) counters[name.slice(counterPrefix.length)] = value;
  }
  return counters;
}

/** The cells of one table (`by`) of one period, or of every table when `by` is omitted. */
export async function readCells(generation: number, period: string, by?: string): Promise<{ address: CellAddress; counters: Counters; lastChunk?: string }[]> {
  const cells: { address: CellAddress; counters: Counters; lastChunk?: string }[] = [];
  await queryAll(
    {
      TableName: tableName(),
      KeyConditionExpression: by ? 'pk = :pk AND begins_with(sk, :by)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': statisticsKeys.cellPartition(generation, period), ...(by ? { ':by': `${by}#` } : {}) },
    },
    (items) => {
      for (const item of items) {
        cells.push({ address: { period: item.period as string, by: item.by as CellAddress['by'], key: item.key as string }, counters: countersFromItem(item), ...(item.lastChunk ? { lastChunk: item.lastChunk as string } : {}) });
      }
    },
  );
  return cells;
}

/** Removes every cell of a generation that is no longer in use. */
export async function deleteGeneration(generation: number, periods: readonly string[]): Promise<void> {
  for (const period of periods) {
    const keys: Record<string, unknown>[] = [];
    await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': statisticsKeys.cellPartition(generation, period) },
        ProjectionExpression: 'pk, sk',
      },
      (items) => keys.push(...items.map((item) => ({ pk: item.pk, sk: item.sk }))),
    );
    await batchWrite(keys.map((Key) => ({ DeleteRequest: { Key } })));
  }
}

/** The ids of a merchant's cases received at or after `fromInstant` (the byMerchant index). */
export async function caseIdsOfMerchantSince(creditCode: string, fromInstant: string): Promise<string[]> {
  const ids: string[] = [];
  await queryAll(
    {
      TableName: tableName(),
      IndexName: 'byMerchant',
      KeyConditionExpression: 'merchantPk = :pk AND merchantSk >= :from',
      ExpressionAttributeValues: { ':pk': indexPartitions.byMerchant(creditCode), ':from': fromInstant },
      ProjectionExpression: 'caseId, entity',
    },
    (items) => ids.push(...items.filter((item) => item.entity === 'case').map((item) => item.caseId as string)),
  );
  return ids;
}

/** The merchant's most recently received case, for the name the consumer gave when the registry has none. */
export async function latestCaseOfMerchant(creditCode: string): Promise<CaseRecord | undefined> {
  const page = await documentDb().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'byMerchant',
      KeyConditionExpression: 'merchantPk = :pk',
      ExpressionAttributeValues: { ':pk': indexPartitions.byMerchant(creditCode) },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const item = page.Items?.[0];
  return item && item.entity === 'case' ? caseFromItem(item) : undefined;
}
