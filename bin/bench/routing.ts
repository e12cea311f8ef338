/**
 * Routing end to end on the local stack: complaints are filed over the local
 * HTTP API while the stream poller feeds the route table's consumers (the
 * router's follow-ups and the notifier), as `npm start` runs them. Two runs:
 * a steady stream of filings at a fixed rate (the issue's 50/s for a
 * minute), and filers back to back at a fixed concurrency (intake's maximum
 * rate). Prints, side by side: filings per second and their 201 latency,
 * cases routed per second and the time from filing to routed, when the
 * stream consumers caught up, and the writes per complaint by kind of item
 * (`store-meter.ts`); asserts nothing.
 *
 * "Filing to routed" is the case's `receivedAt` to its `routing.routedAt`;
 * both come from this process's clock. A case is routed in its filing's own
 * transaction, so the two are the same instant unless the routing could not
 * be decided at filing and the stream router did it.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dynamoDbClient } from '../../functions/store/client';
import { seedTable } from '../../functions/store/seed-table';
import { ensureTable } from '../local/dynamodb-local';
import { freePort } from '../local/free-port';
import { startHttpServer } from '../local/http-server';
import { startStreamPoller } from '../local/stream-poller';
import { benchComplaint } from './complaints';
import { waitUntilRouted } from './routed-cases';
import { runLoad, runSteady, type LoadResult } from './load';
import { meterStore, type StoreMeterReading } from './store-meter';

export interface RoutingBenchResult {
  /** How the filings came: `50/s steady` or `32 filers`. */
  load: string;
  filingSeconds: number;
  filing: LoadResult;
  filed: number;
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
  /** What intake, router and notifier asked of the table for these cases. */
  store: StoreMeterReading;
  /** When the stream consumers (router follow-ups, notifier) went quiet, after the last filing answered. */
  streamCaughtUpSeconds: number;
}

export type RoutingRun = { steadyPerSecond: number; seconds: number } | { concurrency: number; seconds: number };

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface RoutedCase {
  caseId: string;
  receivedAt: string;
  routing?: { routedAt: string; outcome: string; step?: string };
  safetyReport?: unknown;
}

/** What the summary reads of each case, and how long it waits for the router. */
const routedCasesRead = { alsoRead: 'receivedAt, safetyReport', patienceMs: 180_000, pollMs: 250 };

/** Files in each run in turn on one stack (warmed first), waiting after each until the stream consumers have caught up. */
export async function benchRouting(options: { endpoint: string; runs: readonly RoutingRun[] }): Promise<RoutingBenchResult[]> {
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
    log: process.env.BENCH_STREAM_LOG ? (line) => console.error(line) : () => undefined,
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
    const meter = meterStore();
    // Warm the intake and router modules, and let the consumers catch up, before measuring.
    await runLoad(4, 1000, fileOne);
    await waitUntilRouted<RoutedCase>(tableName, caseIds, routedCasesRead);
    await quietSince(meter);

    const results: RoutingBenchResult[] = [];
    for (const run of options.runs) {
      caseIds = [];
      meter.reset();
      const steady = 'steadyPerSecond' in run;
      const filing = steady ? await runSteady(run.steadyPerSecond, run.seconds * 1000, fileOne) : await runLoad(run.concurrency, run.seconds * 1000, fileOne);
      const filingEnded = Date.now();
      const cases = await waitUntilRouted<RoutedCase>(tableName, caseIds, routedCasesRead);
      const quiet = await quietSince(meter);
      const load = steady ? `${run.steadyPerSecond}/s steady` : `${run.concurrency} filers back to back`;
      results.push({ ...summarise(cases), load, filingSeconds: run.seconds, filing, store: meter.read(), streamCaughtUpSeconds: Math.max(0, (quiet - filingEnded) / 1000) });
    }
    return results;
  } finally {
    await poller.stop();
    await server.close();
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** Waits until the service has made no store call for 2 s; answers when its last call was seen (to 100 ms). */
async function quietSince(meter: { read(): StoreMeterReading }): Promise<number> {
  let calls = total(meter.read());
  let lastChange = Date.now();
  while (Date.now() - lastChange < 2_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = total(meter.read());
    if (now !== calls) {
      calls = now;
      lastChange = Date.now();
    }
  }
  return lastChange;
}
const total = (reading: StoreMeterReading) => Object.values(reading.calls).reduce((sum, n) => sum + n, 0);

function summarise(cases: readonly RoutedCase[]) {
  const routed = cases.filter((c): c is RoutedCase & { routing: NonNullable<RoutedCase['routing']> } => c.routing !== undefined);
  const latencies = routed.map((c) => Date.parse(c.routing.routedAt) - Date.parse(c.receivedAt)).sort((a, b) => a - b);
  const first = Math.min(...cases.map((c) => Date.parse(c.receivedAt)));
  const last = Math.max(...routed.map((c) => Date.parse(c.routing.routedAt)));
  const outcomes: Record<string, number> = {};
  for (const c of routed) {
    const key = c.routing.outcome === 'accepted' ? `accepted:${c.routing.step}` : c.routing.outcome;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  const span = Math.max(0.001, (last - first) / 1000);
  return {
    filed: cases.length,
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
    const { filing, store } = result;
    console.log(`\nRouting end to end (filed over HTTP, routed in the filing's transaction, stream -> follow-ups and notifier), ${result.load}, ${result.filingSeconds} s of filing`);
    console.log(`  filed          ${result.filed} cases (${(result.filed / filing.seconds).toFixed(1)}/s), ${filing.failures} failed; 201 in p50 ${filing.p50Ms.toFixed(0)} ms, p99 ${filing.p99Ms.toFixed(0)} ms`);
    console.log(`  routed         ${result.routed} of them in ${result.seconds.toFixed(1)} s from the first filing: ${result.routedPerSecond.toFixed(1)} cases/s (${(result.routedPerSecond / (result.filed / filing.seconds)).toFixed(2)} x the filing rate)`);
    console.log(`  filing->routed p50 ${result.p50Ms.toFixed(0)} ms, p90 ${result.p90Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms, max ${result.maxMs.toFixed(0)} ms`);
    console.log(`  stream         follow-ups and messages caught up ${result.streamCaughtUpSeconds.toFixed(1)} s after the last filing answered`);
    console.log(`  outcomes       ${Object.entries(result.outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}; safety reports ${result.safetyReports}`);
    const per = (n: number) => (n / result.filed).toFixed(2);
    const sorted = (counts: Record<string, number>) => Object.entries(counts).sort(([, a], [, b]) => b - a).map(([kind, n]) => `${kind} ${per(n)}`).join(', ');
    console.log(`  per complaint  ${per(store.itemsWritten)} items written, ${per(store.writeUnits)} write units, ${per(store.readUnits)} read units (intake, router and notifier together)`);
    console.log('                 (units as DynamoDB Local reports them; it overcounts transactions: `npm run bench:cost` bills them from item sizes)');
    console.log(`  items written  ${sorted(store.writesByKind)}`);
    console.log(`  write units    ${sorted(store.writeUnitsByKind)}`);
    console.log(`  calls          ${sorted(store.calls)}`);
  }
}
