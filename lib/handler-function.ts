import * as fs from 'node:fs';
import * as path from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { TableAccess } from '../functions/routes';
import { grantTableAccess } from './data';
import { acknowledgeIndexWildcard } from './nag';
import { logRetention, removalPolicyFor } from './retention';

/** The repository root: where package-lock.json and `functions/` live. */
export const projectRoot = path.resolve(__dirname, '..');
export const handlersDir = path.join(projectRoot, 'functions', 'handlers');

/** `complaints/file-complaint` -> `<root>/functions/handlers/complaints/file-complaint.ts`. */
export function handlerEntry(handler: string): string {
  return path.join(handlersDir, `${handler}.ts`);
}

/** `complaints/file-complaint` -> `ComplaintsFileComplaint`: a stable construct id per handler module. */
export function handlerConstructId(handler: string): string {
  return handler
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/**
 * What a function does decides its size. Memory also buys CPU in Lambda, so
 * the user-facing kinds get enough to keep cold starts short.
 */
export const functionProfiles = {
  /** Behind the HTTP API: a person is waiting. */
  api: { memorySize: 1024, timeout: Duration.seconds(10) },
  /** `POST /v1/admin/jobs/{job}` runs a job while the caller waits; the HTTP API gives up after 30 s. */
  apiJob: { memorySize: 1024, timeout: Duration.seconds(29) },
  /** Table stream consumers: small batches, retried by the event source mapping. */
  stream: { memorySize: 512, timeout: Duration.seconds(60) },
  /** Scheduled jobs: incremental passes over what changed since the last run. */
  job: { memorySize: 1024, timeout: Duration.minutes(5) },
} as const;
export type FunctionKind = keyof typeof functionProfiles;

export interface HandlerFunctionProps {
  /** Module under `functions/handlers/`, without `.ts`; it must export `handler`. */
  handler: string;
  kind: FunctionKind;
  table: ITable;
  tableAccess: TableAccess;
  /** Powertools log level: `DEBUG`, `INFO`, `WARN` or `ERROR`. */
  logLevel: string;
  /** Log groups follow the stack's data policy: kept unless it is a throwaway dev stack. */
  retainData: boolean;
}

/**
 * The one place a Lambda function is made: Node.js 22 on arm64, bundled
 * locally by esbuild, its own log group, and a role that holds only what this
 * function needs (its log group and its level of table access).
 */
export class HandlerFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    assertLocalEsbuild();
    const entry = handlerEntry(props.handler);
    const profile = functionProfiles[props.kind];

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logRetention,
      removalPolicy: removalPolicyFor(props.retainData),
    });

    // An own role instead of AWSLambdaBasicExecutionRole: that managed policy
    // may create and write any log group in the account; this one writes one.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Redress ${props.kind} function ${props.handler}`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: profile.memorySize,
      timeout: profile.timeout,
      role: this.role,
      logGroup: this.logGroup,
      description: `Redress ${props.kind}: ${props.handler}`,
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      environment: {
        TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: 'redress',
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        REDRESS_ENV: 'aws',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        // Never Docker: assertLocalEsbuild() fails the synth instead.
        forceDockerBundling: false,
        format: OutputFormat.CJS,
        target: 'node22',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        charset: Charset.UTF8,
        // ESM entry points first, so esbuild can tree-shake the SDK and zod.
        mainFields: ['module', 'main'],
        // The AWS SDK v3 is taken from the Node.js 22 runtime, not bundled:
        // the SDK alone is ~340 KB minified, and without it every bundle stays
        // far under 500 KB (`npm run bench` prints both variants and their
        // cold import times side by side). The runtime's SDK is v3 like ours,
        // and the DynamoDB commands used here are stable across its versions.
        bundleAwsSDK: false,
      },
    });

    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'SPEC section 7 fixes Node.js 22 (an LTS line maintained until April 2027), the version the handlers are built for (target node22) ' +
        'and tested for; moving to a newer runtime is a deliberate upgrade of the spec, the esbuild target and the tests together.',
    });

    grantTableAccess(props.table, this.fn, props.tableAccess);
    if (props.tableAccess !== 'none') acknowledgeIndexWildcard(this.role, props.table);
  }
}

/**
 * NodejsFunction silently switches to Docker bundling when it cannot find
 * esbuild. Docker is neither wanted nor available where this app is
 * synthesised, so a missing esbuild is a clear error instead.
 */
function assertLocalEsbuild(): void {
  const esbuildPackage = path.join(projectRoot, 'node_modules', 'esbuild', 'package.json');
  if (!fs.existsSync(esbuildPackage)) {
    throw new Error('esbuild is not installed (it is a devDependency): run `npm ci` first. This app never bundles with Docker.');
  }
}
