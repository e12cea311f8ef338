/**
 * The one route table. The CDK HTTP API (`lib/api.ts`) and the local server
 * (`bin/local/http-server.ts`) are both generated from it, so a route exists
 * in both places or in neither.
 *
 * `handler` names a module under `functions/handlers/` (without `.ts`) that
 * exports `handler`; every distinct module becomes one Lambda function.
 * `table` is the least privilege that function needs on the table.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type TableAccess = 'none' | 'read' | 'readWrite';

export interface RouteDefinition {
  method: HttpMethod;
  /** API Gateway path syntax: `/v1/complaints/{caseId}`. */
  path: string;
  handler: string;
  /** `jwt`: the HTTP API's JWT authorizer must accept a bearer token first. */
  auth: 'none' | 'jwt';
  table: TableAccess;
  /** The function sends SMS or e-mail: CDK grants it SNS and SES (`lib/messaging.ts`). */
  sendsMessages?: true;
  /** The local stack only (development aids): CDK does not deploy the route. */
  localOnly?: true;
}

export const routes: readonly RouteDefinition[] = [
  { method: 'GET', path: '/v1/health', handler: 'health', auth: 'none', table: 'read' },
  { method: 'GET', path: '/v1/codes', handler: 'codes', auth: 'none', table: 'none' },
  { method: 'GET', path: '/v1/openapi.json', handler: 'openapi', auth: 'none', table: 'none' },
  { method: 'POST', path: '/v1/complaints', handler: 'complaints/file-complaint', auth: 'none', table: 'readWrite' },
  { method: 'POST', path: '/v1/verifications', handler: 'verifications', auth: 'none', table: 'readWrite', sendsMessages: true },
  { method: 'GET', path: '/v1/complaints/{caseId}', handler: 'complaints/get-complaint', auth: 'none', table: 'readWrite' },
  { method: 'POST', path: '/v1/complaints/{caseId}/actions', handler: 'complaints/complaint-actions', auth: 'none', table: 'readWrite' },
  { method: 'GET', path: '/v1/cases', handler: 'cases/list-cases', auth: 'jwt', table: 'read' },
  { method: 'GET', path: '/v1/cases/{caseId}', handler: 'cases/get-case', auth: 'jwt', table: 'read' },
  { method: 'GET', path: '/v1/cases/{caseId}/compensation', handler: 'cases/case-compensation', auth: 'jwt', table: 'read' },
  { method: 'POST', path: '/v1/cases/{caseId}/actions', handler: 'cases/case-actions', auth: 'jwt', table: 'readWrite' },
  { method: 'GET', path: '/v1/admin/outbox', handler: 'admin/outbox', auth: 'jwt', table: 'none', localOnly: true },
  { method: 'POST', path: '/v1/admin/jobs/{job}', handler: 'admin/run-job', auth: 'jwt', table: 'readWrite' },
  { method: 'PUT', path: '/v1/merchants/{creditCode}', handler: 'merchants/put-merchant', auth: 'jwt', table: 'readWrite' },
  { method: 'GET', path: '/v1/safety-reports', handler: 'safety-reports', auth: 'jwt', table: 'read' },
  { method: 'GET', path: '/v1/collective-candidates', handler: 'collective-candidates', auth: 'jwt', table: 'read' },
  { method: 'GET', path: '/v1/stats', handler: 'stats/get-stats', auth: 'none', table: 'read' },
  { method: 'GET', path: '/v1/stats.csv', handler: 'stats/get-stats-csv', auth: 'none', table: 'read' },
  { method: 'GET', path: '/v1/merchants/{creditCode}/record', handler: 'merchant-record', auth: 'none', table: 'read' },
  { method: 'GET', path: '/v1/disclosures', handler: 'disclosures', auth: 'none', table: 'read' },
  // Guarantee funds (SPEC section 9, docs/funds.md).
  { method: 'GET', path: '/v1/funds', handler: 'funds/list-funds', auth: 'jwt', table: 'read' },
  { method: 'PUT', path: '/v1/funds/{fundId}', handler: 'funds/put-fund', auth: 'jwt', table: 'readWrite' },
  { method: 'GET', path: '/v1/funds/{fundId}', handler: 'funds/get-fund', auth: 'jwt', table: 'read' },
  { method: 'POST', path: '/v1/funds/{fundId}/deposits', handler: 'funds/deposit', auth: 'jwt', table: 'readWrite' },
  { method: 'GET', path: '/v1/funds/{fundId}/ledger', handler: 'funds/get-ledger', auth: 'jwt', table: 'read' },
  { method: 'GET', path: '/v1/funds/{fundId}/ledger.csv', handler: 'funds/get-ledger-csv', auth: 'jwt', table: 'read' },
  { method: 'GET', path: '/v1/funds/{fundId}/payouts', handler: 'funds/list-payouts', auth: 'jwt', table: 'read' },
  { method: 'GET', path: '/v1/funds/{fundId}/overdue-recoveries', handler: 'funds/overdue-recoveries', auth: 'jwt', table: 'read' },
];

