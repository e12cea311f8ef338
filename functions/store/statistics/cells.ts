import type { CellAddress, Counters } from '../../domain/statistics/cells';
import { tableName } from '../client';
import { statisticsKeys } from '../keys';
import { queryAll } from '../query-all';
import { batchWrite, type WriteRequest } from '../batch';

/**
 * Statistics cells: one item per generation, period, breakdown and key
 * (`STATS#<generation>#<period>`, `<by>#<key>`), counters as top-level
 * numbers `c_<name>`, stamped with the chunk that last changed it.
 */
const counterPrefix = 'c_';

export interface StoredCell {
  address: CellAddress;
  counters: Counters;
  lastChunk?: string;
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
  const current = new Map<string, StoredCell>();
  await Promise.all(
    [...periods].map(async (period) => {
      for (const cell of await readCells(generation, period)) current.set(`${cell.address.period}|${cell.address.by}|${cell.address.key}`, cell);
    }),
  );
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
  await batchWrite(writes);
  return writes.length;
}

export function cellItem(generation: number, address: CellAddress, counters: Counters, lastChunk: string): Record<string, unknown> {
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
export async function readCells(generation: number, period: string, by?: string): Promise<StoredCell[]> {
  const cells: StoredCell[] = [];
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

/** Removes the cells of one period of a generation no longer in use. */
export async function deleteCellsOfPeriod(generation: number, period: string): Promise<void> {
  const keys: Record<string, unknown>[] = [];
  await queryAll(
    { TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': statisticsKeys.cellPartition(generation, period) }, ProjectionExpression: 'pk, sk' },
    (items) => keys.push(...items.map((item) => ({ pk: item.pk, sk: item.sk }))),
  );
  await batchWrite(keys.map((Key) => ({ DeleteRequest: { Key } })));
}
