import type { CaseRecord } from '../complaints/case';

/**
 * A fund's view of one of its cases: the payout queue and the overdue
 * recoveries read these (one item per case in the fund's partition),
 * rewritten with every change of the case, in the same transaction.
 */
export interface PayoutQueueEntry {
  caseId: string;
  fundId: string;
  /** `pending`: in advance_payout, undecided; `left`: the case left the step without a payout (timeout, withdrawal; any reservation released). */
  state: 'pending' | 'approved' | 'paid' | 'rejected' | 'left';
  status: CaseRecord['status'];
  merchant: { name: string; creditCode?: string };
  claimFen: number | null;
  approvedFen: number | null;
  paidFen: number | null;
  recoveredFen: number;
  /** The fund's decision deadline while pending. */
  decideBy: string | null;
  paidOn: string | null;
  /** The merchant repays within 15 working days of the payment. */
  repayBy: string | null;
  receivedAt: string;
  updatedAt: string;
}

/**
 * The item after a change from `before` to `record`: for a case that is,
 * was just now, or has been paid through the fund's step; undefined for
 * every other change (nothing to write).
 */
export function payoutQueueEntry(record: CaseRecord, before: CaseRecord = record): PayoutQueueEntry | undefined {
  const fund = record.advancePayoutFund;
  if (!fund) return undefined;
  if (record.step !== 'advance_payout' && before.step !== 'advance_payout' && record.payout === undefined) return undefined;
  const inStep = record.status === 'accepted' && record.step === 'advance_payout';
  const payout = record.payout;
  const state = payout?.state ?? (inStep ? 'pending' : 'left');
  return {
    caseId: record.caseId,
    fundId: fund.fundId,
    state: state === 'released' || (state === 'approved' && !inStep) ? 'left' : state,
    status: record.status,
    merchant: { name: record.complaint.merchant.name, ...(record.complaint.merchant.creditCode ? { creditCode: record.complaint.merchant.creditCode } : {}) },
    claimFen: record.complaint.claim.amountFen ?? null,
    approvedFen: payout?.approvedFen ?? null,
    paidFen: payout?.paidFen ?? null,
    recoveredFen: payout?.recoveredFromMerchantFen ?? 0,
    decideBy: inStep && record.deadline?.kind === 'payout' ? record.deadline.date : null,
    paidOn: payout?.paidOn ?? null,
    repayBy: payout?.repayBy ?? null,
    receivedAt: record.receivedAt,
    updatedAt: record.updatedAt,
  };
}

/** Paid, not fully recovered, and past the repayment date. */
export function isOverdueRecovery(entry: PayoutQueueEntry, today: string): boolean {
  return entry.state === 'paid' && entry.repayBy !== null && entry.repayBy < today && (entry.paidFen ?? 0) > entry.recoveredFen;
}
