import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { metricNames, metricsNamespace, metricsServiceName } from '../functions/observability/metrics';
import type { RedressApi } from './api';
import type { Background } from './background';
import type { HandlerFunction } from './handler-function';
import { removalPolicyFor } from './retention';

/** The thresholds of SPEC section 11's alarms (docs/operations.md says why each). */
export const alarmThresholds = {
  /** Any message in a dead-letter queue: a batch the router gave up on. */
  deadLetterMessages: 1,
  /** The oldest record a stream consumer has not yet handled, in milliseconds. */
  iteratorAgeMs: 60_000,
  /** 5xx answers of the HTTP API in five minutes: a few, not one, so a single lost race does not page anyone. */
  api5xxPerFiveMinutes: 5,
  /** Errors plus throttles of one function in five minutes. */
  functionFaultsPerFiveMinutes: 1,
  /** Default of `-c overdueCasesThreshold`: cases the deadline sweeper found overdue in one run. */
  overdueCases: 50,
} as const;

export interface MonitoringProps {
  api: RedressApi;
  background: Background;
  overdueCasesThreshold: number;
  retainData: boolean;
  /** Optional `-c alarmEmail=...`: subscribed to the topic (the address confirms by mail). */
  alarmEmail?: string;
}

/** A custom metric as the Powertools EMF lines publish it (`functions/observability/metrics.ts`). */
function redressMetric(metricName: string, statistic: string, period: Duration): cloudwatch.Metric {
  return new cloudwatch.Metric({ namespace: metricsNamespace, metricName, dimensionsMap: { service: metricsServiceName }, statistic, period });
}

/** Every series of a metric published under extra dimensions (routing outcome, action, job, channel). */
function searchOf(metricName: string, dimensions: string[], label: string): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: `SEARCH('{${metricsNamespace},${['service', ...dimensions].join(',')}} MetricName="${metricName}"', 'Sum', 300)`,
    label,
    period: Duration.minutes(5),
  });
}

/**
 * SPEC section 11: alarms to one SNS topic (dead letters, stream iterator
 * age, API 5xx, each function's errors and throttles, overdue cases) and a
 * dashboard that shows them with the service's own figures.
 */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: cloudwatch.Alarm[] = [];
  /** Function construct path -> its errors-and-throttles alarm. */
  readonly functionAlarms = new Map<HandlerFunction, cloudwatch.Alarm>();

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    // A key of our own: CloudWatch may publish to an encrypted topic only if the key's policy lets it, which AWS's managed SNS key does not.
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Redress alarm topic',
      enableKeyRotation: true,
      removalPolicy: removalPolicyFor(props.retainData),
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'AlarmTopic', { displayName: 'Redress alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const { api, background } = props;
    for (const [handler, queue] of background.deadLetterQueues) {
      this.alarm(`DeadLetters${handler.replace(/\W/g, '')}`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(1) }),
        threshold: alarmThresholds.deadLetterMessages,
        alarmDescription: `A batch of ${handler} is in its dead-letter queue: redrive it (docs/operations.md).`,
      });
    }
    for (const [handler, fn] of background.streamFunctions) {
      this.alarm(`IteratorAge${handler.replace(/\W/g, '')}`, {
        metric: fn.fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(1) }),
        threshold: alarmThresholds.iteratorAgeMs,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        alarmDescription: `${handler} is more than 60 s behind the table stream.`,
      });
    }
    this.alarm('Api5xx', {
      metric: api.stage.metricServerError({ statistic: 'Sum', period: Duration.minutes(5) }),
      threshold: alarmThresholds.api5xxPerFiveMinutes,
      alarmDescription: 'The HTTP API answered 5xx (503: the table did not answer in time; 500: a bug).',
    });
    const overdue = redressMetric(metricNames.overdueCases, 'Maximum', Duration.minutes(15));
    this.alarm('OverdueCases', {
      metric: overdue,
      threshold: props.overdueCasesThreshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      alarmDescription: `The deadline sweeper found more than ${props.overdueCasesThreshold} overdue cases in one run.`,
    });

    const allFunctions = [...api.functions.values(), ...background.streamFunctions.values(), ...background.jobFunctions.values()];
    for (const fn of allFunctions) {
      const faults = new cloudwatch.MathExpression({
        expression: 'errors + throttles',
        usingMetrics: { errors: fn.fn.metricErrors({ period: Duration.minutes(5) }), throttles: fn.fn.metricThrottles({ period: Duration.minutes(5) }) },
        label: 'errors + throttles',
        period: Duration.minutes(5),
      });
      this.functionAlarms.set(fn, this.alarm(`Faults${fn.node.id}`, {
        metric: faults,
        threshold: alarmThresholds.functionFaultsPerFiveMinutes,
        alarmDescription: `Lambda ${fn.node.path}: errors or throttles.`,
      }));
    }

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(6) });
    this.dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }));
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Complaints filed', left: [redressMetric(metricNames.complaintsFiled, 'Sum', Duration.minutes(5))] }),
      new cloudwatch.GraphWidget({ title: 'Cases routed, by outcome', left: [searchOf(metricNames.casesRouted, ['outcome', 'detail'], '')] }),
      new cloudwatch.GraphWidget({ title: 'Actions', left: [searchOf(metricNames.caseActions, ['action', 'actor'], '')] }),
      new cloudwatch.GraphWidget({
        title: 'Notifications sent and failed',
        left: [searchOf(metricNames.notificationsSent, ['channel'], 'sent'), searchOf(metricNames.notificationsFailed, ['channel'], 'failed')],
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Job runs (and runs that stopped with work left)',
        left: [searchOf(metricNames.jobRuns, ['job'], 'runs'), searchOf(metricNames.jobRunsWithMore, ['job'], 'more')],
      }),
      new cloudwatch.GraphWidget({
        title: 'Overdue cases found by the sweeper',
        left: [overdue],
        leftAnnotations: [{ value: props.overdueCasesThreshold, label: 'alarm' }],
      }),
      new cloudwatch.GraphWidget({
        title: 'Stream iterator age (ms)',
        left: [...background.streamFunctions.values()].map((fn) => fn.fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(1) })),
        leftAnnotations: [{ value: alarmThresholds.iteratorAgeMs, label: '60 s' }],
      }),
      new cloudwatch.GraphWidget({
        title: 'Dead-letter messages',
        left: [...background.deadLetterQueues.values()].map((queue) => queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(1) })),
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API requests, 4xx and 5xx',
        left: [api.stage.metricCount({ statistic: 'Sum' }), api.stage.metricClientError({ statistic: 'Sum' }), api.stage.metricServerError({ statistic: 'Sum' })],
      }),
      new cloudwatch.GraphWidget({ title: 'API latency p99 (ms)', left: [api.stage.metricLatency({ statistic: 'p99' })] }),
      new cloudwatch.GraphWidget({
        title: 'Lambda errors + throttles, by function',
        // One graph may not reuse an id, so each function's sum gets its own.
        left: allFunctions.map(
          (fn, i) =>
            new cloudwatch.MathExpression({
              expression: `e${i} + t${i}`,
              usingMetrics: { [`e${i}`]: fn.fn.metricErrors({ period: Duration.minutes(5) }), [`t${i}`]: fn.fn.metricThrottles({ period: Duration.minutes(5) }) },
              label: fn.node.id,
              period: Duration.minutes(5),
            }),
        ),
        width: 12,
      }),
    );
  }

  private alarm(id: string, props: Omit<cloudwatch.AlarmProps, 'evaluationPeriods'> & { evaluationPeriods?: number }): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data is no trouble: an idle queue, an idle API, a sweeper that found nothing.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...props,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}
