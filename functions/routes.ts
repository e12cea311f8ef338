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
}

export const routes: readonly RouteDefinition[] = [
  { method: 'GET', path: '/v1/health', handler: 'health', auth: 'none', table: 'read' },
  { method: 'GET', path: '/v1/codes', handler: 'codes', auth: 'none', table: 'none' },
  { method: 'GET', path: '/v1/openapi.json', handler: 'openapi', auth: 'none', table: 'none' },
  { method: 'POST', path: '/v1/complaints', handler: 'complaints/file-complaint', auth: 'none', table: 'readWrite' },
  { method: 'GET', path: '/v1/complaints/{caseId}', handler: 'complaints/get-complaint', auth: 'none', table: 'readWrite' },
];

/** Background handlers: DynamoDB stream consumers and scheduled jobs. */
export interface StreamConsumerDefinition {
  handler: string;
  table: TableAccess;
  batchSize: number;
  /** Lambda's event source mapping: retries before the record is dead-lettered. */
  retryAttempts: number;
}

export interface ScheduledJobDefinition {
  /** Name used by `POST /v1/admin/jobs/{job}`. */
  job: string;
  handler: string;
  table: TableAccess;
  everyMinutes: number;
}

export const streamConsumers: readonly StreamConsumerDefinition[] = [];

export const scheduledJobs: readonly ScheduledJobDefinition[] = [];

/** Every handler module the route table and the background tables name, once. */
export function handlerModules(): string[] {
  return [...new Set([...routes.map((r) => r.handler), ...streamConsumers.map((s) => s.handler), ...scheduledJobs.map((j) => j.handler)])];
}
