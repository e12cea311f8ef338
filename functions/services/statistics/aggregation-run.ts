import { randomUUID } from 'node:crypto';
import { logger } from '../../shared/logger';
import { acquireRunLease, getStatisticsState, releaseRunLease, StaleStatisticsStepError } from '../../store/statistics';
import { publishDueDisclosures } from '../disclosure/candidates';
import { finishPendingChunk } from './chunk';
import { incrementalRun } from './incremental-run';
import { removeObsoleteCells } from './obsolete-cells';
import { rebuildRun, startRebuild } from './rebuild-run';
import type { AggregationMode, AggregationReport, ChunkStep, RunContext } from './run-context';

/**
 * The aggregation job (SPEC section 6), every 15 minutes and on demand:
 * publishes the disclosures now due, then brings the statistics up to date,
 * incrementally (`incremental-run.ts`) or from scratch (`rebuild-run.ts`),
 * in chunks that each commit their place (`chunk.ts`), until its time
 * budget is spent; `more: true` says the next run has more to do. Both keep
 * public disclosure in step with the cases they read
 * (`disclosure-reconciliation.ts`). One run at a time: a lease in the table
 * that lapses when the run's invocation is ended for certain. The first
 * run ever rebuilds, and a rebuild under way is continued by any run.
 */
export type { AggregationMode, AggregationReport } from './run-context';
export { feedOverlapMs } from './feed-cursor';
export { firstPossibleMonth } from './rebuild-run';

/** Cases per chunk: big enough to touch each cell rarely, small enough that a chunk takes a second or two. */
export const defaultChunkCases = 1000;
/** Share of the budget due disclosures may take, so the figures always get the rest. */
const disclosureShare = 0.3;

export interface AggregationOptions {
  mode: AggregationMode;
  /** The clock the run goes by; later than the real time only with `asOf` on the local stack. */
  now: Date;
  /** When the run starts no further chunk. */
  budgetMs: number;
  /** When the invocation is ended for certain (the lease lapses then); default the budget plus 30 s. */
  leaseMs?: number;
  /** How long to wait for another run's lease before giving up. */
  waitForLeaseMs?: number;
  chunkCases?: number;
  /** Fault tests only: called after each step of applying a chunk; throwing ends the run there, as a crash would. */
  afterChunkStep?: (step: ChunkStep) => void;
}

export async function runAggregation(options: AggregationOptions): Promise<AggregationReport> {
  const startedAt = new Date();
  const deadline = startedAt.getTime() + options.budgetMs;
  const report: AggregationReport = {
    mode: options.mode,
    ran: false,
    casesRead: 0,
    casesCounted: 0,
    alreadyCounted: 0,
    cellsChanged: 0,
    chunks: 0,
    disclosures: { published: 0, dropped: 0, failed: 0, more: false, candidates: 0, synchronised: 0 },
    generatedAt: null,
    more: false,
  };

  const owner = randomUUID();
  const leaseMs = options.leaseMs ?? options.budgetMs + 30_000;
  const waitUntil = Date.now() + (options.waitForLeaseMs ?? Math.min(options.budgetMs / 2, 10_000));
  while (!(await acquireRunLease(owner, Date.now(), startedAt.getTime() + leaseMs))) {
    if (Date.now() > waitUntil) {
      report.generatedAt = (await getStatisticsState())?.generatedAt || null;
      report.more = true;
      logger.info('aggregation skipped: another run holds the lease');
      return report;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    report.ran = true;
    const context: RunContext = { now: options.now, startedAt, deadline, chunkCases: options.chunkCases ?? defaultChunkCases, report, ...(options.afterChunkStep ? { afterChunkStep: options.afterChunkStep } : {}) };
    const disclosuresUntil = startedAt.getTime() + options.budgetMs * disclosureShare;
    report.disclosures = { ...report.disclosures, ...(await publishDueDisclosures(options.now, disclosuresUntil)) };
    report.more ||= report.disclosures.more;

    let state = await finishPendingChunk(await getStatisticsState(), context);
    const rebuild = !state || state.rebuildPending === true || state.rebuild !== undefined || options.mode === 'rebuild';
    report.mode = rebuild ? 'rebuild' : 'incremental';
    if (rebuild) {
      if (!state?.rebuild) state = await startRebuild(state, context);
      state = await rebuildRun(state, context);
    } else {
      state = await incrementalRun(state!, context);
    }
    if (!report.more) state = await removeObsoleteCells(state, context);
    report.generatedAt = state.generatedAt || null;
    logger.info('statistics aggregated', { mode: report.mode, casesRead: report.casesRead, casesCounted: report.casesCounted, cellsChanged: report.cellsChanged, chunks: report.chunks, more: report.more });
    return report;
  } catch (error) {
    if (!(error instanceof StaleStatisticsStepError)) throw error;
    // This run's lease lapsed and another run moved on: what this one did is left for that one to finish.
    logger.warn('aggregation stopped: the state moved on under it');
    report.more = true;
    return report;
  } finally {
    await releaseRunLease(owner);
  }
}
