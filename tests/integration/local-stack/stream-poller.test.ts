import path from 'node:path';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { startStreamPoller, type RunningStreamPoller, type StreamConsumer, type StreamPollerOptions } from '../../../bin/local/stream-poller';
import { readDeadLetters } from '../../../bin/local/stream/dead-letters';
import { createTestTable, temporaryDirectory, testDynamoDbClient, testEndpoint } from '../../support/dynamodb';

/**
 * The stream poller stands in for Lambda's DynamoDB event source mappings:
 * every write reaches every consumer, in order, once; a record a consumer
 * keeps failing on is retried, then set aside, and the rest still flow.
 */
let client: DynamoDBClient;
let scratch: Awaited<ReturnType<typeof temporaryDirectory>>;
const pollers: RunningStreamPoller[] = [];

beforeAll(async () => {
  client = testDynamoDbClient();
  scratch = await temporaryDirectory();
});
afterEach(async () => {
  await Promise.all(pollers.splice(0).map((poller) => poller.stop()));
});
afterAll(async () => {
  client?.destroy();
  await scratch?.remove();
});

const keyOf = (record: DynamoDBRecord) => record.dynamodb!.Keys!.pk!.S!;

async function put(tableName: string, pk: string): Promise<void> {
  await client.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: pk }, sk: { S: 'ITEM' }, note: { S: `note ${pk}` } } }));
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function poll(tableName: string, consumer: StreamConsumer, name: string, extra: Partial<StreamPollerOptions> = {}): Promise<RunningStreamPoller> {
  const poller = await startStreamPoller({
    endpoint: testEndpoint(),
    tableName,
    consumers: [consumer],
    checkpointFile: path.join(scratch.dir, `${name}-checkpoints.json`),
    deadLetterFile: path.join(scratch.dir, `${name}-dead-letters.jsonl`),
    retryDelayMs: 5,
    log: () => undefined,
    ...extra,
  });
  pollers.push(poller);
  return poller;
}

/** A consumer that records what it was given and what it handled. */
function recordingConsumer(options: { batchSize?: number; retryAttempts?: number; fails?: (record: DynamoDBRecord) => boolean; partial?: boolean } = {}) {
  const handled: string[] = [];
  const invocations: string[][] = [];
  const events: DynamoDBStreamEvent[] = [];
  const consumer: StreamConsumer = {
    name: 'test-consumer',
    batchSize: options.batchSize ?? 10,
    retryAttempts: options.retryAttempts ?? 2,
    handler: async (event, context) => {
      const { Records } = event as DynamoDBStreamEvent;
      events.push(event as DynamoDBStreamEvent);
      invocations.push(Records.map(keyOf));
      expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
      const failed = Records.findIndex((record) => options.fails?.(record));
      if (failed === -1) {
        handled.push(...Records.map(keyOf));
        return undefined;
      }
      if (!options.partial) throw new Error(`cannot handle ${keyOf(Records[failed]!)}`);
      // Ordered processing: handle up to the bad record, report it and everything after it.
      handled.push(...Records.slice(0, failed).map(keyOf));
      return { batchItemFailures: Records.slice(failed).map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber! })) } satisfies DynamoDBBatchResponse;
    },
  };
  return { consumer, handled, invocations, events };
}

