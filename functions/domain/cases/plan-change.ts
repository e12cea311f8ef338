import type { CaseRecord, TimelineEvent } from '../complaints/case';
import type { ActorRole, CaseAction, CasePosition, NextPosition } from '../lifecycle';
import { refusalReasons } from '../../reference';
import type { WorkingCalendar } from '../../reference/types';
import type { ActionFields } from './action-schemas';
import { caseOutcomes, type Agreement, type CaseOutcome, type Offer } from './case-fields';
import { addWorkingDays } from '../calendar/working-days';
import { deadlineAfterMove, merchantRepaymentWorkingDays } from './deadlines';
import { acceptedOnOf } from './snapshot';
import { caseTexts, unresolvedText } from './texts';

/**
 * What one allowed action does to a case, as data: the attributes to set
 * and the one timeline event. Pure; the service writes it with
 * `applyCaseChange` (and adds the index keys that follow from it, and the
 * disclosure state: `functions/services/disclosure/lifecycle-hook.ts`).
 */
export interface ChangeContext {
  /**
   * The China date the change takes effect: today, or for a timeout the day
   * after the deadline, so a sweep that runs late dates the move as an
   * on-time sweep would have.
   */
  effectiveOn: string;
  /** The instant recorded on the event. */
  at: string;
  actor: { role: ActorRole; subject?: string };
  calendar: WorkingCalendar;
}

export interface PlannedChange {
  set: Partial<CaseRecord> & Record<string, unknown>;
  event: Omit<TimelineEvent, 'seq'>;
}

function positionOfRecord(record: CaseRecord): CasePosition {
  return record.status === 'accepted' ? { status: 'accepted', step: record.step! } : { status: record.status, ...(record.step ? { step: record.step } : {}) };
}

const isOutcome = (status: string): status is CaseOutcome => (caseOutcomes as readonly string[]).includes(status);

function refusalLabel(code: string) {
  return refusalReasons.find((reason) => reason.code === code)?.label;
}

/** A new open offer replaces any open one. */
function withNewOffer(offers: Offer[], by: Offer['by'], fields: ActionFields, at: string): Offer[] {
  const nextId = offers.reduce((max, offer) => Math.max(max, offer.id), 0) + 1;
  const replaced = offers.map((offer) => (offer.status === 'open' ? { ...offer, status: 'superseded' as const, answeredAt: at } : offer));
  return [...replaced, { id: nextId, by, amountFen: fields.amountFen!, terms: fields.terms!, at, status: 'open' }];
}

function answerOpenOffer(offers: Offer[], status: Offer['status'], at: string): Offer[] {
  return offers.map((offer) => (offer.status === 'open' ? { ...offer, status, answeredAt: at } : offer));
}

