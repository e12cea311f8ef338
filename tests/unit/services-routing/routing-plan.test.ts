import { addWorkingDays } from '../../../functions/domain/calendar/working-days';
import type { CaseRecord } from '../../../functions/domain/complaints/case';
import { defaultRuleSet } from '../../../functions/domain/routing';
import { planRouting, stepDeadline } from '../../../functions/domain/routing/routing-plan';
import { calendar } from '../../../functions/reference';
import { complaintFacts, merchants, prefectureOf, unregisteredMerchant } from '../routing/fixtures';

/** A case as filed on 2026-11-02 (a Monday), in the shape the router reads. */
function filedCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    caseId: 'HN2611-7K3M-9QXA',
    version: 1,
    status: 'received',
    step: null,
    receivedAt: '2026-11-02T01:00:00.000Z',
    receivedOn: '2026-11-02',
    deadline: { kind: 'acceptance', date: '2026-11-11' },
    complaint: {} as CaseRecord['complaint'],
    accessCode: { algorithm: 'sha256-salted', salt: 's', hash: 'h' },
    updatedAt: '2026-11-02T01:00:00.000Z',
    ...overrides,
  };
}

// Routed at 09:30 China time on the day of filing.
const now = new Date('2026-11-02T01:30:00.000Z');
const plan = (facts = complaintFacts(), duplicateOf?: string) => planRouting({ record: filedCase(), facts, ruleSet: defaultRuleSet, duplicateOf, now, calendar, prefectureOf });

describe('what the router writes for each outcome', () => {
  test('accepted into ODR: the step, the rule, its reason and a 10-working-day deadline', () => {
    const routed = plan(complaintFacts({ claim: { amountFen: 500001 } }));
    expect(routed).toMatchObject({
      status: 'accepted',
      step: 'odr',
      routedStep: 'odr',
      acceptedOn: '2026-11-02',
      associationId: '410100',
      deadline: { kind: 'odr', date: '2026-11-16' },
      open: true,
      routing: { outcome: 'accepted', ruleSetId: 'default', ruleSetVersion: defaultRuleSet.version, ruleId: 'odr_merchant', step: 'odr', routedAt: now.toISOString() },
    });
    expect(routed.event).toMatchObject({ actor: 'system', type: 'route_accept', status: 'accepted', step: 'odr', reason: { code: 'odr_merchant', rule: { ruleId: 'odr_merchant' } } });
    expect(routed.event.reason?.text).toEqual(defaultRuleSet.rules.find((r) => r.id === 'odr_merchant')?.reason);
  });

  test('accepted into mediation: 45 working days from acceptance', () => {
    const routed = plan(complaintFacts({ merchant: unregisteredMerchant({ name: '新乡某某家居有限公司', creditCode: '91410702MA47XY3K1B', regionCode: '410702' }) }));
    expect(routed).toMatchObject({ step: 'mediation', associationId: '410700', deadline: { kind: 'mediation', date: addWorkingDays('2026-11-02', 45, calendar) } });
  });

  test("advance payout starts the fund's 10-working-day decision deadline; disclosure starts without one", () => {
    expect(plan()).toMatchObject({ step: 'advance_payout', deadline: { kind: 'payout' }, advancePayoutFund: { fundId: 'henan-guarantee', associationId: '410000', merchantLimitFen: 500000 } });
    expect(plan(complaintFacts({ claim: { type: 'disclosure_only', amountFen: undefined } }))).toMatchObject({ step: 'disclosure', deadline: null });
  });

  test('refused: not accepted, no step, no deadline, the reason code on the event; a duplicate names the case it repeats (staff only)', () => {
    const routed = plan(complaintFacts({ openCaseExists: true }), 'HN2610-AAAA-BBBB');
    expect(routed).toMatchObject({ status: 'not_accepted', step: null, deadline: null, open: false, routing: { outcome: 'not_accepted', refusalReason: 'duplicate', duplicateOf: 'HN2610-AAAA-BBBB' } });
    expect(routed.routedStep).toBeUndefined();
    expect(routed.event).toMatchObject({ type: 'route_refuse', status: 'not_accepted', reason: { code: 'duplicate', inputs: { openCaseExists: true } } });
  });

  test('review: stays received with its acceptance deadline, the proposed step recorded for the mediator', () => {
    const routed = plan(complaintFacts({ merchant: unregisteredMerchant({ name: '老王家电维修部' }) }));
    expect(routed).toMatchObject({
      status: 'received',
      step: null,
      routedStep: 'mediation',
      deadline: { kind: 'acceptance', date: '2026-11-11' },
      open: true,
      routing: { outcome: 'review', reviewReason: 'respondent_by_name_only', ruleId: 'mediation_by_region', step: 'mediation' },
    });
    expect(routed.event).toMatchObject({ type: 'route_review', status: 'received', reason: { code: 'respondent_by_name_only' } });
  });

  test('the event records every fact the rules could read', () => {
    const inputs = plan(complaintFacts({ merchant: { registered: merchants.xinxiangFurniture, name: merchants.xinxiangFurniture.name } })).event.reason?.inputs;
    expect(inputs).toMatchObject({
      'claim.type': 'refund',
      'claim.amountFen': 129900,
      'purchase.ageDays': 32,
      'merchant.registered': true,
      'merchant.odr': false,
      'merchant.advancePayout.limitFen': 200000,
      'merchant.regionCode': '410702',
      'merchant.identifiedBy': 'registry',
      knownSince: '2026-10-05',
      filedOn: '2026-11-02',
    });
  });

  test('only a received case is routed', () => {
    expect(() => planRouting({ record: filedCase({ status: 'withdrawn' }), facts: complaintFacts(), ruleSet: defaultRuleSet, now, calendar, prefectureOf })).toThrow(/received/);
  });
});

describe('step deadlines count working days on the holiday calendar', () => {
  test('ODR accepted just before the National Day holiday ends 10 working days later, holidays skipped and 调休 Saturdays counted', () => {
    // Accepted Wed 2026-09-30; 1-7 October are holidays, Sat 10 October is worked: 8, 9, 10, 12-16, 19, 20.
    expect(stepDeadline('odr', '2026-09-30', calendar)).toEqual({ kind: 'odr', date: '2026-10-20' });
    // Past the shipped calendar the date is counted on weekdays and marked provisional.
    expect(stepDeadline('mediation', `${calendar.lastYear}-12-31`, calendar)).toMatchObject({ kind: 'mediation', provisional: true });
  });
});
