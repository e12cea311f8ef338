/**
 * Routing end to end on the local stack: concurrent filers post complaints
 * to the local HTTP API while the stream poller feeds the route table's
 * router, as `npm start` runs them. Prints cases routed per second (from
 * the first filing to the last routing) and the time from filing to
 * routed; asserts nothing. At 32 filers intake outpaces the router on one
 * DynamoDB Local, so that run measures the router's capacity and its
 * latency is mostly the backlog; a run below capacity shows the latency of
 * the path itself.
 *
 * "Filing to routed" is the case's `receivedAt` (set by the intake handler
 * as it writes the case) to its `routing.routedAt` (set by the router as it
 * decides, just before its write). Both come from this process's clock, so
 * no clocks are compared; the router's own write (a few ms) is not included.
 */
import { randomInt } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { demoMerchants } from '../../functions/reference';
import { documentDb, dynamoDbClient } from '../../functions/store/client';
import { keys } from '../../functions/store/keys';
import { seedTable } from '../../functions/store/seed-table';
import { validComplaint } from '../../tests/fixtures/complaints';
import { ensureTable } from '../local/dynamodb-local';
import { freePort } from '../local/free-port';
import { startHttpServer } from '../local/http-server';
import { startStreamPoller } from '../local/stream-poller';
import { runLoad } from './load';

export interface RoutingBenchResult {
  concurrency: number;
  filingSeconds: number;
  filed: number;
  filingFailures: number;
  routed: number;
  /** From the first filing to the last routing. */
  seconds: number;
  routedPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  outcomes: Record<string, number>;
  safetyReports: number;
}

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** A varied stream of complaints: registered merchants of every kind, unregistered ones, merchants known by name only, some injuries. */
function benchComplaint(serial: number): Record<string, unknown> {
  const base = validComplaint();
  const today = chinaToday();
  const consumer = { ...base.consumer, phone: `13${String(randomInt(1e9)).padStart(9, '0')}` };
  const purchase = { ...base.purchase, date: daysBefore(today, 5 + (serial % 120)), orderRef: `BENCH-${serial}-${randomInt(1e9)}` };
  const kind = serial % 10;
  const registered = demoMerchants[serial % demoMerchants.length]!;
  const merchant =
    kind < 6
      ? { name: registered.name, creditCode: registered.creditCode, regionCode: registered.regionCode }
      : kind < 9
        ? base.merchant
        : { name: `某某${serial % 50}号小吃店` };
  const injured = serial % 7 === 0;
  return {
    ...base,
    consumer,
    merchant,
    purchase,
    category: injured ? 'ebikes' : base.category,
    // A disclosure-only filing needs a verified phone (20 codes a day per address): the bench, filing from one address, asks for an apology instead.
    claim: serial % 13 === 0 ? { type: 'apology' } : { type: 'refund', amountFen: 10_000 + (serial % 600_000) },
    injury: injured ? { occurred: true, description: '充电时起火，手部烧伤' } : { occurred: false },
    knownSince: daysBefore(today, 2),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface RoutedCase {
  receivedAt: string;
  routing?: { routedAt: string; outcome: string; step?: string };
  safetyReport?: unknown;
}

async function readCases(tableName: string, caseIds: readonly string[]): Promise<RoutedCase[]> {
  const found: RoutedCase[] = [];
  for (let start = 0; start < caseIds.length; start += 100) {
    let pending: Record<string, unknown>[] | undefined = caseIds.slice(start, start + 100).map((id) => keys.case(id));
    while (pending && pending.length > 0) {
      const answer: BatchGetCommandOutput = await documentDb().send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ProjectionExpression: 'receivedAt, routing, safetyReport', ConsistentRead: true } } }),
      );
      found.push(...((answer.Responses?.[tableName] ?? []) as RoutedCase[]));
      pending = answer.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return found;
}

/**
 * Files for `seconds` at each concurrency in turn on one stack (warmed
 * first), waiting after each run until the router has caught up.
 */
