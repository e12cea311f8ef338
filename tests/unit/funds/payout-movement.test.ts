import type { CaseRecord } from '../../../functions/domain/complaints/case';
import type { FundRecord } from '../../../functions/domain/funds/fund';
import { checkMovement, NoFundError, payoutMovement, reservedForCase } from '../../../functions/domain/funds/payout-movement';
import { isOverdueRecovery, payoutQueueEntry } from '../../../functions/domain/funds/payout-queue';
import { acceptedCase } from '../cases/records';

/** What each fund action moves (SPEC section 9), before anything is written. */
const fundBehind = { fundId: 'f', associationId: '410000', merchantLimitFen: 200_000 };
const payoutCase = (extra: Partial<CaseRecord> = {}): CaseRecord => {
  const base = acceptedCase('advance_payout');
  return { ...base, complaint: { ...base.complaint, claim: { type: 'refund', amountFen: 150_000 } }, advancePayoutFund: fundBehind, ...extra } as CaseRecord;
};
const fund = (extra: Partial<FundRecord> = {}): FundRecord => ({
  fundId: 'f', name: 'n', kind: 'guarantee', associationId: '410000', perCaseLimitFen: 300_000,
  depositedFen: 1_000_000, reservedFen: 0, paidFen: 0, recoveredFen: 0, seq: 3, version: 3, createdAt: '', updatedAt: '', ...extra,
});
const stay = { status: 'accepted', step: 'advance_payout' } as const;

describe('approve_payout', () => {
  it('reserves the amount, within the claim, the merchant limit, the per-case limit and the money available', () => {
    const movement = payoutMovement(payoutCase(), 'approve_payout', { amountFen: 150_000 }, stay)!;
    expect(movement.entries).toEqual([{ kind: 'reserve', amountFen: 150_000, caseId: payoutCase().caseId }]);
    expect(() => checkMovement(movement, fund())).not.toThrow();
    expect(() => checkMovement(movement, fund({ reservedFen: 900_000 }))).toThrow(expect.objectContaining({ details: { limit: 'fund_available', limitFen: 100_000 } }));
    expect(() => checkMovement(movement, fund({ perCaseLimitFen: 100_000 }))).toThrow(expect.objectContaining({ details: { limit: 'fund_case', limitFen: 100_000 } }));
    const overClaim = payoutMovement(payoutCase(), 'approve_payout', { amountFen: 250_000 }, stay)!;
    expect(() => checkMovement(overClaim, fund())).toThrow(expect.objectContaining({ details: { limit: 'claim', limitFen: 150_000 } }));
  });

  it("names the merchant's limit when the claim does not limit (a claim without an amount)", () => {
    const base = payoutCase();
    const noAmount = { ...base, complaint: { ...base.complaint, claim: { type: 'refund' } } } as CaseRecord;
    const movement = payoutMovement(noAmount, 'approve_payout', { amountFen: 250_000 }, stay)!;
    expect(() => checkMovement(movement, fund())).toThrow(expect.objectContaining({ details: { limit: 'merchant', limitFen: 200_000 } }));
  });

  it('needs a fund behind the case', () => {
    expect(() => payoutMovement(payoutCase({ advancePayoutFund: undefined }), 'approve_payout', { amountFen: 1 }, stay)).toThrow(NoFundError);
  });
});

describe('after approval', () => {
  const approved = payoutCase({ payout: { state: 'approved', approvedFen: 120_000 } });

  it('pays at most what was reserved and releases the rest', () => {
    expect(reservedForCase(approved)).toBe(120_000);
    const movement = payoutMovement(approved, 'record_payment', { amountFen: 100_000, reference: 'P' }, { status: 'resolved', step: 'advance_payout' })!;
    expect(movement.entries.map((e) => [e.kind, e.amountFen])).toEqual([
      ['payment', 100_000],
      ['release', 20_000],
    ]);
    const over = payoutMovement(approved, 'record_payment', { amountFen: 120_001, reference: 'P' }, { status: 'resolved', step: 'advance_payout' })!;
    expect(() => checkMovement(over, fund())).toThrow(expect.objectContaining({ details: { limit: 'reserved', limitFen: 120_000 } }));
  });

  it('releases the whole reservation when the payout is rejected or the case leaves the step (withdrawn)', () => {
    expect(payoutMovement(approved, 'reject_payout', {}, { status: 'accepted', step: 'mediation' })!.entries).toEqual([{ kind: 'release', amountFen: 120_000, caseId: approved.caseId }]);
    expect(payoutMovement(approved, 'withdraw', {}, { status: 'withdrawn', step: 'advance_payout' })!.entries.map((e) => e.kind)).toEqual(['release']);
    expect(payoutMovement(approved, 'note', {}, stay)).toBeUndefined();
    expect(payoutMovement(payoutCase(), 'withdraw', {}, { status: 'withdrawn', step: 'advance_payout' })).toBeUndefined();
  });

  it('recovers in total at most what was paid', () => {
    const paid = payoutCase({ status: 'closed', payout: { state: 'paid', approvedFen: 120_000, paidFen: 100_000, recoveredFromMerchantFen: 70_000 } });
    expect(reservedForCase(paid)).toBe(0);
    const ok = payoutMovement(paid, 'record_recovery', { amountFen: 30_000, reference: 'R' }, { status: 'closed', step: 'advance_payout' })!;
    expect(() => checkMovement(ok, fund())).not.toThrow();
    const over = payoutMovement(paid, 'record_recovery', { amountFen: 30_001, reference: 'R' }, { status: 'closed', step: 'advance_payout' })!;
    expect(() => checkMovement(over, fund())).toThrow(expect.objectContaining({ details: { limit: 'unrecovered', limitFen: 30_000 } }));
  });
});

describe("the fund's payout queue", () => {
  it('shows a case waiting for the fund, then paid and overdue after its repayment date', () => {
    const waiting = payoutCase({ deadline: { kind: 'payout', date: '2026-10-30' } });
    expect(payoutQueueEntry(waiting)).toMatchObject({ state: 'pending', decideBy: '2026-10-30', fundId: 'f' });
    const paid = payoutCase({ status: 'closed', payout: { state: 'paid', paidFen: 100_000, recoveredFromMerchantFen: 40_000, paidOn: '2026-11-02', repayBy: '2026-11-23' } });
    const entry = payoutQueueEntry(paid)!;
    expect(entry).toMatchObject({ state: 'paid', paidFen: 100_000, recoveredFen: 40_000, repayBy: '2026-11-23' });
    expect(isOverdueRecovery(entry, '2026-11-23')).toBe(false);
    expect(isOverdueRecovery(entry, '2026-11-24')).toBe(true);
    expect(isOverdueRecovery({ ...entry, recoveredFen: 100_000 }, '2026-12-24')).toBe(false);
  });

  it('marks a case that left the step unpaid, and ignores cases the fund never had', () => {
    const left = payoutCase({ status: 'accepted', step: 'mediation' });
    expect(payoutQueueEntry(left, payoutCase())).toMatchObject({ state: 'left' });
    expect(payoutQueueEntry(left, left)).toBeUndefined();
    expect(payoutQueueEntry(payoutCase({ advancePayoutFund: undefined }))).toBeUndefined();
  });
});
