import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * Wrong access codes are throttled per client (SPEC section 4), never per
 * case: after `maxFailures` wrong codes within `windowSeconds`, the client
 * gets 429 for every case id — existing or not, right code or wrong — until
 * its window ends. A stranger guessing against a case therefore locks out
 * only themselves, and a 429 says nothing about whether a case exists. A
 * made-up case id counts like a wrong code, so probing ids is throttled too.
 */
export const accessThrottlePolicy = { maxFailures: 5, windowSeconds: 15 * 60 } as const;

export interface AccessFailures {
  failures: number;
  /** Epoch seconds when the first failure of the current window happened. */
  windowStart: number;
}

export function secondsUntilUnblocked(state: AccessFailures | undefined, nowEpochSeconds: number): number {
  if (!state || state.failures < accessThrottlePolicy.maxFailures) return 0;
  const windowEnd = state.windowStart + accessThrottlePolicy.windowSeconds;
  return Math.max(0, windowEnd - nowEpochSeconds);
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const part = (text: string) => (text === '' ? [] : text.split(':'));
  const missing = 8 - part(head).length - (tail === undefined ? 0 : part(tail).length);
  return [...part(head), ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...(tail === undefined ? [] : part(tail))];
}

/**
 * Who a wrong code is counted against: the client address (API Gateway's
 * `sourceIp`). An IPv6 client usually holds a whole /64, so it is counted by
 * its /64 — otherwise it could take a fresh address for every few guesses.
 * The address is personal data, so the store sees only a hash of it.
 */
export function throttleSubject(clientAddress: string): string {
  const address = clientAddress.trim().toLowerCase();
  let counted = address;
  if (isIPv6(address) && !address.includes('.')) counted = `${ipv6Groups(address).slice(0, 4).map((group) => group.padStart(4, '0')).join(':')}::/64`;
  else if (!isIPv4(address) && !isIPv6(address)) counted = 'unknown';
  return createHash('sha256').update(counted).digest('hex').slice(0, 32);
}
