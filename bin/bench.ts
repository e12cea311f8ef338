/**
 * `npm run bench` — prints figures, asserts nothing:
 *  1. intake throughput and p50/p99 latency through the local HTTP server at
 *     1, 8 and 32 concurrent clients, side by side with raw PutItem on the
 *     same DynamoDB Local in the same run, and their ratio;
 *  2. each Lambda bundle's size and cold import time.
 * DynamoDB Local runs in memory so the disk does not dominate either side.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb } from '../functions/store/client';
import { validComplaint } from '../tests/fixtures/complaints';
import { measureBundles } from './bench/bundles';
import { runLoad, type LoadResult } from './bench/load';
import { dynamoDbClient } from '../functions/store/client';
import { ensureTable, startDynamoDbLocal } from './local/dynamodb-local';
import { freePort } from './local/free-port';
import { startHttpServer } from './local/http-server';

const concurrencies = [1, 8, 32];
const secondsPerRun = Number(process.env.BENCH_SECONDS ?? 8);

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(8);

function row(label: string, r: LoadResult) {
  return `${label.padEnd(10)} ${String(r.concurrency).padStart(4)} ${fmt(r.operations)} ${fmt(r.perSecond, 1)} ${fmt(r.p50Ms, 1)} ${fmt(r.p99Ms, 1)} ${String(r.failures).padStart(6)}`;
}

async function main() {
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
  const baseUrl = `http://127.0.0.1:${port}`;
  const body = JSON.stringify(validComplaint());

  const intake = async () => {
    const response = await fetch(`${baseUrl}/v1/complaints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body,
    });
    await response.arrayBuffer();
    return response.status === 201;
  };
  // A raw write of an item the size of a filed case, with no validation, no HTTP, no transaction.
  const rawItem = { ...validComplaint(), padding: 'x'.repeat(400) };
  const rawPut = async () => {
    await documentDb().send(new PutCommand({ TableName: 'bench-raw', Item: { pk: `RAW#${randomUUID()}`, sk: 'CASE', ...rawItem } }));
    return true;
  };

  // Warm both paths (JIT, connections, handler imports) before measuring.
  await runLoad(8, 1500, intake);
  await runLoad(8, 1500, rawPut);

  console.log(`\nIntake vs raw PutItem, ${secondsPerRun} s per run, DynamoDB Local in memory (${dynamo.endpoint})`);
  console.log(`${'path'.padEnd(10)} conc      ops    ops/s  p50 ms   p99 ms   fails`);
  const ratios: string[] = [];
  for (const concurrency of concurrencies) {
    const filed = await runLoad(concurrency, secondsPerRun * 1000, intake);
    const raw = await runLoad(concurrency, secondsPerRun * 1000, rawPut);
    console.log(row('intake', filed));
    console.log(row('PutItem', raw));
    ratios.push(`  ${String(concurrency).padStart(2)} concurrent: intake / PutItem = ${(filed.perSecond / raw.perSecond).toFixed(2)}`);
  }
  console.log('\nThroughput ratio (target at 32 concurrent: at least 0.60)');
  for (const line of ratios) console.log(line);

  await server.close();
  await dynamo.stop();

  console.log('\nLambda bundles (esbuild, minified, CommonJS, node22, AWS SDK v3 included), cold import in a fresh Node process');
  console.log(`${'handler'.padEnd(32)}     KB  import ms`);
  for (const b of await measureBundles()) {
    console.log(`${b.handler.padEnd(32)} ${fmt(b.bytes / 1024, 1)} ${fmt(b.coldImportMs, 1)}${b.bytes > 500 * 1024 ? '  (over 500 KB target)' : ''}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
