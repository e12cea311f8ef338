import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord } from '../../domain/complaints/case';
import { caseFromItem } from '../cases-store';
import { documentDb, tableName } from '../client';
import { indexPartitions } from '../keys';
import { queryAll } from '../query-all';
import { indexes } from '../table-definition';

/** The merchant's public record (SPEC section 6) reads a merchant's cases through the byMerchant index. */

/** The ids of a merchant's cases received at or after `fromInstant`. */
export async function caseIdsOfMerchantSince(creditCode: string, fromInstant: string): Promise<string[]> {
  const ids: string[] = [];
  await queryAll(
    {
      TableName: tableName(),
      IndexName: indexes.byMerchant.indexName,
      KeyConditionExpression: 'merchantPk = :pk AND merchantSk >= :from',
      ExpressionAttributeValues: { ':pk': indexPartitions.byMerchant(creditCode), ':from': fromInstant },
      ProjectionExpression: 'caseId, entity',
    },
    (items) => ids.push(...items.filter((item) => item.entity === 'case').map((item) => item.caseId as string)),
  );
  return ids;
}

/** The merchant's most recently received case, for the name the consumer gave when the registry has none. */
export async function latestCaseOfMerchant(creditCode: string): Promise<CaseRecord | undefined> {
  const page = await documentDb().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: indexes.byMerchant.indexName,
      KeyConditionExpression: 'merchantPk = :pk',
      ExpressionAttributeValues: { ':pk': indexPartitions.byMerchant(creditCode) },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const item = page.Items?.[0];
  return item && item.entity === 'case' ? caseFromItem(item) : undefined;
}
