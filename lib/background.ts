import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  scheduledJobs as scheduledJobTable,
  streamConsumers as streamConsumerTable,
  type ScheduledJobDefinition,
  type StreamConsumerDefinition,
  type StreamRecordFilter,
} from '../functions/routes';
import { grantMessaging } from './messaging';
import { HandlerFunction, handlerConstructId } from './handler-function';

/** Lambda event filtering: records outside the filter never invoke (or bill) the consumer. */
function eventFilter(filter: StreamRecordFilter) {
  return FilterCriteria.filter({
    eventName: FilterRule.or(...filter.eventNames),
    dynamodb: { NewImage: { entity: { S: FilterRule.or(...[filter.entity].flat()) } } },
  });
}

export interface BackgroundProps {
  table: ITable;
  logLevel: string;
  retainData: boolean;
  /** Defaults to the real lists in `functions/routes.ts`; tests may pass others. */
  streamConsumers?: readonly StreamConsumerDefinition[];
  scheduledJobs?: readonly ScheduledJobDefinition[];
}

/**
 * A batch that still fails after its retries goes to the dead-letter queue
 * once it is this old. The table stream keeps records for 24 hours and the
 * dead-letter message holds only the shard and sequence numbers of the batch,
 * so this leaves most of a day to redrive it from the stream.
 */
export const maxStreamRecordAge = Duration.hours(6);

/**
 * The work nobody waits for: table stream consumers (the router) and
 * scheduled jobs (aggregation, deadline sweeps), from `functions/routes.ts`.
 */
export class Background extends Construct {
  readonly streamFunctions = new Map<string, HandlerFunction>();
  readonly deadLetterQueues = new Map<string, sqs.Queue>();
  readonly jobFunctions = new Map<string, HandlerFunction>();
  readonly schedules = new Map<string, events.Rule>();

  constructor(scope: Construct, id: string, props: BackgroundProps) {
    super(scope, id);
    for (const consumer of props.streamConsumers ?? streamConsumerTable) this.addStreamConsumer(consumer, props);
    for (const job of props.scheduledJobs ?? scheduledJobTable) this.addScheduledJob(job, props);
  }

  private handlerFunction(id: string, handler: string, kind: 'stream' | 'job', tableAccess: StreamConsumerDefinition['table'], props: BackgroundProps): HandlerFunction {
    return new HandlerFunction(this, id, { handler, kind, table: props.table, tableAccess, logLevel: props.logLevel, retainData: props.retainData });
  }

  private addStreamConsumer(consumer: StreamConsumerDefinition, props: BackgroundProps): void {
    const id = `${handlerConstructId(consumer.handler)}Consumer`;
    const fn = this.handlerFunction(id, consumer.handler, 'stream', consumer.table, props);

    const deadLetters = new sqs.Queue(this, `${id}DeadLetters`, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself the dead-letter queue of the ${consumer.handler} stream consumer's event source mapping; nothing reads it automatically, an operator redrives from it.`,
    });

    fn.fn.addEventSource(
      new DynamoEventSource(props.table, {
        // TRIM_HORIZON, not LATEST: a new or re-created mapping starts at the
        // oldest record still in the stream, so a change written while the
        // consumer was being deployed is routed rather than silently skipped.
        // Handlers are idempotent (version checks), so a replay is harmless.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: consumer.batchSize,
        retryAttempts: consumer.retryAttempts,
        // A poison record is isolated by halving the batch instead of blocking its shard.
        bisectBatchOnError: true,
        // The handler names the records that failed, so the ones that worked are not redone.
        reportBatchItemFailures: true,
        maxRecordAge: maxStreamRecordAge,
        onFailure: new SqsDlq(deadLetters),
        ...(consumer.filter ? { filters: [eventFilter(consumer.filter)] } : {}),
      }),
    );
    // The event source grants dynamodb:ListStreams on "*": that action has no
    // resource-level permissions. The stream's records are read only through
    // DescribeStream, GetRecords and GetShardIterator on this table's stream ARN.
    Validations.of(fn.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only dynamodb:ListStreams is granted on "*", because IAM offers no resource-level permission for it; it lists stream ARNs, ' +
        "not data. Record reads are limited to this table's stream ARN.",
    });

    if (consumer.sendsMessages) grantMessaging(fn);
    this.streamFunctions.set(consumer.handler, fn);
    this.deadLetterQueues.set(consumer.handler, deadLetters);
  }

  private addScheduledJob(job: ScheduledJobDefinition, props: BackgroundProps): void {
    const id = `${handlerConstructId(job.job)}Job`;
    const fn = this.handlerFunction(id, job.handler, 'job', job.table, props);
    // An EventBridge rule invokes through the function's resource policy, so
    // no role with invoke rights is needed. Each run picks up everything
    // changed since the last one, so a missed run is caught up by the next.
    const rule = new events.Rule(this, `${id}Schedule`, {
      description: `Redress job ${job.job}: every ${job.everyMinutes} minutes`,
      schedule: events.Schedule.rate(Duration.minutes(job.everyMinutes)),
    });
    rule.addTarget(new targets.LambdaFunction(fn.fn, { retryAttempts: 2, maxEventAge: Duration.minutes(job.everyMinutes) }));
    this.jobFunctions.set(job.job, fn);
    this.schedules.set(job.job, rule);
  }
}
