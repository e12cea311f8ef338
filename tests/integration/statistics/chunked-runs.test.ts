import { deleteCellsOfPeriod, getStatisticsState, readCells, acquireRunLease } from '../../../functions/store/statistics';
import { runAggregation, type AggregationOptions } from '../../../functions/services/statistics/aggregation-run';
import type { ChunkStep } from '../../../functions/services/statistics/run-context';
import { complaintFrom } from '../../unit/statistics/support/case-histories';
import { createTestTable } from '../../support/dynamodb';
import { allCells, fileCase, moveCase, untilIndexCaughtUp } from './support';

/**
 * Issue 11 item 2 on DynamoDB Local: the aggregation job works a backlog
 * off in chunks, each committing its place. Runs with a tiny budget (one
 * chunk of a few cases each) converge to exactly a rebuild's figures; a
 * run that dies at any step of a chunk leaves nothing counted twice; a
 * rebuild spans as many runs as it needs and readers see the old figures
 * until it switches; a lease left by a dead run lapses with its invocation.
 */
beforeAll(async () => {
  await createTestTable({ prefix: 'stats-chunks' });
});

/** One chunk of `chunkCases` per run: the tiniest budget (every run still applies one chunk). */
const tiny = (mode: 'incremental' | 'rebuild', extra: Partial<AggregationOptions> = {}) => runAggregation({ mode, now: new Date(), budgetMs: 0, chunkCases: 4, ...extra });
const full = (mode: 'incremental' | 'rebuild') => runAggregation({ mode, now: new Date(), budgetMs: 60_000 });

const seeds = Array.from({ length: 30 }, (_, i) => ({ category: i, issue: i * 7, consumerRegion: i * 3, merchantRegion: i * 5, withMerchantRegion: i % 3 === 0, injury: i % 4 === 0 }));
const moves = Array.from({ length: 30 }, (_, i) => ({ pick: i * 13, amountFen: 1000 + i * 777, rating: 1 + (i % 5), reason: i, step: i, region: i * 11, injury: i % 2 === 0 }));

/** Files `count` cases and moves each of them a few times; answers their ids. */
async function backlog(count: number, offset = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await fileCase(complaintFrom(seeds[(i + offset) % seeds.length]!), new Date()));
  for (let round = 0; round < 3; round++) for (const [i, id] of ids.entries()) await moveCase(id, moves[(i + round + offset) % moves.length]!, new Date());
  return ids;
}

/** Runs until a run says there is no more; answers how many runs it took. */
async function untilDone(run: () => ReturnType<typeof runAggregation>, limit = 200): Promise<number> {
  for (let runs = 1; runs <= limit; runs++) {
    const report = await run();
    expect(report.ran).toBe(true);
    // Every run makes progress: at least one chunk.
    expect(report.chunks).toBeGreaterThanOrEqual(1);
    if (!report.more) return runs;
  }
  throw new Error(`not done after ${limit} runs`);
}

async function rebuiltFigures(): Promise<Record<string, Record<string, number>>> {
  await untilDone(() => full('rebuild'));
  return allCells();
}

describe('the aggregation job in chunks', () => {
  it('works off a backlog of many budgets, one small chunk per run, to exactly the figures of a rebuild', async () => {
    await untilDone(() => full('rebuild'));
    const ids = await backlog(30);
    const runs = await untilDone(() => tiny('incremental'));
    // 30 cases, each in both feeds several times, 4 cases a chunk: many runs, each one chunk.
    expect(runs).toBeGreaterThan(30 / 4);
    const incremental = await allCells();
    expect((await tiny('incremental')).casesCounted).toBe(0);

    await untilIndexCaughtUp(ids);
    expect(await rebuiltFigures()).toEqual(incremental);
  }, 180_000);

  it.each<ChunkStep>(['pending-written', 'cells-applied', 'contributions-written'])('leaves nothing counted twice when a run dies after "%s"', async (step) => {
    await untilDone(() => full('incremental'));
    const ids = await backlog(12, 5);
    let chunks = 0;
    const crash = (at: ChunkStep) => {
      if (at === step && ++chunks === 2) throw new Error('the invocation ended here');
    };
    await expect(runAggregation({ mode: 'incremental', now: new Date(), budgetMs: 60_000, chunkCases: 3, afterChunkStep: crash, leaseMs: 1 })).rejects.toThrow('the invocation ended here');
    // The dead run's lease has lapsed; the next runs finish its chunk first, then carry on.
    await untilDone(() => tiny('incremental', { chunkCases: 3 }));
    const incremental = await allCells();
    await untilIndexCaughtUp(ids);
    expect(await rebuiltFigures()).toEqual(incremental);
  }, 180_000);

  it('rebuilds over many runs, readers keeping the old figures until it switches, then removes the old cells', async () => {
    await untilIndexCaughtUp(await backlog(10, 9));
    await untilDone(() => full('incremental'));
    const before = await getStatisticsState();
    const figuresBefore = await allCells();
    const first = await tiny('rebuild');
    expect(first).toMatchObject({ mode: 'rebuild', more: true });
    expect(await getStatisticsState()).toMatchObject({ generation: before!.generation, rebuild: { generation: before!.generation + 1 } });
    expect(await allCells()).toEqual(figuresBefore);

    // Any run continues the rebuild under way, whatever it was asked.
    await untilDone(() => tiny('incremental'));
    const after = await getStatisticsState();
    expect(after).toMatchObject({ generation: before!.generation + 1 });
    expect(after?.rebuild).toBeUndefined();
    expect(after?.obsolete).toBeUndefined();
    expect(await allCells()).toEqual(figuresBefore);
    for (const period of before!.periods) expect(await readCells(before!.generation, period)).toEqual([]);
    // Deleting nothing twice is harmless.
    await deleteCellsOfPeriod(before!.generation, before!.periods[0]!);
  }, 180_000);

  it('waits for a run that holds the lease, answers more when it does not get it, and runs once the lease of a dead run lapses', async () => {
    expect(await acquireRunLease('a-run-that-died', Date.now(), Date.now() + 1_500)).toBe(true);
    const blocked = await runAggregation({ mode: 'incremental', now: new Date(), budgetMs: 10_000, waitForLeaseMs: 200 });
    expect(blocked).toMatchObject({ ran: false, more: true });
    const next = await runAggregation({ mode: 'incremental', now: new Date(), budgetMs: 10_000, waitForLeaseMs: 3_000 });
    expect(next.ran).toBe(true);
  }, 60_000);
});
