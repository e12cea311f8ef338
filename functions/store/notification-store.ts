import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb, tableName } from './client';
import { keys } from './keys';
import { isConditionalCheckFailed } from './conditions';

/**
 * Once-only sends (issue 10). Before a message goes out, a conditional put
 * claims its key (`sending`, with a lease); after the provider accepted it,
 * the item says `sent`. A redelivered stream record finds `sent` and sends
 * nothing. A failed send releases the claim so the retry sends it. Only a
 * crash between the provider's acceptance and the `sent` write can repeat a
 * message, once the lease has run out — we prefer that rare duplicate to a
 * lost notice.
 */
const keepSeconds = 30 * 86_400;

export async function claimNotification(messageKey: string, nowEpochSeconds: number, leaseSeconds: number): Promise<boolean> {
  try {
    await documentDb().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.notification(messageKey), entity: 'notification', state: 'sending', claimedAt: nowEpochSeconds, expiresAt: nowEpochSeconds + keepSeconds },
        ConditionExpression: 'attribute_not_exists(pk) OR (#state = :sending AND claimedAt <= :staleBefore)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sending': 'sending', ':staleBefore': nowEpochSeconds - leaseSeconds },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** A notification item's key, and `#state` for its `state` attribute (a reserved word). */
const notificationItem = (messageKey: string) => ({ TableName: tableName(), Key: keys.notification(messageKey), ExpressionAttributeNames: { '#state': 'state' } });

export async function markNotificationSent(messageKey: string, nowEpochSeconds: number): Promise<void> {
  await documentDb().send(
    new UpdateCommand({
      ...notificationItem(messageKey),
      UpdateExpression: 'SET #state = :sent, sentAt = :now',
      ExpressionAttributeValues: { ':sent': 'sent', ':now': nowEpochSeconds },
    }),
  );
}

/** After a failed send: the retry may claim it at once. */
export async function releaseNotification(messageKey: string): Promise<void> {
  await documentDb().send(
    new DeleteCommand({
      ...notificationItem(messageKey),
      ConditionExpression: '#state = :sending',
      ExpressionAttributeValues: { ':sending': 'sending' },
    }),
  ).catch((error: unknown) => {
    if (!isConditionalCheckFailed(error)) throw error;
  });
}

/** The type of the timeline event that produced `version` of a case (one event per change). */
export async function eventTypeOf(caseId: string, version: number): Promise<string | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: keys.caseEvent(caseId, version), ProjectionExpression: '#type', ExpressionAttributeNames: { '#type': 'type' } }));
  return Item?.type as string | undefined;
}
