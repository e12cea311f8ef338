import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { runJob } from '../../services/jobs/run-job';
import { publishMetrics } from '../../observability/metrics';
import { logger } from '../../shared/logger';

/** Time kept back from the Lambda timeout to finish the chunk in hand and report. */
const reserveMs = 30_000;
const minimumBudgetMs = 5_000;

/**
 * Every 15 minutes (EventBridge schedule; the timer on the local stack):
 * publishes due disclosures and brings the statistics up to date
 * (`functions/services/statistics/aggregation-run.ts`). Invoked by hand
 * with `{"mode": "rebuild"}` it recomputes every figure from the cases.
 * The function has 5 minutes (`lib/handler-function.ts`; the admin HTTP
 * route has the API's 29 s): the run stops 30 s before that and the next
 * run carries on where it stopped.
 */
export const handler = middy<{ mode?: unknown } | undefined, object, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics())
  .handler(async (event, context) => {
    const hardStopMs = context.getRemainingTimeInMillis();
    const budgetMs = Math.max(minimumBudgetMs, hardStopMs - reserveMs);
    return runJob(event?.mode === 'rebuild' ? 'aggregate-rebuild' : 'aggregate', { budgetMs, hardStopMs });
  });
