import { planChange, type ChangeContext } from '../../../functions/domain/cases/plan-change';
import type { Offer } from '../../../functions/domain/cases/case-fields';
import { decide, type ActorRole, type CaseAction } from '../../../functions/domain/lifecycle';
import { snapshotOf } from '../../../functions/domain/cases/snapshot';
import type { CaseRecord } from '../../../functions/domain/complaints/case';
import { calendar } from '../../../functions/reference';
import { addWorkingDays } from '../../../functions/domain/calendar/working-days';
import { acceptedCase, caseRecord, filedEvent } from './records';

const context = (role: ActorRole, effectiveOn = '2026-10-20', subject?: string): ChangeContext => ({
  effectiveOn,
  at: `${effectiveOn}T02:00:00.000Z`,
  actor: { role, ...(subject ? { subject } : {}) },
  calendar,
});

/** Decides with the lifecycle table as the service does, then plans the change. */
function plan(record: CaseRecord, action: CaseAction, role: ActorRole, fields = {}, ctx = context(role)) {
  const decision = decide(snapshotOf(record, ctx.effectiveOn), action, role);
  if (!decision.ok) throw new Error(`${action} is not allowed: ${decision.allowedActions.join(', ')}`);
  return planChange(record, [filedEvent(record)], action, fields, decision.next, ctx);
}

const offer = (id: number, status: Offer['status'], amountFen = 10000): Offer => ({ id, by: 'merchant', amountFen, terms: `offer ${id}`, at: '2026-10-15T02:00:00.000Z', status });

describe('acceptance', () => {
  it('accepts into the routed step from today, with that step\'s deadline', () => {
    const { set, event } = plan(caseRecord({ routedStep: 'odr' }), 'accept', 'mediator');
    expect(set).toMatchObject({ status: 'accepted', step: 'odr', acceptedOn: '2026-10-20', deadline: { kind: 'odr', date: '2026-11-03' } });
    expect(event).toEqual({ at: '2026-10-20T02:00:00.000Z', actor: 'mediator', type: 'accept', status: 'accepted', step: 'odr' });
  });

  it('refuses with the reason code and its label, dropping the deadline', () => {
    const { set, event } = plan(caseRecord(), 'refuse', 'mediator', { reason: 'incomplete', text: '缺少购买凭证' });
    expect(set).toMatchObject({ status: 'not_accepted', deadline: null, refusalReason: 'incomplete' });
    expect(event).toMatchObject({ text: '缺少购买凭证', reason: { code: 'incomplete', text: { 'zh-CN': expect.any(String), en: expect.any(String) } } });
  });
});

describe('offers', () => {
  it('replaces an open offer with a new one', () => {
    const { set, event } = plan(acceptedCase('odr', '2026-10-12', { offers: [offer(1, 'rejected'), offer(2, 'open')] }), 'make_offer', 'merchant', { amountFen: 50000, terms: '退款 500 元' });
    expect(set.offers!.map((o) => [o.id, o.status])).toEqual([
      [1, 'rejected'],
      [2, 'superseded'],
      [3, 'open'],
    ]);
    expect(set.offers![2]).toMatchObject({ by: 'merchant', amountFen: 50000, terms: '退款 500 元' });
    expect(event).toMatchObject({ amountFen: 50000, text: '退款 500 元' });
    expect(set).not.toHaveProperty('status');
  });

  it('settles the case when the consumer accepts the open offer', () => {
    const { set } = plan(acceptedCase('mediation', '2026-10-12', { offers: [offer(1, 'open', 88800)] }), 'accept_offer', 'consumer');
    expect(set).toMatchObject({ status: 'resolved', deadline: null, agreement: { source: 'offer', recoveredFen: 88800, terms: 'offer 1' } });
    expect(set.offers!.map((o) => o.status)).toEqual(['accepted']);
  });

  it('lets an unanswered offer lapse when the case ends otherwise', () => {
    const { set } = plan(acceptedCase('mediation', '2026-10-12', { offers: [offer(1, 'open')] }), 'withdraw', 'consumer');
    expect(set.offers!.map((o) => o.status)).toEqual(['lapsed']);
  });
});

describe('timeouts and outcomes', () => {
  it('moves ODR to mediation with the ODR days added back', () => {
    const { set, event } = plan(acceptedCase('odr', '2026-09-24'), 'odr_timeout', 'system', {}, context('system', '2026-10-16'));
    expect(set).toMatchObject({ step: 'mediation', deadline: { kind: 'mediation', date: '2026-12-17' } });
    expect(event.reason).toMatchObject({ code: 'odr_timeout', text: { en: expect.stringContaining('10 working days') } });
  });

  it('tells the consumer the next routes when mediation runs out', () => {
    const { set, event } = plan(acceptedCase('mediation'), 'mediation_timeout', 'system');
    expect(set).toMatchObject({ status: 'unresolved', deadline: null });
    expect(event.reason!.text!.en).toMatch(/arbitration.*court.*consumer association/);
  });

  it('records the outcome and the closing date, and opens the rating window', () => {
    const { set } = plan(acceptedCase('mediation', '2026-10-12', { status: 'resolved' }), 'close', 'system');
    expect(set).toMatchObject({ status: 'closed', outcome: 'resolved', closedOn: '2026-10-20', deadline: { kind: 'rating', date: '2026-11-19' } });
  });

  it('records the rating once the case is closed, and drops the rating deadline', () => {
    const closed = acceptedCase('mediation', '2026-10-12', { status: 'closed', closedOn: '2026-10-18', deadline: { kind: 'rating', date: '2026-11-17' } });
    const { set, event } = plan(closed, 'rate', 'consumer', { rating: 4, comment: '满意' });
    expect(set).toEqual({ rating: { rating: 4, comment: '满意', at: '2026-10-20T02:00:00.000Z' }, deadline: null });
    expect(event).toMatchObject({ type: 'rate', text: '满意', status: 'closed' });
  });
});

describe('claims and the fund', () => {
  it('records who took the case by their token subject', () => {
    expect(plan(acceptedCase('mediation'), 'claim', 'mediator', {}, context('mediator', '2026-10-20', 'sub-123')).set).toEqual({ claimedBy: 'sub-123' });
  });

  it('approves, pays and recovers an advance payout', () => {
    const approved = plan(acceptedCase('advance_payout'), 'approve_payout', 'fund', { amountFen: 129900 }).set;
    // Approval is the fund's decision: the 10-working-day decision deadline is met.
    expect(approved).toEqual({ payout: { state: 'approved', approvedFen: 129900 }, deadline: null });
    const paid = plan(acceptedCase('advance_payout', '2026-10-12', approved), 'record_payment', 'fund', { amountFen: 129900, reference: 'ICBC-1' }).set;
    expect(paid).toMatchObject({ status: 'resolved', payout: { state: 'paid', approvedFen: 129900, paidFen: 129900, paymentReference: 'ICBC-1' }, agreement: { source: 'advance_payout', recoveredFen: 129900 } });
    // The merchant repays within 15 working days of the payment (SPEC section 9).
    const paidOn = (paid.payout as { paidOn: string }).paidOn;
    expect((paid.payout as { repayBy: string }).repayBy).toBe(addWorkingDays(paidOn, 15, calendar));
    const twice = acceptedCase('advance_payout', '2026-10-12', { status: 'closed', payout: { state: 'paid', paidFen: 129900, recoveredFromMerchantFen: 50000 } });
    expect(plan(twice, 'record_recovery', 'admin', { amountFen: 30000 }).set.payout).toMatchObject({ recoveredFromMerchantFen: 80000 });
  });
});
