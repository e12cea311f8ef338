import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb } from '../../../functions/store/client';
import type { Json } from '../../support/http';

/** Every item of a test table, in key order: to look for what must be gone, and to compare before and after. */
export async function scanAll(tableName: string): Promise<Json[]> {
  const items: Json[] = [];
  let ExclusiveStartKey: Json | undefined;
  do {
    const page = await documentDb().send(new ScanCommand({ TableName: tableName, ExclusiveStartKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}
