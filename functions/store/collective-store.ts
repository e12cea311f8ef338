import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch';
import type { CaseSummary, GroupMonth } from '../domain/routing/collective';
import { documentDb, tableName } from './client';
import { queryAll } from './query-all';
import { keys } from './keys';
import { isConditionalCheckFailed } from './conditions';

/**
 * A group-month item keeps at most this many case ids (about 30 KB), far
 * past the threshold of 5; a merchant with more complaints in one month
 * and category is a candidate anyway, and the item stays well below
 * DynamoDB's 400 KB.
 */
export const maxMembersPerGroupMonth = 1000;

/** A month leaves every 90-day window about 120 days after it began; the table's TTL removes its item a little later. */
function groupMonthExpiry(month: string): number {
  return Math.floor(Date.parse(`${month}-01T00:00:00+08:00`) / 1000) + 150 * 24 * 3600;
}

export interface GroupMember {
  associationId: string;
  /** China month of filing, `YYYY-MM`. */
  month: string;
  merchantKey: string;
  merchantName: string;
  creditCode?: string;
  category: string;
  /** `memberEntry(receivedOn, caseId)`. */
  member: string;
}

/**
 * Adds a case to its group's month. Idempotent, so the router can repeat
 * it after any failure: a case already in the set is not counted again.
 */
export async function addGroupMember(group: GroupMember): Promise<void> {
  try {
    await documentDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.collectiveGroup(group.associationId, group.month, group.merchantKey, group.category),
        UpdateExpression: `SET entity = :entity, merchantKey = :merchantKey, merchantName = :merchantName, category = :category, #month = :month, expiresAt = :expiresAt${group.creditCode ? ', creditCode = :creditCode' : ''} ADD members :members, memberCount :one`,
        ConditionExpression: '(attribute_not_exists(members) OR NOT contains(members, :member)) AND (attribute_not_exists(memberCount) OR memberCount < :cap)',
        ExpressionAttributeNames: { '#month': 'month' },
        ExpressionAttributeValues: {
          ':entity': 'collectiveGroup',
          ':merchantKey': group.merchantKey,
          ':merchantName': group.merchantName,
          ':category': group.category,
          ':month': group.month,
          ':expiresAt': groupMonthExpiry(group.month),
          ...(group.creditCode ? { ':creditCode': group.creditCode } : {}),
          ':members': new Set([group.member]),
          ':member': group.member,
          ':one': 1,
          ':cap': maxMembersPerGroupMonth,
        },
      }),
    );
  } catch (error) {
    // Already a member, or the month is full: either way nothing more to do.
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

export interface GroupMonthCount {
  month: string;
  merchantKey: string;
  category: string;
  memberCount: number;
}

/** The small part of an association's group-month items for `months` (consecutive, oldest first): counts, no ids. */
export async function groupMonthCounts(associationId: string, months: readonly string[]): Promise<GroupMonthCount[]> {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return [];
  const counts: GroupMonthCount[] = [];
  await queryAll(
    {
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ProjectionExpression: '#month, merchantKey, category, memberCount',
      ExpressionAttributeNames: { '#month': 'month' },
      ExpressionAttributeValues: {
        ':pk': keys.collectivePartition(associationId),
        ':from': keys.collectiveMonthPrefix(first),
        // '#' sorts before every character a merchant key or category holds; U+FFFF after all of them.
        ':to': `${keys.collectiveMonthPrefix(last)}\uffff`,
      },
    },
    (items) => {
      for (const item of items) {
        counts.push({ month: item.month as string, merchantKey: item.merchantKey as string, category: item.category as string, memberCount: Number(item.memberCount ?? 0) });
      }
    },
  );
  return counts;
}

export async function groupMonths(associationId: string, wanted: readonly Pick<GroupMonthCount, 'month' | 'merchantKey' | 'category'>[]): Promise<GroupMonth[]> {
  const items = await batchGet(wanted.map((g) => keys.collectiveGroup(associationId, g.month, g.merchantKey, g.category)));
  return items.map((item) => ({
    merchantKey: item.merchantKey as string,
    merchantName: item.merchantName as string,
    ...(item.creditCode ? { creditCode: item.creditCode as string } : {}),
    category: item.category as string,
    members: [...((item.members as Set<string> | undefined) ?? [])],
  }));
}

/** Status and step of each case, for deciding which still count. */
export async function caseSummaries(caseIds: readonly string[]): Promise<Map<string, CaseSummary>> {
  const items = await batchGet(
    caseIds.map((id) => keys.case(id)),
    { projection: { expression: 'caseId, receivedAt, #status, step', names: { '#status': 'status' } } },
  );
  return new Map(items.map((item) => [item.caseId as string, { caseId: item.caseId, receivedAt: item.receivedAt, status: item.status, step: item.step ?? null } as CaseSummary]));
}
