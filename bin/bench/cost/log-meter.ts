/**
 * CloudWatch Logs bills ingestion by the bytes of each event plus 26 bytes
 * of metadata per event. Lambda adds its own START, END and REPORT lines to
 * every invocation (about 260 bytes together, an estimate from their fixed
 * format), and the HTTP API stage writes one access-log line per request
 * (`lib/api.ts`'s JSON format).
 */
export const cloudWatchEventOverheadBytes = 26;
export const lambdaPlatformLineBytes = 70 + 50 + 140;
export const lambdaPlatformLines = 3;

/** One access-log line as `lib/api.ts` formats it, for a request of `path` answered with `status` and `responseLength` bytes. */
export function accessLogBytes(method: string, path: string, status: number, responseLength: number): number {
  const line = JSON.stringify({
    requestId: 'Xa1bCdEfIAMEVrA=',
    requestTime: '29/Nov/2026:11:31:28 +0000',
    routeKey: `${method} ${path}`,
    path,
    status: String(status),
    responseLength: String(responseLength),
    responseLatency: '35',
    integrationLatency: '33',
    integrationError: '-',
    authorizerError: '-',
  });
  return Buffer.byteLength(line) + cloudWatchEventOverheadBytes;
}

/**
 * Counts, and keeps off the terminal, the JSON lines the handlers write to
 * stdout and stderr (Powertools log entries and EMF metrics), as Lambda
 * would send them to CloudWatch Logs. Anything else is printed as usual.
 */
export function meterLogs() {
  let reading = { events: 0, bytes: 0 };
  const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const intercept = (original: typeof process.stdout.write) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (text.startsWith('{')) {
        const lines = text.split('\n').filter((line) => line.length > 0);
        reading.events += lines.length;
        reading.bytes += lines.reduce((sum, line) => sum + Buffer.byteLength(line) + cloudWatchEventOverheadBytes, 0);
        return true;
      }
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = intercept(originals.out);
  process.stderr.write = intercept(originals.err);
  return {
    read: () => ({ ...reading }),
    reset: () => {
      reading = { events: 0, bytes: 0 };
    },
    stop: () => {
      process.stdout.write = originals.out;
      process.stderr.write = originals.err;
    },
  };
}
