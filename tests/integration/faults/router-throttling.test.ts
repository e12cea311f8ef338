import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs/promises';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { consumersFromRoutes } from '../../../bin/local/stream-poller';
import { documentDb } from '../../../functions/store/client';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { complaint, routedView, storeUnrouted } from '../routing/support';

/**
 * Throttling injected into the router's table calls (ProvisionedThroughput-
 * Exceeded, as DynamoDB answers a hot partition) ends in a retry, not a
 * loss: the SDK retries the refused call with backoff, the router waits out
 * what still fails (and the stream would bring back a record that outlasts
 * that), each case is routed exactly once, and nothing is dead-lettered. The router is the route
 * table's own consumer (batch size, retries, bisection); only its calls are
 * throttled. The cases are stored unrouted, as a filing whose routing could
 * not be decided leaves them, so the router does the whole routing.
 */
const inRouter = new AsyncLocalStorage<true>();
const throttle = { calls: 0, thrown: 0, budget: 40 };

let stack: TestStack;
beforeAll(async () => {
  documentDb().middlewareStack.add(
    (next) => async (args) => {
      if (inRouter.getStore() && throttle.thrown < throttle.budget && throttle.calls++ % 3 !== 2) {
        throttle.thrown += 1;
        throw new ProvisionedThroughputExceededException({ message: 'Injected: the request rate is too high.', $metadata: { httpStatusCode: 400 } });
      }
      return next(args);
    },
    // Inside the SDK's retry loop, where DynamoDB's own throttling answers arrive: two calls in three are refused.
    { step: 'deserialize', name: 'injectThrottling' },
  );
  const [router] = consumersFromRoutes();
  stack = await startTestStack({
    web: false,
    streamConsumers: [{ ...router!, handler: (event, context) => inRouter.run(true, () => router!.handler(event, context)) }],
  });
});
afterAll(() => stack?.stop());

async function routingEvents(caseId: string): Promise<number> {
  const page = await documentDb().send(
    new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)', ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':events': 'EVENT#' } }),
  );
  return (page.Items ?? []).filter((item) => String(item.type ?? item.event?.type ?? '').startsWith('route_')).length;
}

test('throttled routing is retried until every case is routed, once', async () => {
  // Enough cases that the router's calls use up the whole budget: with the registry cached, routing one takes about two calls.
  const filed = [];
  for (let i = 0; i < 16; i++) filed.push(await storeUnrouted(complaint()));

  for (const one of filed) {
    const { view } = await routedView(stack, one, 45_000);
    expect(view.routing).not.toBeNull();
    expect(await routingEvents(one.caseId)).toBe(1);
  }
  expect(throttle.thrown).toBe(throttle.budget);
  await expect(fs.readFile(stack.deadLetterFile, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
}, 90_000);
