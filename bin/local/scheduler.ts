import { randomUUID } from 'node:crypto';
import { scheduledJobs, type ScheduledJobDefinition } from '../../functions/routes';
import { loadHandler, type LambdaHandler } from './handler-loader';
import { lambdaContext } from './lambda-context';

/** A job run on a timer, as an EventBridge schedule runs its Lambda. */
export interface ScheduledJob {
  /** e.g. `aggregate`; also names the Lambda context. */
  name: string;
  everyMinutes: number;
  handler: LambdaHandler;
}

export function jobsFromRoutes(definitions: readonly ScheduledJobDefinition[] = scheduledJobs): ScheduledJob[] {
  return definitions.map((definition) => ({
    name: definition.job,
    everyMinutes: definition.everyMinutes,
    handler: async (event, context) => (await loadHandler(definition.handler))(event, context),
  }));
}

/** The event EventBridge Scheduler's rate schedule hands a Lambda (a "Scheduled Event"). */
export function scheduledEvent(job: string, at: Date) {
  const region = process.env.AWS_REGION ?? 'local';
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:events:${region}:000000000000:rule/redress-local-${job}`],
    detail: {},
  };
}

export interface SchedulerOptions {
  /** Default: the route table's `scheduledJobs`. */
  jobs?: readonly ScheduledJob[];
  /** Per-run time limit (default 5 minutes, the job functions' Lambda timeout in `lib/handler-function.ts`). */
  timeoutMs?: number;
  /** Also run every job once at start (the local stack does; EventBridge does not). */
  runAtStart?: boolean;
  log?: (line: string) => void;
}

export interface RunningScheduler {
  /** Stops the timers and waits for runs in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs each job every `everyMinutes` (the first run one interval after the
 * start, as a new rate schedule does; `runAtStart` also runs each job once
 * right away, so a freshly started local stack shows current statistics and
 * swept deadlines instead of waiting 15 minutes). A run that is still going when the
 * next is due makes that one skip, so one job never overlaps itself; a
 * failed run is logged and the schedule goes on.
 */
export function startScheduler(options: SchedulerOptions = {}): RunningScheduler {
  const jobs = options.jobs ?? jobsFromRoutes();
  const log = options.log ?? ((line: string) => console.log(line));
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const inProgress = new Map<string, Promise<void>>();

  async function run(job: ScheduledJob): Promise<void> {
    const started = Date.now();
    try {
      await job.handler(scheduledEvent(job.name, new Date()), lambdaContext(`job-${job.name}`, timeoutMs));
      log(`[schedule] ${job.name} ran in ${Date.now() - started}ms`);
    } catch (error) {
      log(`[schedule] ${job.name} failed after ${Date.now() - started}ms: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function tick(job: ScheduledJob): void {
    if (inProgress.has(job.name)) {
      log(`[schedule] ${job.name} is still running; skipping this run`);
      return;
    }
    const running = run(job).finally(() => inProgress.delete(job.name));
    inProgress.set(job.name, running);
  }

  const timers = jobs.map((job) => setInterval(() => tick(job), job.everyMinutes * 60_000));
  if (options.runAtStart) for (const job of jobs) tick(job);

  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...inProgress.values()]);
    },
  };
}
