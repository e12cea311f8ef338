import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CaseRecord, TimelineEvent } from '../domain/complaints/case';
import type { RoutingPlan } from '../domain/routing/routing-plan';
import { applyCaseChange } from './case-changes';
import { caseFromItem, caseItem, eventItem } from './cases-store';
import { createIfAbsent, isConditionalCheckFailed } from './conditions';
import { documentDb, tableName } from './client';
import { indexKeys, keys } from './keys';
import { payoutQueueEntry } from '../domain/funds/payout-queue';
import { payoutQueueItem } from './funds-store';
import { safetyReportItem, type SafetyReport } from './safety-store';

/** Statuses in which a case is still being handled: a complaint repeating one of them is a `duplicate`. */
const openStatuses = new Set(['received', 'accepted']);

/**
 * The open case another complaint with this duplicate key belongs to, if
 * any: one read of the marker, one of the case it names. A marker whose
 * case is no longer open is stale and is removed (only if it still names
 * that case), so the new complaint can take its place.
 */
export async function findOpenCase(duplicateKeyHash: string, selfCaseId: string): Promise<string | undefined> {
  const Key = keys.openCaseMarker(duplicateKeyHash);
  for (let attempt = 0; attempt < 3; attempt++) {
    const { Item: marker } = await documentDb().send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }));
    const holder = marker?.caseId as string | undefined;
    if (holder === undefined || holder === selfCaseId) return undefined;
    const { Item: held } = await documentDb().send(
      new GetCommand({ TableName: tableName(), Key: keys.case(holder), ConsistentRead: true, ProjectionExpression: '#status', ExpressionAttributeNames: { '#status': 'status' } }),
    );
    if (held && openStatuses.has(held.status as string)) return holder;
    try {
      await documentDb().send(new DeleteCommand({ TableName: tableName(), Key, ConditionExpression: 'caseId = :holder', ExpressionAttributeValues: { ':holder': holder } }));
      return undefined;
    } catch (error) {
      // Someone replaced the marker meanwhile: look again.
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
  throw new Error('The open-case marker kept changing while it was read.');
}

/**
 * Open-case markers go a year after routing (TTL). No case stays open that
 * long: acceptance, ODR and mediation take 62 working days at most; by then
 * the marker is stale anyway, and it is derived from a phone number.
 */
const markerLifetimeSeconds = 366 * 24 * 3600;
const markerExpiry = (routedAt: string) => Math.floor(Date.parse(routedAt) / 1000) + markerLifetimeSeconds;

/** Another complaint with the same duplicate key was routed between our check and our write. */
export class OpenCaseMarkerTaken extends Error {
  constructor() {
    super('Another case took the open-case marker first.');
  }
}

export interface RoutingWrites {
  /** The case stays open: it takes the marker, so a repeat of it is refused. */
  duplicateKeyHash?: string;
  safetyReport?: SafetyReport;
}

/** The case attributes a routing decision sets, and the items created with it, for either write below. */
function routingWrites(record: CaseRecord, plan: RoutingPlan, writes: RoutingWrites) {
  const { caseId, receivedAt } = record;
  const { deadline, associationId } = plan;
  const set: Record<string, unknown> = {
    status: plan.status,
    step: plan.step,
    routing: plan.routing,
    associationId,
    deadline,
    ...(plan.routedStep ? { routedStep: plan.routedStep } : {}),
    ...(plan.acceptedOn ? { acceptedOn: plan.acceptedOn } : {}),
    ...(plan.advancePayoutFund ? { advancePayoutFund: plan.advancePayoutFund } : {}),
    ...(writes.safetyReport ? { safetyReport: { prefectureCode: writes.safetyReport.prefectureCode, reportedAt: writes.safetyReport.reportedAt } } : {}),
    // The registry may place the merchant elsewhere than the consumer typed: queue and region follow.
    ...indexKeys.byAssociation(associationId, receivedAt, caseId),
    ...indexKeys.byRegion(associationId, receivedAt, caseId),
    ...(deadline ? indexKeys.byDeadline(deadline.date, caseId) : {}),
  };
  const alsoCreate = [
    ...(writes.duplicateKeyHash ? [{ ...keys.openCaseMarker(writes.duplicateKeyHash), entity: 'openCaseMarker', caseId, expiresAt: markerExpiry(plan.routing.routedAt) }] : []),
    ...(writes.safetyReport ? [safetyReportItem(writes.safetyReport)] : []),
  ];
  // A case sent to the fund joins its payout queue in the same transaction.
  const queued = payoutQueueEntry({ ...record, ...(set as Partial<CaseRecord>), updatedAt: plan.routing.routedAt });
  if (queued) alsoCreate.push(payoutQueueItem(queued));
  return { set, alsoCreate };
}