it('hands each write to the consumer within a second, in order, shaped like a Lambda stream event', async () => {
  const tableName = await createTestTable({ prefix: 'stream-order' });
  const { consumer, handled, events } = recordingConsumer();
  await poll(tableName, consumer, 'order', { retryDelayMs: undefined });

  const written = Date.now();
  await put(tableName, 'first');
  await waitFor(() => handled.length === 1, 1_000);
  expect(Date.now() - written).toBeLessThan(1_000);

  const keys = Array.from({ length: 25 }, (_, i) => `item-${String(i).padStart(2, '0')}`);
  for (const key of keys) await put(tableName, key);
  await waitFor(() => handled.length === 26);
  expect(handled).toEqual(['first', ...keys]);
  expect(Math.max(...events.map((e) => e.Records.length))).toBeLessThanOrEqual(10);

  const [record] = events[0]!.Records;
  expect(record).toEqual({
    eventID: expect.any(String),
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: expect.any(String),
    dynamodb: {
      ApproximateCreationDateTime: expect.any(Number),
      Keys: { pk: { S: 'first' }, sk: { S: 'ITEM' } },
      NewImage: { pk: { S: 'first' }, sk: { S: 'ITEM' }, note: { S: 'note first' } },
      SequenceNumber: expect.stringMatching(/^\d+$/),
      SizeBytes: expect.any(Number),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: expect.stringContaining(`table/${tableName}/stream/`),
  });
  expect(Math.abs(record!.dynamodb!.ApproximateCreationDateTime! - written / 1000)).toBeLessThan(60);
});

it('retries a record the consumer fails on, dead-letters it after the retries, and still delivers the rest in order', async () => {
  const tableName = await createTestTable({ prefix: 'stream-poison' });
  const { consumer, handled, invocations } = recordingConsumer({ retryAttempts: 2, fails: (r) => keyOf(r) === 'poison' });
  await poll(tableName, consumer, 'poison');

  const keys = ['a', 'b', 'c', 'poison', 'd', 'e', 'f'];
  for (const key of keys) await put(tableName, key);
  await waitFor(() => handled.length === 6);

  expect(handled).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  // Narrowed down to the poison record alone, then tried 1 + 2 times.
  expect(invocations.filter((keysOfBatch) => keysOfBatch.length === 1 && keysOfBatch[0] === 'poison')).toHaveLength(3);
  const letters = await readDeadLetters(path.join(scratch.dir, 'poison-dead-letters.jsonl'));
  expect(letters).toEqual([
    {
      consumer: 'test-consumer',
      failedAt: expect.any(String),
      attempts: 3,
      error: { name: 'Error', message: 'cannot handle poison' },
      record: expect.objectContaining({ eventName: 'INSERT', dynamodb: expect.objectContaining({ Keys: { pk: { S: 'poison' }, sk: { S: 'ITEM' } } }) }),
    },
  ]);
});

it('honours a partial batch response: keeps what was handled, retries from the first failure, hands nothing twice', async () => {
  const tableName = await createTestTable({ prefix: 'stream-partial' });
  const { consumer, handled } = recordingConsumer({ retryAttempts: 1, fails: (r) => keyOf(r) === 'bad', partial: true });
  await poll(tableName, consumer, 'partial');

  const keys = ['a', 'b', 'bad', 'c', 'd'];
  for (const key of keys) await put(tableName, key);
  await waitFor(() => handled.length === 4);

  expect(handled).toEqual(['a', 'b', 'c', 'd']);
  const letters = await readDeadLetters(path.join(scratch.dir, 'partial-dead-letters.jsonl'));
  expect(letters.map((l) => keyOf(l.record))).toEqual(['bad']);
  expect(letters[0]!.attempts).toBe(2);
});

it('starts at the newest record the first time, then resumes after its checkpoint: nothing lost while stopped, nothing twice', async () => {
  const tableName = await createTestTable({ prefix: 'stream-resume' });
  await put(tableName, 'before-first-start');
  const { consumer, handled } = recordingConsumer();

  const first = await poll(tableName, consumer, 'resume');
  await put(tableName, 'r1');
  await put(tableName, 'r2');
  await waitFor(() => handled.length === 2);
  await first.stop();

  await put(tableName, 'while-down-1');
  await put(tableName, 'while-down-2');

  await poll(tableName, consumer, 'resume');
  await put(tableName, 'r3');
  await waitFor(() => handled.length === 5);
  // Give a duplicate time to show up, if there were one.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(handled).toEqual(['r1', 'r2', 'while-down-1', 'while-down-2', 'r3']);
});
