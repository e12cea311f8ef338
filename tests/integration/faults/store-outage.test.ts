import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from '../../../bin/local/dynamodb-local';
import { documentDb } from '../../../functions/store/client';
import { startTestStack, temporaryDirectory, type TestStack } from '../../support/dynamodb';
import { complaint, routedView } from '../routing/support';

/**
 * SPEC section 11 / issue 11 item 5: the store stops answering mid-load
 * (DynamoDB Local paused with SIGSTOP for 5 s), then dies (SIGKILL) and comes
 * back on the same port with its data (-dbPath). Nobody gets a 500: a filing
 * the store did not confirm is a 503 with Retry-After; every 201 is a stored
 * case, and every stored case (also one whose 503 hid a write that landed)
 * is routed in the end. This file runs its own DynamoDB Local, so pausing it
 * disturbs no other test.
 */
let dynamo: RunningDynamoDbLocal;
let dataDir: { dir: string; remove: () => Promise<void> };
let stack: TestStack;
const previousEndpoint = process.env.DYNAMODB_ENDPOINT;

beforeAll(async () => {
  dataDir = await temporaryDirectory('redress-faults-');
  dynamo = await startDynamoDbLocal({ dbPath: dataDir.dir });
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  stack = await startTestStack({ web: false });
}, 90_000);

afterAll(async () => {
  await stack?.stop();
  await dynamo?.stop();
  await dataDir?.remove();
  process.env.DYNAMODB_ENDPOINT = previousEndpoint;
});

interface Filing {
  status: number;
  retryAfter: string | null;
  caseId?: string;
  accessCode?: string;
  filedAt: number;
  tookMs: number;
}

/** `workers` clients filing one complaint after another until told to stop. */
function fileUntilStopped(workers: number): { stop: () => Promise<Filing[]> } {
  const filings: Filing[] = [];
  let stopping = false;
  const loops = Array.from({ length: workers }, async () => {
    while (!stopping) {
      const filedAt = Date.now();
      const response = await fetch(`${stack.baseUrl}/v1/complaints`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify(complaint()),
        signal: AbortSignal.timeout(40_000),
      });
      const body = (await response.json()) as { caseId?: string; accessCode?: string };
      filings.push({ status: response.status, retryAfter: response.headers.get('retry-after'), caseId: body.caseId, accessCode: body.accessCode, filedAt, tookMs: Date.now() - filedAt });
      // A client told to come back later waits a little (not the full Retry-After: the test is short).
      if (response.status === 503) await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
      return filings;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The killed Java's socket takes a moment to go; the handlers' endpoint stays the same. */
async function restartOnSamePort(port: number): Promise<RunningDynamoDbLocal> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await startDynamoDbLocal({ dbPath: dataDir.dir, port });
    } catch (error) {
      if (Date.now() > deadline || !String(error).includes('already in use')) throw error;
      await sleep(250);
    }
  }
}

async function storedCaseIds(): Promise<{ caseId: string; status: string }[]> {
  const cases: { caseId: string; status: string }[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentDb().send(new ScanCommand({ TableName: stack.tableName, FilterExpression: 'sk = :case', ExpressionAttributeValues: { ':case': 'CASE' }, ExclusiveStartKey }));
    cases.push(...(page.Items ?? []).map((item) => ({ caseId: item.caseId as string, status: item.status as string })));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return cases;
}

test('a paused, then killed and restarted store: 201 or 503 with Retry-After, never 500; nothing filed is lost or left unrouted', async () => {
  const load = fileUntilStopped(3);
  await sleep(1_500);

  // The whole group: Java and its watchdog (bin/local/guarded-process.ts).
  process.kill(-dynamo.processGroup, 'SIGSTOP');
  await sleep(5_000);
  process.kill(-dynamo.processGroup, 'SIGKILL');
  await dynamo.stop();
  dynamo = await restartOnSamePort(dynamo.port);
  await sleep(3_000);
  const filings = await load.stop();

  const statuses = filings.map((f) => f.status);
  console.warn(`store outage: ${filings.length} filings, ${statuses.filter((s) => s === 201).length} x 201, ${statuses.filter((s) => s === 503).length} x 503, slowest ${Math.max(...filings.map((f) => f.tookMs))} ms`);
  expect(statuses.filter((status) => status !== 201 && status !== 503)).toEqual([]);
  expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
  expect(statuses.filter((status) => status === 201).length).toBeGreaterThan(0);
  for (const refused of filings.filter((f) => f.status === 503)) expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  // A request gives up in bounded time, well under API Gateway's 29 s.
  expect(Math.max(...filings.map((f) => f.tookMs))).toBeLessThan(20_000);

  // Every 201 is a stored case, and the router routes each of them.
  const accepted = filings.filter((f) => f.status === 201);
  for (const filed of accepted) {
    const { view } = await routedView(stack, { caseId: filed.caseId!, accessCode: filed.accessCode!, filedAt: filed.filedAt }, 45_000);
    expect(view.routing).not.toBeNull();
  }
  // Every stored case, a 503's landed write included, leaves `received`.
  const deadline = Date.now() + 30_000;
  let waiting = (await storedCaseIds()).filter((c) => c.status === 'received');
  while (waiting.length > 0 && Date.now() < deadline) {
    await sleep(500);
    waiting = (await storedCaseIds()).filter((c) => c.status === 'received');
  }
  expect(waiting).toEqual([]);
  expect((await storedCaseIds()).map((c) => c.caseId)).toEqual(expect.arrayContaining(accepted.map((f) => f.caseId)));
}, 180_000);
