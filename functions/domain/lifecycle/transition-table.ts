import type { GuardName } from './guards';
import { caseSteps, type ActorRole, type CaseAction, type CaseStatus, type CaseStep } from './types';

/** A status, or for `accepted` the status and its step: the rows' "from" column. */
export type Position = Exclude<CaseStatus, 'accepted'> | `accepted:${CaseStep}`;

/**
 * Where a row leads. `same`: nothing but the timeline changes. `routed`: accepted,
 * in the step the routing rules picked (`snapshot.routedStep`, else mediation).
 * A bare status keeps the step the case was last in.
 */
export type Target = 'same' | 'routed' | { status: 'accepted'; step: CaseStep } | { status: Exclude<CaseStatus, 'accepted' | 'received'> };

export interface TransitionRow {
  action: CaseAction;
  roles: readonly ActorRole[];
  from: readonly Position[];
  to: Target;
  guard?: GuardName;
  why: string;
}

const accepted = (step: CaseStep): Position => `accepted:${step}`;
const anyStep: readonly Position[] = caseSteps.map(accepted);
const open: readonly Position[] = ['received', ...anyStep];
const negotiating: readonly Position[] = [accepted('odr'), accepted('mediation')];
const everywhere: readonly Position[] = [...open, 'not_accepted', 'resolved', 'unresolved', 'withdrawn', 'closed'];
const fund: readonly ActorRole[] = ['fund', 'admin'];

