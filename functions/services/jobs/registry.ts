import type { JobRunner } from './job';
import { aggregateJob, rebuildStatisticsJob } from '../statistics/jobs';
import { erasePersonalData } from './erase-personal-data';
import { sweepDeadlines } from './sweep-deadlines';
import { recordOverdueCases } from '../../observability/metrics';

/**
 * Every job `POST /v1/admin/jobs/{job}` and the schedules can run, by the
 * name `scheduledJobs` in `functions/routes.ts` gives it. Adding a job is a
 * line here (and its schedule entry there).
 */
export const jobs: Readonly<Record<string, JobRunner>> = {
  'sweep-deadlines': async (context) => {
    const report = await sweepDeadlines(context);
    recordOverdueCases(report.examined);
    return report;
  },
  aggregate: aggregateJob,
  'erase-personal-data': erasePersonalData,
  // On demand only (no schedule): recomputes every figure from the cases.
  'aggregate-rebuild': rebuildStatisticsJob,
};

export function jobNamed(name: string): JobRunner | undefined {
  return Object.hasOwn(jobs, name) ? jobs[name] : undefined;
}
