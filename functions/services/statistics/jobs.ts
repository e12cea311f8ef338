import type { JobRunner } from '../jobs/job';
import { runAggregation } from './aggregation-run';

/**
 * The aggregation job for the job registry (`POST /v1/admin/jobs/aggregate`,
 * the 15-minute schedule) and its rebuild (`POST /v1/admin/jobs/aggregate-rebuild`,
 * on demand only: recomputes every figure from the cases, over as many
 * calls as it needs).
 */
export const aggregateJob: JobRunner = ({ now, budgetMs, hardStopMs }) => runAggregation({ mode: 'incremental', now, budgetMs, ...(hardStopMs ? { leaseMs: hardStopMs } : {}) });

export const rebuildStatisticsJob: JobRunner = ({ now, budgetMs, hardStopMs }) => runAggregation({ mode: 'rebuild', now, budgetMs, ...(hardStopMs ? { leaseMs: hardStopMs } : {}) });
