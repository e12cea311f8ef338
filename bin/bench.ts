/**
 * `npm run bench` — prints figures, asserts nothing:
 *  1. intake throughput and p50/p99 latency through the local HTTP server at
 *     1, 8 and 32 concurrent clients, with the route table's stream consumers
 *     working as in production, side by side with raw PutItem of the same
 *     case item into a table of the same definition on the same DynamoDB
 *     Local in the same run, and their ratio;
 *  2. each Lambda bundle's size and cold import time;
 *  3. routing end to end: a steady 50 filings/s for a minute, then 32 filers
 *     back to back: cases routed per second, the time from filing to
 *     routed, and writes per complaint (`bench/routing.ts`).
 * DynamoDB Local runs in memory so the disk does not dominate either side.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measureBundles } from './bench/bundles';
import { type LoadResult } from './bench/load';
import { runInWorker } from './bench/run-in-worker';
import { benchRouting, printRoutingBench } from './bench/routing';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb, dynamoDbClient } from '../functions/store/client';
import { ensureTable, startDynamoDbLocal } from './local/dynamodb-local';
import { freePort } from './local/free-port';
import { startHttpServer } from './local/http-server';
import { consumersFromRoutes, startStreamPoller } from './local/stream-poller';
import { meterLambdas } from './bench/cost/lambda-meter';

const concurrencies = [1, 8, 32];
const secondsPerRun = Number(process.env.BENCH_SECONDS ?? 8);

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(8);

function row(label: string, r: LoadResult) {
  return `${label.padEnd(10)} ${String(r.concurrency).padStart(4)} ${fmt(r.operations)} ${fmt(r.perSecond, 1)} ${fmt(r.p50Ms, 1)} ${fmt(r.p99Ms, 1)} ${String(r.failures).padStart(6)}`;
}

/** One accepted case as intake stored it: the case item, its routing event and its open-case marker. */
async function storedFiling(tableName: string) {
  const { Items = [] } = await documentDb().send(new ScanCommand({ TableName: tableName }));
  const caseItem = Items.find((item) => item.entity === 'case' && item.status === 'accepted');
  const eventItem = Items.find((item) => item.entity === 'event' && item.caseId === caseItem?.caseId);
  const markerItem = Items.find((item) => item.entity === 'openCaseMarker' && item.caseId === caseItem?.caseId);
  if (!caseItem || !eventItem || !markerItem) throw new Error(`no accepted case with its event and marker in ${tableName} to copy`);
  return { caseItem: caseItem as Record<string, unknown> & { receivedOn: string }, eventItem, markerItem };
}

