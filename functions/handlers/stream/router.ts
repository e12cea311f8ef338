import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { filedCase } from '../../services/routing/filed-cases';
import { routeCase } from '../../services/routing/route-case';
import { routingClock } from '../../services/routing/routing-clock';
import { publishMetrics } from '../../observability/metrics';
import { logger } from '../../shared/logger';
import { isStoreUnavailable } from '../../store/client';

/** Kept back from the invocation's time for one more routing attempt whose calls each give up within ~8 s. */
const outageReserveMs = 25_000;

/**
 * A table that does not answer (paused, restarting, throttling) is waited
 * out within this invocation, with growing pauses, instead of spending the
 * stream's few retries on it in seconds and dead-lettering sound records.
 * Anything else fails at once: that is what the retries and the dead-letter
 * queue are for.
 */
async function waitingOutStoreOutages<T>(work: () => Promise<T>, context: Context): Promise<T> {
  for (let pauseMs = 250; ; pauseMs = Math.min(pauseMs * 2, 4_000)) {
    try {
      return await work();
    } catch (error) {
      if (!isStoreUnavailable(error) || context.getRemainingTimeInMillis() < outageReserveMs + pauseMs) throw error;
      logger.warn('store unavailable; routing again shortly', { pauseMs, error: error as Error });
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

/**
 * The router: the table's stream (DynamoDB stream -> Lambda in AWS, the
 * local stream poller on the local stack) hands it the inserted case items
 * only (the consumer's filter in `functions/routes.ts`). A case is routed in
 * its filing's transaction, so for most records the router only does what
 * follows a routing (collective counting, closing a refusal, a disclosure
 * candidate); a case stored without a routing it routes. Records are handled
 * side by side, and those that fail are named in a partial batch response:
 * the event source mapping retries them (and those after them) and finally
 * dead-letters them.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics())
  .handler(async (event, context) => {
    const outcomes = await Promise.all(
      event.Records.map(async (record) => {
        const caseId = record.dynamodb?.NewImage?.caseId?.S;
        try {
          const filed = filedCase(record);
          if (!filed) return undefined;
          const result = await waitingOutStoreOutages(() => routeCase(filed.caseId, { filed, now: routingClock(filed, new Date()) }), context);
          if (result.kind === 'not_waiting' || result.kind === 'missing') logger.info('nothing to route', { caseId, result: result.kind });
          return undefined;
        } catch (error) {
          logger.error('routing failed; the stream will retry it', { caseId, error: error as Error });
          return record.dynamodb?.SequenceNumber;
        }
      }),
    );
    const failed = outcomes.filter((sequenceNumber): sequenceNumber is string => sequenceNumber !== undefined);
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  });
