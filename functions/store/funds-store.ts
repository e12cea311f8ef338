import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { availableOf, balanceOf, type FundRecord, type FundRegistration } from '../domain/funds/fund';
import { ledgerTotals, type LedgerEntry } from '../domain/funds/ledger';
import type { PayoutQueueEntry } from '../domain/funds/payout-queue';
import { ConcurrentWriteError, type TransactItem } from './case-changes';
import { documentDb, tableName } from './client';
import { fundKeys } from './keys';
import { queryAll } from './query-all';
import { createIfAbsent, putIfAbsent } from './conditions';

/**
 * Funds and their ledgers (SPEC section 9, docs/funds.md). Money is never
 * an overwritten number: each movement is a ledger item created (only if
 * absent) with the next sequence number, and the fund's counters are added
 * to in the same transaction, conditional on that sequence number — so two
 * movements can never take the same place, and the counters are always the
 * ledger's sums.
 */
const counterNames = ['depositedFen', 'reservedFen', 'paidFen', 'recoveredFen'] as const;

function fundFromItem(item: Record<string, unknown>): FundRecord {
  const { fundId, name, kind, associationId, perCaseLimitFen, depositedFen, reservedFen, paidFen, recoveredFen, seq, version, createdAt, updatedAt } = item;
  return { fundId, name, kind, associationId, perCaseLimitFen, depositedFen, reservedFen, paidFen, recoveredFen, seq, version, createdAt, updatedAt } as FundRecord;
}

function entryFromItem(item: Record<string, unknown>): LedgerEntry {
  const { seq, at, kind, amountFen, caseId, reference } = item;
  return { seq, at, kind, amountFen, ...(caseId ? { caseId } : {}), ...(reference ? { reference } : {}) } as LedgerEntry;
}

export async function getFund(fundId: string): Promise<FundRecord | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: fundKeys.fund(fundId), ConsistentRead: true }));
  return Item ? fundFromItem(Item) : undefined;
}

/** Registers a fund or replaces its registry fields; the counters start at zero and are never touched here. */
export async function putFundRegistration(fundId: string, registration: FundRegistration, now: string): Promise<{ created: boolean; fund: FundRecord }> {
  const { Attributes } = await documentDb().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: fundKeys.fund(fundId),
      UpdateExpression:
        'SET entity = :entity, fundId = :fundId, #name = :name, kind = :kind, associationId = :assoc, perCaseLimitFen = :perCase, updatedAt = :now, createdAt = if_not_exists(createdAt, :now), ' +
        'seq = if_not_exists(seq, :zero), depositedFen = if_not_exists(depositedFen, :zero), reservedFen = if_not_exists(reservedFen, :zero), paidFen = if_not_exists(paidFen, :zero), ' +
        'recoveredFen = if_not_exists(recoveredFen, :zero), balanceFen = if_not_exists(balanceFen, :zero), availableFen = if_not_exists(availableFen, :zero), #version = if_not_exists(#version, :zero) + :one',
      ExpressionAttributeNames: { '#name': 'name', '#version': 'version' },
      ExpressionAttributeValues: {
        ':entity': 'fund',
        ':fundId': fundId,
        ':name': registration.name,
        ':kind': registration.kind,
        ':assoc': registration.associationId,
        ':perCase': registration.perCaseLimitFen,
        ':now': now,
        ':zero': 0,
        ':one': 1,
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  const fund = fundFromItem(Attributes ?? {});
  // After the fund itself: a failure here leaves the fund unlisted until the (idempotent) PUT is repeated, never a listed fund that does not exist.
  await documentDb().send(new PutCommand({ TableName: tableName(), Item: directoryItem(fund) }));
  return { created: fund.version === 1, fund };
}

function directoryItem(fund: FundRegistration & { fundId: string }): Record<string, unknown> {
  const { fundId, name, kind, associationId, perCaseLimitFen } = fund;
  return { ...fundKeys.directoryEntry(fundId), entity: 'fundDirectoryEntry', fundId, name, kind, associationId, perCaseLimitFen };
}

/** Every registered fund's registry fields, by fund id (a handful of funds: one Query). */
export async function fundDirectory(): Promise<(FundRegistration & { fundId: string })[]> {
  const funds: (FundRegistration & { fundId: string })[] = [];
  await queryAll(
    { TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': fundKeys.directoryPartition } },
    (items) =>
      void funds.push(
        ...items.map((item) => {
          const { fundId, name, kind, associationId, perCaseLimitFen } = item;
          return { fundId, name, kind, associationId, perCaseLimitFen } as FundRegistration & { fundId: string };
        }),
      ),
  );
  return funds;
}

/** Seeding registers a fund with empty counters only if it is not there: deposits and an admin's edits survive a restart. */
export async function seedFund(fund: FundRegistration & { fundId: string }, now: string): Promise<boolean> {
  const created = await putIfAbsent({ ...fundKeys.fund(fund.fundId), entity: 'fund', ...fund, seq: 0, depositedFen: 0, reservedFen: 0, paidFen: 0, recoveredFen: 0, balanceFen: 0, availableFen: 0, version: 1, createdAt: now, updatedAt: now, source: 'seed' });
  // On its own condition: a table seeded before the directory existed gets its entry; an admin's edit of it is kept.
  await putIfAbsent(directoryItem(fund));
  return created;
}

/**
 * The writes of one money movement, for a transaction: the fund's counters
 * move by the entries' sums, conditional on the fund still being at
 * `fund.seq` and on its available money staying at or above zero; each
 * entry is created only if its place is free.
 */
export function movementWrites(fund: FundRecord, entries: readonly LedgerEntry[], at: string): TransactItem[] {
  const TableName = tableName();
  const delta = ledgerTotals(entries);
  const values: Record<string, unknown> = {
    ':seq': fund.seq,
    ':next': fund.seq + entries.length,
    ':at': at,
    ':one': 1,
    ':balance': balanceOf(delta),
    ':available': availableOf(delta),
    ':needed': Math.max(0, -availableOf(delta)),
  };
  counterNames.forEach((name) => (values[`:${name}`] = delta[name]));
  return [
    {
      Update: {
        TableName,
        Key: fundKeys.fund(fund.fundId),
        UpdateExpression: `SET seq = :next, updatedAt = :at ADD ${counterNames.map((n) => `${n} :${n}`).join(', ')}, balanceFen :balance, availableFen :available, #version :one`,
        ConditionExpression: 'seq = :seq AND availableFen >= :needed',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: values,
      },
    },
    ...entries.map((entry) => createIfAbsent({ ...fundKeys.ledgerEntry(fund.fundId, entry.seq), entity: 'ledgerEntry', fundId: fund.fundId, ...entry })),
  ];
}

/** The fund's view of a case, rewritten with each change of the case (in its transaction). */
export function payoutQueueWrite(entry: PayoutQueueEntry): TransactItem {
  return { Put: { TableName: tableName(), Item: { ...fundKeys.payout(entry.fundId, entry.caseId), entity: 'fundPayout', ...entry } } };
}

/** The same item written on its own: when the router sends a case to the fund. */
export function payoutQueueItem(entry: PayoutQueueEntry): Record<string, unknown> {
  return { ...fundKeys.payout(entry.fundId, entry.caseId), entity: 'fundPayout', ...entry };
}

export interface IdempotentAnswer {
  fingerprint: string;
  status: number;
  body: unknown;
}

export async function getIdempotentAnswer(fundId: string, keyHash: string): Promise<IdempotentAnswer | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: fundKeys.idempotency(fundId, keyHash), ConsistentRead: true }));
  return Item ? { fingerprint: Item.fingerprint as string, status: Item.status as number, body: Item.body } : undefined;
}

