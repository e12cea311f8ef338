/**
 * A closed-loop load generator: `concurrency` workers each run `operation`
 * back to back until `durationMs` has passed. Prints nothing itself.
 */
export interface LoadResult {
  concurrency: number;
  operations: number;
  failures: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runLoad(concurrency: number, durationMs: number, operation: (worker: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const ok = await operation(worker).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) failures++;
      }
    }),
  );
  return result(concurrency, started, latencies, failures);
}

function result(concurrency: number, started: number, latencies: number[], failures: number): LoadResult {
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    operations: latencies.length,
    failures,
    seconds,
    perSecond: (latencies.length - failures) / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

/**
 * An open-loop load generator: starts `operation` `ratePerSecond` times a
 * second, on schedule, whether or not earlier ones have answered (at most
 * `maxInFlight` at once), until `durationMs` has passed — a steady stream of
 * filers, as the public would file. `concurrency` in the result is the most
 * that were in flight at once.
 */
export async function runSteady(ratePerSecond: number, durationMs: number, operation: (serial: number) => Promise<boolean>, maxInFlight = 256): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const running: Promise<void>[] = [];
  const started = performance.now();
  const total = Math.floor((ratePerSecond * durationMs) / 1000);
  for (let serial = 0; serial < total; serial++) {
    const due = started + (serial * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight >= maxInFlight) {
      failures++; // the service fell so far behind that the bench gives up on this one
      continue;
    }
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    const t0 = performance.now();
    running.push(
      operation(serial)
        .catch(() => false)
        .then((ok) => {
          latencies.push(performance.now() - t0);
          if (!ok) failures++;
          inFlight--;
        }),
    );
  }
  await Promise.all(running);
  return result(mostInFlight, started, latencies, failures);
}
