/**
 * The local stand-in for the WAF rate-based rule in front of the deployed
 * API (SPEC section 10): at most `perMinute` filings (`POST /v1/complaints`)
 * per client address in any 60-second window. Off unless `INTAKE_RATE_LIMIT`
 * is set, since load tests and the demo file from one address.
 */
export interface IntakeRateLimiter {
  /** 0 when the filing may go ahead, else the seconds until it may. */
  retryAfterSeconds(address: string, nowMs: number): number;
}

export function intakeRateLimitFrom(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`INTAKE_RATE_LIMIT=${raw} is not a positive whole number of filings per minute.`);
  return limit;
}

export function intakeRateLimiter(perMinute: number, windowMs = 60_000): IntakeRateLimiter {
  const recent = new Map<string, number[]>();
  return {
    retryAfterSeconds(address, nowMs) {
      const times = (recent.get(address) ?? []).filter((t) => t > nowMs - windowMs);
      if (times.length >= perMinute) {
        recent.set(address, times);
        return Math.max(1, Math.ceil((times[0]! + windowMs - nowMs) / 1000));
      }
      times.push(nowMs);
      recent.set(address, times);
      return 0;
    },
  };
}
