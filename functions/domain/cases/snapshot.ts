import { chinaDate } from '../calendar/dates';
import type { CaseRecord, TimelineEvent } from '../complaints/case';
import { disclosureSnapshot } from '../disclosure/case-disclosure';
import { canRate, type CaseSnapshot } from '../lifecycle';

/** The China date the case was accepted: recorded since routing, else the first accepted event on its timeline. */
export function acceptedOnOf(record: CaseRecord, timeline: readonly TimelineEvent[]): string | undefined {
  if (record.acceptedOn) return record.acceptedOn;
  const accepted = [...timeline].sort((a, b) => a.seq - b.seq).find((event) => event.status === 'accepted');
  return accepted ? chinaDate(new Date(accepted.at)) : undefined;
}

export function hasOpenOffer(record: CaseRecord): boolean {
  return (record.offers ?? []).some((offer) => offer.status === 'open');
}

/** What the lifecycle table needs to know about a stored case on `today` (a China date). */
export function snapshotOf(record: CaseRecord, today: string): CaseSnapshot {
  const common = {
    hasOpenOffer: hasOpenOffer(record),
    ...(record.routedStep ? { routedStep: record.routedStep } : {}),
    ...(record.claimedBy ? { claimedBy: record.claimedBy } : {}),
    ...(record.payout ? { payout: record.payout.state } : {}),
    ...disclosureSnapshot(record.disclosure, today),
    ...(record.smsMuted ? { smsMuted: true } : {}),
    ratingOpen: record.status === 'closed' && record.closedOn !== undefined && canRate(record.closedOn, today, record.rating !== undefined),
  };
  if (record.status === 'accepted') {
    if (!record.step) throw new Error(`Case ${record.caseId} is accepted but has no step.`);
    return { status: 'accepted', step: record.step, ...common };
  }
  return { status: record.status, ...(record.step ? { step: record.step } : {}), ...common };
}