async function main() {
  // This machine runs Node 20; Lambda runs Node 22 (lib/): the SDK's warning about Node 20 is not the bench's business.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = await startDynamoDbLocal();
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: 'local',
    TABLE_NAME: 'bench-intake',
    REDRESS_ENV: 'local',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
  await ensureTable(dynamoDbClient(), 'bench-intake');
  await ensureTable(dynamoDbClient(), 'bench-raw');
  const port = await freePort();
  const server = await startHttpServer({ port, quiet: true });
  // The router and notifier follow intake's writes as in production (messages to an outbox file in a scratch folder).
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'redress-bench-intake-'));
  process.env.OUTBOX_FILE = path.join(scratch, 'outbox.jsonl');
  // Watched, so that a baseline run starts only when the consumers have worked off what the intake run before it filed.
  const consumerActivity = meterLambdas();
  const consumers = consumersFromRoutes().map((consumer) => ({ ...consumer, handler: consumerActivity.wrap(consumer.name, consumer.handler) }));
  const consumersCaughtUp = async () => {
    while (!consumerActivity.idleFor(2_000)) await new Promise((resolve) => setTimeout(resolve, 250));
  };
  const poller = await startStreamPoller({
    consumers,
    endpoint: dynamo.endpoint,
    tableName: 'bench-intake',
    checkpointFile: path.join(scratch, 'checkpoints.json'),
    deadLetterFile: path.join(scratch, 'dead-letters.jsonl'),
    log: () => undefined,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // Clients run in a worker thread, off the server's event loop, for both paths alike.
  const intake = (concurrency: number, durationMs: number) => runInWorker({ kind: 'intake', url: `${baseUrl}/v1/complaints`, concurrency, durationMs });
  await intake(8, 1500);
  await consumersCaughtUp();
  // The baseline: one plain PutItem of the very case item intake stores (a routed case of the same complaints,
  // same size, same index keys), with no HTTP, validation, routing or condition.
  const filing = await storedFiling('bench-intake');
  const rawPut = (concurrency: number, durationMs: number) => runInWorker({ kind: 'put', tableName: 'bench-raw', caseItem: filing.caseItem, concurrency, durationMs });
  // What intake's own store work costs DynamoDB Local: the transaction one routed filing sends, with no HTTP, validation or reads.
  const rawFiling = (concurrency: number, durationMs: number) => runInWorker({ kind: 'filingTransaction', tableName: 'bench-raw', ...filing, concurrency, durationMs });

  // Warm every path (JIT, connections, handler imports) before measuring.
  await rawPut(8, 1500);
  await rawFiling(8, 1500);

  console.log(`\nIntake (routed in its transaction; stream consumers running) vs raw PutItem, ${secondsPerRun} s per run, DynamoDB Local in memory (${dynamo.endpoint})`);
  console.log(`${'path'.padEnd(10)} conc      ops    ops/s  p50 ms   p99 ms   fails`);
  const ratios: string[] = [];
  let lastRaw: LoadResult | undefined;
  let lastRawFiling: LoadResult | undefined;
  for (const concurrency of concurrencies) {
    const filed = await intake(concurrency, secondsPerRun * 1000);
    await consumersCaughtUp();
    const raw = await rawPut(concurrency, secondsPerRun * 1000);
    const transaction = await rawFiling(concurrency, secondsPerRun * 1000);
    lastRaw = raw;
    lastRawFiling = transaction;
    console.log(row('intake', filed));
    console.log(row('PutItem', raw));
    console.log(row('filing tx', transaction));
    ratios.push(
      `  ${String(concurrency).padStart(2)} concurrent: intake / PutItem = ${(filed.perSecond / raw.perSecond).toFixed(2)}   filing tx / PutItem = ${(transaction.perSecond / raw.perSecond).toFixed(2)}   intake / filing tx = ${(filed.perSecond / transaction.perSecond).toFixed(2)}`,
    );
  }
  // The same filings with no stream consumer working beside them: what intake's own path costs, apart from the
  // store work of the router's follow-ups and the notifier that DynamoDB Local must do in the same process.
  await poller.stop();
  const alone = await intake(32, secondsPerRun * 1000);
  console.log(row('intake*', alone));
  console.log('  * no stream consumers running');
  console.log("  filing tx: the case, its routing event and its open-case marker in one conditional transaction, as intake writes a routed filing, sent from the load client");
  console.log('  PutItem and filing tx start once the stream consumers have worked off what the intake run before them filed');
  console.log('\nThroughput ratio (target at 32 concurrent: intake / PutItem at least 0.60)');
  console.log('  filing tx / PutItem is the most intake can reach on this store; intake / filing tx is what the service adds to its own writes');
  for (const line of ratios) console.log(line);
  console.log(`  32 concurrent, no stream consumers: intake / PutItem = ${(alone.perSecond / lastRaw!.perSecond).toFixed(2)}   intake / filing tx = ${(alone.perSecond / lastRawFiling!.perSecond).toFixed(2)}`);

  await server.close();
  await dynamo.stop();
  await fs.rm(scratch, { recursive: true, force: true });

  // Routing on a fresh DynamoDB Local: the tens of thousands of items the
  // intake runs left behind slow DynamoDB Local down for every table.
  const routingDynamo = await startDynamoDbLocal();
  process.env.DYNAMODB_ENDPOINT = routingDynamo.endpoint;
  const steadySeconds = Number(process.env.BENCH_STEADY_SECONDS ?? 60);
  printRoutingBench(
    await benchRouting({
      endpoint: routingDynamo.endpoint,
      runs: [
        { steadyPerSecond: 50, seconds: steadySeconds },
        { concurrency: 32, seconds: secondsPerRun },
      ],
    }),
  );
  await routingDynamo.stop();

  console.log('\nLambda bundles (esbuild, minified, CommonJS, node22, UTF-8); cold import = require() in a fresh Node process');
  console.log(`${'handler'.padEnd(32)} ${'SDK from runtime (deployed)'.padStart(28)} ${'SDK bundled'.padStart(22)}`);
  console.log(`${''.padEnd(32)} ${'KB'.padStart(14)} ${'import ms'.padStart(13)} ${'KB'.padStart(9)} ${'import ms'.padStart(12)}`);
  for (const b of await measureBundles()) {
    const flag = b.sdkFromRuntime.bytes > 500 * 1024 ? '  (over the 500 KB target)' : '';
    console.log(
      `${b.handler.padEnd(32)} ${fmt(b.sdkFromRuntime.bytes / 1024, 1).padStart(14)} ${fmt(b.sdkFromRuntime.coldImportMs, 1).padStart(13)} ${fmt(b.sdkBundled.bytes / 1024, 1).padStart(9)} ${fmt(b.sdkBundled.coldImportMs, 1).padStart(12)}${flag}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
