/**
 * The vocabulary of SPEC section 2. A case has a `status`; while it is
 * `accepted` it is also in exactly one `step`. After it leaves `accepted`
 * the case keeps the step it was last in, so statistics can say where a
 * case was resolved (`by=step`); `status=accepted&step=X` lists live cases.
 */
export const caseStatuses = ['received', 'accepted', 'not_accepted', 'resolved', 'unresolved', 'withdrawn', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseSteps = ['odr', 'mediation', 'advance_payout', 'disclosure'] as const;
export type CaseStep = (typeof caseSteps)[number];

/** Who acts. `fund` is a mediator of the fund's association acting for the advance-payout fund; `system` is the router and the deadline sweeper. */
export const actorRoles = ['consumer', 'mediator', 'merchant', 'regulator', 'fund', 'admin', 'system'] as const;
export type ActorRole = (typeof actorRoles)[number];

export const consumerActions = ['accept_offer', 'reject_offer', 'withdraw', 'add_info', 'rate', 'mute_sms'] as const;
export const mediatorActions = ['accept', 'refuse', 'claim', 'note', 'propose_offer', 'record_agreement', 'end_unresolved', 'flag_collective', 'follow_up'] as const;
export const merchantActions = ['respond', 'make_offer', 'decline', 'object_disclosure'] as const;
export const regulatorActions = ['withhold_disclosure', 'publish_disclosure'] as const;
export const fundActions = ['approve_payout', 'reject_payout', 'record_payment', 'record_recovery'] as const;
/** Transitions only the router and the deadline sweeper perform; never accepted from an HTTP body. */
export const systemActions = ['route_accept', 'route_refuse', 'acceptance_timeout', 'odr_timeout', 'mediation_timeout', 'payout_timeout', 'publish_due_disclosure', 'close'] as const;

/** Every action, in the order `allowedActions` lists them. */
export const caseActions = [...consumerActions, ...mediatorActions, ...merchantActions, ...regulatorActions, ...fundActions, ...systemActions] as const;
export type CaseAction = (typeof caseActions)[number];

/** Where a case stands: `accepted` always has a step; other statuses may remember the last one. */
export type CasePosition = { status: 'accepted'; step: CaseStep } | { status: Exclude<CaseStatus, 'accepted'>; step?: CaseStep };

export type PayoutState = 'approved' | 'paid' | 'rejected' | 'released';
export type DisclosureState = 'candidate' | 'objected' | 'published' | 'withheld';

/**
 * What the lifecycle table needs to know about a case, taken from the stored
 * case by the caller. Everything the guards read is here, so `decide` stays
 * a pure function of this snapshot.
 */
export type CaseSnapshot = CasePosition & {
  /** An offer (merchant's or mediator's) the consumer has not yet answered. */
  hasOpenOffer: boolean;
  /** The step the routing rules picked; `accept` and `route_accept` move the case there. */
  routedStep?: CaseStep;
  claimedBy?: string;
  payout?: PayoutState;
  disclosure?: DisclosureState;
  /** The merchant's 5-working-day objection window is still open (the caller counts working days). */
  objectionWindowOpen?: boolean;
  /** `canRate(closedOn, today, alreadyRated)`, filled in by the caller. */
  ratingOpen?: boolean;
  /** The consumer already stopped SMS for this case (`mute_sms`). */
  smsMuted?: boolean;
};

/** The next position; `step` is the step the case is in (or, outside `accepted`, was last in). */
export type NextPosition = CasePosition;

export type Decision =
  | { ok: true; next: NextPosition; statusChanged: boolean }
  | { ok: false; allowedActions: CaseAction[]; failedGuard?: string };
