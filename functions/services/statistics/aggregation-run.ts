import { randomUUID } from 'node:crypto';
import { logger } from '../../shared/logger';
import { acquireRunLease, getStatisticsState, putStatisticsState, releaseRunLease } from '../../store/statistics-store';
import { publishDueDisclosures } from '../disclosure/candidates';
import { incrementalRun } from './incremental-run';
import { rebuildRun } from './rebuild-run';
import type { AggregationMode, AggregationReport, RunContext } from './run-context';

/**
 * The aggregation job (SPEC section 6), every 15 minutes and on demand:
 * publishes the disclosures now due, then brings the statistics up to date,
 * incrementally (`incremental-run.ts`) or from scratch (`rebuild-run.ts`).
 * Both keep public disclosure in step with the cases they read
 * (`disclosure-reconciliation.ts`). One run at a time: a lease in the table.
 * The first run ever, and the run after a rebuild that did not finish,
 * rebuild whatever was asked.
 */
export type { AggregationMode, AggregationReport } from './run-context';
export { feedOverlapMs } from './incremental-run';
export { firstPossibleMonth } from './rebuild-run';

const leaseSeconds = 15 * 60;

export interface AggregationOptions {
  mode: AggregationMode;
  /** The clock the run goes by; later than the real time only with `asOf` on the local stack. */
  now: Date;
  budgetMs: number;
  /** How long to wait for another run's lease before giving up. */
  waitForLeaseMs?: number;
}

export async function runAggregation(options: AggregationOptions): Promise<AggregationReport> {
  const startedAt = new Date();
  const deadline = Date.now() + options.budgetMs;
  const report: AggregationReport = {
    mode: options.mode,
    ran: false,
    casesRead: 0,
    casesCounted: 0,
    alreadyCounted: 0,
    cellsChanged: 0,
    disclosures: { published: 0, dropped: 0, failed: 0, more: false, candidates: 0, synchronised: 0 },
    generatedAt: null,
    more: false,
  };

  const owner = randomUUID();
  const waitUntil = Date.now() + (options.waitForLeaseMs ?? Math.min(options.budgetMs / 2, 10_000));
  while (!(await acquireRunLease(owner, Math.floor(Date.now() / 1000), leaseSeconds))) {
    if (Date.now() > waitUntil) {
      report.generatedAt = (await getStatisticsState())?.generatedAt || null;
      logger.info('aggregation skipped: another run holds the lease');
      return report;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    report.ran = true;
    const context: RunContext = { now: options.now, startedAt, deadline, report };
    report.disclosures = { ...report.disclosures, ...(await publishDueDisclosures(options.now, deadline)) };
    const state = await getStatisticsState();
    const rebuild = options.mode === 'rebuild' || !state || state.rebuildPending === true;
    report.mode = rebuild ? 'rebuild' : 'incremental';
    const next = rebuild ? await rebuildRun(state, context) : await incrementalRun(state, context);
    if (!rebuild) await putStatisticsState(next);
    report.generatedAt = next.generatedAt || null;
    logger.info('statistics aggregated', { mode: report.mode, casesRead: report.casesRead, casesCounted: report.casesCounted, cellsChanged: report.cellsChanged, more: report.more });
    return report;
  } finally {
    await releaseRunLease(owner);
  }
}