/** The case update and its event come first; a failed condition after them is the marker's. */
function markerTaken(error: unknown, writes: RoutingWrites): boolean {
  const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
  return writes.duplicateKeyHash !== undefined && reasons[2]?.Code === 'ConditionalCheckFailed';
}

/**
 * Writes a routing decision on a stored case: the case moves from its
 * version to the next with the routing event (so a redelivered stream
 * record, or a second router, fails the version check and changes nothing),
 * and in the same transaction the open-case marker and the safety report are
 * created.
 */
export async function applyRouting(record: CaseRecord, plan: RoutingPlan, writes: RoutingWrites): Promise<{ version: number; event: TimelineEvent }> {
  const { set, alsoCreate } = routingWrites(record, plan, writes);
  try {
    return await applyCaseChange({
      caseId: record.caseId,
      expectedVersion: record.version,
      set,
      // Without a deadline the case leaves the sweeper's index.
      remove: plan.deadline ? [] : ['duePk', 'dueSk'],
      event: plan.event,
      alsoCreate,
    });
  } catch (error) {
    if (markerTaken(error, writes)) throw new OpenCaseMarkerTaken();
    throw error;
  }
}

export type CreateRoutedCaseOutcome = { kind: 'created'; record: CaseRecord } | { kind: 'exists'; existing: CaseRecord };

/**
 * Files a case already routed: the case item as the routing leaves it
 * (version 2: the filing, derived from the item, and the routing event), the
 * routing event, the open-case marker, the safety report and the payout-queue
 * entry, in one transaction, each only if absent. If the case id is taken,
 * the case holding it is returned, so the caller can tell a retry from a
 * collision; a taken marker throws `OpenCaseMarkerTaken`.
 */
export async function createRoutedCase(filed: CaseRecord, plan: RoutingPlan, writes: RoutingWrites): Promise<CreateRoutedCaseOutcome> {
  const { set, alsoCreate } = routingWrites(filed, plan, writes);
  const version = filed.version + 1;
  const record = caseFromItem({ ...filed, ...set, version, updatedAt: plan.routing.routedAt });
  // A keyed filing's retry gets the first answer back: the status and deadline the routing left.
  if (record.intake) record.intake = { ...record.intake, status: record.status, deadline: record.deadline };
  const event: TimelineEvent = { ...plan.event, seq: version } as TimelineEvent;
  try {
    await documentDb().send(
      new TransactWriteCommand({
        TransactItems: [
          // Rare: a retry or an id collision. The failed condition brings back what holds the id, with no second read.
          { Put: { ...createIfAbsent(caseItem(record)).Put, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } },
          createIfAbsent(eventItem(filed.caseId, event)),
          ...alsoCreate.map(createIfAbsent),
        ],
      }),
    );
    return { kind: 'created', record };
  } catch (error) {
    const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
    const holder = reasons[0]?.Code === 'ConditionalCheckFailed' ? reasons[0].Item : undefined;
    if (holder) return { kind: 'exists', existing: caseFromItem(unmarshall(holder)) };
    if (markerTaken(error, writes)) throw new OpenCaseMarkerTaken();
    throw error;
  }
}
