import type { ActionFields } from '../cases/action-schemas';
import type { CaseRecord } from '../complaints/case';
import { ConflictError } from '../errors';
import type { CaseAction, NextPosition } from '../lifecycle';
import { availableOf, type FundRecord } from './fund';
import type { PlannedEntry } from './ledger';
import { checkLimits, type PayoutLimit } from './limits';

/**
 * The money behind a case action (SPEC section 9), as ledger entries to
 * write in the same transaction as the case change. Case-side limits are
 * known from the case; the fund's own (per case, available) from the fund
 * item read just before, whose sequence number the write is conditional on.
 */
export interface PayoutMovement {
  fundId: string;
  entries: PlannedEntry[];
  /** The amount asked for and the limits it must keep; `againstFund` adds the fund's per-case and available limits. */
  check?: { amountFen: number; limits: PayoutLimit[]; againstFund: boolean };
}

/** Money reserved for the case and not yet paid or released. */
export function reservedForCase(record: CaseRecord): number {
  return record.payout?.state === 'approved' ? (record.payout.approvedFen ?? 0) : 0;
}

const stillInPayout = (next: NextPosition) => next.status === 'accepted' && next.step === 'advance_payout';

export class NoFundError extends ConflictError {
  constructor() {
    super('no_fund', 'This case names no guarantee fund (the merchant had no fund when it was routed); reject the payout to send it to mediation.');
  }
}

export function payoutMovement(record: CaseRecord, action: CaseAction, fields: ActionFields, next: NextPosition): PayoutMovement | undefined {
  const fund = record.advancePayoutFund;
  const reserved = reservedForCase(record);
  switch (action) {
    case 'approve_payout': {
      if (!fund) throw new NoFundError();
      const amountFen = fields.amountFen!;
      const limits: PayoutLimit[] = [
        ...(record.complaint.claim.amountFen !== undefined ? [{ limit: 'claim' as const, limitFen: record.complaint.claim.amountFen }] : []),
        { limit: 'merchant', limitFen: fund.merchantLimitFen },
      ];
      return { fundId: fund.fundId, entries: [{ kind: 'reserve', amountFen, caseId: record.caseId }], check: { amountFen, limits, againstFund: true } };
    }
    case 'record_payment': {
      const amountFen = fields.amountFen!;
      const rest = reserved - amountFen;
      return {
        fundId: fund!.fundId,
        entries: [{ kind: 'payment', amountFen, caseId: record.caseId, reference: fields.reference! }, ...(rest > 0 ? [{ kind: 'release' as const, amountFen: rest, caseId: record.caseId }] : [])],
        check: { amountFen, limits: [{ limit: 'reserved', limitFen: reserved }], againstFund: false },
      };
    }
    case 'record_recovery': {
      const amountFen = fields.amountFen!;
      const unrecovered = (record.payout?.paidFen ?? 0) - (record.payout?.recoveredFromMerchantFen ?? 0);
      return {
        fundId: fund!.fundId,
        entries: [{ kind: 'recovery', amountFen, caseId: record.caseId, reference: fields.reference! }],
        check: { amountFen, limits: [{ limit: 'unrecovered', limitFen: unrecovered }], againstFund: false },
      };
    }
    default:
      // Leaving the step with money reserved (rejected, withdrawn) gives the reservation back.
      if (reserved > 0 && fund && !stillInPayout(next)) return { fundId: fund.fundId, entries: [{ kind: 'release', amountFen: reserved, caseId: record.caseId }] };
      return undefined;
  }
}

/** 409 payout_exceeds naming the smallest exceeded limit, with the fund's limits as the fund stands now. */
export function checkMovement(movement: PayoutMovement, fund: FundRecord): void {
  if (!movement.check) return;
  const { amountFen, limits, againstFund } = movement.check;
  const fundLimits: PayoutLimit[] = againstFund
    ? [
        { limit: 'fund_case', limitFen: fund.perCaseLimitFen },
        { limit: 'fund_available', limitFen: Math.max(0, availableOf(fund)) },
      ]
    : [];
  checkLimits(amountFen, [...limits, ...fundLimits]);
}
