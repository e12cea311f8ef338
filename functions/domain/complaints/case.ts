import { addWorkingDays, chinaDate, isCovered } from '../calendar/working-days';
import type { Label, Language } from '../i18n';
import type { ActorRole, CaseStatus, CaseStep } from '../lifecycle';
import type { WorkingCalendar } from '../../reference/types';
import { consumerHeadline } from '../cases/consumer-headline';
import { consumerOffer, staffOnlyEventTypes, type Agreement, type CaseOutcome, type Offer, type Payout, type Rating } from '../cases/case-fields';
import type { CaseDisclosure } from '../disclosure/case-disclosure';
import type { AccessCodeHash } from './access-code';
import type { SealedSecret } from './idempotency';
import type { ComplaintInput } from './intake-schema';

/** SPEC section 2: acceptance is decided within 7 working days of receipt. */
export const acceptanceWorkingDays = 7;

export type { ActorRole };

export interface Deadline {
  kind: 'acceptance' | 'odr' | 'mediation' | 'payout' | 'objection' | 'rating';
  date: string;
  /** The date lies past the shipped holiday calendar: counted on weekdays only. */
  provisional?: boolean;
}

export interface TimelineEvent {
  /** Equals the case version this event produced: one event per change. */
  seq: number;
  at: string;
  /** A role, never a person: public and consumer views show no staff identity. */
  actor: ActorRole;
  type: string;
  status: CaseStatus;
  step: CaseStep | null;
  reason?: { code?: string; text?: Label; rule?: RuleReference; inputs?: RoutingInputs };
  text?: string;
  /** Offers, payments and recoveries: the amount in fen. */
  amountFen?: number;
}

/** Which rule of which rule-set version decided (SPEC section 3). */
export interface RuleReference {
  ruleSetId: string;
  ruleSetVersion: number;
  ruleId: string;
}

/** What the router saw, fact by fact (`claim.amountFen`, `purchase.ageDays`, ...), so a person can retrace a decision. */
export type RoutingInputs = Record<string, string | number | boolean | null>;

/**
 * The router's decision, kept on the case. `ruleId` names what decided: a
 * routing rule when accepted, the triage reason when refused or left for
 * review. `step` is where the rules send the case (for a review, where a
 * mediator's `accept` sends it); a refused case has none.
 */
export interface CaseRouting extends RuleReference {
  outcome: 'accepted' | 'not_accepted' | 'review';
  step?: CaseStep;
  /** `time_barred`, `duplicate` or `no_respondent` when refused. */
  refusalReason?: string;
  /** Why a mediator must decide, when left for review. */
  reviewReason?: string;
  /** The one line the consumer reads. */
  reason: Label;
  associationId: string;
  routedAt: string;
  /** Staff only: the open case this one repeats. */
  duplicateOf?: string;
}

export interface CaseRecord {
  caseId: string;
  version: number;
  status: CaseStatus;
  /** Set once routed; kept after the case leaves `accepted` (statistics by step). */
  step: CaseStep | null;
  /** ISO 8601 UTC instant of filing. */
  receivedAt: string;
  /** The China-time date of filing: what working days count from. */
  receivedOn: string;
  deadline: Deadline | null;
  complaint: ComplaintInput;
  accessCode: AccessCodeHash;
  /** With an Idempotency-Key: what a retry needs to get the first answer back (never shown in any view). */
  intake?: IntakeReplay;
  updatedAt: string;
  /** The consumer proved the phone with a code (SPEC section 10): the case may count in public outputs. */
  phoneVerified?: boolean;
  /** The language the consumer filed in: their notifications speak it. */
  lang?: Language;
  /** The consumer stopped SMS notifications for this case (`mute_sms`). */
  smsMuted?: boolean;
  /** Staff and consumer actions (`functions/domain/cases/`): offers made, who took the case (a token subject, staff only), outcomes. */
  offers?: Offer[];
  claimedBy?: string;
  /** A mediator accepted the case by hand (`accept`), rather than the router: someone stands behind it. */
  mediatorAccepted?: boolean;
  agreement?: Agreement;
  payout?: Payout;
  rating?: Rating;
  /** How the case ended before it closed, and the China date it closed (the rating window counts from it). */
  outcome?: CaseOutcome;
  closedOn?: string;
  /** A mediator's `refuse` reason code (the router's own refusals are in `routing.refusalReason`). */
  refusalReason?: string;
  collectiveFlagged?: boolean;
  /** Set once by the router; absent while the case waits to be routed. */
  routing?: CaseRouting;
  /**
   * The guarantee fund behind an advance payout (SPEC section 9), as the
   * merchant's commitment named it when the router sent the case there:
   * the fund, the association whose mediators act for it, and the
   * merchant's limit. Set whenever the rules pick `advance_payout`.
   */
  advancePayoutFund?: AdvancePayoutFund;
  /** Where `accept` / `route_accept` / `acceptance_timeout` send the case (lifecycle `CaseSnapshot.routedStep`). */
  routedStep?: CaseStep;
  /** The consumer association whose queue holds the case (the prefecture of the merchant, else of the consumer, else 410000). */
  associationId?: string;
  /** China date the case was accepted: the mediation deadline counts from it. */
  acceptedOn?: string;
  /** A safety report was raised for this case (SPEC section 3). */
  safetyReport?: { prefectureCode: string; reportedAt: string };
  /** Public disclosure (SPEC section 6, `functions/domain/disclosure/`): candidate, objected, published or withheld. */
  disclosure?: CaseDisclosure;
  /**
   * Personal data erased 3 years after closing (SPEC section 5,
   * `functions/domain/erasure/`): `complaint` then holds only what
   * `erasedComplaint` keeps — no consumer contact data, no free texts.
   */
  erased?: true;
  erasedAt?: string;
}

