import { someoneStandsBehind } from '../../../functions/domain/disclosure';

describe('someone stands behind a complaint (SPEC section 5)', () => {
  it('when the phone was verified, or a mediator accepted or claimed the case; not otherwise', () => {
    expect(someoneStandsBehind({})).toBe(false);
    expect(someoneStandsBehind({ phoneVerified: false })).toBe(false);
    expect(someoneStandsBehind({ phoneVerified: true })).toBe(true);
    expect(someoneStandsBehind({ mediatorAccepted: true })).toBe(true);
    expect(someoneStandsBehind({ claimedBy: 'mediator-1' })).toBe(true);
  });
});
