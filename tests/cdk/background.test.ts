import { Match } from 'aws-cdk-lib/assertions';
import { maxStreamRecordAge } from '../../lib/background';
import { functionProfiles, handlerConstructId } from '../../lib/handler-function';
import { scheduledJobs, streamConsumers } from '../../functions/routes';
import { actionsOf, expectTableAccess, statementsOf } from './support/iam';
import { logicalIdOf, synthRedress, type SynthesisedRedress } from './support/synth-redress';

let synthesised: SynthesisedRedress;
let tableId: string;

beforeAll(async () => {
  synthesised = await synthRedress();
  tableId = logicalIdOf(synthesised.stack, synthesised.stack.data.table);
});

const fnProps = (fn: { fn: { node: { defaultChild?: unknown } } }) =>
  synthesised.resources[logicalIdOf(synthesised.stack, fn.fn)]!.Properties as Record<string, unknown>;

describe('stream consumers', () => {
  test.each(streamConsumers)('$handler reads the table stream with retries, bisection, item failures and a DLQ', (consumer) => {
    const fn = synthesised.stack.background.streamFunctions.get(consumer.handler)!;
    const queue = synthesised.stack.background.deadLetterQueues.get(consumer.handler)!;
    const queueId = logicalIdOf(synthesised.stack, queue);
    synthesised.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf(synthesised.stack, fn.fn) },
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: consumer.batchSize,
      MaximumRetryAttempts: consumer.retryAttempts,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRecordAgeInSeconds: maxStreamRecordAge.toSeconds(),
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
  });

  test.each(streamConsumers)("$handler's dead-letter queue is encrypted, TLS-only and keeps messages 14 days", (consumer) => {
    const queueId = logicalIdOf(synthesised.stack, synthesised.stack.background.deadLetterQueues.get(consumer.handler)!);
    expect(synthesised.resources[queueId]!.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    synthesised.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Principal: { AWS: '*' } }),
        ]),
      },
    });
  });

  test.each(streamConsumers)('$handler may read the stream, send to its DLQ, and use the table as its entry says', (consumer) => {
    const fn = synthesised.stack.background.streamFunctions.get(consumer.handler)!;
    const statements = statementsOf(synthesised, fn);
    const streamStatement = statements.find((s) => JSON.stringify(s.Resource) === JSON.stringify({ 'Fn::GetAtt': [tableId, 'StreamArn'] }));
    expect(actionsOf(streamStatement!)).toEqual(expect.arrayContaining(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']));
    const queueArn = { 'Fn::GetAtt': [logicalIdOf(synthesised.stack, synthesised.stack.background.deadLetterQueues.get(consumer.handler)!), 'Arn'] };
    expect(statements.some((s) => actionsOf(s).includes('sqs:SendMessage') && JSON.stringify(s.Resource) === JSON.stringify(queueArn))).toBe(true);
    expectTableAccess(synthesised, fn, consumer.table);
  });

  test.each(streamConsumers)('$handler is a Node.js 22 arm64 function sized for stream batches', (consumer) => {
    const props = fnProps(synthesised.stack.background.streamFunctions.get(consumer.handler)!);
    expect(props).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: functionProfiles.stream.timeout.toSeconds(),
      MemorySize: functionProfiles.stream.memorySize,
    });
    expect((props.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({ REDRESS_ENV: 'aws', TABLE_NAME: { Ref: tableId } });
  });
});

/** `rate(15 minutes)` -> 15, `rate(1 hour)` -> 60 (CDK writes whole hours and days in their own unit). */
function minutesOfRate(expression: string): number {
  const match = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (!match) throw new Error(`not a rate expression: ${expression}`);
  return Number(match[1]) * { minute: 1, hour: 60, day: 1440 }[match[2] as 'minute' | 'hour' | 'day'];
}

describe('scheduled jobs', () => {
  test.each(scheduledJobs)('$job runs every $everyMinutes minutes on an EventBridge schedule', (job) => {
    const fn = synthesised.stack.background.jobFunctions.get(job.job)!;
    const fnId = logicalIdOf(synthesised.stack, fn.fn);
    const ruleId = logicalIdOf(synthesised.stack, synthesised.stack.background.schedules.get(job.job)!);
    const rule = synthesised.resources[ruleId]!.Properties!;
    expect(minutesOfRate(rule.ScheduleExpression as string)).toBe(job.everyMinutes);
    expect(rule).toMatchObject({
      State: 'ENABLED',
      Targets: [expect.objectContaining({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] }, RetryPolicy: expect.objectContaining({ MaximumRetryAttempts: 2 }) })],
    });
    // EventBridge invokes through the function's resource policy, for this rule only.
    synthesised.template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
  });

  test.each(scheduledJobs)("$job's function uses the table as its entry says, with the job profile", (job) => {
    const fn = synthesised.stack.background.jobFunctions.get(job.job)!;
    expectTableAccess(synthesised, fn, job.table);
    expect(fnProps(fn)).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: functionProfiles.job.timeout.toSeconds(),
      MemorySize: functionProfiles.job.memorySize,
    });
  });

  test('each job has exactly one schedule and each consumer exactly one event source mapping', () => {
    synthesised.template.resourceCountIs('AWS::Events::Rule', scheduledJobs.length);
    synthesised.template.resourceCountIs('AWS::Lambda::EventSourceMapping', streamConsumers.length);
  });
});

describe('stream event filtering', () => {
  test.each(streamConsumers.filter((c) => c.filter))('$handler is invoked only for the records its filter names', (consumer) => {
    synthesised.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: Match.stringLikeRegexp(handlerConstructId(consumer.handler)) },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: [...consumer.filter!.eventNames],
              dynamodb: { NewImage: { entity: { S: [consumer.filter!.entity] } } },
            }),
          },
        ],
      },
    });
  });
});
