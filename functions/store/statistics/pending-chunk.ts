import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseFacts } from '../../domain/statistics/case-facts';
import { documentDb, tableName } from '../client';
import { statisticsKeys } from '../keys';
import { batchGet, batchWrite, chunked } from '../batch';
import type { StatisticsState } from './state';

/**
 * A chunk of counting written down before it is applied: the cells'
 * deltas follow from its entries alone, so a run that dies half-way
 * through applying it is finished, exactly once, by the next run (cells
 * carry the chunk id they last took). It also holds the state to commit
 * once it is applied — the watermark step the chunk earns.
 */
export interface PendingChunk {
  chunkId: string;
  /** The generation of cells it adds to. */
  generation: number;
  /** The state's `step` it was planned on: applied only if the state is still there. */
  basedOnStep: number;
  entries: { counted?: CaseFacts; current: CaseFacts; disclosureSynced?: string }[];
  /** The state to commit once applied (its `step` is set by the commit). */
  stateAfter: StatisticsState;
}

/** Entries per part item: old and new facts of a case take well under 1 KB. */
const entriesPerPart = 200;

export async function getPendingChunk(): Promise<PendingChunk | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: statisticsKeys.pendingChunk(), ConsistentRead: true }));
  if (!Item) return undefined;
  const parts = await batchGet(Array.from({ length: Item.parts as number }, (_, part) => statisticsKeys.pendingChunkPart(part)), { consistentRead: true });
  const byKey = new Map(parts.map((part) => [part.sk as string, part]));
  const entries: PendingChunk['entries'] = [];
  for (let part = 0; part < (Item.parts as number); part++) {
    const partItem = byKey.get(statisticsKeys.pendingChunkPart(part).sk);
    if (!partItem || partItem.chunkId !== Item.chunkId) throw new Error(`pending statistics chunk ${Item.chunkId as string} lacks part ${part}`);
    entries.push(...(partItem.entries as PendingChunk['entries']));
  }
  return { chunkId: Item.chunkId, generation: Item.generation, basedOnStep: Item.basedOnStep ?? -1, entries, stateAfter: Item.stateAfter as StatisticsState };
}

/** Writes the chunk's parts, then its header: the header is what makes the chunk pending. */
export async function putPendingChunk(chunk: PendingChunk): Promise<void> {
  const parts = chunked(chunk.entries, entriesPerPart);
  await batchWrite(parts.map((entries, part) => ({ PutRequest: { Item: { ...statisticsKeys.pendingChunkPart(part), entity: 'statsPendingPart', chunkId: chunk.chunkId, entries } } })));
  await documentDb().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...statisticsKeys.pendingChunk(), entity: 'statsPendingChunk', chunkId: chunk.chunkId, generation: chunk.generation, basedOnStep: chunk.basedOnStep, parts: parts.length, stateAfter: chunk.stateAfter },
    }),
  );
}

/** Drops a pending chunk the state has moved past (its parts are overwritten by the next chunk, and name another chunk id). */
export async function deletePendingChunk(): Promise<void> {
  await documentDb().send(new DeleteCommand({ TableName: tableName(), Key: statisticsKeys.pendingChunk() }));
}
