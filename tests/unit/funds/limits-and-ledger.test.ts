import fc from 'fast-check';
import { availableOf, balanceOf, fundView, zeroCounters, type FundRecord } from '../../../functions/domain/funds/fund';
import { ledgerCsv } from '../../../functions/domain/funds/ledger-csv';
import { neutralised as neutraliseFormula } from '../../../functions/domain/statistics/csv';
import { countersDelta, ledgerKinds, ledgerTotals, numberEntries } from '../../../functions/domain/funds/ledger';
import { checkLimits, PayoutExceedsError, smallestExceeded } from '../../../functions/domain/funds/limits';

/** SPEC section 9's pure rules: which limit an amount exceeds, the fund's identities, the ledger's sums, the CSV. */
describe('payout limits', () => {
  const limits = [
    { limit: 'claim' as const, limitFen: 129_900 },
    { limit: 'merchant' as const, limitFen: 500_000 },
    { limit: 'fund_case' as const, limitFen: 300_000 },
    { limit: 'fund_available' as const, limitFen: 80_000 },
  ];

  it('names the smallest exceeded limit with its amount', () => {
    expect(smallestExceeded(80_000, limits)).toBeUndefined();
    expect(smallestExceeded(80_001, limits)).toEqual({ limit: 'fund_available', limitFen: 80_000 });
    expect(smallestExceeded(400_000, limits)).toEqual({ limit: 'fund_available', limitFen: 80_000 });
    expect(smallestExceeded(200_000, limits.slice(0, 3))).toEqual({ limit: 'claim', limitFen: 129_900 });
    expect(smallestExceeded(600_000, limits.slice(0, 3))).toEqual({ limit: 'claim', limitFen: 129_900 });
  });

  it('keeps the order given on a tie, and an amount equal to a limit is within it', () => {
    expect(smallestExceeded(2, [{ limit: 'claim', limitFen: 1 }, { limit: 'merchant', limitFen: 1 }])).toEqual({ limit: 'claim', limitFen: 1 });
    expect(smallestExceeded(129_900, limits.slice(0, 3))).toBeUndefined();
  });

  it('answers 409 payout_exceeds with the limit and its amount in the error body', () => {
    expect(() => checkLimits(1, [])).not.toThrow();
    try {
      checkLimits(500_001, limits);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(PayoutExceedsError);
      expect(error).toMatchObject({ status: 409, code: 'payout_exceeds', details: { limit: 'fund_available', limitFen: 80_000 } });
    }
  });

  it('is exceeded exactly when the amount is above the smallest limit (any limits, any amount)', () => {
    const limit = fc.record({ limit: fc.constantFrom('claim' as const, 'merchant' as const, 'fund_case' as const, 'fund_available' as const), limitFen: fc.nat(1e9) });
    fc.assert(
      fc.property(fc.array(limit, { minLength: 1, maxLength: 4 }), fc.nat(1e9), (given, amount) => {
        const smallest = Math.min(...given.map((l) => l.limitFen));
        const exceeded = smallestExceeded(amount, given);
        if (amount <= smallest) expect(exceeded).toBeUndefined();
        else expect(exceeded).toEqual(given.find((l) => l.limitFen === smallest && amount > l.limitFen));
      }),
    );
  });
});

describe('the ledger and the counters', () => {
  it('moves the counters by each kind of entry, amounts always positive', () => {
    expect(countersDelta({ kind: 'deposit', amountFen: 5 })).toEqual({ ...zeroCounters, depositedFen: 5 });
    expect(countersDelta({ kind: 'reserve', amountFen: 5 })).toEqual({ ...zeroCounters, reservedFen: 5 });
    expect(countersDelta({ kind: 'release', amountFen: 5 })).toEqual({ ...zeroCounters, reservedFen: -5 });
    expect(countersDelta({ kind: 'payment', amountFen: 5 })).toEqual({ ...zeroCounters, reservedFen: -5, paidFen: 5 });
    expect(countersDelta({ kind: 'recovery', amountFen: 5 })).toEqual({ ...zeroCounters, recoveredFen: 5 });
  });

  it('keeps balance = deposited - paid + recovered and available = balance - reserved for any ledger', () => {
    const entry = fc.record({ kind: fc.constantFrom(...ledgerKinds), amountFen: fc.integer({ min: 1, max: 1e9 }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 50 }), (entries) => {
        const totals = ledgerTotals(entries);
        const sum = (kind: string) => entries.filter((e) => e.kind === kind).reduce((s, e) => s + e.amountFen, 0);
        expect(balanceOf(totals)).toBe(sum('deposit') - sum('payment') + sum('recovery'));
        expect(availableOf(totals)).toBe(balanceOf(totals) - (sum('reserve') - sum('release') - sum('payment')));
      }),
    );
  });

  it('numbers planned entries after the last sequence number', () => {
    expect(numberEntries([{ kind: 'payment', amountFen: 3 }, { kind: 'release', amountFen: 1 }], 41, 'T')).toEqual([
      { seq: 42, at: 'T', kind: 'payment', amountFen: 3 },
      { seq: 43, at: 'T', kind: 'release', amountFen: 1 },
    ]);
  });

  it('shows a fund with its identities', () => {
    const fund = { fundId: 'f', name: 'n', kind: 'guarantee', associationId: '410000', perCaseLimitFen: 1, depositedFen: 1000, reservedFen: 300, paidFen: 200, recoveredFen: 50, seq: 7, version: 9, createdAt: '', updatedAt: '' } satisfies FundRecord;
    expect(fundView(fund)).toMatchObject({ balanceFen: 850, availableFen: 550, seq: 7, version: 9 });
  });
});

describe('the ledger as CSV', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['工行转账 0001', "'quoted", '12-3']) expect(neutraliseFormula(text)).toBe(text);
  });

  it('starts with a BOM and quotes what needs quoting', () => {
    const csv = ledgerCsv([{ seq: 1, at: '2026-11-29T01:00:00.000Z', kind: 'deposit', amountFen: 123456, reference: '=HYPERLINK("x","点我")' }], 'zh-CN');
    expect(csv.startsWith('\uFEFF序号,')).toBe(true);
    expect(csv).toContain(`1,2026-11-29T01:00:00.000Z,deposit,123456,1234.56,,"'=HYPERLINK(""x"",""点我"")"\r\n`);
  });
});
