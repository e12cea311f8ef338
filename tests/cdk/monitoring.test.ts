import { alarmThresholds } from '../../lib/monitoring';
import { deployedHandlerModules, scheduledJobs, streamConsumers } from '../../functions/routes';
import { logicalIdOf, synthRedress, type SynthesisedRedress } from './support/synth-redress';

let synthesised: SynthesisedRedress;
let topicId: string;

beforeAll(async () => {
  synthesised = await synthRedress({ context: { overdueCasesThreshold: '80' } });
  topicId = logicalIdOf(synthesised.stack, synthesised.stack.monitoring.topic);
});

type Resource = { Type: string; Properties?: Record<string, any> };
const alarms = () => Object.entries(synthesised.resources as Record<string, Resource>).filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm');
const alarmsOn = (metricName: string) => alarms().filter(([, r]) => r.Properties!.MetricName === metricName);

test('every alarm tells the one SNS topic, when it fires and when it clears', () => {
  expect(alarms().length).toBeGreaterThan(0);
  for (const [, alarm] of alarms()) {
    expect(alarm.Properties!.AlarmActions).toEqual([{ Ref: topicId }]);
    expect(alarm.Properties!.OKActions).toEqual([{ Ref: topicId }]);
  }
});

test('the topic is encrypted with a rotated key CloudWatch may use', () => {
  const topic = synthesised.resources[topicId] as Resource;
  const keyId = topic.Properties!.KmsMasterKeyId['Fn::GetAtt'][0];
  const key = synthesised.resources[keyId] as Resource;
  expect(key.Properties!.EnableKeyRotation).toBe(true);
  const statements = key.Properties!.KeyPolicy.Statement as { Principal: { Service?: string }; Action: string[] }[];
  expect(statements.find((s) => s.Principal.Service === 'cloudwatch.amazonaws.com')?.Action).toEqual(expect.arrayContaining(['kms:GenerateDataKey*', 'kms:Decrypt']));
});

test.each(streamConsumers)('a message in the dead-letter queue of $handler raises an alarm', (consumer) => {
  const queueId = logicalIdOf(synthesised.stack, synthesised.stack.background.deadLetterQueues.get(consumer.handler)!);
  const [alarm] = alarmsOn('ApproximateNumberOfMessagesVisible').filter(([, r]) => JSON.stringify(r.Properties!.Dimensions).includes(queueId));
  expect(alarm?.[1].Properties).toMatchObject({
    Namespace: 'AWS/SQS',
    Statistic: 'Maximum',
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    EvaluationPeriods: 1,
  });
});

test.each(streamConsumers)('$handler falling more than 60 s behind the stream raises an alarm', (consumer) => {
  const fnId = logicalIdOf(synthesised.stack, synthesised.stack.background.streamFunctions.get(consumer.handler)!.fn);
  const [alarm] = alarmsOn('IteratorAge').filter(([, r]) => JSON.stringify(r.Properties!.Dimensions).includes(fnId));
  expect(alarm?.[1].Properties).toMatchObject({ Namespace: 'AWS/Lambda', Statistic: 'Maximum', Threshold: 60_000, ComparisonOperator: 'GreaterThanThreshold' });
});

test('API 5xx answers raise an alarm', () => {
  const [alarm] = alarmsOn('5xx');
  expect(alarm?.[1].Properties).toMatchObject({ Namespace: 'AWS/ApiGateway', Statistic: 'Sum', Period: 300, Threshold: alarmThresholds.api5xxPerFiveMinutes });
  expect(JSON.stringify(alarm?.[1].Properties!.Dimensions)).toContain(logicalIdOf(synthesised.stack, synthesised.stack.api.httpApi));
});

test('overdue cases above the threshold from context raise an alarm on the sweeper\'s own metric', () => {
  const [alarm] = alarmsOn('OverdueCases');
  expect(alarm?.[1].Properties).toMatchObject({
    Namespace: 'Redress',
    Dimensions: [{ Name: 'service', Value: 'redress' }],
    Statistic: 'Maximum',
    Threshold: 80,
    ComparisonOperator: 'GreaterThanThreshold',
  });
});

test('without context the overdue threshold is the default', async () => {
  const plain = await synthRedress();
  const overdue = Object.values(plain.resources as Record<string, Resource>).find((r) => r.Type === 'AWS::CloudWatch::Alarm' && r.Properties!.MetricName === 'OverdueCases');
  expect(overdue?.Properties!.Threshold).toBe(alarmThresholds.overdueCases);
});

test("every function's errors and throttles are covered by an alarm", () => {
  const stack = synthesised.stack;
  const functions = [...stack.api.functions.values(), ...stack.background.streamFunctions.values(), ...stack.background.jobFunctions.values()];
  // Every handler module of the route table, the stream consumers and the jobs is one of them.
  const jobHandlers = scheduledJobs.map((job) => job.handler);
  expect(new Set([...stack.api.functions.keys(), ...stack.background.streamFunctions.keys(), ...jobHandlers])).toEqual(new Set(deployedHandlerModules()));
  const lambdaIds = Object.entries(synthesised.resources as Record<string, Resource>).filter(([, r]) => r.Type === 'AWS::Lambda::Function').map(([id]) => id);
  const ours = functions.map((fn) => logicalIdOf(stack, fn.fn));
  // Functions CDK adds for itself (log retention, bucket deployment) are not the service's.
  for (const id of lambdaIds.filter((id) => ours.includes(id))) {
    const covering = alarms().filter(([, alarm]) => {
      const metrics = (alarm.Properties!.Metrics ?? []) as { MetricStat?: { Metric: { MetricName: string; Dimensions: unknown } } }[];
      const names = metrics.filter((m) => JSON.stringify(m.MetricStat?.Metric.Dimensions ?? '').includes(id)).map((m) => m.MetricStat!.Metric.MetricName);
      return names.includes('Errors') && names.includes('Throttles');
    });
    expect({ id, alarms: covering.length }).toEqual({ id, alarms: 1 });
    expect(covering[0]![1].Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', Metrics: expect.arrayContaining([expect.objectContaining({ Expression: 'errors + throttles' })]) });
  }
  expect(ours.length).toBe(functions.length);
});

test('a dashboard shows the alarms and the service metrics', () => {
  synthesised.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  const [dashboard] = Object.values(synthesised.resources as Record<string, Resource>).filter((r) => r.Type === 'AWS::CloudWatch::Dashboard');
  const body = JSON.stringify(dashboard!.Properties!.DashboardBody);
  for (const name of ['ComplaintsFiled', 'CasesRouted', 'CaseActions', 'JobRuns', 'OverdueCases', 'NotificationsSent', 'NotificationsFailed', 'IteratorAge', 'ApproximateNumberOfMessagesVisible', '5xx']) {
    expect(body).toContain(name);
  }
  // The alarm status widget lists every alarm.
  for (const [alarmId] of alarms()) expect(body).toContain(`"${alarmId}"`);
});
