import { accessThrottlePolicy, secondsUntilUnblocked, throttleSubject } from '../../../functions/domain/complaints/access-throttle';

describe('the access-code throttle', () => {
  it('holds a client from its fifth wrong code until 15 minutes after its first', () => {
    expect(accessThrottlePolicy).toEqual({ maxFailures: 5, windowSeconds: 900 });
    expect(secondsUntilUnblocked({ failures: 4, windowStart: 1000 }, 1100)).toBe(0);
    expect(secondsUntilUnblocked({ failures: 5, windowStart: 1000 }, 1100)).toBe(800);
    expect(secondsUntilUnblocked({ failures: 9, windowStart: 1000 }, 1900)).toBe(0);
    expect(secondsUntilUnblocked(undefined, 1100)).toBe(0);
  });

  it('counts a client by its IPv4 address, an IPv6 client by its /64, and keeps only a hash of either', () => {
    expect(throttleSubject('203.0.113.7')).not.toBe(throttleSubject('203.0.113.8'));
    expect(throttleSubject('203.0.113.7')).not.toContain('203');
    expect(throttleSubject('2001:db8:1:2::1')).toBe(throttleSubject('2001:0db8:0001:0002:ffff:ffff:ffff:fffe'));
    expect(throttleSubject('2001:db8:1:2::1')).not.toBe(throttleSubject('2001:db8:1:3::1'));
    expect(throttleSubject('::1')).toBe(throttleSubject('0:0:0:0:0:0:0:2'));
    expect(throttleSubject('')).toBe(throttleSubject('not an address'));
  });
});