export async function benchRouting(options: { endpoint: string; concurrencies: readonly number[]; seconds: number }): Promise<RoutingBenchResult[]> {
  const tableName = 'bench-routing';
  await ensureTable(dynamoDbClient(), tableName);
  process.env.TABLE_NAME = tableName;
  await seedTable();

  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'redress-bench-routing-'));
  // Messages go to an outbox file, as on `npm start`: the bench has no AWS credentials to send SMS with.
  process.env.OUTBOX_FILE = path.join(scratch, 'outbox.jsonl');
  const port = await freePort();
  const server = await startHttpServer({ port, tableName, endpoint: options.endpoint, quiet: true });
  // The route table's consumers with `npm start`'s poll interval; checkpoints and dead letters in a scratch folder.
  const poller = await startStreamPoller({
    endpoint: options.endpoint,
    tableName,
    checkpointFile: path.join(scratch, 'checkpoints.json'),
    deadLetterFile: path.join(scratch, 'dead-letters.jsonl'),
    log: () => undefined,
  });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    let serial = 0;
    let caseIds: string[] = [];
    const fileOne = async () => {
      const response = await fetch(`${baseUrl}/v1/complaints`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(benchComplaint(serial++)) });
      const body = (await response.json()) as { caseId?: string };
      if (response.status !== 201 || !body.caseId) return false;
      caseIds.push(body.caseId);
      return true;
    };
    // Warm the intake and router modules, and let the router catch up, before measuring.
    await runLoad(4, 1000, fileOne);
    await waitUntilRouted(tableName, caseIds);

    const results: RoutingBenchResult[] = [];
    for (const concurrency of options.concurrencies) {
      caseIds = [];
      const filing = await runLoad(concurrency, options.seconds * 1000, fileOne);
      results.push(summarise(concurrency, options.seconds, filing.failures, await waitUntilRouted(tableName, caseIds)));
    }
    return results;
  } finally {
    await poller.stop();
    await server.close();
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

async function waitUntilRouted(tableName: string, caseIds: readonly string[]): Promise<RoutedCase[]> {
  const patience = Date.now() + 180_000;
  let cases = await readCases(tableName, caseIds);
  while (cases.some((c) => !c.routing) && Date.now() < patience) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    cases = await readCases(tableName, caseIds);
  }
  return cases;
}

function summarise(concurrency: number, seconds: number, filingFailures: number, cases: readonly RoutedCase[]): RoutingBenchResult {
  const routed = cases.filter((c): c is RoutedCase & { routing: NonNullable<RoutedCase['routing']> } => c.routing !== undefined);
  const latencies = routed.map((c) => Date.parse(c.routing.routedAt) - Date.parse(c.receivedAt)).sort((a, b) => a - b);
  const first = Math.min(...cases.map((c) => Date.parse(c.receivedAt)));
  const last = Math.max(...routed.map((c) => Date.parse(c.routing.routedAt)));
  const outcomes: Record<string, number> = {};
  for (const c of routed) {
    const key = c.routing.outcome === 'accepted' ? `accepted:${c.routing.step}` : c.routing.outcome;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  const span = (last - first) / 1000;
  return {
    concurrency,
    filingSeconds: seconds,
    filed: cases.length,
    filingFailures,
    routed: routed.length,
    seconds: span,
    routedPerSecond: routed.length / span,
    p50Ms: percentile(latencies, 50),
    p90Ms: percentile(latencies, 90),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? Number.NaN,
    outcomes,
    safetyReports: routed.filter((c) => c.safetyReport !== undefined).length,
  };
}

export function printRoutingBench(results: readonly RoutingBenchResult[]): void {
  for (const result of results) {
    console.log(`\nRouting end to end (filed over HTTP -> table stream -> router), ${result.concurrency} concurrent filers, ${result.filingSeconds} s of filing`);
    console.log(`  filed          ${result.filed} cases (${(result.filed / result.filingSeconds).toFixed(1)}/s), ${result.filingFailures} failed`);
    console.log(`  routed         ${result.routed} of them in ${result.seconds.toFixed(1)} s from the first filing: ${result.routedPerSecond.toFixed(1)} cases/s`);
    console.log(`  filing->routed p50 ${result.p50Ms.toFixed(0)} ms, p90 ${result.p90Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms, max ${result.maxMs.toFixed(0)} ms`);
    console.log(`  outcomes       ${Object.entries(result.outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}; safety reports ${result.safetyReports}`);
  }
}
