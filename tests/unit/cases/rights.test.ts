import { actingRole, allowedActionsFor, canSeeCase, regulatorReach, type StaffIdentity } from '../../../functions/domain/cases/rights';
import { snapshotOf } from '../../../functions/domain/cases/snapshot';
import { acceptedCase, caseRecord } from './records';

/** The fixture complaint: merchant in 中原区 (410102, 郑州), consumer in 金水区 (410105, 郑州). */
const accepted = acceptedCase('mediation');
const received = caseRecord();

describe('who sees a case', () => {
  test.each<[string, StaffIdentity, boolean, boolean]>([
    ['the association of the merchant\'s prefecture', { role: 'mediator', org: '410100' }, true, true],
    ['another association', { role: 'mediator', org: '410700' }, false, false],
    ['the provincial association (not its queue)', { role: 'mediator', org: '410000' }, false, false],
    ['the merchant named, once the case is accepted', { role: 'merchant', merchant: '91350100M000100Y43' }, true, false],
    ['another merchant', { role: 'merchant', merchant: '91410100MA00000000' }, false, false],
    ['the prefecture regulator', { role: 'regulator', region: '410100' }, true, true],
    ['the provincial regulator', { role: 'regulator', region: '410000' }, true, true],
    ['the county bureau of the merchant', { role: 'regulator', region: '410102' }, true, true],
    ['the county bureau of the consumer', { role: 'regulator', region: '410105' }, false, false],
    ['a regulator of an unknown region', { role: 'regulator', region: '990000' }, false, false],
    ['an admin', { role: 'admin' }, true, true],
  ])('%s: accepted %s, received %s', (_who, identity, seesAccepted, seesReceived) => {
    expect(canSeeCase(identity, accepted)).toBe(seesAccepted);
    expect(canSeeCase(identity, received)).toBe(seesReceived);
  });

  it('follows the association the router recorded, over the complaint\'s own regions', () => {
    const moved = acceptedCase('mediation', '2026-10-12', { associationId: '410700' });
    expect(canSeeCase({ role: 'mediator', org: '410700' }, moved)).toBe(true);
    expect(canSeeCase({ role: 'mediator', org: '410100' }, moved)).toBe(false);
  });

  it('reads a regulator\'s reach from its region code', () => {
    expect(regulatorReach('410000')).toEqual({ kind: 'province' });
    expect(regulatorReach('419001')).toEqual({ kind: 'prefecture', prefecture: '419001' });
    expect(regulatorReach('410105')).toEqual({ kind: 'county', prefecture: '410100', county: '410105' });
    expect(regulatorReach('123456')).toEqual({ kind: 'none' });
  });
});

describe('the role an action is taken in', () => {
  const payout = acceptedCase('advance_payout');
  const mediator: StaffIdentity = { role: 'mediator', org: '410100' };

  it('makes the association\'s mediators the fund for the fund\'s actions on an advance payout', () => {
    expect(actingRole(mediator, payout, 'approve_payout')).toBe('fund');
    expect(actingRole(mediator, payout, 'note')).toBe('mediator');
    expect(actingRole(mediator, accepted, 'approve_payout')).toBe('mediator');
    expect(actingRole({ role: 'admin' }, payout, 'approve_payout')).toBe('admin');
  });

  it('lists a mediator\'s own and the fund\'s actions together', () => {
    expect(allowedActionsFor(mediator, payout, snapshotOf(payout, '2026-10-20'))).toEqual(['note', 'flag_collective', 'approve_payout', 'reject_payout']);
    expect(allowedActionsFor(mediator, accepted, snapshotOf(accepted, '2026-10-20'))).toEqual(['claim', 'note', 'propose_offer', 'record_agreement', 'end_unresolved', 'flag_collective']);
    expect(allowedActionsFor({ role: 'merchant', merchant: 'x' }, payout, snapshotOf(payout, '2026-10-20'))).toEqual(['respond']);
  });
});
