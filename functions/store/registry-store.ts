import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Association, MerchantRecord } from '../reference/types';
import { documentDb, tableName } from './client';
import { keys } from './keys';
import { putIfAbsent } from './conditions';

/** Registry items: merchants and consumer associations, kept by admins. */

export async function getMerchant(creditCode: string): Promise<MerchantRecord | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: keys.merchant(creditCode) }));
  if (!Item) return undefined;
  const { creditCode: code, name, regionCode, odr, advancePayout, offlineNoReasonReturn, contact } = Item;
  return { creditCode: code, name, regionCode, odr, advancePayout, offlineNoReasonReturn, ...(contact ? { contact } : {}) } as MerchantRecord;
}

export interface StoredMerchant extends MerchantRecord {
  /** Grows by one with each registration or update; seeded entries start at 1. */
  version: number;
  updatedAt: string;
}

/**
 * Registers or replaces a merchant (admin `PUT`): the whole entry is
 * replaced, so leaving out `advancePayout` withdraws the commitment. One
 * atomic update, so two admins saving at once both get a version of their own.
 */
export async function putMerchant(merchant: MerchantRecord, now: string): Promise<{ created: boolean; merchant: StoredMerchant }> {
  const { creditCode, name, regionCode, odr, advancePayout, offlineNoReasonReturn, contact } = merchant;
  const values: Record<string, unknown> = { ':entity': 'merchant', ':creditCode': creditCode, ':name': name, ':regionCode': regionCode, ':odr': odr, ':offline': offlineNoReasonReturn, ':now': now, ':source': 'admin', ':zero': 0, ':one': 1 };
  const sets = ['entity = :entity', 'creditCode = :creditCode', '#name = :name', 'regionCode = :regionCode', 'odr = :odr', 'offlineNoReasonReturn = :offline', 'updatedAt = :now', '#source = :source', '#version = if_not_exists(#version, :zero) + :one'];
  if (advancePayout) {
    values[':advancePayout'] = advancePayout;
    sets.push('advancePayout = :advancePayout');
  }
  if (contact) {
    values[':contact'] = contact;
    sets.push('contact = :contact');
  }
  const removed = [...(advancePayout ? [] : ['advancePayout']), ...(contact ? [] : ['contact'])];
  const { Attributes: before } = await documentDb().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.merchant(creditCode),
      UpdateExpression: `SET ${sets.join(', ')}${removed.length > 0 ? ` REMOVE ${removed.join(', ')}` : ''}`,
      ExpressionAttributeNames: { '#name': 'name', '#source': 'source', '#version': 'version' },
      ExpressionAttributeValues: values,
      // The entry as it was: its absence says "created", its version plus one is ours.
      ReturnValues: 'ALL_OLD',
    }),
  );
  const version = (typeof before?.version === 'number' ? before.version : 0) + 1;
  return { created: before === undefined, merchant: { creditCode, name, regionCode, odr, ...(advancePayout ? { advancePayout } : {}), offlineNoReasonReturn, ...(contact ? { contact } : {}), version, updatedAt: now } };
}

/** Seeding never overwrites: an admin's later edit of a seeded merchant survives a restart. */
export function seedMerchant(merchant: MerchantRecord, now: string): Promise<boolean> {
  return putIfAbsent({ ...keys.merchant(merchant.creditCode), entity: 'merchant', ...merchant, version: 1, updatedAt: now, source: 'seed' });
}

export function seedAssociation(association: Association, now: string): Promise<boolean> {
  return putIfAbsent({ ...keys.association(association.id), entity: 'association', ...association, updatedAt: now, source: 'seed' });
}
