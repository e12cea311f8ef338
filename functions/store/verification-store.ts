import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb, tableName } from './client';
import { keys } from './keys';
import { isConditionalCheckFailed } from './conditions';

/**
 * Phone verification items. A send is one transaction: the per-phone
 * 60-second gate, the per-phone and per-client day counters and the new
 * code, each behind its own condition, so concurrent requests can never
 * exceed a limit and a refused send changes nothing.
 */
export interface StoredVerification {
  verificationId: string;
  phoneHash: string;
  salt: string;
  codeHash: string;
  /** Epoch seconds. */
  validUntil: number;
  /** Codes compared so far (right or wrong); at `maxWrongTries` the code is dead. */
  tries: number;
  /** Set once the code was used; `usedFor` says by which filing (an Idempotency-Key hash or a case id). */
  usedFor?: string;
}

export type SendOutcome = { kind: 'stored' } | { kind: 'refused'; limit: 'phone_too_soon' | 'phone_daily_limit' | 'client_daily_limit'; lastSentAt?: number };

export interface NewSend {
  verification: StoredVerification;
  clientHash: string;
  day: string;
  nowEpochSeconds: number;
  limits: { resendAfterSeconds: number; sendsPerPhonePerDay: number; sendsPerClientPerDay: number };
}

const dayTtlSeconds = 2 * 86_400;

export async function storeVerificationSend(send: NewSend): Promise<SendOutcome> {
  const TableName = tableName();
  const { verification, nowEpochSeconds: now, limits } = send;
  const dayCounter = (Key: Record<string, string>, max: number) => ({
    Update: {
      TableName,
      Key,
      UpdateExpression: 'ADD sends :one SET entity = :entity, expiresAt = :ttl',
      ConditionExpression: 'attribute_not_exists(sends) OR sends < :max',
      ExpressionAttributeValues: { ':one': 1, ':max': max, ':entity': 'verificationLimit', ':ttl': now + dayTtlSeconds },
    },
  });
  try {
    await documentDb().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName,
              Key: keys.verificationLastSend(verification.phoneHash),
              UpdateExpression: 'SET lastSentAt = :now, entity = :entity, expiresAt = :ttl',
              ConditionExpression: 'attribute_not_exists(lastSentAt) OR lastSentAt <= :gate',
              ExpressionAttributeValues: { ':now': now, ':gate': now - limits.resendAfterSeconds, ':entity': 'verificationLimit', ':ttl': now + dayTtlSeconds },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          dayCounter(keys.verificationPhoneDay(verification.phoneHash, send.day), limits.sendsPerPhonePerDay),
          dayCounter(keys.verificationClientDay(send.clientHash, send.day), limits.sendsPerClientPerDay),
          {
            Put: {
              TableName,
              Item: { ...keys.verification(verification.verificationId), entity: 'verification', ...verification, expiresAt: verification.validUntil + 86_400 },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return { kind: 'stored' };
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const failed = (error.CancellationReasons ?? []).map((reason) => reason.Code === 'ConditionalCheckFailed');
    // The longest wait wins: a day limit outlasts the 60-second gate.
    if (failed[2]) return { kind: 'refused', limit: 'client_daily_limit' };
    if (failed[1]) return { kind: 'refused', limit: 'phone_daily_limit' };
    if (failed[0]) {
      const old = (error.CancellationReasons?.[0] as { Item?: Record<string, { N?: string }> } | undefined)?.Item;
      return { kind: 'refused', limit: 'phone_too_soon', lastSentAt: old?.lastSentAt?.N ? Number(old.lastSentAt.N) : undefined };
    }
    throw error;
  }
}

export async function getVerification(verificationId: string): Promise<StoredVerification | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: keys.verification(verificationId), ConsistentRead: true }));
  if (!Item) return undefined;
  const { pk: _pk, sk: _sk, entity: _entity, expiresAt: _expiresAt, ...stored } = Item;
  return stored as StoredVerification;
}

/**
 * Takes one of the code's tries before the code is compared, so however
 * many guesses arrive at once, at most `maxTries` are ever compared.
 * Undefined when the code is unknown, used, expired or out of tries.
 */
export async function takeVerificationTry(verificationId: string, nowEpochSeconds: number, maxTries: number): Promise<StoredVerification | undefined> {
  try {
    const { Attributes } = await documentDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.verification(verificationId),
        UpdateExpression: 'ADD tries :one',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedFor) AND validUntil > :now AND tries < :max',
        ExpressionAttributeValues: { ':one': 1, ':now': nowEpochSeconds, ':max': maxTries },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const { pk: _pk, sk: _sk, entity: _entity, expiresAt: _expiresAt, ...stored } = Attributes!;
    return stored as StoredVerification;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return undefined;
    throw error;
  }
}

/** Uses the code once: false if another filing used it meanwhile. */
export async function markVerificationUsed(verificationId: string, usedFor: string): Promise<boolean> {
  try {
    await documentDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.verification(verificationId),
        UpdateExpression: 'SET usedFor = :usedFor',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedFor)',
        ExpressionAttributeValues: { ':usedFor': usedFor },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
