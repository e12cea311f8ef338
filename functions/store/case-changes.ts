import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TimelineEvent } from '../domain/complaints/case';
import { NotFoundError, StaleVersionError } from '../domain/errors';
import { documentDb, tableName } from './client';
import { eventItem } from './cases-store';
import { createIfAbsent } from './conditions';
import { keys } from './keys';

/**
 * One change of a case: its attributes move from `expectedVersion` to the
 * next version and exactly one timeline event records it, in one
 * transaction. Someone else's change in between makes it a stale write
 * (409 with the current version); a redelivered change can never apply twice.
 */
export interface CaseChange {
  caseId: string;
  expectedVersion: number;
  /** Case attributes to set: record fields and index keys. `version` and `updatedAt` are set here. */
  set: Record<string, unknown>;
  /** Attributes to remove, e.g. the keys of an index the case leaves. */
  remove?: readonly string[];
  event: Omit<TimelineEvent, 'seq'>;
  /** Other items created in the same transaction, each only if absent (a safety report, a marker). */
  alsoCreate?: readonly Record<string, unknown>[];
  /**
   * Further writes of the same transaction with conditions of their own
   * (a fund's counters and ledger entries). When one of them fails its
   * condition, or keeps conflicting with other transactions, the change
   * throws `ConcurrentWriteError` and the caller reads again and retries.
   */
  alsoWrite?: readonly TransactItem[];
}

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** An item written beside the case changed meanwhile: nothing was written; read it again and decide again. */
export class ConcurrentWriteError extends Error {
  constructor() {
    super('An item written with the case changed meanwhile.');
  }
}

const attempts = 4;

async function currentVersion(caseId: string): Promise<number | undefined> {
  const { Item } = await documentDb().send(
    new GetCommand({ TableName: tableName(), Key: keys.case(caseId), ConsistentRead: true, ProjectionExpression: 'version' }),
  );
  return Item?.version as number | undefined;
}

export async function applyCaseChange(change: CaseChange): Promise<{ version: number; event: TimelineEvent }> {
  const TableName = tableName();
  const version = change.expectedVersion + 1;
  const event: TimelineEvent = { ...change.event, seq: version } as TimelineEvent;

  const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':expected': change.expectedVersion, ':next': version, ':at': event.at };
  const sets = ['#version = :next', '#updatedAt = :at'];
  Object.entries(change.set).forEach(([name, value], i) => {
    if (name === 'version' || name === 'updatedAt') return;
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    sets.push(`#s${i} = :s${i}`);
  });
  const removes = (change.remove ?? []).map((name, i) => {
    names[`#r${i}`] = name;
    return `#r${i}`;
  });
  const update = `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`;

  const items = [
    {
      Update: {
        TableName,
        Key: keys.case(change.caseId),
        UpdateExpression: update,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    createIfAbsent(eventItem(change.caseId, event)),
    ...(change.alsoCreate ?? []).map(createIfAbsent),
    ...(change.alsoWrite ?? []),
  ];
  const firstAlsoWrite = items.length - (change.alsoWrite?.length ?? 0);

  for (let attempt = 1; ; attempt++) {
    try {
      await documentDb().send(new TransactWriteCommand({ TransactItems: items }));
      return { version, event };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed' || reasons[1]?.Code === 'ConditionalCheckFailed') {
        const current = await currentVersion(change.caseId);
        if (current === undefined) throw new NotFoundError('No such case.');
        throw new StaleVersionError(current);
      }
      if (reasons.slice(firstAlsoWrite).some((r) => r.Code === 'ConditionalCheckFailed')) throw new ConcurrentWriteError();
      const conflicted = reasons.some((r) => r.Code === 'TransactionConflict');
      // With conditioned items beside the case (a fund), a conflict means another movement is landing: resending this one
      // unchanged would only fail its condition next; the caller reads the fund again instead.
      if (conflicted && firstAlsoWrite < items.length) throw new ConcurrentWriteError();
      if (!conflicted || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * Math.random()));
    }
  }
}
