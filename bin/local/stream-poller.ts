import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { recordPassesFilter, streamConsumers, type StreamConsumerDefinition } from '../../functions/routes';
import { loadHandler, type LambdaHandler } from './handler-loader';
import { lambdaContext } from './lambda-context';
import { deadLettersFile, streamCheckpointsFile } from './paths';
import { deliverBatch, outcomeOf, type DeliveryPolicy } from './stream/batch-delivery';
import { CheckpointStore, type ShardProgress } from './stream/checkpoints';
import { appendDeadLetters, describeError } from './stream/dead-letters';
import { toLambdaRecord } from './stream/lambda-stream-event';

/** A function fed by the table's stream, as one Lambda event source mapping would feed it. */
export interface StreamConsumer {
  /** Names its checkpoints and dead letters; the handler module for route-table consumers. */
  name: string;
  batchSize: number;
  retryAttempts: number;
  /** Lambda's BisectBatchOnFunctionError (default on, as the CDK stack sets it). */
  bisectOnError?: boolean;
  /** Records that reach the handler; the others only advance the checkpoint (Lambda event filtering). */
  accepts?: (record: DynamoDBRecord) => boolean;
  handler: LambdaHandler;
}

/** The consumers `functions/routes.ts` declares, each calling its handler module. */
export function consumersFromRoutes(definitions: readonly StreamConsumerDefinition[] = streamConsumers): StreamConsumer[] {
  return definitions.map((definition) => ({
    name: definition.handler,
    batchSize: definition.batchSize,
    retryAttempts: definition.retryAttempts,
    accepts: (record) => recordPassesFilter(definition.filter, record as Parameters<typeof recordPassesFilter>[1]),
    handler: async (event, context) => (await loadHandler(definition.handler))(event, context),
  }));
}

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  region?: string;
  /** Default: the route table's `streamConsumers`. */
  consumers?: readonly StreamConsumer[];
  /** Default `.data/stream-checkpoints.json`. */
  checkpointFile?: string;
  /** Default `.data/dead-letters.jsonl`. */
  deadLetterFile?: string;
  /** Default 250 ms: a write reaches its consumers within a second. */
  pollIntervalMs?: number;
  /** Base of the exponential wait between retries (default 200 ms, at most 5 s). */
  retryDelayMs?: number;
  /** Per-invocation time limit (default 60 s); a timeout counts as a failure. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface RunningStreamPoller {
  /** Finishes the batch in hand, saves checkpoints, stops polling. */
  stop(): Promise<void>;
}

/** DynamoDB Local answers GetRecords with at most 1000 records. */
const maxRecordsPerRead = 1000;

/**
 * Feeds the table's stream to each consumer, like Lambda's event source
 * mappings. Resolves once every consumer is positioned: from then on every
 * write reaches every consumer. On a consumer's first start it begins after
 * the newest record (LATEST); afterwards it resumes after its checkpoint.
 */
