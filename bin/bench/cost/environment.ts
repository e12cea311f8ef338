/**
 * Imported first by `bin/bench-cost.ts`, before any handler module reads
 * its environment: handlers log as on AWS (JSON lines at INFO, the CDK
 * app's default level) and publish their EMF metrics lines, so the bench
 * can count the bytes CloudWatch Logs would ingest.
 */
Object.assign(process.env, {
  REDRESS_ENV: 'local',
  REDRESS_LOG_FORMAT: 'json',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  POWERTOOLS_METRICS_DISABLED: 'false',
  POWERTOOLS_SERVICE_NAME: 'redress',
  AWS_REGION: 'local',
});
