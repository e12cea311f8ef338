import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue, Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { notifyCaseChange } from '../../services/notifications/notify-change';
import { fromImage } from '../../services/routing/filed-cases';
import { caseFromItem } from '../../store/cases-store';
import { publishMetrics } from '../../observability/metrics';
import { logger } from '../../shared/logger';

const caseOf = (image: Record<string, AttributeValue> | undefined) => (image ? caseFromItem(fromImage(image)) : undefined);

/**
 * The notifier: every insert or change of a case item (the consumer's filter
 * in `functions/routes.ts`) is compared with the case before it, and the
 * messages it calls for are sent once each. Records of one case are handled
 * in order; failed records are named in a partial batch response, retried,
 * then dead-lettered.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics())
  .handler(async (event) => {
    for (const record of event.Records) {
      const after = caseOf(record.dynamodb?.NewImage);
      if (!after) continue;
      try {
        await notifyCaseChange(record.eventName === 'INSERT' ? undefined : caseOf(record.dynamodb?.OldImage), after);
      } catch (error) {
        logger.error('notifying failed; the stream will retry', { caseId: after.caseId, error: error as Error });
        // This record and those after it are retried (the ones before were done).
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb!.SequenceNumber! }] };
      }
    }
    return { batchItemFailures: [] };
  });