export async function startStreamPoller(options: StreamPollerOptions): Promise<RunningStreamPoller> {
  const consumers = options.consumers ?? consumersFromRoutes();
  const log = options.log ?? ((line: string) => console.log(line));
  if (consumers.length === 0) return { stop: async () => undefined };

  const region = options.region ?? process.env.AWS_REGION ?? 'local';
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const dynamo = new DynamoDBClient({ endpoint: options.endpoint, region, credentials });
  // Bounded like the handlers' client (functions/store/client.ts): a paused DynamoDB Local must not hang the poller.
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region, credentials, requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000, throwOnRequestTimeout: true } });
  const { Table: table } = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  dynamo.destroy();
  const streamArn = table?.LatestStreamArn;
  if (!streamArn || !table?.StreamSpecification?.StreamEnabled) throw new Error(`table ${options.tableName} has no stream; create it with ensureTable`);

  const checkpoints = await CheckpointStore.open(options.checkpointFile ?? streamCheckpointsFile);
  const deadLetterFile = options.deadLetterFile ?? deadLettersFile;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const timeoutMs = options.timeoutMs ?? 60_000;

  let stopping = false;
  const sleepers = new Set<() => void>();

  async function listShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription: description } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }));
      shards.push(...(description?.Shards ?? []));
      exclusiveStartShardId = description?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return shards;
  }

  async function iteratorAt(shardId: string, type: ShardIteratorType, sequenceNumber?: string): Promise<string | undefined> {
    const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequenceNumber }));
    return ShardIterator;
  }

  /** First start: skip what the stream already holds (LATEST), but remember where that was, so a restart resumes exactly there. */
  async function positionAtLatest(shards: Shard[]): Promise<Record<string, ShardProgress>> {
    const progress: Record<string, ShardProgress> = {};
    for (const shard of shards) {
      const shardId = shard.ShardId!;
      if (shard.SequenceNumberRange?.EndingSequenceNumber) {
        progress[shardId] = { finished: true };
        continue;
      }
      let iterator = await iteratorAt(shardId, 'TRIM_HORIZON');
      let last: string | undefined;
      while (iterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: maxRecordsPerRead }));
        const records = page.Records ?? [];
        if (records.length === 0) break;
        last = records[records.length - 1]!.dynamodb?.SequenceNumber;
        iterator = page.NextShardIterator;
      }
      progress[shardId] = last ? { sequenceNumber: last } : {};
    }
    return progress;
  }

  async function runConsumer(consumer: StreamConsumer): Promise<void> {
    const iterators = new Map<string, string>();
    const policy: DeliveryPolicy = {
      retryAttempts: consumer.retryAttempts,
      bisectOnError: consumer.bisectOnError ?? true,
      retryDelayMs: (retry) => Math.min(5_000, retryDelayMs * 2 ** (retry - 1)),
    };

    async function deliver(shardId: string, records: DynamoDBRecord[]): Promise<void> {
      await deliverBatch(records, policy, {
        invoke: async (batch) => {
          try {
            const result = await withTimeout(consumer.handler({ Records: batch }, lambdaContext(consumer.name, timeoutMs)), timeoutMs);
            return outcomeOf(batch, result);
          } catch (error) {
            return { ok: false, error };
          }
        },
        handled: (last) => checkpoints.record(consumer.name, streamArn!, shardId, { sequenceNumber: last.dynamodb!.SequenceNumber! }),
        deadLetter: async (failed, error, attempts) => {
          const failedAt = new Date().toISOString();
          await appendDeadLetters(
            deadLetterFile,
            failed.map((record) => ({ consumer: consumer.name, failedAt, attempts, error: describeError(error), record })),
          );
          for (const record of failed) {
            log(`[stream] ${consumer.name}: record ${record.dynamodb?.SequenceNumber} failed ${attempts} times; written to ${deadLetterFile}: ${describeError(error).message}`);
          }
        },
        onFailure: (failed, error, attempt) =>
          log(`[stream] ${consumer.name}: ${failed.length} record(s) failed (attempt ${attempt} of ${consumer.retryAttempts + 1}): ${describeError(error).message}`),
      });
    }

    /** Reads and delivers what one shard has; `true` when it delivered anything. */
    async function pollShard(shard: Shard, progress: ShardProgress | undefined): Promise<boolean> {
      const shardId = shard.ShardId!;
      let iterator = iterators.get(shardId);
      if (!iterator) {
        iterator = progress?.sequenceNumber
          ? await iteratorAt(shardId, 'AFTER_SEQUENCE_NUMBER', progress.sequenceNumber)
          : // Nothing handled yet in a shard we know, or a shard that appeared since we started: all of it is new.
            await iteratorAt(shardId, 'TRIM_HORIZON');
        if (!iterator) return false;
      }
      let page;
      try {
        page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: Math.min(consumer.batchSize, maxRecordsPerRead) }));
      } catch (error) {
        if (error instanceof ExpiredIteratorException) {
          iterators.delete(shardId);
          return false;
        }
        if (error instanceof TrimmedDataAccessException) {
          log(`[stream] ${consumer.name}: records after the checkpoint in ${shardId} have aged out of the stream; continuing from the oldest record kept`);
          await checkpoints.record(consumer.name, streamArn!, shardId, { sequenceNumber: undefined });
          iterators.delete(shardId);
          return false;
        }
        // The store restarted, or did not answer: the iterator may be dead. Start again after the checkpoint (only handled records are behind it).
        iterators.delete(shardId);
        throw error;
      }
      const read = (page.Records ?? []).map((record) => toLambdaRecord(record, streamArn!));
      const records = consumer.accepts ? read.filter(consumer.accepts) : read;
      if (records.length > 0) await deliver(shardId, records);
      else if (read.length > 0) await checkpoints.record(consumer.name, streamArn!, shardId, { sequenceNumber: read[read.length - 1]!.dynamodb!.SequenceNumber! });
      if (page.NextShardIterator) iterators.set(shardId, page.NextShardIterator);
      else {
        iterators.delete(shardId);
        await checkpoints.record(consumer.name, streamArn!, shardId, { finished: true });
      }
      return records.length > 0;
    }

    while (!stopping) {
      let busy = false;
      try {
        const shards = await listShards();
        const progress = checkpoints.progress(consumer.name, streamArn!);
        const finished = (id: string | undefined) => id !== undefined && progress?.shards[id]?.finished === true;
        const known = new Set(shards.map((s) => s.ShardId));
        for (const shard of shards) {
          if (stopping) break;
          if (finished(shard.ShardId)) continue;
          // A child shard waits until its parent's records are all handled, to keep per-item order.
          if (shard.ParentShardId && known.has(shard.ParentShardId) && !finished(shard.ParentShardId)) continue;
          if (await pollShard(shard, progress?.shards[shard.ShardId!])) busy = true;
        }
      } catch (error) {
        log(`[stream] ${consumer.name}: reading the stream failed, trying again: ${describeError(error).message}`);
      }
      if (!busy && !stopping) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            sleepers.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, pollIntervalMs);
          sleepers.add(wake);
        });
      }
    }
  }

  const shards = await listShards();
  for (const consumer of consumers) {
    if (!checkpoints.progress(consumer.name, streamArn)) await checkpoints.begin(consumer.name, streamArn, await positionAtLatest(shards));
  }
  const running = consumers.map((consumer) => runConsumer(consumer));

  return {
    async stop() {
      stopping = true;
      for (const wake of [...sleepers]) wake();
      await Promise.allSettled(running);
      streams.destroy();
    },
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
