import type { CaseSnapshot } from './types';

/**
 * Named preconditions a table row may require beyond status, step and role.
 * Each reads only the snapshot, so the table stays data and the reasons a
 * row is closed can be named in an error.
 */
export const guards = {
  /** Offers can only be answered while one is open. */
  hasOpenOffer: (c: CaseSnapshot) => c.hasOpenOffer,
  /** Rating is once only, within 30 days of closing (see `canRate`). */
  ratingOpen: (c: CaseSnapshot) => c.ratingOpen === true,
  /** SMS is muted once; a second mute has nothing left to stop. */
  smsNotMuted: (c: CaseSnapshot) => c.smsMuted !== true,
  /** The fund decides once; a decided payout is paid or rejected, not re-approved. */
  payoutUndecided: (c: CaseSnapshot) => c.payout === undefined,
  /** The fund may still back out of an approval until money has moved. */
  payoutUnpaid: (c: CaseSnapshot) => c.payout === undefined || c.payout === 'approved',
  payoutApproved: (c: CaseSnapshot) => c.payout === 'approved',
  /** Recovery from the merchant only follows a payment. */
  payoutPaid: (c: CaseSnapshot) => c.payout === 'paid',
  /** SPEC section 6: the merchant may object once, within 5 working days of the record becoming a candidate. */
  objectionWindowOpen: (c: CaseSnapshot) => c.disclosure === 'candidate' && c.objectionWindowOpen === true,
  /** A regulator can take a record down (or keep it from going up) until it is withheld. */
  disclosureNotWithheld: (c: CaseSnapshot) => c.disclosure === 'candidate' || c.disclosure === 'objected' || c.disclosure === 'published',
  /**
   * A regulator publishes early only what is contested: an objected record
   * (deciding the objection) or a withheld one (reversing itself). Publishing
   * an uncontested candidate early would cut the merchant's objection window short.
   */
  disclosureContested: (c: CaseSnapshot) => c.disclosure === 'objected' || c.disclosure === 'withheld',
  /** The sweeper publishes once the objection window has passed, unless withheld. */
  disclosureDue: (c: CaseSnapshot) => (c.disclosure === 'candidate' || c.disclosure === 'objected') && c.objectionWindowOpen !== true,
} as const satisfies Record<string, (c: CaseSnapshot) => boolean>;

export type GuardName = keyof typeof guards;
