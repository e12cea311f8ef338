import { scheduledJobHandler } from './scheduled-job';

/** Daily: sealed intake answers after 24 hours, consumers' personal data 3 years after closing (`functions/services/jobs/erase-personal-data.ts`). */
export const handler = scheduledJobHandler('erase-personal-data');
