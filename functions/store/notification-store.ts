import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb, tableName } from './client';
import { isConditionalCheckFailed } from './conditions';
import { keys } from './keys';

/**
 * Once-only sends (issue 10), one item per case change rather than per
 * message, so a change costs two writes however many messages it sends.
 * Before its messages go out, a conditional update claims the change
 * (`sending`, with a lease); after the provider accepted them all, the item
 * says `sent`, and a redelivered stream record sends nothing. A failed send
 * releases the claim, recording the messages that did go, so the retry
 * sends only the rest. Only a crash before the `sent` write can repeat
 * messages of that change, once the lease has run out — we prefer that rare
 * duplicate to a lost notice.
 */
const keepSeconds = 30 * 86_400;

/** A change's notification item, and `#state` for its `state` attribute (a reserved word). */
const changeItem = (changeKey: string) => ({ TableName: tableName(), Key: keys.notification(changeKey), ExpressionAttributeNames: { '#state': 'state' } });

export type ChangeClaim = { claimed: false } | { claimed: true; alreadySent: ReadonlySet<string> };

export async function claimChangeNotifications(changeKey: string, nowEpochSeconds: number, leaseSeconds: number): Promise<ChangeClaim> {
  try {
    const { Attributes } = await documentDb().send(
      new UpdateCommand({
        ...changeItem(changeKey),
        UpdateExpression: 'SET entity = :entity, #state = :sending, claimedAt = :now, expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(pk) OR #state = :released OR (#state = :sending AND claimedAt <= :staleBefore)',
        ExpressionAttributeValues: {
          ':entity': 'notification',
          ':sending': 'sending',
          ':released': 'released',
          ':now': nowEpochSeconds,
          ':expiresAt': nowEpochSeconds + keepSeconds,
          ':staleBefore': nowEpochSeconds - leaseSeconds,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { claimed: true, alreadySent: new Set((Attributes?.sent as string[] | undefined) ?? []) };
  } catch (error) {
    if (isConditionalCheckFailed(error)) return { claimed: false };
    throw error;
  }
}

export async function markChangeNotified(changeKey: string, nowEpochSeconds: number): Promise<void> {
  await documentDb().send(
    new UpdateCommand({
      ...changeItem(changeKey),
      UpdateExpression: 'SET #state = :sent, sentAt = :now',
      ExpressionAttributeValues: { ':sent': 'sent', ':now': nowEpochSeconds },
    }),
  );
}

/** After a failed send: the retry may claim the change at once, and skips the messages that went. */
export async function releaseChangeNotifications(changeKey: string, sent: readonly string[]): Promise<void> {
  try {
    await documentDb().send(
      new UpdateCommand({
        ...changeItem(changeKey),
        UpdateExpression: 'SET #state = :released, sent = :sentKeys',
        ConditionExpression: '#state = :sending',
        ExpressionAttributeValues: { ':released': 'released', ':sending': 'sending', ':sentKeys': [...sent] },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/** The type of the timeline event that produced `version` of a case (one event per change). */
export async function eventTypeOf(caseId: string, version: number): Promise<string | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: keys.caseEvent(caseId, version), ProjectionExpression: '#type', ExpressionAttributeNames: { '#type': 'type' } }));
  return Item?.type as string | undefined;
}