/** Background handlers: DynamoDB stream consumers and scheduled jobs. */
export interface StreamConsumerDefinition {
  handler: string;
  table: TableAccess;
  batchSize: number;
  /** Lambda's event source mapping: retries before the record is dead-lettered. */
  retryAttempts: number;
  /**
   * Only these records reach the handler (Lambda event filtering in AWS, the
   * same test in the local poller), so the consumer is not invoked — and not
   * billed — for writes it would skip.
   */
  filter?: StreamRecordFilter;
  /** The consumer sends SMS or e-mail: CDK grants it SNS and SES (`lib/messaging.ts`). */
  sendsMessages?: true;
}

export interface StreamRecordFilter {
  eventNames: readonly ('INSERT' | 'MODIFY' | 'REMOVE')[];
  /** The `entity` attribute of the new image (one of these). */
  entity: string | readonly string[];
}

/** The local poller's side of the filter; the CDK side is `lib/background.ts`. */
export function recordPassesFilter(filter: StreamRecordFilter | undefined, record: { eventName?: string; dynamodb?: { NewImage?: Record<string, { S?: string }> } }): boolean {
  if (!filter) return true;
  return (filter.eventNames as readonly string[]).includes(record.eventName ?? '') && [filter.entity].flat().includes(record.dynamodb?.NewImage?.entity?.S ?? '');
}

export interface ScheduledJobDefinition {
  /** Name used by `POST /v1/admin/jobs/{job}`. */
  job: string;
  handler: string;
  table: TableAccess;
  everyMinutes: number;
}

export const streamConsumers: readonly StreamConsumerDefinition[] = [
  // The follow-ups of each filing's routing, and the routing of a case stored unrouted (only case inserts pass the
  // filter). Batches of up to 100 let a backlog drain quickly; the partial batch response keeps a retry to what failed.
  { handler: 'stream/router', table: 'readWrite', batchSize: 100, retryAttempts: 3, filter: { eventNames: ['INSERT'], entity: 'case' } },
  // Notifies consumers and merchants of each change of a case, each message once (functions/services/notifications/);
  // cases side by side within a batch of up to 100, each case's changes in order.
  { handler: 'stream/notify', table: 'readWrite', batchSize: 100, retryAttempts: 5, filter: { eventNames: ['INSERT', 'MODIFY'], entity: 'case' }, sendsMessages: true },
];

export const scheduledJobs: readonly ScheduledJobDefinition[] = [
  // Cases whose acceptance, ODR or mediation deadline has passed take their timeout.
  { job: 'sweep-deadlines', handler: 'jobs/sweep-deadlines', table: 'readWrite', everyMinutes: 15 },
  // Publishes due disclosures and brings the statistics up to date from the change feed.
  { job: 'aggregate', handler: 'jobs/aggregate', table: 'readWrite', everyMinutes: 15 },
  // Daily: sealed intake answers after their 24-hour retry window, consumers' personal data 3 years after closing (SPEC section 5).
  { job: 'erase-personal-data', handler: 'jobs/erase-personal-data', table: 'readWrite', everyMinutes: 24 * 60 },
];

/** Every handler module the route table and the background tables name, once. */
export function handlerModules(): string[] {
  return [...new Set([...routes.map((r) => r.handler), ...streamConsumers.map((s) => s.handler), ...scheduledJobs.map((j) => j.handler)])];
}

/** The handler modules a deployed stack has: all but those of local-only routes (the outbox). */
export function deployedHandlerModules(): string[] {
  const localOnly = new Set(routes.filter((r) => r.localOnly).map((r) => r.handler));
  return handlerModules().filter((handler) => !localOnly.has(handler));
}