export interface AdvancePayoutFund {
  fundId: string;
  associationId: string;
  merchantLimitFen: number;
}

/** What a retried filing needs: which key filed it, which body, and the access code sealed under the key. */
export interface IntakeReplay {
  keyHash: string;
  fingerprint: string;
  accessCode: SealedSecret;
  /** The deadline the first answer showed. */
  deadline: Deadline | null;
  /** The status the first answer showed (routed at filing); absent on cases filed before routing moved into filing: `received`. */
  status?: CaseStatus;
}

/**
 * The first timeline event. The case item itself records its filing (one
 * write at intake, the hot path), so the event is derived from it.
 */
export function filingEvent(record: Pick<CaseRecord, 'receivedAt'>): TimelineEvent {
  return { seq: 1, at: record.receivedAt, actor: 'consumer', type: 'filed', status: 'received', step: null };
}

export function deadlineAfter(kind: Deadline['kind'], from: string, workingDays: number, calendar: WorkingCalendar): Deadline {
  const date = addWorkingDays(from, workingDays, calendar);
  return isCovered(date, calendar) ? { kind, date } : { kind, date, provisional: true };
}

export function newCase(input: Omit<ComplaintInput, 'verification'>, options: { caseId: string; now: Date; accessCode: AccessCodeHash; calendar: WorkingCalendar }): {
  record: CaseRecord;
  event: TimelineEvent;
} {
  const receivedAt = options.now.toISOString();
  const receivedOn = chinaDate(options.now);
  const record: CaseRecord = {
    caseId: options.caseId,
    version: 1,
    status: 'received',
    step: null,
    receivedAt,
    receivedOn,
    deadline: deadlineAfter('acceptance', receivedOn, acceptanceWorkingDays, options.calendar),
    complaint: input,
    accessCode: options.accessCode,
    updatedAt: receivedAt,
  };
  return { record, event: filingEvent(record) };
}

/** The routing decision in plain words, without staff-only detail (which other case a duplicate repeats). */
function consumerRouting(routing: CaseRouting | undefined) {
  if (!routing) return null;
  const { outcome, ruleId, ruleSetId, ruleSetVersion, step, refusalReason, reason, associationId } = routing;
  return { outcome, ruleId, ruleSetId, ruleSetVersion, step: step ?? null, ...(refusalReason ? { refusalReason } : {}), reason, associationId };
}

/** What the consumer sees with their access code: their case, without staff identities or the code hash. */
export function consumerView(record: CaseRecord, timeline: readonly TimelineEvent[]) {
  const { complaint } = record;
  return {
    caseId: record.caseId,
    // Personal data erased 3 years after closing (SPEC section 5).
    ...(record.erased ? { erased: true as const } : {}),
    version: record.version,
    status: record.status,
    step: record.step,
    /** What the page shows first: a closed case as how it ended, a refusal with its reason. */
    headline: consumerHeadline(record),
    ...(record.outcome ? { outcome: record.outcome } : {}),
    ...(record.closedOn ? { closedOn: record.closedOn } : {}),
    receivedAt: record.receivedAt,
    phoneVerified: record.phoneVerified === true,
    /** The consumer stopped SMS for the case (`mute_sms`); e-mail still goes. */
    smsMuted: record.smsMuted === true,
    deadline: record.deadline,
    category: complaint.category,
    issue: complaint.issue,
    merchant: { name: complaint.merchant.name },
    claim: complaint.claim,
    routing: consumerRouting(record.routing),
    timeline: timeline.filter((event) => !staffOnlyEventTypes.has(event.type)).sort((a, b) => a.seq - b.seq),
    offers: (record.offers ?? []).map(consumerOffer),
    // What the consumer got and how they rated it: theirs to see.
    ...(record.agreement ? { agreement: record.agreement } : {}),
    ...(record.rating ? { rating: record.rating } : {}),
  };
}

export type ConsumerCaseView = ReturnType<typeof consumerView>;
