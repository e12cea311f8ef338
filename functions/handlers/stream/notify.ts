import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue, Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { notifyCaseChange } from '../../services/notifications/notify-change';
import { fromImage } from '../../services/routing/filed-cases';
import { caseFromItem } from '../../store/cases-store';
import { publishMetrics } from '../../observability/metrics';
import { inParallel } from '../../shared/in-parallel';
import { logger } from '../../shared/logger';

/**
 * Cases notified at once. Enough to keep up with a steady 50 filings/s on
 * one DynamoDB Local; more would take the store's capacity from intake there
 * (measured with `npm run bench`: at 100 cases at once, filings began to
 * time out).
 */
const casesAtOnce = 8;

const caseOf = (image: Record<string, AttributeValue> | undefined) => (image ? caseFromItem(fromImage(image)) : undefined);

/**
 * The notifier: every insert or change of a case item (the consumer's filter
 * in `functions/routes.ts`) is compared with the case before it, and the
 * messages it calls for are sent once each. Records of one case are handled
 * in order; different cases side by side (`casesAtOnce`). A case whose
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
      const records = byCase.get(caseId) ?? [];
      records.push(record);
      byCase.set(caseId, records);
    }
    const failures: string[] = [];
    await inParallel([...byCase.values()], casesAtOnce, async (records) => {
      for (const record of records) {
        const after = caseOf(record.dynamodb?.NewImage);
        if (!after) continue;
        try {
          await notifyCaseChange(record.eventName === 'INSERT' ? undefined : caseOf(record.dynamodb?.OldImage), after);
        } catch (error) {
          logger.error('notifying failed; the stream will retry', { caseId: after.caseId, error: error as Error });
          failures.push(record.dynamodb!.SequenceNumber!);
          return;
        }
      }
    });
    return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
  });
