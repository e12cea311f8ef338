/**
 * What every job gets: the clock it runs by, how long it may work before it
 * stops and reports `more`, and when its invocation is ended for certain
 * (Lambda's timeout), which a job's lease must not outlast.
 */
export interface JobRunContext {
  now: Date;
  budgetMs: number;
  /** Time until the invocation is ended; a little more than `budgetMs`. */
  hardStopMs?: number;
}

export type JobRunner = (context: JobRunContext) => Promise<object>;
