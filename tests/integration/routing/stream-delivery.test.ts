import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { lambdaContext } from '../../../bin/local/lambda-context';
import { toLambdaRecord } from '../../../bin/local/stream/lambda-stream-event';
import { handler } from '../../../functions/handlers/stream/router';
import { documentDb } from '../../../functions/store/client';
import { startTestStack, testDynamoDbClient, type TestStack } from '../../support/dynamodb';
import { complaint, file, storeUnrouted, view } from './support';

/**
 * Delivery as the stream gives it: at least once, sometimes twice, sometimes
 * to two invocations at the same time. This stack runs no consumer, so the
 * test alone hands the router its records. A filing routes its case in its
 * own transaction; the router routes the cases stored unrouted (a routing
 * that could not be decided at filing) and does the follow-ups of all.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ web: false, streamConsumers: [] });
});
afterAll(() => stack?.stop());

let sequence = 1000;

/** The INSERT record the stream carried when the case was filed, built from the stored item, in Lambda's event shape. */
async function filingEvent(caseId: string): Promise<DynamoDBStreamEvent> {
  const client = testDynamoDbClient();
  try {
    const { Item } = await client.send(new GetItemCommand({ TableName: stack.tableName, Key: { pk: { S: `CASE#${caseId}` }, sk: { S: 'CASE' } }, ConsistentRead: true }));
    if (!Item) throw new Error(`no case ${caseId}`);
    sequence += 1;
    const record = {
      eventID: `test-${sequence}`,
      eventName: 'INSERT',
      awsRegion: 'local',
      dynamodb: { Keys: { pk: Item.pk!, sk: Item.sk! }, NewImage: Item, SequenceNumber: String(sequence), SizeBytes: 1000, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    } as StreamRecord;
    return { Records: [toLambdaRecord(record, `arn:aws:dynamodb:local:000000000000:table/${stack.tableName}/stream/test`)] };
  } finally {
    client.destroy();
  }
}

const deliver = (event: DynamoDBStreamEvent) => handler(event, lambdaContext('stream/router', 60_000));

async function timelineTypes(filed: { caseId: string; accessCode: string }): Promise<string[]> {
  return (await view(stack, filed)).timeline.map((event: { type: string }) => event.type);
}

test('a record delivered twice routes the case once', async () => {
  const filed = await storeUnrouted(complaint());
  const event = await filingEvent(filed.caseId);

  expect(await deliver(event)).toEqual({ batchItemFailures: [] });
  const once = await view(stack, filed);
  expect(once).toMatchObject({ version: 2, status: 'accepted', step: 'mediation' });

  // The same record again, as a retried batch would bring it.
  expect(await deliver(event)).toEqual({ batchItemFailures: [] });
  const twice = await view(stack, filed);
  expect(twice).toEqual(once);
  expect(await timelineTypes(filed)).toEqual(['filed', 'route_accept']);
});

test('three invocations with the same record at the same moment: one routes, none fails', async () => {
  const filed = await storeUnrouted(complaint({ merchant: { regionCode: '410702' }, category: 'ebikes' }));
  const event = await filingEvent(filed.caseId);
  const answers = await Promise.all([deliver(event), deliver(event), deliver(event)]);
  expect(answers).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }, { batchItemFailures: [] }]);
  expect(await timelineTypes(filed)).toEqual(['filed', 'route_accept']);
  expect((await view(stack, filed)).version).toBe(2);
});

test('a redelivered record does not count its case twice towards collective action', async () => {
  const filed = await file(stack, complaint({ merchant: { name: '郑州某某数码专营店', creditCode: '91410105MA45K7Q29L', regionCode: '410105' } }));
  const event = await filingEvent(filed.caseId);
  await deliver(event);
  await deliver(event);
  const { Items } = await documentDb().send(
    new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'COLLECTIVE#410100' }, ConsistentRead: true }),
  );
  const group = (Items ?? []).find((item) => item.merchantKey === 'CC:91410105MA45K7Q29L' && item.category === 'appliances');
  expect(group).toBeDefined();
  expect(group!.memberCount).toBe(1);
  expect([...group!.members]).toEqual([expect.stringContaining(filed.caseId)]);
});

test('records that are not newly filed cases are left alone', async () => {
  const filed = await storeUnrouted(complaint());
  const event = await filingEvent(filed.caseId);
  const record = event.Records[0]!;
  const modify = { ...record, eventName: 'MODIFY' as const };
  const timelineEvent = { ...record, dynamodb: { ...record.dynamodb, NewImage: { ...record.dynamodb!.NewImage, entity: { S: 'event' } } } };
  expect(await deliver({ Records: [modify, timelineEvent] })).toEqual({ batchItemFailures: [] });
  expect((await view(stack, filed)).version).toBe(1);
  const { Item } = await documentDb().send(new GetCommand({ TableName: stack.tableName, Key: { pk: `CASE#${filed.caseId}`, sk: 'CASE' }, ConsistentRead: true }));
  expect(Item?.routing).toBeUndefined();
});

test('the same complaint filed five times at once is accepted once; the others are refused as its duplicates', async () => {
  const body = complaint();
  const filings = await Promise.all(Array.from({ length: 5 }, () => file(stack, body)));
  const views = await Promise.all(filings.map((filed) => view(stack, filed)));
  const accepted = views.filter((v) => v.status === 'accepted');
  expect(accepted).toHaveLength(1);
  const refused = views.filter((v) => v.status !== 'accepted');
  expect(refused.map((v) => v.routing?.refusalReason)).toEqual(Array(4).fill('duplicate'));
  // Each was decided in its filing: no stream consumer runs on this stack.
  for (const v of views) expect(v.timeline.map((event: { type: string }) => event.type)).toEqual(['filed', v.status === 'accepted' ? 'route_accept' : 'route_refuse']);
});
