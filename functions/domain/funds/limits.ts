import { ConflictError, DomainError } from '../errors';

/**
 * Which limit an amount exceeds. SPEC section 9 names the limits of an
 * approval (claim, merchant, fund per case, fund available); a payment is
 * limited by what was reserved for the case and a recovery by what is still
 * unrecovered. Where several are exceeded, the smallest is named (ties in
 * the order given), since that is the one the officer must meet.
 */
export const payoutLimitNames = ['claim', 'merchant', 'fund_case', 'fund_available', 'reserved', 'unrecovered'] as const;
export type PayoutLimitName = (typeof payoutLimitNames)[number];

export interface PayoutLimit {
  limit: PayoutLimitName;
  limitFen: number;
}

export function smallestExceeded(amountFen: number, limits: readonly PayoutLimit[]): PayoutLimit | undefined {
  return limits.filter((l) => amountFen > l.limitFen).reduce<PayoutLimit | undefined>((smallest, l) => (smallest === undefined || l.limitFen < smallest.limitFen ? l : smallest), undefined);
}

export class PayoutExceedsError extends ConflictError {
  constructor(readonly exceeded: PayoutLimit) {
    super('payout_exceeds', `The amount is more than the ${exceeded.limit.replace('_', ' ')} limit of ${exceeded.limitFen} fen.`, { limit: exceeded.limit, limitFen: exceeded.limitFen });
  }
}

/** Throws 409 payout_exceeds naming the smallest exceeded limit; passes when none is. */
export function checkLimits(amountFen: number, limits: readonly PayoutLimit[]): void {
  const exceeded = smallestExceeded(amountFen, limits);
  if (exceeded) throw new PayoutExceedsError(exceeded);
}

/** One fund took more concurrent movements than a writer could wait for: try again shortly. */
export class FundBusyError extends DomainError {
  constructor() {
    super(503, 'fund_busy', 'The guarantee fund is busy with other movements; try again in a moment.', { retryAfterSeconds: 1 }, { 'Retry-After': '1' });
  }
}
