import { canRate, decide, type ActorRole, type CaseAction, type CaseSnapshot } from '../../../functions/domain/lifecycle';

/** Plays a sequence of actions, applying each decision and the facts the handler would record. */
function play(start: CaseSnapshot, steps: Array<[ActorRole, CaseAction, Partial<CaseSnapshot>?]>): CaseSnapshot {
  return steps.reduce<CaseSnapshot>((current, [role, action, recorded]) => {
    const decision = decide(current, action, role);
    if (!decision.ok) throw new Error(`${role} ${action} refused in ${current.status}/${current.step ?? '-'}; allowed: ${decision.allowedActions.join(', ')}`);
    return { ...current, ...decision.next, ...recorded } as CaseSnapshot;
  }, start);
}

const filed: CaseSnapshot = { status: 'received', hasOpenOffer: false };

describe('case journeys', () => {
  test('an air conditioner complaint against an ODR merchant: the merchant declines, mediation settles it, the consumer rates', () => {
    const end = play({ ...filed, routedStep: 'odr' }, [
      ['system', 'route_accept'],
      ['merchant', 'respond'],
      ['merchant', 'decline'],
      ['mediator', 'claim', { claimedBy: 'mediator-1' }],
      ['mediator', 'propose_offer', { hasOpenOffer: true }],
      ['consumer', 'accept_offer', { hasOpenOffer: false }],
      ['system', 'close', { ratingOpen: true }],
      ['consumer', 'rate', { ratingOpen: false }],
    ]);
    expect(end).toMatchObject({ status: 'closed', step: 'mediation' });
  });

  test('an advance payout: approved, paid, then recovered from the merchant after closing', () => {
    const end = play({ ...filed, routedStep: 'advance_payout' }, [
      ['system', 'route_accept'],
      ['fund', 'approve_payout', { payout: 'approved' }],
      ['fund', 'record_payment', { payout: 'paid' }],
      ['system', 'close'],
      ['admin', 'record_recovery'],
    ]);
    expect(end).toMatchObject({ status: 'closed', step: 'advance_payout' });
  });

  test('a disclosure-only complaint: the merchant objects, the regulator publishes anyway', () => {
    const end = play({ ...filed, routedStep: 'disclosure' }, [
      ['system', 'route_accept', { disclosure: 'candidate', objectionWindowOpen: true }],
      ['merchant', 'object_disclosure', { disclosure: 'objected' }],
      ['regulator', 'publish_disclosure', { disclosure: 'published' }],
    ]);
    expect(end).toMatchObject({ status: 'closed', step: 'disclosure' });
    expect(decide(end, 'object_disclosure', 'merchant')).toMatchObject({ ok: false });
  });

  test('ODR runs out, mediation runs out: the case ends unresolved and can no longer be withdrawn', () => {
    const end = play({ ...filed, routedStep: 'odr' }, [
      ['system', 'route_accept'],
      ['system', 'odr_timeout'],
      ['system', 'mediation_timeout'],
    ]);
    expect(end).toMatchObject({ status: 'unresolved', step: 'mediation' });
    expect(decide(end, 'withdraw', 'consumer')).toEqual({ ok: false, allowedActions: ['mute_sms'] });
  });

  test('a paid payout cannot be rejected any more', () => {
    const paid: CaseSnapshot = { status: 'accepted', step: 'advance_payout', hasOpenOffer: false, payout: 'paid' };
    expect(decide(paid, 'reject_payout', 'fund')).toEqual({ ok: false, allowedActions: [], failedGuard: 'payoutUnpaid' });
  });
});

describe('canRate: once, within 30 days of closing', () => {
  test.each([
    ['on the closing day', '2026-03-02', '2026-03-02', false, true],
    ['on day 30', '2026-03-02', '2026-04-01', false, true],
    ['on day 31', '2026-03-02', '2026-04-02', false, false],
    ['across the new year, day 30', '2026-12-15', '2027-01-14', false, true],
    ['across the new year, day 31', '2026-12-15', '2027-01-15', false, false],
    ['over a leap February, day 30', '2028-02-10', '2028-03-11', false, true],
    ['before the case closed', '2026-03-02', '2026-03-01', false, false],
    ['a second time', '2026-03-02', '2026-03-05', true, false],
  ])('%s', (_label, closedOn, today, alreadyRated, expected) => {
    expect(canRate(closedOn, today, alreadyRated)).toBe(expected);
  });
});
