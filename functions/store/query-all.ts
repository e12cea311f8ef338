import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentDb } from './client';

/** Runs a Query to its last page, handing each page's items to `onPage` (awaited) before reading the next. */
export async function queryAll(input: Omit<QueryCommandInput, 'ExclusiveStartKey'>, onPage: (items: Record<string, unknown>[]) => unknown): Promise<void> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentDb().send(new QueryCommand({ ...input, ExclusiveStartKey }));
    await onPage(page.Items ?? []);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}
