import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb, tableName } from '../client';
import { statisticsKeys } from '../keys';
import { isConditionalCheckFailed } from '../conditions';

/**
 * The aggregation lease: one run at a time. It expires when the run's
 * invocation is ended for certain (its Lambda timeout), so a run that dies
 * or outlives its caller never blocks the next one for longer than that;
 * every step a run commits is also checked against the state's step
 * counter (`state.ts`), so a run whose lease lapsed cannot move the
 * watermark.
 */
export async function acquireRunLease(owner: string, nowEpochMs: number, expiresAtEpochMs: number): Promise<boolean> {
  try {
    await documentDb().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...statisticsKeys.lock(), entity: 'statsLock', owner, expiresAt: Math.ceil(expiresAtEpochMs / 1000), expiresAtMs: expiresAtEpochMs },
        // `expiresAt` (seconds) is also the TTL attribute: a lease left behind is removed in time.
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAtMs < :now OR (attribute_not_exists(expiresAtMs) AND expiresAt < :nowSeconds) OR #owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':now': nowEpochMs, ':nowSeconds': Math.floor(nowEpochMs / 1000), ':owner': owner },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

export async function releaseRunLease(owner: string): Promise<void> {
  try {
    await documentDb().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: statisticsKeys.lock(),
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
