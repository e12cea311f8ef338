import { AsyncLocalStorage } from 'node:async_hooks';
import { routes, scheduledJobs, streamConsumers } from '../../../functions/routes';
import { functionProfiles, type FunctionKind } from '../../../lib/handler-function';
import type { LambdaHandler } from '../../local/handler-loader';
import { gigabyteSeconds } from './arithmetic';

/** The kind the CDK app gives each handler module (`lib/api.ts`, `lib/background.ts`), and so its memory. */
function kindOf(handlerModule: string): FunctionKind {
  if (streamConsumers.some((s) => s.handler === handlerModule)) return 'stream';
  if (scheduledJobs.some((j) => j.handler === handlerModule)) return 'job';
  // lib/api.ts: the function serving `/v1/admin/jobs/...` gets the synchronous job profile.
  if (routes.some((r) => r.handler === handlerModule && r.path.startsWith('/v1/admin/jobs'))) return 'apiJob';
  return 'api';
}

export const memoryMbOf = (handlerModule: string): number => functionProfiles[kindOf(handlerModule)].memorySize;

/**
 * Time the bench's own meters spend inside an invocation (their extra
 * reads), which Lambda would not bill. An invocation may make several calls
 * at once, so overlapping meter reads count once (the union of their spans).
 */
interface MeterTime {
  ms: number;
  active: number;
  since: number;
}
const meterTime = new AsyncLocalStorage<MeterTime>();

/** Starts a span of meter work in the current invocation; call the answer when it ends. */
export function excludeFromDuration(): () => void {
  const spent = meterTime.getStore();
  if (!spent) return () => undefined;
  if (spent.active++ === 0) spent.since = performance.now();
  return () => {
    if (--spent.active === 0) spent.ms += performance.now() - spent.since;
  };
}

export interface LambdaUsage {
  invocations: number;
  durationsMs: number[];
}

/**
 * Counts invocations of handler modules and how long each took, by wrapping
 * the handlers the local server and the stream poller call (as Lambda bills
 * an invocation: from the call to its answer). `as` bills a handler as
 * another function: a job run through the admin route is billed as the
 * scheduled job's own function, which is what runs it on AWS.
 */
export function meterLambdas() {
  let usage = new Map<string, LambdaUsage>();
  let inFlight = 0;
  let lastFinished = 0;
  const record = (name: string, ms: number) => {
    const entry = usage.get(name) ?? { invocations: 0, durationsMs: [] };
    entry.invocations += 1;
    entry.durationsMs.push(ms);
    usage.set(name, entry);
  };
  return {
    /** `name`: the function billed, or how to tell it from the event. */
    wrap(name: string | ((event: unknown) => string), handler: LambdaHandler): LambdaHandler {
      return async (event, context) => {
        const started = performance.now();
        const excluded: MeterTime = { ms: 0, active: 0, since: 0 };
        inFlight += 1;
        try {
          return await meterTime.run(excluded, () => handler(event, context));
        } finally {
          inFlight -= 1;
          lastFinished = Date.now();
          record(typeof name === 'string' ? name : name(event), performance.now() - started - excluded.ms);
        }
      };
    },
    /** No invocation running, and none finished within `quietMs`: the stream consumers have caught up. */
    idleFor(quietMs: number): boolean {
      return inFlight === 0 && Date.now() - lastFinished >= quietMs;
    },
    read(): Map<string, LambdaUsage> {
      return new Map([...usage].map(([name, u]) => [name, { invocations: u.invocations, durationsMs: [...u.durationsMs] }]));
    },
    reset() {
      usage = new Map();
    },
  };
}

export function totals(usage: Map<string, LambdaUsage>): { invocations: number; gbSeconds: number } {
  let invocations = 0;
  let gbSeconds = 0;
  for (const [name, u] of usage) {
    invocations += u.invocations;
    gbSeconds += gigabyteSeconds(u.durationsMs, memoryMbOf(name));
  }
  return { invocations, gbSeconds };
}
