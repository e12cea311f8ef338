import { workingDaysBetween } from '../calendar/working-days';
import type { CaseRecord } from '../complaints/case';
import { associationOfCase } from '../routing/association';
import type { WorkingCalendar } from '../../reference/types';
import { notRoutedKey } from './dimensions';

/**
 * What one case contributes to the statistics, read from the stored case
 * item alone (no timeline), so a rebuild reads whole pages of cases and an
 * incremental run a batch of items. This is the only place that reads the
 * case's shape for statistics: everything downstream (cells, figures, the
 * merchant record) works on these facts, and the aggregation job keeps them
 * per case so an incremental run can take the old contribution back out.
 */
export interface CaseFacts {
  caseId: string;
  /** The case version these facts were read from. */
  version: number;
  /** China-time month of receipt: every figure of a case counts in the period it was received in. */
  month: string;
  category: string;
  issue: string;
  /** Prefecture of the merchant (where the dispute is handled), else of the consumer. */
  region: string;
  /** The step the case was routed to (kept after it leaves `accepted`), or `none`. */
  step: string;
  /** `received`/`accepted` while open; how it ended (`not_accepted`, `resolved`, `unresolved`, `withdrawn`); `closed` when it closed without one of those (a disclosure-only case). */
  outcome: string;
  accepted: boolean;
  /** The refusal reason code of a case not accepted. */
  notAcceptedReason?: string;
  /** Working days from receipt to closing, on the seeded calendar; only for closed cases. */
  daysToClose?: number;
  /** Money the consumer got back: the agreement (mediated, an accepted offer, or the fund's payment). */
  recoveredFen: number;
  /** The guarantee fund paid the consumer first (SPEC section 9). */
  advancePayout: boolean;
  /** What the fund paid for this case, and what it has recovered from the merchant so far (facts counted before funds had money read 0). */
  advancePayoutPaidFen?: number;
  advancePayoutRecoveredFen?: number;
  safetyReport: boolean;
  rating?: number;
}

export function caseFacts(record: CaseRecord, calendar: WorkingCalendar, prefectureOf: (regionCode: string) => string | undefined): CaseFacts {
  const { complaint } = record;
  // Closing keeps how the case ended in `outcome`; before that the status says it.
  const outcome = record.outcome ?? record.status;
  return {
    caseId: record.caseId,
    version: record.version,
    month: record.receivedOn.slice(0, 7),
    category: complaint.category,
    issue: complaint.issue,
    region: associationOfCase(record, prefectureOf),
    step: record.step ?? notRoutedKey,
    outcome,
    accepted: record.step !== null || record.acceptedOn !== undefined,
    ...(outcome === 'not_accepted' ? { notAcceptedReason: record.refusalReason ?? record.routing?.refusalReason ?? 'unspecified' } : {}),
    ...(record.status === 'closed' && record.closedOn ? { daysToClose: workingDaysBetween(record.receivedOn, record.closedOn, calendar) } : {}),
    recoveredFen: record.agreement?.recoveredFen ?? 0,
    advancePayout: record.payout?.state === 'paid',
    ...(record.payout?.state === 'paid' ? { advancePayoutPaidFen: record.payout.paidFen ?? 0, advancePayoutRecoveredFen: record.payout.recoveredFromMerchantFen ?? 0 } : {}),
    safetyReport: record.safetyReport !== undefined,
    ...(record.rating ? { rating: record.rating.rating } : {}),
  };
}
