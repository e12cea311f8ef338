/**
 * `npm run bench:stats [-- --cases N] [--concurrency C] [--changes K] [--backlog B] [--verify]`
 *
 * The statistics job at scale on DynamoDB Local (in memory): loads N cases
 * (default 100,000) with batched writes behind a progress bar, times a
 * rebuild, makes K changes (default 1,000: case changes through the store's
 * one change path, and some new filings), times the incremental run that
 * follows, and prints cases per second for each and the incremental run's
 * cost as a share of the rebuild's (target: at most 5%). Then the backlog
 * of issue 11 (default 30,000 new filings at once): worked off by one
 * scheduled run (the job function's 5-minute budget), and a second such
 * backlog by on-demand calls (25 s budget each), printing each call's
 * progress. `--verify` then rebuilds again and checks the figures are
 * identical. Prints figures, asserts nothing else.
 */
import './bench/stats/quiet';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { SingleBar, Presets } from 'cli-progress';
import { chinaDate } from '../functions/domain/calendar/dates';
import { cellId, type Counters } from '../functions/domain/statistics';
import { disclosureChange } from '../functions/services/disclosure/lifecycle-hook';
import { runAggregation } from '../functions/services/statistics/aggregation-run';
import { applyCaseChange } from '../functions/store/case-changes';
import { caseIndexKeys, createCase } from '../functions/store/cases-store';
import { documentDb, dynamoDbClient, tableName } from '../functions/store/client';
import { keys } from '../functions/store/keys';
import { getCaseRecords, getStatisticsState, readCells } from '../functions/store/statistics';
import type { CaseRecord } from '../functions/domain/complaints/case';
import { seededRandom, syntheticCase } from './bench/stats/synthetic-cases';
import { ensureTable, startDynamoDbLocal } from './local/dynamodb-local';
import { inParallel } from '../functions/shared/in-parallel';