/** SPEC section 2's one table: status x action x role -> next status. */
export const transitionTable: readonly TransitionRow[] = [
  // consumer
  { action: 'accept_offer', roles: ['consumer'], from: negotiating, to: { status: 'resolved' }, guard: 'hasOpenOffer', why: 'Accepting an open offer settles the dispute.' },
  { action: 'reject_offer', roles: ['consumer'], from: negotiating, to: 'same', guard: 'hasOpenOffer', why: 'Negotiation goes on; the step deadline keeps running.' },
  { action: 'withdraw', roles: ['consumer'], from: open, to: { status: 'withdrawn' }, why: 'A consumer may drop a complaint until it is settled; afterwards there is nothing left to withdraw.' },
  { action: 'add_info', roles: ['consumer'], from: open, to: 'same', why: 'Evidence is useful for as long as someone is handling the case.' },
  { action: 'rate', roles: ['consumer'], from: ['closed'], to: 'same', guard: 'ratingOpen', why: 'Handling is rated once it is over, once, within 30 days.' },
  { action: 'mute_sms', roles: ['consumer'], from: everywhere, to: 'same', guard: 'smsNotMuted', why: 'SPEC section 10: a consumer may stop SMS for their case at any time; e-mail still goes.' },
  // mediator
  { action: 'accept', roles: ['mediator'], from: ['received'], to: 'routed', why: 'A mediator accepts what the router left undecided; the routing rules still pick the step.' },
  { action: 'refuse', roles: ['mediator'], from: ['received'], to: { status: 'not_accepted' }, why: 'Refusal (with a reason code) is part of the acceptance decision only.' },
  { action: 'claim', roles: ['mediator'], from: ['received', accepted('mediation')], to: 'same', why: 'A mediator takes a case from the queue; a later claim hands it over.' },
  { action: 'note', roles: ['mediator'], from: everywhere, to: 'same', why: 'Internal notes never change the case.' },
  { action: 'propose_offer', roles: ['mediator'], from: [accepted('mediation')], to: 'same', why: 'Mediators propose settlements only in mediation; in ODR the merchant negotiates directly.' },
  { action: 'record_agreement', roles: ['mediator'], from: [accepted('mediation')], to: { status: 'resolved' }, why: 'The association records agreements it mediated; an ODR settlement is the consumer accepting an offer.' },
  { action: 'end_unresolved', roles: ['mediator'], from: [accepted('mediation')], to: { status: 'unresolved' }, why: 'Mediation may end early without agreement; the consumer is told the next routes.' },
  { action: 'flag_collective', roles: ['mediator'], from: [...open, 'resolved', 'unresolved', 'closed'], to: 'same', why: 'SPEC section 3 counts open and closed cases towards collective action; refused and withdrawn ones do not count.' },
  { action: 'follow_up', roles: ['mediator'], from: ['resolved', 'unresolved', 'closed'], to: 'same', why: 'A follow-up visit (回访) asks how the handling ended, so it comes after it.' },
  // merchant
  { action: 'respond', roles: ['merchant'], from: anyStep, to: 'same', why: 'The merchant is told of a case once it is accepted and may answer in any step.' },
  { action: 'make_offer', roles: ['merchant'], from: negotiating, to: 'same', why: 'Offers belong to negotiation; a new offer replaces an open one.' },
  { action: 'decline', roles: ['merchant'], from: [accepted('odr')], to: { status: 'accepted', step: 'mediation' }, why: 'A merchant that will not settle directly sends the case to mediation without waiting out the 10 days.' },
  { action: 'decline', roles: ['merchant'], from: [accepted('mediation')], to: 'same', why: 'Recorded for the mediator, who alone ends mediation and may still bring the merchant to the table.' },
  { action: 'object_disclosure', roles: ['merchant'], from: [accepted('disclosure'), 'closed'], to: 'same', guard: 'objectionWindowOpen', why: 'A disclosure candidate may be objected to within 5 working days.' },
  // regulator
  { action: 'withhold_disclosure', roles: ['regulator'], from: [accepted('disclosure')], to: { status: 'closed' }, guard: 'disclosureNotWithheld', why: 'A disclosure-only case has nothing left to do once the regulator has decided its record.' },
  { action: 'withhold_disclosure', roles: ['regulator'], from: ['closed'], to: 'same', guard: 'disclosureNotWithheld', why: 'A regulator may keep a record off the public list, or take a published one down.' },
  { action: 'publish_disclosure', roles: ['regulator'], from: [accepted('disclosure')], to: { status: 'closed' }, guard: 'disclosureContested', why: 'Deciding an objection ends a disclosure-only case.' },
  { action: 'publish_disclosure', roles: ['regulator'], from: ['closed'], to: 'same', guard: 'disclosureContested', why: 'A regulator decides objections and may reverse its own withholding.' },
  // advance-payout fund (a mediator of the fund's association, or admin)
  { action: 'approve_payout', roles: fund, from: [accepted('advance_payout')], to: 'same', guard: 'payoutUndecided', why: 'The fund decides once whether it pays first.' },
  { action: 'reject_payout', roles: fund, from: [accepted('advance_payout')], to: { status: 'accepted', step: 'mediation' }, guard: 'payoutUnpaid', why: 'Without the fund the dispute still needs a mediator.' },
  { action: 'record_payment', roles: fund, from: [accepted('advance_payout')], to: { status: 'resolved' }, guard: 'payoutApproved', why: 'Once paid, the consumer has their redress.' },
  { action: 'record_recovery', roles: fund, from: ['resolved', 'closed'], to: 'same', guard: 'payoutPaid', why: 'Recovering the payout from the merchant comes after the consumer is paid and may take longer than the case.' },
  // router and deadline sweeper
  { action: 'route_accept', roles: ['system'], from: ['received'], to: 'routed', why: 'A routing rule accepted the case and picked its step.' },
  { action: 'route_refuse', roles: ['system'], from: ['received'], to: { status: 'not_accepted' }, why: 'A triage rule refused the case (time_barred, duplicate, no_respondent).' },
  { action: 'acceptance_timeout', roles: ['system'], from: ['received'], to: 'routed', why: 'Acceptance is decided within 7 working days; undecided cases are accepted rather than left waiting.' },
  { action: 'odr_timeout', roles: ['system'], from: [accepted('odr')], to: { status: 'accepted', step: 'mediation' }, why: 'The merchant had 10 working days to settle.' },
  { action: 'payout_timeout', roles: ['system'], from: [accepted('advance_payout')], to: { status: 'accepted', step: 'mediation' }, guard: 'payoutUndecided', why: 'SPEC section 9: the fund decides within 10 working days, else the dispute goes to mediation.' },
  { action: 'mediation_timeout', roles: ['system'], from: [accepted('mediation')], to: { status: 'unresolved' }, why: 'Mediation ends at the latest 45 working days after acceptance.' },
  { action: 'publish_due_disclosure', roles: ['system'], from: [accepted('disclosure')], to: { status: 'closed' }, guard: 'disclosureDue', why: 'Published once the objection window has passed, unless withheld; that ends a disclosure-only case.' },
  { action: 'publish_due_disclosure', roles: ['system'], from: ['closed'], to: 'same', guard: 'disclosureDue', why: 'A closed case becomes a disclosure candidate and is published once the objection window has passed, unless withheld.' },
  { action: 'close', roles: ['system'], from: ['not_accepted', 'resolved', 'unresolved', 'withdrawn'], to: { status: 'closed' }, why: 'Every case ends closed, which starts the rating window and the 3-year PII clock.' },
];