export class IdempotencyKeyTaken extends Error {}

/** A movement of the fund alone (a deposit), with the answer a retry with the same key gets. */
export async function applyFundMovement(fund: FundRecord, entries: readonly LedgerEntry[], at: string, idempotency: { keyHash: string; answer: IdempotentAnswer; expiresAt: number }): Promise<void> {
  const items: TransactItem[] = [
    ...movementWrites(fund, entries, at),
    {
      Put: {
        TableName: tableName(),
        Item: { ...fundKeys.idempotency(fund.fundId, idempotency.keyHash), entity: 'fundIdempotency', ...idempotency.answer, expiresAt: idempotency.expiresAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  try {
    await documentDb().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    if (reasons[items.length - 1]?.Code === 'ConditionalCheckFailed') throw new IdempotencyKeyTaken();
    if (reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) throw new ConcurrentWriteError();
    throw error;
  }
}

/** One page of the ledger in sequence order, after `afterSeq`. */
export async function ledgerPage(fundId: string, limit: number, afterSeq: number | undefined): Promise<{ entries: LedgerEntry[]; more: boolean }> {
  const { Items, LastEvaluatedKey } = await documentDb().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': fundKeys.partition(fundId),
        ':from': fundKeys.ledgerEntry(fundId, (afterSeq ?? 0) + 1).sk,
        ':to': `${fundKeys.ledgerPrefix}~`,
      },
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  return { entries: (Items ?? []).map(entryFromItem), more: LastEvaluatedKey !== undefined };
}

/** The whole ledger, in sequence order (CSV, tests). */
export async function wholeLedger(fundId: string): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  await queryAll(
    { TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': fundKeys.partition(fundId), ':prefix': fundKeys.ledgerPrefix }, ConsistentRead: true },
    (items) => void entries.push(...items.map(entryFromItem)),
  );
  return entries;
}

/** Every case the fund backs, as its payout items. */
export async function fundPayouts(fundId: string): Promise<PayoutQueueEntry[]> {
  const payouts: PayoutQueueEntry[] = [];
  await queryAll(
    { TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': fundKeys.partition(fundId), ':prefix': fundKeys.payoutPrefix }, ConsistentRead: true },
    (items) =>
      void payouts.push(
        ...items.map((item) => {
          const { pk: _pk, sk: _sk, entity: _entity, ...entry } = item;
          return entry as unknown as PayoutQueueEntry;
        }),
      ),
  );
  return payouts;
}

