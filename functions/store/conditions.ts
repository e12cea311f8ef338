import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb, tableName } from './client';

/** A single write's condition did not hold (not a transaction: those fail with `TransactionCanceledException`). */
export function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** Writes the item only if it is not there yet; returns whether it wrote. */
export async function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
  try {
    await documentDb().send(new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** A transaction's Put of an item that must not be there yet. */
export function createIfAbsent(item: Record<string, unknown>) {
  return { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
}
