import fc from 'fast-check';
import { caseStatuses, categories, refusalReasonCodes } from '../../../functions/reference';
import { addCounters, countersOf, daysCounter, figuresOf, percentileOf, publicRows, type CaseFacts, type Counters } from '../../../functions/domain/statistics';

const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId: 'X',
  version: 1,
  month: '2026-03',
  category: 'appliances',
  issue: 'quality',
  region: '410100',
  step: 'mediation',
  outcome: 'resolved',
  accepted: true,
  recoveredFen: 0,
  advancePayout: false,
  safetyReport: false,
  ...overrides,
});

const sum = (...cases: CaseFacts[]) => cases.reduce<Counters>((counters, c) => addCounters(counters, countersOf(c)), {});

describe('figures of a cell', () => {
  it('counts outcomes, refusal reasons, money, payouts, safety reports and ratings', () => {
    const counters = sum(
      facts({ outcome: 'resolved', daysToClose: 3, recoveredFen: 129900, rating: 5 }),
      facts({ outcome: 'resolved', daysToClose: 10, recoveredFen: 100, advancePayout: true, advancePayoutPaidFen: 100, advancePayoutRecoveredFen: 60, rating: 4 }),
      facts({ outcome: 'unresolved', daysToClose: 45, safetyReport: true }),
      facts({ outcome: 'withdrawn', daysToClose: 1, accepted: true }),
      facts({ outcome: 'not_accepted', accepted: false, step: 'none', notAcceptedReason: 'time_barred', daysToClose: 0 }),
      facts({ outcome: 'accepted' }),
    );
    expect(figuresOf(counters)).toEqual({
      received: 6,
      accepted: 5,
      notAccepted: 1,
      notAcceptedByReason: { ...Object.fromEntries(refusalReasonCodes.map((code) => [code, 0])), time_barred: 1 },
      resolved: 2,
      unresolved: 1,
      withdrawn: 1,
      resolutionRate: 0.6667,
      medianDaysToClose: 3,
      p90DaysToClose: 45,
      amountRecoveredFen: 130000,
      advancePayouts: 1,
      advancePayoutPaidFen: 100,
      advancePayoutRecoveredFen: 60,
      safetyReports: 1,
      meanRating: 4.5,
    });
  });

  it('has no rates, percentiles or mean where nothing was closed, settled or rated', () => {
    expect(figuresOf(sum(facts({ outcome: 'received', accepted: false, step: 'none' })))).toMatchObject({
      received: 1,
      resolutionRate: null,
      medianDaysToClose: null,
      p90DaysToClose: null,
      meanRating: null,
    });
  });

  it('takes the nearest-rank percentile: always a number of days some case took', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(200), { minLength: 1, maxLength: 60 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (days, fraction) => {
        const histogram = new Map<number, number>();
        for (const d of days) histogram.set(d, (histogram.get(d) ?? 0) + 1);
        const sortedDays = [...days].sort((a, b) => a - b);
        expect(percentileOf(histogram, fraction)).toBe(sortedDays[Math.ceil(fraction * days.length) - 1]);
      }),
    );
    expect(percentileOf(new Map(), 0.5)).toBeNull();
    // 1, 2, 3, 4: the median is the 2nd smallest, the 90th percentile the 4th.
    const histogram = new Map([[1, 1], [2, 1], [3, 1], [4, 1]]);
    expect([percentileOf(histogram, 0.5), percentileOf(histogram, 0.9)]).toEqual([2, 4]);
    expect(daysCounter(12)).toBe('days_12');
  });
});

describe('public rows', () => {
  const cell = (key: string, n: number) => ({ key, counters: sum(...Array.from({ length: n }, () => facts({ category: key }))) });

  it('suppresses rows of 1 to 4 cases with every figure null, shows 5 and more, and drops empty ones', () => {
    const rows = publicRows([cell('food', 4), cell('appliances', 5), cell('clothing', 1), cell('travel', 0)], 'category', 'zh-CN');
    expect(rows.map((row) => [row.key, row.suppressed])).toEqual([
      ['appliances', false],
      // Suppressed rows follow the published ones in key order, so their order says nothing about their size.
      ['clothing', true],
      ['food', true],
    ]);
    const suppressed = rows.find((row) => row.key === 'food')!;
    expect(suppressed).toEqual({
      key: 'food',
      label: '食品',
      suppressed: true,
      received: null,
      accepted: null,
      notAccepted: null,
      notAcceptedByReason: null,
      resolved: null,
      unresolved: null,
      withdrawn: null,
      resolutionRate: null,
      medianDaysToClose: null,
      p90DaysToClose: null,
      amountRecoveredFen: null,
      advancePayouts: null,
      advancePayoutPaidFen: null,
      advancePayoutRecoveredFen: null,
      safetyReports: null,
      meanRating: null,
    });
    expect(rows[0]).toMatchObject({ key: 'appliances', label: categories[0]!.label['zh-CN'], suppressed: false, received: 5, resolved: 5, resolutionRate: 1 });
  });

  it('labels keys from the seeds in the language asked for', () => {
    expect(publicRows([cell('410100', 5)], 'region', 'en')[0]!.label).toBe('Zhengzhou');
    expect(publicRows([cell('closed', 5)], 'outcome', 'zh-CN')[0]!.label).toBe(caseStatuses.find((s) => s.code === 'closed')!.label['zh-CN']);
    expect(publicRows([cell('none', 5)], 'step', 'en')[0]!.label).toMatch(/Not routed/);
    expect(publicRows([cell('all', 5)], 'all', 'zh-CN')[0]!.label).toBe('全部投诉');
  });
});
