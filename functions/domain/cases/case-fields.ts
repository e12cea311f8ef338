/**
 * What staff and consumer actions record on a case, beyond status and step.
 * Kept free of other domain imports so `complaints/case.ts` can use these
 * types and helpers without an import cycle.
 */

/** An offer the consumer can accept or reject (SPEC section 2: `{amountFen, terms}`). */
export interface Offer {
  /** 1, 2, ... in the order the offers were made. */
  id: number;
  by: 'merchant' | 'mediator';
  amountFen: number;
  terms: string;
  at: string;
  /** `superseded` by a newer offer; `lapsed` when the case ended otherwise. */
  status: 'open' | 'accepted' | 'rejected' | 'superseded' | 'lapsed';
  answeredAt?: string;
}

/** What the consumer gets (SPEC section 2): amounts in fen, exchange/repair/apology as promises. */
export interface Agreement {
  /** How it came about: a mediated agreement, an accepted offer, or the fund's payment. */
  source: 'mediation' | 'offer' | 'advance_payout';
  refundFen?: number;
  compensationFen?: number;
  exchange?: boolean;
  repair?: boolean;
  apology?: boolean;
  terms?: string;
  /** Money the consumer recovers: refund plus compensation, the accepted offer, or the payout (statistics). */
  recoveredFen: number;
  at: string;
}

/** The advance-payout fund's part (lifecycle `PayoutState` plus the amounts). */
export interface Payout {
  /** `released`: approved, then the case left the step unpaid (withdrawn): the reservation went back to the fund. */
  state: 'approved' | 'paid' | 'rejected' | 'released';
  approvedFen?: number;
  paidFen?: number;
  /** The fund's payment reference, the China date paid, and the 15th working day after it: when the merchant must have repaid. */
  paymentReference?: string;
  paidOn?: string;
  repayBy?: string;
  /** What the fund has recovered from the merchant so far. */
  recoveredFromMerchantFen?: number;
}

export interface Rating {
  rating: 1 | 2 | 3 | 4 | 5;
  comment?: string;
  at: string;
}

/** How a case ended before it was closed; `closed` alone no longer says it. */
export type CaseOutcome = 'not_accepted' | 'resolved' | 'unresolved' | 'withdrawn';
export const caseOutcomes: readonly CaseOutcome[] = ['not_accepted', 'resolved', 'unresolved', 'withdrawn'];

/** Timeline events for staff only: internal notes and collective-action flags. */
export const staffOnlyEventTypes: ReadonlySet<string> = new Set(['note', 'flag_collective']);

/** An offer as the consumer sees it: without who at the merchant or association made it. */
export function consumerOffer(offer: Offer) {
  const { id, by, amountFen, terms, at, status, answeredAt } = offer;
  return { id, by, amountFen, terms, at, status, ...(answeredAt ? { answeredAt } : {}) };
}
