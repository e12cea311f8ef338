/** What every job gets: the clock it runs by and how long it may take before it stops and reports `more`. */
export interface JobRunContext {
  now: Date;
  budgetMs: number;
}

export type JobRunner = (context: JobRunContext) => Promise<object>;
