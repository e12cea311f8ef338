import { randomBytes } from 'node:crypto';
import type { CaseRecord } from '../../domain/complaints/case';
import { becomesCandidate, disclosureAfter, isDisclosureAction, newCandidacy, publicRefFrom, someoneStandsBehind, type CaseDisclosure } from '../../domain/disclosure';
import type { CaseAction, NextPosition } from '../../domain/lifecycle';
import { calendar } from '../../reference';
import { logger } from '../../shared/logger';
import { dueCandidateItem } from '../../store/disclosure-store';
import { syncPublicDisclosure } from './public-record-sync';

/**
 * What disclosure adds to a lifecycle change (called by the one action path,
 * `functions/services/cases/apply-action.ts`): a case closing after it was
 * accepted, or routed to the `disclosure` step, becomes a candidate (with
 * its place in the queue of due candidates, written in the same
 * transaction); the disclosure actions move its state. After the change is
 * written, `afterCommit` puts the public record up or takes it down.
 */
export interface DisclosureChange {
  set: { disclosure?: CaseDisclosure };
  alsoCreate: Record<string, unknown>[];
  afterCommit: (changed: CaseRecord, now: Date) => Promise<void>;
}

const nothing: DisclosureChange = { set: {}, alsoCreate: [], afterCommit: async () => {} };

export function disclosureChange(record: CaseRecord, action: CaseAction, next: NextPosition, when: { today: string; at: string }): DisclosureChange {
  // The action itself may be what makes a person stand behind the case (a mediator's `accept` or `claim`).
  const standing = someoneStandsBehind({ ...record, ...(action === 'accept' ? { mediatorAccepted: true } : {}), ...(action === 'claim' ? { claimedBy: 'staff' } : {}) });
  if (standing && becomesCandidate(record, next)) {
    const disclosure = newCandidacy(publicRefFrom(randomBytes(8)), when.today, calendar);
    return { set: { disclosure }, alsoCreate: [dueCandidateItem(disclosure.objectionUntil, record.caseId)], afterCommit: nothing.afterCommit };
  }
  if (!isDisclosureAction(action) || !record.disclosure) return nothing;
  const disclosure = disclosureAfter(action, record.disclosure, when.at);
  return {
    set: { disclosure },
    alsoCreate: [],
    async afterCommit(changed, now) {
      try {
        await syncPublicDisclosure(changed, now);
      } catch (error) {
        // The change stands; the aggregation schedule reconciles the public list with every changed case.
        logger.error('public disclosure not synchronised; the schedule will retry', { caseId: changed.caseId, error: error as Error });
      }
    },
  };
}