interface Options {
  cases: number;
  changes: number;
  backlog: number;
  concurrency: number;
  verify: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { cases: 100_000, changes: 1_000, backlog: 30_000, concurrency: 8, verify: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const number = () => {
      const value = Number(argv[++i]);
      if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number`);
      return value;
    };
    if (flag === '--cases') options.cases = number();
    else if (flag === '--changes') options.changes = number();
    else if (flag === '--concurrency') options.concurrency = number();
    else if (flag === '--backlog') options.backlog = number();
    else if (flag === '--verify') options.verify = true;
    else throw new Error(`Unknown option ${flag}; use --cases N, --changes N, --backlog N, --concurrency N, --verify`);
  }
  return options;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** Writes `count` synthetic cases from index `first`; `filedNow` makes them new filings (received as they are written, still `received`). */
async function load(options: Options, now: Date, count = options.cases, first = 0, filedNow = false): Promise<string[]> {
  const random = seededRandom(20261126 + first);
  const bar = new SingleBar({ format: `${filedNow ? 'filing backlog' : 'loading cases '} [{bar}] {value}/{total}  {rate} cases/s  eta {eta}s`, hideCursor: true }, Presets.shades_classic);
  const started = Date.now();
  bar.start(count, 0, { rate: '0' });
  const ids: string[] = [];
  let next = 0;
  const batchSize = 25;
  async function worker(): Promise<void> {
    while (next < count) {
      const from = next;
      next = Math.min(count, next + batchSize);
      let requests = Array.from({ length: next - from }, (_, i) => {
        const record = filedNow ? syntheticCase(first + from + i, new Date(), random, new Date()) : syntheticCase(first + from + i, now, random);
        ids.push(record.caseId);
        return { PutRequest: { Item: { ...keys.case(record.caseId), entity: 'case', ...caseIndexKeys(record), ...record } } };
      });
      while (requests.length > 0) {
        const answer = await documentDb().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
        requests = (answer.UnprocessedItems?.[tableName()] as typeof requests | undefined) ?? [];
      }
      bar.update(next, { rate: ((next / (Date.now() - started)) * 1000).toFixed(0) });
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  bar.stop();
  console.log(`${filedNow ? 'filed' : 'loaded'} ${count} cases in ${seconds(Date.now() - started)} s (${((count / (Date.now() - started)) * 1000).toFixed(0)} cases/s, BatchWriteItem of 25, ${options.concurrency} at a time)`);
  return ids;
}

/** K changes as the services make them: one version-checked change with its timeline event each; one in ten a new filing. */
async function change(options: Options, ids: readonly string[], now: Date): Promise<void> {
  const random = seededRandom(7);
  const filings = Math.floor(options.changes / 10);
  const chosen = new Set<string>();
  while (chosen.size < options.changes - filings) chosen.add(ids[Math.floor(random() * ids.length)]!);
  const records = await getCaseRecords([...chosen]);
  const today = chinaDate(now);
  const work: (() => Promise<unknown>)[] = [
    ...records.map((record: CaseRecord) => () => {
      const at = new Date().toISOString();
      if (record.status === 'closed') {
        return applyCaseChange({ caseId: record.caseId, expectedVersion: record.version, set: { rating: { rating: 5, at } }, event: { at, actor: 'consumer', type: 'rate', status: 'closed', step: record.step } });
      }
      if (record.status === 'accepted' && record.step) {
        // Settled and closed in one go, with the disclosure candidacy the action path adds on closing.
        const disclosure = disclosureChange(record, 'close', { status: 'closed', step: record.step }, { today, at });
        const set = { status: 'closed', outcome: 'resolved', closedOn: today, agreement: { source: 'mediation', recoveredFen: 50_000, at }, deadline: null, ...disclosure.set };
        return applyCaseChange({ caseId: record.caseId, expectedVersion: record.version, set, event: { at, actor: 'mediator', type: 'record_agreement', status: 'closed', step: record.step }, alsoCreate: disclosure.alsoCreate });
      }
      const set = { status: 'accepted', step: 'mediation', acceptedOn: today, associationId: record.associationId ?? '410100' };
      return applyCaseChange({ caseId: record.caseId, expectedVersion: record.version, set, event: { at, actor: 'system', type: 'route_accept', status: 'accepted', step: 'mediation' } });
    }),
    ...Array.from({ length: filings }, (_, i) => () => createCase(syntheticCase(options.cases + i, new Date(), random, new Date()))),
  ];
  await inParallel(work, 16, async (job) => {
    await job();
  });
}

async function allCells(): Promise<Map<string, Counters>> {
  const state = await getStatisticsState();
  const cells = new Map<string, Counters>();
  for (const period of state?.periods ?? []) for (const cell of await readCells(state!.generation, period)) if (Object.keys(cell.counters).length) cells.set(cellId(cell.address), cell.counters);
  return cells;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dynamo = await startDynamoDbLocal();
  Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'local', TABLE_NAME: 'bench-stats', REDRESS_ENV: 'local' });
  try {
    await ensureTable(dynamoDbClient(), 'bench-stats');
    const now = new Date();
    const ids = await load(options, now);
    const budgetMs = 60 * 60_000;

    let started = Date.now();
    const rebuild = await runAggregation({ mode: 'rebuild', now: new Date(), budgetMs });
    const rebuildMs = Date.now() - started;
    console.log(`rebuild:      ${rebuild.casesRead} cases in ${seconds(rebuildMs)} s = ${((rebuild.casesRead / rebuildMs) * 1000).toFixed(0)} cases/s (${rebuild.cellsChanged} cells)`);

    started = Date.now();
    await change(options, ids, now);
    console.log(`changes:      ${options.changes} (${options.changes - Math.floor(options.changes / 10)} case changes, ${Math.floor(options.changes / 10)} new filings) in ${seconds(Date.now() - started)} s`);

    started = Date.now();
    const incremental = await runAggregation({ mode: 'incremental', now: new Date(), budgetMs });
    const incrementalMs = Date.now() - started;
    console.log(`incremental:  ${incremental.casesCounted} cases counted (${incremental.casesRead} read, ${incremental.cellsChanged} cells changed) in ${seconds(incrementalMs)} s = ${((incremental.casesCounted / incrementalMs) * 1000).toFixed(0)} cases/s`);
    const share = incrementalMs / rebuildMs;
    console.log(`incremental cost / rebuild cost = ${(share * 100).toFixed(2)}% (target at most 5%: ${share <= 0.05 ? 'met' : 'NOT met'})`);

    started = Date.now();
    const again = await runAggregation({ mode: 'incremental', now: new Date(), budgetMs });
    console.log(`re-run:       ${again.casesCounted} cases counted, ${again.alreadyCounted} already counted, in ${seconds(Date.now() - started)} s`);

    // Issue 11: a backlog of new filings, worked off by one scheduled run (the job function has 5 minutes, the run stops 30 s before).
    await load(options, now, options.backlog, options.cases + options.changes, true);
    started = Date.now();
    const scheduled = await runAggregation({ mode: 'incremental', now: new Date(), budgetMs: 270_000, leaseMs: 300_000 });
    const scheduledMs = Date.now() - started;
    console.log(
      `backlog, one scheduled run (270 s budget): ${scheduled.casesCounted} cases counted in ${scheduled.chunks} chunks, ${seconds(scheduledMs)} s = ${((scheduled.casesCounted / scheduledMs) * 1000).toFixed(0)} cases/s; more: ${scheduled.more}`,
    );

    // The same again, worked off by on-demand calls (25 s budget each, as `POST /v1/admin/jobs/aggregate`).
    await load(options, now, options.backlog, options.cases + options.changes + options.backlog, true);
    started = Date.now();
    for (let call = 1; ; call++) {
      const callStarted = Date.now();
      const answer = await runAggregation({ mode: 'incremental', now: new Date(), budgetMs: 25_000, leaseMs: 29_000 });
      console.log(`on-demand call ${call}: ${answer.casesCounted} cases counted in ${answer.chunks} chunks, answered after ${seconds(Date.now() - callStarted)} s; more: ${answer.more}`);
      if (!answer.more) break;
    }
    console.log(`backlog, on-demand calls: worked off in ${seconds(Date.now() - started)} s`);

    if (options.verify) {
      const before = await allCells();
      await runAggregation({ mode: 'rebuild', now: new Date(), budgetMs });
      const after = await allCells();
      const same = before.size === after.size && [...before].every(([id, counters]) => JSON.stringify(Object.entries(counters).sort()) === JSON.stringify(Object.entries(after.get(id) ?? {}).sort()));
      console.log(`verify:       incremental and rebuilt figures ${same ? 'are identical' : 'DIFFER'} (${after.size} cells)`);
      if (!same) process.exitCode = 1;
    }
  } finally {
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
