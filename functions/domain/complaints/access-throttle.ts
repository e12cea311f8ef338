/**
 * Wrong access codes are throttled per case: after `maxFailures` wrong tries
 * within `windowSeconds`, every try (right or wrong) is refused until the
 * window ends, so guessing a code online is hopeless.
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
