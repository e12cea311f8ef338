import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { runJob } from '../../services/jobs/run-job';
import { publishMetrics } from '../../observability/metrics';
import { logger } from '../../shared/logger';

/** Time kept back from the Lambda timeout to finish the page in hand and report. */
const reserveMs = 30_000;
const minimumBudgetMs = 5_000;

/** A Lambda handler for an EventBridge schedule (or the local timer) that runs one job of the registry. */
export function scheduledJobHandler(job: string) {
  return middy<ScheduledEvent, object, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(publishMetrics())
    .handler(async (_event, context) => {
      const hardStopMs = context.getRemainingTimeInMillis();
    const budgetMs = Math.max(minimumBudgetMs, hardStopMs - reserveMs);
      return runJob(job, { budgetMs, hardStopMs });
    });
}
