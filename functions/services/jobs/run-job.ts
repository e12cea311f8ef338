import { chinaDate, daysBetween } from '../../domain/calendar/dates';
import { BadRequestError, NotFoundError } from '../../domain/errors';
import { logger } from '../../shared/logger';
import { countJobRun } from '../../observability/metrics';
import { jobNamed } from './registry';

const millisecondsPerDay = 86_400_000;

/**
 * The clock a job runs by. `asOf` moves it forward by whole days, so a demo
 * or a test sees deadlines pass: allowed on the local stack only, and never
 * backwards (a sweep as of yesterday would undo nothing and mislead).
 */
export function jobClock(now: Date, asOf: string | undefined): Date {
  if (asOf === undefined) return now;
  if (process.env.REDRESS_ENV !== 'local') throw new BadRequestError('as_of_not_allowed', '`asOf` is for the local stack only; a deployed job runs as of today.');
  const days = daysBetween(chinaDate(now), asOf);
  if (days < 0) throw new BadRequestError('as_of_in_the_past', '`asOf` must be today or a later day.');
  return new Date(now.getTime() + days * millisecondsPerDay);
}

export interface JobResult {
  job: string;
  /** The real instant it ran, and the China date it ran as of. */
  ranAt: string;
  asOf: string;
  tookMs: number;
}

/** Runs a job to the end of its budget and says what it did. Unknown job: 404. */
export async function runJob(name: string, options: { asOf?: string; budgetMs: number; hardStopMs?: number; now?: Date }): Promise<JobResult & object> {
  const runner = jobNamed(name);
  if (!runner) throw new NotFoundError(`There is no job named '${name}'.`);
  const realNow = options.now ?? new Date();
  const now = jobClock(realNow, options.asOf);
  const started = Date.now();
  const result = await runner({ now, budgetMs: options.budgetMs, ...(options.hardStopMs ? { hardStopMs: options.hardStopMs } : {}) });
  const answer = { job: name, ranAt: realNow.toISOString(), asOf: chinaDate(now), tookMs: Date.now() - started, ...result };
  countJobRun(name, answer);
  logger.info('job ran', { job: name, asOf: answer.asOf, tookMs: answer.tookMs });
  return answer;
}
