import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { CaseRouting } from '../domain/complaints/case';
import { logger } from '../shared/logger';

/**
 * The one owner of Redress's CloudWatch metrics (SPEC section 11), written
 * as Embedded Metric Format lines that CloudWatch turns into metrics; the
 * handlers flush them through middy's `logMetrics` (`metricsMiddleware`).
 * The CDK alarms and dashboard (`lib/monitoring.ts`) read the names below.
 *
 * On the local stack and in tests (`REDRESS_ENV=local`) they are not
 * printed unless `POWERTOOLS_METRICS_DISABLED=false`.
 */
export const metricsNamespace = 'Redress';
export const metricsServiceName = 'redress';

export const metricNames = {
  /** Complaints accepted at intake (201, not an idempotent replay). */
  complaintsFiled: 'ComplaintsFiled',
  /** Cases routed, by `outcome` (accepted / refused / held) and `detail` (the step, refusal or review reason). */
  casesRouted: 'CasesRouted',
  /** Lifecycle actions applied, by `action` and `actor` (staff, consumer, system). */
  caseActions: 'CaseActions',
  /** Job runs by `job`; `JobRunsWithMore` counts the runs that stopped at their budget with work left. */
  jobRuns: 'JobRuns',
  jobRunsWithMore: 'JobRunsWithMore',
  jobDuration: 'JobDuration',
  /** Cases the deadline sweeper found past a deadline in one run: the alarm's input. */
  overdueCases: 'OverdueCases',
  /** Notifications by `channel`: the notification sender calls `countNotification`. */
  notificationsSent: 'NotificationsSent',
  notificationsFailed: 'NotificationsFailed',
} as const;

/** Powertools warns on every invocation that publishes nothing (a GET, a batch of skipped records): that is normal here. */
const quietEmptyFlushes = {
  debug: (...args: unknown[]) => logger.debug(String(args[0])),
  info: (...args: unknown[]) => logger.info(String(args[0])),
  warn: (...args: unknown[]) => (String(args[0]).startsWith('No application metrics to publish') ? undefined : logger.warn(String(args[0]))),
  error: (...args: unknown[]) => logger.error(String(args[0])),
};

// Nobody reads EMF on the local stack or in tests: off there, unless POWERTOOLS_METRICS_DISABLED=false asks for it.
if (process.env.REDRESS_ENV === 'local') process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

export const metrics = new Metrics({ namespace: metricsNamespace, serviceName: metricsServiceName, logger: quietEmptyFlushes });

/** A count under extra dimensions: a single-metric line of its own, so concurrent records never mix their dimensions. */
function countWith(name: string, dimensions: Record<string, string>, value = 1, unit: (typeof MetricUnit)[keyof typeof MetricUnit] = MetricUnit.Count): void {
  const single = metrics.singleMetric();
  for (const [key, dimensionValue] of Object.entries(dimensions)) single.addDimension(key, dimensionValue);
  single.addMetric(name, unit, value);
}

export function countComplaintFiled(): void {
  metrics.addMetric(metricNames.complaintsFiled, MetricUnit.Count, 1);
}

/** accepted -> the step it went to; refused -> why; review -> held for a mediator, and why. */
export function routingOutcomeDimensions(routing: Pick<CaseRouting, 'outcome' | 'step' | 'refusalReason' | 'reviewReason'>): { outcome: string; detail: string } {
  if (routing.outcome === 'accepted') return { outcome: 'accepted', detail: routing.step ?? 'none' };
  if (routing.outcome === 'not_accepted') return { outcome: 'refused', detail: routing.refusalReason ?? 'none' };
  return { outcome: 'held', detail: routing.reviewReason ?? 'none' };
}

export function countCaseRouted(routing: Pick<CaseRouting, 'outcome' | 'step' | 'refusalReason' | 'reviewReason'>): void {
  countWith(metricNames.casesRouted, routingOutcomeDimensions(routing));
}

export function countCaseAction(action: string, actor: string): void {
  countWith(metricNames.caseActions, { action, actor });
}

export function countJobRun(job: string, run: { more?: unknown; tookMs: number }): void {
  countWith(metricNames.jobRuns, { job });
  if (run.more === true) countWith(metricNames.jobRunsWithMore, { job });
  countWith(metricNames.jobDuration, { job }, run.tookMs, MetricUnit.Milliseconds);
}

/** Published by every deadline sweep, zero included, so the alarm sees a value each run. */
export function recordOverdueCases(count: number): void {
  metrics.addMetric(metricNames.overdueCases, MetricUnit.Count, count);
}

/** The hook for the notification sender: one call per message handed to (or refused by) the provider. */
export function countNotification(channel: string, outcome: 'sent' | 'failed'): void {
  countWith(outcome === 'sent' ? metricNames.notificationsSent : metricNames.notificationsFailed, { channel });
}

/** The middy middleware every handler uses: flushes what the invocation counted, also when it failed. */
export function publishMetrics() {
  return logMetrics(metrics);
}
