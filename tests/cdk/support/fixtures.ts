import type { ScheduledJobDefinition, StreamConsumerDefinition } from '../../../functions/routes';

/**
 * Background tables as the service will have them (a router on the stream,
 * aggregation and deadline sweeps on schedules). The real lists are still
 * empty, so these point at handler modules that exist today: the tests check
 * the wiring, not what the handlers do.
 */
export const fixtureStreamConsumers: StreamConsumerDefinition[] = [{ handler: 'health', table: 'readWrite', batchSize: 25, retryAttempts: 4 }];

export const fixtureScheduledJobs: ScheduledJobDefinition[] = [
  { job: 'aggregate', handler: 'codes', table: 'readWrite', everyMinutes: 15 },
  { job: 'sweep-deadlines', handler: 'openapi', table: 'read', everyMinutes: 60 },
];
