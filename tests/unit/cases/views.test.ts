import { acceptedOnOf, snapshotOf } from '../../../functions/domain/cases/snapshot';
import { staffCaseSummary, staffCaseView } from '../../../functions/domain/cases/staff-view';
import { consumerView } from '../../../functions/domain/complaints/case';
import { acceptedCase, caseRecord, filedEvent } from './records';

const note = { seq: 3, at: '2026-10-13T02:00:00.000Z', actor: 'mediator' as const, type: 'note', status: 'accepted' as const, step: 'mediation' as const, text: '内部记录' };

describe('staff views', () => {
  const record = acceptedCase('mediation', '2026-10-12', { claimedBy: 'sub-1' });
  const timeline = [filedEvent(record), note];

  it('gives a merchant the consumer\'s name and masked phone only, without internal notes or who holds the case', () => {
    const view = staffCaseView(record, timeline, { viewer: { role: 'merchant', merchant: '91350100M000100Y43' }, allowedActions: ['respond'] });
    expect(view.consumer).toEqual({ name: '张三', phone: '138****8000' });
    expect(view.timeline.map((e) => e.type)).toEqual(['filed']);
    expect(view).not.toHaveProperty('claimedBy');
    expect(JSON.stringify(view)).not.toMatch(/zhangsan|花园路|accessCode|salt/);
  });

  it('gives a mediator the contact data, the notes, and whether they hold the case', () => {
    const view = staffCaseView(record, timeline, { viewer: { role: 'mediator', org: '410100' }, subject: 'sub-1', allowedActions: [] });
    expect(view.consumer).toMatchObject({ phone: '13800138000', email: 'zhangsan@example.cn' });
    expect(view.timeline.map((e) => e.type)).toEqual(['filed', 'note']);
    expect(view).toMatchObject({ claimedBy: 'sub-1', claimedByCaller: true, version: 2, associationId: '410100' });
    expect(JSON.stringify(view)).not.toMatch(/accessCode|salt/);
  });

  it('summarises a case for a list without any consumer data', () => {
    const summary = staffCaseSummary(record, { role: 'admin' });
    expect(JSON.stringify(summary)).not.toMatch(/张三|13800138000|zhangsan|花园路/);
    expect(summary).toMatchObject({ caseId: record.caseId, status: 'accepted', step: 'mediation', claimedBy: 'sub-1' });
  });

  it('hides notes from the consumer too', () => {
    expect(consumerView(record, timeline).timeline.map((e) => e.type)).toEqual(['filed']);
  });
});

describe('snapshots', () => {
  it('takes the acceptance date from the record, else from the timeline', () => {
    const record = acceptedCase('odr', '2026-10-12');
    expect(acceptedOnOf(record, [])).toBe('2026-10-12');
    const older = { ...record, acceptedOn: undefined };
    expect(acceptedOnOf(older, [filedEvent(older), { seq: 2, at: '2026-10-13T17:00:00.000Z', actor: 'system', type: 'route_accept', status: 'accepted', step: 'odr' }])).toBe('2026-10-14');
    expect(acceptedOnOf(caseRecord(), [])).toBeUndefined();
  });

  it('opens rating for 30 days after closing, once', () => {
    const closed = acceptedCase('mediation', '2026-10-12', { status: 'closed', closedOn: '2026-10-20' });
    expect(snapshotOf(closed, '2026-11-19').ratingOpen).toBe(true);
    expect(snapshotOf(closed, '2026-11-20').ratingOpen).toBe(false);
    expect(snapshotOf({ ...closed, rating: { rating: 5, at: '2026-10-21T00:00:00Z' } }, '2026-10-21').ratingOpen).toBe(false);
  });

  it('knows an open offer when there is one', () => {
    const offered = acceptedCase('odr', '2026-10-12', { offers: [{ id: 1, by: 'merchant', amountFen: 1, terms: 't', at: 'x', status: 'open' }] });
    expect(snapshotOf(offered, '2026-10-20')).toMatchObject({ status: 'accepted', step: 'odr', hasOpenOffer: true, routedStep: 'odr' });
  });
});
