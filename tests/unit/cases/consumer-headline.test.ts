import { consumerHeadline } from '../../../functions/domain/cases/consumer-headline';
import { caseTexts } from '../../../functions/domain/cases/texts';
import { refusalReasons } from '../../../functions/reference';
import { acceptedCase, caseRecord } from './records';

/** What the consumer reads first: never just "closed". */
const label = (code: string) => refusalReasons.find((entry) => entry.code === code)!.label;
const routerReason = { 'zh-CN': '知道权益受损已超过 3 年。', en: 'The harm was known more than 3 years before filing.' };
const routerRefusal = { ruleSetId: 'default', ruleSetVersion: 1, ruleId: 'time_barred', outcome: 'not_accepted' as const, refusalReason: 'time_barred', reason: routerReason, associationId: '410100', routedAt: '2026-10-10T02:00:00.000Z' };

describe('the consumer headline', () => {
  test('an open case: received, then accepted with its step', () => {
    expect(consumerHeadline(caseRecord())).toEqual({ code: 'received', closed: false });
    expect(consumerHeadline(acceptedCase('odr'))).toEqual({ code: 'accepted', step: 'odr', closed: false });
  });

  test('refused by the router: "not accepted" with the router’s own line, also once closed', () => {
    const refused = caseRecord({ status: 'not_accepted', routing: routerRefusal });
    expect(consumerHeadline(refused)).toEqual({ code: 'not_accepted', closed: false, reasonCode: 'time_barred', reason: routerReason });
    const closed = { ...refused, status: 'closed' as const, outcome: 'not_accepted' as const, closedOn: '2026-10-10' };
    expect(consumerHeadline(closed)).toEqual({ code: 'not_accepted', closed: true, closedOn: '2026-10-10', reasonCode: 'time_barred', reason: routerReason });
  });

  test('refused by a mediator: the reason code’s label', () => {
    const refused = caseRecord({ status: 'closed', outcome: 'not_accepted', closedOn: '2026-10-12', refusalReason: 'not_consumer' });
    expect(consumerHeadline(refused)).toEqual({ code: 'not_accepted', closed: true, closedOn: '2026-10-12', reasonCode: 'not_consumer', reason: label('not_consumer') });
  });

  test.each(['resolved', 'withdrawn'] as const)('closed as %s: reads as that', (outcome) => {
    expect(consumerHeadline(acceptedCase('mediation', '2026-10-12', { status: 'closed', outcome, closedOn: '2026-11-02' }))).toEqual({ code: outcome, closed: true, closedOn: '2026-11-02' });
  });

  test('unresolved: with the routes left to the consumer', () => {
    expect(consumerHeadline(acceptedCase('mediation', '2026-10-12', { status: 'closed', outcome: 'unresolved', closedOn: '2026-12-20' }))).toEqual({
      code: 'unresolved',
      closed: true,
      closedOn: '2026-12-20',
      reason: caseTexts.nextRoutes,
    });
  });
});
