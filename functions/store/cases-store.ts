import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { associationOfCase } from '../domain/routing/association';
import { prefectureOf } from '../reference';
import type { AccessFailures } from '../domain/complaints/access-throttle';
import { filingEvent, type CaseRecord, type TimelineEvent } from '../domain/complaints/case';
import { documentDb, tableName } from './client';
import { isConditionalCheckFailed } from './conditions';
import { queryAll } from './query-all';
import { nextPrivacyDeadline } from '../domain/erasure/retention';
import { indexKeys, keys } from './keys';
import { keyAttributes } from './table-definition';

export type CreateCaseOutcome = { kind: 'created' } | { kind: 'exists'; existing: CaseRecord };

/**
 * The index keys a case carries: who may list it. A case is in its
 * association's queue from filing, so one the router never reaches (a
 * dead-lettered record) still shows up there as `received`. The router
 * fixes `associationId` from the merchant registry; the prefecture it names
 * is also the regulator's region (SPEC section 6: where the dispute is handled).
 */
export function caseIndexKeys(record: CaseRecord) {
  const { caseId, receivedAt, receivedOn, complaint } = record;
  const region = associationOfCase(record, prefectureOf);
  const privacy = nextPrivacyDeadline(record);
  return {
    ...indexKeys.byMonth(receivedOn, receivedAt, caseId),
    ...indexKeys.byRegion(region, receivedAt, caseId),
    ...indexKeys.byAssociation(region, receivedAt, caseId),
    ...(complaint.merchant.creditCode ? indexKeys.byMerchant(complaint.merchant.creditCode, receivedAt, caseId) : {}),
    ...(record.deadline ? indexKeys.byDeadline(record.deadline.date, caseId) : {}),
    // A keyed filing's sealed answer goes after its 24-hour retry window.
    ...(privacy ? indexKeys.byErasure(privacy.at, caseId) : {}),
  };
}

/** Key and index attributes are storage detail; everything else on the item is the record. */
const storageAttributes = new Set(['pk', 'sk', 'entity', ...keyAttributes().map((a) => a.name)]);

export function caseFromItem(item: Record<string, unknown>): CaseRecord {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !storageAttributes.has(name))) as unknown as CaseRecord;
}

function eventFromItem(item: Record<string, unknown>): TimelineEvent {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !storageAttributes.has(name) && name !== 'caseId')) as unknown as TimelineEvent;
}

/** The case item: the record with its keys and the index keys it carries. */
export function caseItem(record: CaseRecord): Record<string, unknown> {
  return { ...keys.case(record.caseId), entity: 'case', ...caseIndexKeys(record), ...record };
}

/** A timeline event's item, in the change feed under the day it happened. */
export function eventItem(caseId: string, event: TimelineEvent): Record<string, unknown> {
  return { ...keys.caseEvent(caseId, event.seq), ...indexKeys.changeFeed(event.at, caseId, event.seq), entity: 'event', caseId, ...event };
}

/**
 * Files a case with one conditional write: the case item, which also records
 * its filing (the first timeline event is derived from it) and, with an
 * Idempotency-Key, what a retry needs. If the id is taken, the case holding
 * it is returned, so the caller can tell a retry from a collision.
 */
/** The case item a failed `attribute_not_exists` condition returned (`ReturnValuesOnConditionCheckFailure: ALL_OLD`). */
function heldBy(error: unknown): CaseRecord | undefined {
  if (!isConditionalCheckFailed(error)) return undefined;
  const item = (error as { Item?: Record<string, AttributeValue> }).Item;
  return item ? caseFromItem(unmarshall(item)) : undefined;
}

export async function createCase(record: CaseRecord): Promise<CreateCaseOutcome> {
  try {
    await documentDb().send(
      new PutCommand({
        TableName: tableName(),
        Item: caseItem(record),
        ConditionExpression: 'attribute_not_exists(pk)',
        // Rare: a retry or an id collision. The failed condition brings back what holds the id, with no second read.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { kind: 'created' };
  } catch (error) {
    const existing = heldBy(error);
    if (!existing) throw error;
    return { kind: 'exists', existing };
  }
}

/** The case item alone, strongly consistent. */
export async function getCase(caseId: string): Promise<CaseRecord | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: keys.case(caseId), ConsistentRead: true }));
  return Item ? caseFromItem(Item) : undefined;
}

export interface StoredCase {
  record: CaseRecord;
  timeline: TimelineEvent[];
}

/** The whole case partition in one strongly consistent query: the case and its timeline. */
export async function readCase(caseId: string): Promise<StoredCase | undefined> {
  let record: CaseRecord | undefined;
  const timeline: TimelineEvent[] = [];
  await queryAll(
    { TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.casePartition(caseId) }, ConsistentRead: true },
    (items) => {
      for (const item of items) {
        if (item.sk === 'CASE') record = caseFromItem(item);
        else if (typeof item.sk === 'string' && item.sk.startsWith('EVENT#')) timeline.push(eventFromItem(item));
      }
    },
  );
  if (!record) return undefined;
  if (!timeline.some((event) => event.seq === 1)) timeline.unshift(filingEvent(record));
  return { record, timeline };
}

/** A client's wrong access codes in its current window (strongly consistent: the count decides a 429). */
export async function readAccessFailures(throttleSubject: string): Promise<AccessFailures | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: keys.accessFailures(throttleSubject), ConsistentRead: true }));
  return Item ? { failures: Item.failures as number, windowStart: Item.windowStart as number } : undefined;
}

/**
 * Counts one wrong access code of a client. A fresh window starts when the
 * last one has ended; the conditions keep two concurrent wrong tries from
 * both starting a window (one of them then counts in the other's).
 */
export async function recordAccessFailure(throttleSubject: string, nowEpochSeconds: number, windowSeconds: number): Promise<void> {
  const Key = keys.accessFailures(throttleSubject);
  const cutoff = nowEpochSeconds - windowSeconds;
  try {
    await documentDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key,
        UpdateExpression: 'ADD failures :one',
        ConditionExpression: 'windowStart > :cutoff',
        ExpressionAttributeValues: { ':one': 1, ':cutoff': cutoff },
      }),
    );
    return;
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  try {
    await documentDb().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...Key, entity: 'accessFailures', failures: 1, windowStart: nowEpochSeconds, expiresAt: nowEpochSeconds + windowSeconds },
        ConditionExpression: 'attribute_not_exists(pk) OR windowStart <= :cutoff',
        ExpressionAttributeValues: { ':cutoff': cutoff },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    // Someone else just opened a window; count in it.
    await documentDb().send(new UpdateCommand({ TableName: tableName(), Key, UpdateExpression: 'ADD failures :one', ExpressionAttributeValues: { ':one': 1 } }));
  }
}

/** Health: the table answers a strongly consistent read. */
export async function pingTable(): Promise<void> {
  await documentDb().send(new GetCommand({ TableName: tableName(), Key: keys.health(), ConsistentRead: true }));
}
