import type { ActionFields } from '../../domain/cases/action-schemas';
import type { CaseRecord } from '../../domain/complaints/case';
import { numberEntries } from '../../domain/funds/ledger';
import { checkMovement, NoFundError, payoutMovement } from '../../domain/funds/payout-movement';
import { payoutQueueEntry } from '../../domain/funds/payout-queue';
import type { CaseAction, NextPosition } from '../../domain/lifecycle';
import type { TransactItem } from '../../store/case-changes';
import { getFund, movementWrites, payoutQueueWrite } from '../../store/funds-store';

/**
 * The fund's part of a case change (SPEC section 9): the ledger entries and
 * counters the action moves, checked against every limit on the fund as
 * read now, and the fund's payout item, all to be written in the case's
 * transaction. Called again after `ConcurrentWriteError` (another movement
 * of the same fund came first), so the limits are always checked against
 * the fund the write is conditional on.
 */
export async function fundWritesFor(before: CaseRecord, after: CaseRecord, action: CaseAction, fields: ActionFields, next: NextPosition): Promise<TransactItem[]> {
  const writes: TransactItem[] = [];
  const movement = payoutMovement(before, action, fields, next);
  if (movement) {
    const fund = await getFund(movement.fundId);
    if (!fund) throw new NoFundError();
    checkMovement(movement, fund);
    writes.push(...movementWrites(fund, numberEntries(movement.entries, fund.seq, after.updatedAt), after.updatedAt));
  }
  const queued = payoutQueueEntry(after, before);
  if (queued) writes.push(payoutQueueWrite(queued));
  return writes;
}

/** Movements of one fund are serialised by its sequence number: a busy fund makes writers wait and try again. */
export const fundContention = { retries: 0 };
export const fundRetryAttempts = 60;

export async function backOffAfterContention(attempt: number): Promise<void> {
  fundContention.retries += 1;
  // Full jitter, capped: many officers on one fund spread out instead of colliding again in step. A cap of 1 s
  // rather than 0.2 s halves the retries at 32 officers on one fund (`npm run bench:funds`): every failed attempt
  // is a transaction that holds the fund item and makes the next one conflict.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1_000, 10 * 2 ** Math.min(attempt, 7))));
}
