import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue, Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
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
 * in order, one case after another; different cases side by side, so a
 * batch takes as long as its busiest case, not the sum of all. A case whose
 * record fails stops there; the failed records are named in a partial batch
 * response, and the event source mapping retries from the earliest of them
 * (the records after it that were done are skipped by their claims), then
 * dead-letters them.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics())
  .handler(async (event) => {
    const byCase = new Map<string, DynamoDBRecord[]>();
    for (const record of event.Records) {
      const caseId = record.dynamodb?.NewImage?.caseId?.S;
      if (caseId === undefined) continue;
      byCase.set(caseId, [...(byCase.get(caseId) ?? []), record]);
    }
    const failed = await Promise.all(
      [...byCase.values()].map(async (records) => {
        for (const record of records) {
          const after = caseOf(record.dynamodb?.NewImage);
          if (!after) continue;
          try {
            await notifyCaseChange(record.eventName === 'INSERT' ? undefined : caseOf(record.dynamodb?.OldImage), after);
          } catch (error) {
            logger.error('notifying failed; the stream will retry', { caseId: after.caseId, error: error as Error });
            return record.dynamodb!.SequenceNumber!;
          }
        }
        return undefined;
      }),
    );
    const failures = failed.filter((sequenceNumber): sequenceNumber is string => sequenceNumber !== undefined);
    return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
  });
