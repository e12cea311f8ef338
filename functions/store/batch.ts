import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { inParallel } from '../shared/in-parallel';
import { documentDb, tableName } from './client';

/**
 * BatchGetItem and BatchWriteItem: split into the sizes DynamoDB takes,
 * several requests at a time, retrying what it leaves unprocessed with a
 * growing pause.
 */
const batchGetSize = 100;
const batchWriteSize = 25;
const maxBatchAttempts = 8;
const defaultConcurrency = 8;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export interface BatchGetOptions {
  /** Strongly consistent reads (the statistics job reads what it just wrote). */
  consistentRead?: boolean;
  projection?: { expression: string; names: Record<string, string> };
  concurrency?: number;
}

/** Every item of `keys` that exists, in no particular order. */
export async function batchGet(keys: readonly Record<string, unknown>[], options: BatchGetOptions = {}): Promise<Record<string, unknown>[]> {
  const { consistentRead = false, projection, concurrency = defaultConcurrency } = options;
  const found: Record<string, unknown>[] = [];
  await inParallel(chunked(keys, batchGetSize), concurrency, async (batch) => {
    let pending: Record<string, unknown>[] = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const answer = await documentDb().send(
        new BatchGetCommand({
          RequestItems: {
            [tableName()]: {
              Keys: pending,
              ...(consistentRead ? { ConsistentRead: true } : {}),
              ...(projection ? { ProjectionExpression: projection.expression, ExpressionAttributeNames: projection.names } : {}),
            },
          },
        }),
      );
      found.push(...(answer.Responses?.[tableName()] ?? []));
      pending = (answer.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      if (pending.length > 0) {
        if (attempt >= maxBatchAttempts) throw new Error('DynamoDB kept some reads unprocessed');
        await pause(25 * 2 ** attempt);
      }
    }
  });
  return found;
}

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/** BatchWriteItem in 25s, `concurrency` batches at a time. */
export async function batchWrite(requests: readonly WriteRequest[], concurrency = defaultConcurrency): Promise<void> {
  await inParallel(chunked(requests, batchWriteSize), concurrency, async (batch) => {
    let pending: WriteRequest[] = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const answer = await documentDb().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      pending = (answer.UnprocessedItems?.[tableName()] as WriteRequest[] | undefined) ?? [];
      if (pending.length > 0) {
        if (attempt >= maxBatchAttempts) throw new Error('DynamoDB kept some writes unprocessed');
        await pause(25 * 2 ** attempt);
      }
    }
  });
}
