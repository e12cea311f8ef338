import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { prefectureOf } from '../reference';
import type { AccessFailures } from '../domain/complaints/access-throttle';
import type { CaseRecord, TimelineEvent } from '../domain/complaints/case';
import type { SealedSecret } from '../domain/complaints/idempotency';
import { documentDb, tableName } from './client';
import { indexKeys, keys } from './keys';
import { keyAttributes } from './table-definition';

/** The first answer to an idempotent intake request, kept for its retries. */
export interface IntakeReplay {
  keyHash: string;
  fingerprint: string;
  response: { caseId: string; status: string; deadline: unknown; accessCode: SealedSecret };
  /** Epoch seconds; the table's TTL removes the record after that. */
  expiresAt: number;
}

export type CreateCaseOutcome = { kind: 'created' } | { kind: 'replay'; replay: IntakeReplay } | { kind: 'case_id_taken' };

const transactionAttempts = 4;

/** The index keys a case carries: who may list it. */
export function caseIndexKeys(record: CaseRecord) {
  const { caseId, receivedAt, receivedOn, complaint } = record;
  const merchantRegion = complaint.merchant.regionCode ? prefectureOf(complaint.merchant.regionCode) : undefined;
  const region = merchantRegion ?? prefectureOf(complaint.consumer.regionCode) ?? '410000';
  return {
    ...indexKeys.byMonth(receivedOn, receivedAt, caseId),
    ...indexKeys.byRegion(region, receivedAt, caseId),
    ...(complaint.merchant.creditCode ? indexKeys.byMerchant(complaint.merchant.creditCode, receivedAt, caseId) : {}),
    ...(record.deadline ? indexKeys.byDeadline(record.deadline.date, caseId) : {}),
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

/**
 * Files a case: the case, its first timeline event and (with an
 * Idempotency-Key) the replay record are written in one transaction, each
 * only if absent — so a retry can neither create a second case nor lose the
 * first answer.
 */
export async function createCase(record: CaseRecord, event: TimelineEvent, replay?: IntakeReplay): Promise<CreateCaseOutcome> {
  const TableName = tableName();
  const ifAbsent = 'attribute_not_exists(pk)';
  const items = [
    { Put: { TableName, Item: { ...keys.case(record.caseId), entity: 'case', ...caseIndexKeys(record), ...record }, ConditionExpression: ifAbsent } },
    { Put: { TableName, Item: { ...keys.caseEvent(record.caseId, event.seq), ...indexKeys.changeFeed(event.at, record.caseId, event.seq), entity: 'event', caseId: record.caseId, ...event }, ConditionExpression: ifAbsent } },
    ...(replay ? [{ Put: { TableName, Item: { ...keys.idempotency(replay.keyHash), entity: 'idempotency', ...replay }, ConditionExpression: ifAbsent } }] : []),
  ];
  for (let attempt = 1; ; attempt++) {
    try {
      await documentDb().send(new TransactWriteCommand({ TransactItems: items }));
      return { kind: 'created' };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (replay && reasons[2]?.Code === 'ConditionalCheckFailed') {
        // A concurrent retry with the same key won; its answer is ours.
        const existing = await getIntakeReplay(replay.keyHash);
        if (existing) return { kind: 'replay', replay: existing };
      }
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return { kind: 'case_id_taken' };
      const conflicted = reasons.some((r) => r.Code === 'TransactionConflict');
      if (!conflicted || attempt >= transactionAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * Math.random()));
    }
  }
}

export async function getIntakeReplay(keyHash: string): Promise<IntakeReplay | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: keys.idempotency(keyHash), ConsistentRead: true }));
  if (!Item || (typeof Item.expiresAt === 'number' && Item.expiresAt * 1000 < Date.now())) return undefined;
  return { keyHash: Item.keyHash, fingerprint: Item.fingerprint, response: Item.response, expiresAt: Item.expiresAt } as IntakeReplay;
}

export interface StoredCase {
  record: CaseRecord;
  timeline: TimelineEvent[];
  accessFailures: AccessFailures | undefined;
}

/** The whole case partition in one strongly consistent query: the case, its timeline, its access failures. */
export async function readCase(caseId: string): Promise<StoredCase | undefined> {
  let record: CaseRecord | undefined;
  const timeline: TimelineEvent[] = [];
  let accessFailures: AccessFailures | undefined;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentDb().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.casePartition(caseId) },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      if (item.sk === 'CASE') record = caseFromItem(item);
      else if (typeof item.sk === 'string' && item.sk.startsWith('EVENT#')) timeline.push(eventFromItem(item));
      else if (item.sk === 'ACCESS_FAILURES') accessFailures = { failures: item.failures, windowStart: item.windowStart };
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return record && { record, timeline, accessFailures };
}

/**
 * Counts one wrong access code. A fresh window starts when the last one has
 * ended; the conditions keep two concurrent wrong tries from both starting
 * a window (one of them then counts in the other's).
 */
export async function recordAccessFailure(caseId: string, nowEpochSeconds: number, windowSeconds: number): Promise<void> {
  const Key = keys.accessFailures(caseId);
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
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
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
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    // Someone else just opened a window; count in it.
    await documentDb().send(new UpdateCommand({ TableName: tableName(), Key, UpdateExpression: 'ADD failures :one', ExpressionAttributeValues: { ':one': 1 } }));
  }
}

/** Health: the table answers a strongly consistent read. */
export async function pingTable(): Promise<void> {
  await documentDb().send(new GetCommand({ TableName: tableName(), Key: keys.health(), ConsistentRead: true }));
}
