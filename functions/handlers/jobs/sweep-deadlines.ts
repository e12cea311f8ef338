import { scheduledJobHandler } from './scheduled-job';

/** Every 15 minutes: cases whose deadline has passed take their timeout (`functions/services/jobs/sweep-deadlines.ts`). */
export const handler = scheduledJobHandler('sweep-deadlines');
