import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ActionNotAllowedError, StaleVersionError } from '../../../functions/domain/errors';
import { availableOf, balanceOf } from '../../../functions/domain/funds/fund';
import { ledgerTotals } from '../../../functions/domain/funds/ledger';
import { PayoutExceedsError } from '../../../functions/domain/funds/limits';
import { reservedForCase } from '../../../functions/domain/funds/payout-movement';
import { applyAction } from '../../../functions/services/cases/apply-action';
import { depositToFund } from '../../../functions/services/funds/deposit';
import { readCase } from '../../../functions/store/cases-store';
import { getFund, wholeLedger } from '../../../functions/store/funds-store';
import { createTestTable } from '../../support/dynamodb';
import { admin, fundAction, newFund, payoutCase } from '../../../bin/bench/funds/payout-cases';

/**
 * SPEC section 9's invariants against DynamoDB Local, not mocks: whatever
 * the history of deposits, approvals, rejections, payments and recoveries —
 * several at once — available money never falls below zero, no case is paid
 * twice, and the ledger (numbered 1, 2, 3, ... per fund) adds up to the
 * fund's counters.
 */
beforeAll(async () => {
  await createTestTable({ prefix: 'funds' });
});

/** Refusals a fund officer may meet; anything else is a bug. */
const expectedRefusal = (error: unknown) => error instanceof PayoutExceedsError || error instanceof ActionNotAllowedError || error instanceof StaleVersionError;

async function settle(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (!expectedRefusal(error)) throw error;
  }
}

async function checkFund(fundId: string, caseIds: readonly string[]): Promise<void> {
  const fund = (await getFund(fundId))!;
  const ledger = await wholeLedger(fundId);
  expect(ledger.map((e) => e.seq)).toEqual(Array.from({ length: fund.seq }, (_, i) => i + 1));
  expect(ledger.every((e) => Number.isInteger(e.amountFen) && e.amountFen > 0)).toBe(true);
  const { depositedFen, reservedFen, paidFen, recoveredFen } = fund;
  expect({ depositedFen, reservedFen, paidFen, recoveredFen }).toEqual(ledgerTotals(ledger));
  expect(availableOf(fund)).toBeGreaterThanOrEqual(0);
  expect(balanceOf(fund)).toBeGreaterThanOrEqual(reservedFen);
  for (const caseId of caseIds) {
    const entries = ledger.filter((e) => e.caseId === caseId);
    const sum = (kind: string) => entries.filter((e) => e.kind === kind).reduce((s, e) => s + e.amountFen, 0);
    const record = (await readCase(caseId))!.record;
    // No case paid twice; what stays reserved for a case is what its record says.
    expect(entries.filter((e) => e.kind === 'payment').length).toBeLessThanOrEqual(1);
    expect(entries.filter((e) => e.kind === 'reserve').length).toBeLessThanOrEqual(1);
    expect(sum('reserve') - sum('release') - sum('payment')).toBe(reservedForCase(record));
    expect(sum('payment')).toBe(record.payout?.state === 'paid' ? record.payout.paidFen : 0);
    expect(sum('recovery')).toBe(record.payout?.recoveredFromMerchantFen ?? 0);
    expect(sum('recovery')).toBeLessThanOrEqual(sum('payment'));
  }
}

type Command =
  | { kind: 'deposit'; amountFen: number }
  | { kind: 'approve_payout' | 'record_payment' | 'record_recovery'; caseIndex: number; amountFen: number }
  | { kind: 'reject_payout'; caseIndex: number };

const amount = fc.integer({ min: 1, max: 60_000 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('deposit' as const), amountFen: amount }),
  fc.record({ kind: fc.constantFrom('approve_payout' as const, 'record_payment' as const, 'record_recovery' as const), caseIndex: fc.nat(5), amountFen: amount }),
  fc.record({ kind: fc.constant('reject_payout' as const), caseIndex: fc.nat(5) }),
);

function run(fundId: string, caseIds: readonly string[], c: Command): Promise<void> {
  if (c.kind === 'deposit') return settle(depositToFund(admin, fundId, { amountFen: c.amountFen, reference: `D-${c.amountFen}` }, randomUUID(), 'en', new Date()));
  const caseId = caseIds[c.caseIndex % caseIds.length]!;
  if (c.kind === 'reject_payout') return settle(fundAction(caseId, 'reject_payout'));
  return settle(fundAction(caseId, c.kind, { amountFen: c.amountFen, ...(c.kind === 'approve_payout' ? {} : { reference: `${c.kind}-${c.amountFen}` }) }));
}

describe('a guarantee fund on DynamoDB Local', () => {
  it('keeps every identity through random histories, several officers at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(command, { minLength: 1, maxLength: 4 }), { minLength: 3, maxLength: 10 }), fc.integer({ min: 0, max: 80_000 }), async (batches, opening) => {
        const fundId = await newFund({ perCaseLimitFen: 45_000, depositFen: opening });
        const caseIds = await Promise.all([50_000, 30_000, 20_000, 10_000].map((claim) => payoutCase(fundId, claim)));
        for (const batch of batches) {
          // A batch runs at once: officers racing on the same fund and the same cases.
          await Promise.all(batch.map((c) => run(fundId, caseIds, c)));
          await checkFund(fundId, caseIds);
        }
      }),
      { numRuns: 10 },
    );
  });

  it('approves exactly 10 of 50 concurrent approvals against a fund that covers 10', async () => {
    const fundId = await newFund({ depositFen: 10 * 12_000 });
    const caseIds = await Promise.all(Array.from({ length: 50 }, () => payoutCase(fundId, 12_000)));
    const outcomes = await Promise.allSettled(caseIds.map((caseId) => fundAction(caseId, 'approve_payout', { amountFen: 12_000 })));
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as { code?: string; name?: string; message?: string });
    // Counted by reason, so that a failure says what the other 40 met instead.
    const reasons: Record<string, number> = {};
    for (const error of refused) {
      const reason = error.code ?? `${error.name}: ${error.message}`;
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    }
    expect({ approved: outcomes.length - refused.length, refused: reasons }).toEqual({ approved: 10, refused: { payout_exceeds: 40 } });
    for (const error of refused) expect(error).toMatchObject({ code: 'payout_exceeds', details: { limit: 'fund_available', limitFen: 0 } });
    expect(await getFund(fundId)).toMatchObject({ depositedFen: 120_000, reservedFen: 120_000, seq: 11 });
    await checkFund(fundId, caseIds);
  });

  it('deposits once however often, and however concurrently, a deposit is retried with its key', async () => {
    const fundId = await newFund();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => depositToFund(admin, fundId, { amountFen: 77_700, reference: 'BANK-42' }, key, 'en', new Date())));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(await getFund(fundId)).toMatchObject({ depositedFen: 77_700, seq: 1 });
    expect(await wholeLedger(fundId)).toHaveLength(1);
  });

  it('pays a case once even when the payment is sent twice at the same moment', async () => {
    const fundId = await newFund({ depositFen: 100_000 });
    const caseId = await payoutCase(fundId, 40_000);
    await fundAction(caseId, 'approve_payout', { amountFen: 40_000 });
    const stored = (await readCase(caseId))!;
    const payment = () => applyAction(stored, { action: 'record_payment', role: 'fund', fields: { amountFen: 40_000, reference: 'P-1' }, now: new Date() }, { expectedVersion: stored.record.version, allowedActions: () => [] });
    const outcomes = await Promise.allSettled([payment(), payment()]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await getFund(fundId)).toMatchObject({ paidFen: 40_000, reservedFen: 0 });
    await checkFund(fundId, [caseId]);
  });
});
