import type { CaseRecord, TimelineEvent } from '../complaints/case';
import type { CaseAction } from '../lifecycle';
import { staffOnlyEventTypes } from './case-fields';
import { maskPhone } from './masking';
import { forMerchant, merchantInjury } from './merchant-texts';
import { associationOf, type StaffIdentity } from './rights';

/** What every staff view of a case starts with, in this order. */
function caseHeader(record: CaseRecord) {
  return {
    caseId: record.caseId,
    version: record.version,
    status: record.status,
    step: record.step,
    ...(record.outcome ? { outcome: record.outcome } : {}),
    receivedAt: record.receivedAt,
  };
}

/**
 * What staff see of a case. Mediators, regulators and admins handle the
 * dispute and see the consumer's contact data; a merchant sees the
 * consumer's name and a masked phone only (SPEC section 5), and neither the
 * association's internal notes nor which mediator holds the case. Every free
 * text a merchant reads is scrubbed of phones, ID numbers, e-mails and bank
 * cards, and of an injury only the fact that one was reported is shown
 * (merchant-texts.ts).
 */
function consumerFor(viewer: StaffIdentity, record: CaseRecord) {
  const { consumer } = record.complaint;
  // After erasure only the region code is left, for everyone.
  if (record.erased) return { regionCode: consumer.regionCode };
  if (viewer.role === 'merchant') return { name: consumer.name, phone: maskPhone(consumer.phone) };
  return consumer;
}

function routingFor(viewer: StaffIdentity, record: CaseRecord) {
  if (!record.routing) return null;
  if (viewer.role !== 'merchant') return record.routing;
  const { duplicateOf: _otherCase, ...routing } = record.routing;
  return routing;
}

function timelineFor(viewer: StaffIdentity, timeline: readonly TimelineEvent[]) {
  const visible = viewer.role === 'merchant' ? timeline.filter((event) => !staffOnlyEventTypes.has(event.type)).map(forMerchant.event) : timeline;
  return [...visible].sort((a, b) => a.seq - b.seq);
}

export function staffCaseView(
  record: CaseRecord,
  timeline: readonly TimelineEvent[],
  options: { viewer: StaffIdentity; subject?: string; allowedActions: CaseAction[] },
) {
  const { viewer } = options;
  const { complaint } = record;
  const internal = viewer.role !== 'merchant';
  const texts = internal ? undefined : forMerchant;
  return {
    ...caseHeader(record),
    receivedOn: record.receivedOn,
    ...(record.acceptedOn ? { acceptedOn: record.acceptedOn } : {}),
    ...(record.closedOn ? { closedOn: record.closedOn } : {}),
    deadline: record.deadline,
    associationId: associationOf(record),
    routing: routingFor(viewer, record),
    ...(record.routedStep ? { routedStep: record.routedStep } : {}),
    ...(record.refusalReason ? { refusalReason: record.refusalReason } : {}),
    consumer: consumerFor(viewer, record),
    merchant: complaint.merchant,
    purchase: complaint.purchase,
    category: complaint.category,
    issue: complaint.issue,
    description: texts ? texts.text(complaint.description) : complaint.description,
    claim: complaint.claim,
    injury: internal ? complaint.injury : merchantInjury(complaint.injury),
    knownSince: complaint.knownSince,
    offers: texts ? (record.offers ?? []).map(texts.offer) : (record.offers ?? []),
    ...(record.agreement ? { agreement: texts ? texts.agreement(record.agreement) : record.agreement } : {}),
    ...(record.payout ? { payout: record.payout } : {}),
    ...(record.advancePayoutFund ? { advancePayoutFund: record.advancePayoutFund } : {}),
    ...(record.rating ? { rating: texts ? texts.rating(record.rating) : record.rating } : {}),
    // Disclosure state and the merchant's objection window (SPEC section 6).
    ...(record.disclosure ? { disclosure: record.disclosure } : {}),
    ...(internal && record.claimedBy ? { claimedBy: record.claimedBy, claimedByCaller: record.claimedBy === options.subject } : {}),
    ...(internal && record.collectiveFlagged ? { collectiveFlagged: true } : {}),
    ...(internal && record.safetyReport ? { safetyReport: record.safetyReport } : {}),
    timeline: timelineFor(viewer, timeline),
    allowedActions: options.allowedActions,
    ...(record.erased ? { erased: true as const } : {}),
  };
}

export type StaffCaseView = ReturnType<typeof staffCaseView>;

/** One row of `GET /v1/cases`: enough to pick a case from a queue, no consumer data. */
export function staffCaseSummary(record: CaseRecord, viewer: StaffIdentity) {
  const { complaint } = record;
  return {
    ...caseHeader(record),
    deadline: record.deadline,
    associationId: associationOf(record),
    category: complaint.category,
    issue: complaint.issue,
    merchant: { name: complaint.merchant.name, ...(complaint.merchant.creditCode ? { creditCode: complaint.merchant.creditCode } : {}) },
    claim: complaint.claim,
    injury: complaint.injury?.occurred === true,
    openOffer: (record.offers ?? []).some((offer) => offer.status === 'open'),
    ...(viewer.role !== 'merchant' && record.claimedBy ? { claimedBy: record.claimedBy } : {}),
    ...(record.erased ? { erased: true as const } : {}),
  };
}

export type StaffCaseSummary = ReturnType<typeof staffCaseSummary>;
