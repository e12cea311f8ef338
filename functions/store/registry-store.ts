import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Association, MerchantRecord } from '../reference/types';
import { documentDb, tableName } from './client';
import { keys } from './keys';

/** Registry items: merchants and consumer associations, kept by admins. */

export async function getMerchant(creditCode: string): Promise<MerchantRecord | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: keys.merchant(creditCode) }));
  if (!Item) return undefined;
  const { creditCode: code, name, regionCode, odr, advancePayout, offlineNoReasonReturn } = Item;
  return { creditCode: code, name, regionCode, odr, advancePayout, offlineNoReasonReturn } as MerchantRecord;
}

/** Writes the item only if it is not there yet; returns whether it wrote. */
async function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
  try {
    await documentDb().send(new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Seeding never overwrites: an admin's later edit of a seeded merchant survives a restart. */
export function seedMerchant(merchant: MerchantRecord, now: string): Promise<boolean> {
  return putIfAbsent({ ...keys.merchant(merchant.creditCode), entity: 'merchant', ...merchant, updatedAt: now, source: 'seed' });
}

export function seedAssociation(association: Association, now: string): Promise<boolean> {
  return putIfAbsent({ ...keys.association(association.id), entity: 'association', ...association, updatedAt: now, source: 'seed' });
}
