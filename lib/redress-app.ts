import { App, Tags, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IntakeFirewallStack, intakeFirewallStackName } from './intake-firewall';
import { RedressStack, type RedressStackProps } from './redress-stack';

/**
 * Feature flags this app relies on, as defaults under whatever `cdk.json` or
 * `-c` sets. Server access logs are delivered under a bucket policy for the
 * S3 logging service instead of the legacy LogDeliveryWrite ACL.
 */
export const featureFlags: Record<string, unknown> = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
};

export const stackName = 'RedressStack';
const logLevels = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;

export interface RedressAppOptions {
  webAssetDir: string;
  /** Extra context, e.g. `retainData` or `aws:cdk:bundling-stacks`; `cdk -c` context wins over it. */
  context?: Record<string, unknown>;
  outdir?: string;
  /** Test seams: route and background tables other than the real ones. */
  tables?: Pick<RedressStackProps, 'routes' | 'streamConsumers' | 'scheduledJobs'>;
}

/** `-c retainData=false` arrives as the string "false". */
function booleanContext(app: App, key: string, fallback: boolean): boolean {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined) return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`Context ${key} must be true or false, not ${JSON.stringify(value)}`);
}

/** `-c overdueCasesThreshold=80` arrives as a string; absent: the stack's default. */
function numberContext(app: App, key: string): number | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`Context ${key} must be a non-negative number, not ${JSON.stringify(value)}`);
  return number;
}

function logLevelContext(app: App): string {
  const value: unknown = app.node.tryGetContext('logLevel') ?? 'INFO';
  const level = String(value).toUpperCase();
  if (!(logLevels as readonly string[]).includes(level)) throw new Error(`Context logLevel must be one of ${logLevels.join(', ')}`);
  return level;
}

/**
 * The CDK app with its one stack, tags and the cdk-nag AwsSolutions checks.
 * `bin/app.ts` and the CDK tests both build the app here, so the tests check
 * what `cdk synth` produces.
 */
export function createRedressApp(options: RedressAppOptions): { app: App; stack: RedressStack } {
  const appProps: AppProps = { context: { ...featureFlags, ...options.context }, outdir: options.outdir };
  const app = new App(appProps);
  const retainData = booleanContext(app, 'retainData', true);

  // Env-agnostic: one template for any account and region (`cdk deploy` picks them from the profile).
  const stack = new RedressStack(app, stackName, {
    description: 'Redress (维权通): consumer complaint intake, routing, statistics and disclosure',
    webAssetDir: options.webAssetDir,
    retainData,
    logLevel: logLevelContext(app),
    overdueCasesThreshold: numberContext(app, 'overdueCasesThreshold'),
    alarmEmail: app.node.tryGetContext('alarmEmail') as string | undefined,
    ...options.tables,
  });

  // The intake firewall (WAF for CloudFront) lives in us-east-1: its own stack, deployed first (lib/intake-firewall.ts).
  if (booleanContext(app, 'intakeFirewall', false)) {
    const perMinute = app.node.tryGetContext('intakeRequestsPerMinute') as string | number | undefined;
    new IntakeFirewallStack(app, intakeFirewallStackName, {
      description: 'Redress: per-client intake rate limit (WAF for CloudFront, us-east-1)',
      env: { account: process.env.CDK_DEFAULT_ACCOUNT },
      ...(perMinute !== undefined ? { requestsPerMinute: Number(perMinute) } : {}),
    });
  }

  Tags.of(app).add('Project', 'Redress');
  Tags.of(app).add('ManagedBy', 'aws-cdk');
  Tags.of(app).add('DataRetention', retainData ? 'retained' : 'disposable');

  // cdk-nag 3 runs as a policy-validation plugin: `cdk synth` fails on any
  // finding that is not acknowledged (with its reason) where it arises.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}