export function planChange(record: CaseRecord, timeline: readonly TimelineEvent[], action: CaseAction, fields: ActionFields, next: NextPosition, context: ChangeContext): PlannedChange {
  const { effectiveOn: today, at, actor } = context;
  const from = positionOfRecord(record);
  const set: PlannedChange['set'] = {};
  const event: PlannedChange['event'] = { at, actor: actor.role, type: action, status: next.status, step: next.step ?? null };
  if (fields.text) event.text = fields.text;

  // What follows from the move itself, whichever action made it.
  if (next.status !== record.status || (next.step ?? null) !== record.step) {
    set.status = next.status;
    set.step = next.step ?? null;
  }
  if (record.status === 'received' && next.status === 'accepted') set.acceptedOn = today;
  const deadline = deadlineAfterMove(from, next, { today, acceptedOn: acceptedOnOf(record, timeline) }, context.calendar);
  if (deadline !== undefined) set.deadline = deadline;
  if (next.status === 'closed' && record.status !== 'closed') {
    set.closedOn = today;
    if (isOutcome(record.status)) set.outcome = record.status;
  }

  const offersBefore = record.offers ?? [];
  let offers = offersBefore;
  const open = offers.find((offer) => offer.status === 'open');

  switch (action) {
    case 'refuse':
      set.refusalReason = fields.reason;
      event.reason = { code: fields.reason, ...(refusalLabel(fields.reason!) ? { text: refusalLabel(fields.reason!) } : {}) };
      break;
    case 'accept':
      // A person decided to take the case on: it may now become public (SPEC section 5).
      set.mediatorAccepted = true;
      break;
    case 'claim':
      set.claimedBy = actor.subject ?? actor.role;
      break;
    case 'propose_offer':
    case 'make_offer':
      offers = withNewOffer(offers, action === 'make_offer' ? 'merchant' : 'mediator', fields, at);
      event.amountFen = fields.amountFen;
      event.text = fields.terms;
      break;
    case 'accept_offer': {
      offers = answerOpenOffer(offers, 'accepted', at);
      const agreement: Agreement = { source: 'offer', recoveredFen: open!.amountFen, terms: open!.terms, at };
      set.agreement = agreement;
      event.amountFen = open!.amountFen;
      break;
    }
    case 'reject_offer':
      offers = answerOpenOffer(offers, 'rejected', at);
      break;
    case 'record_agreement': {
      const { refundFen, compensationFen, exchange, repair, apology, terms } = fields;
      const recoveredFen = (refundFen ?? 0) + (compensationFen ?? 0);
      set.agreement = { source: 'mediation', refundFen, compensationFen, exchange, repair, apology, terms, recoveredFen, at };
      event.amountFen = recoveredFen;
      if (terms) event.text = terms;
      break;
    }
    case 'end_unresolved':
    case 'mediation_timeout':
      event.reason = { code: action, text: unresolvedText(action === 'mediation_timeout') };
      break;
    case 'acceptance_timeout':
      event.reason = { code: action, text: caseTexts.acceptanceTimeout };
      break;
    case 'odr_timeout':
      event.reason = { code: action, text: caseTexts.odrTimeout };
      break;
    case 'payout_timeout':
      event.reason = { code: action, text: caseTexts.payoutTimeout };
      break;
    case 'flag_collective':
      set.collectiveFlagged = true;
      break;
    case 'approve_payout':
      set.payout = { ...record.payout, state: 'approved', approvedFen: fields.amountFen };
      // Approval is the fund's decision: the 10-day decision deadline is met, payment follows.
      set.deadline = null;
      event.amountFen = fields.amountFen;
      break;
    case 'reject_payout':
      set.payout = { ...record.payout, state: 'rejected' };
      break;
    case 'record_payment':
      set.payout = {
        ...record.payout,
        state: 'paid',
        paidFen: fields.amountFen,
        paymentReference: fields.reference,
        paidOn: today,
        repayBy: addWorkingDays(today, merchantRepaymentWorkingDays, context.calendar),
      };
      set.agreement = { source: 'advance_payout', recoveredFen: fields.amountFen!, at };
      event.amountFen = fields.amountFen;
      break;
    case 'record_recovery':
      set.payout = { ...record.payout!, recoveredFromMerchantFen: (record.payout?.recoveredFromMerchantFen ?? 0) + fields.amountFen! };
      event.amountFen = fields.amountFen;
      break;
    case 'rate':
      set.rating = { rating: fields.rating as 1 | 2 | 3 | 4 | 5, ...(fields.comment ? { comment: fields.comment } : {}), at };
      // Rated once: the rating window no longer needs showing.
      set.deadline = null;
      if (fields.comment) event.text = fields.comment;
      break;
    case 'mute_sms':
      set.smsMuted = true;
      event.reason = { code: action, text: caseTexts.smsMuted };
      break;
    default:
      break;
  }

  // Leaving the step with an approved, unpaid payout (withdrawn) gives the reservation back (functions/domain/funds/payout-movement.ts).
  if (record.payout?.state === 'approved' && !(next.status === 'accepted' && next.step === 'advance_payout') && action !== 'reject_payout' && action !== 'record_payment') {
    set.payout = { ...record.payout, state: 'released' };
  }

  // An offer nobody answered lapses once the case is no longer negotiating.
  if (next.status !== 'accepted' && offers.some((offer) => offer.status === 'open')) offers = answerOpenOffer(offers, 'lapsed', at);
  if (offers !== offersBefore) set.offers = offers;
  return { set, event };
}
