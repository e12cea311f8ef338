import * as fs from 'node:fs';
import { build } from 'esbuild';
import { handlerModules } from '../../functions/routes';
import { handlerEntry, type HandlerFunction } from '../../lib/handler-function';
import { logRetention } from '../../lib/retention';
import { logicalIdOf, synthRedress, type SynthesisedRedress } from './support/synth-redress';

let synthesised: SynthesisedRedress;
let ours: HandlerFunction[];

beforeAll(async () => {
  synthesised = await synthRedress();
  const { api, background } = synthesised.stack;
  ours = [...api.functions.values(), ...background.streamFunctions.values(), ...background.jobFunctions.values()];
});

describe('handler modules', () => {
  test.each(handlerModules())('%s exists and exports `handler`', async (handler) => {
    const entry = handlerEntry(handler);
    expect(fs.existsSync(entry)).toBe(true);
    // Ask esbuild (the bundler Lambda's code goes through) what the module exports, without running it.
    const result = await build({ entryPoints: [entry], bundle: false, write: false, metafile: true, format: 'esm', logLevel: 'silent' });
    const exports = Object.values(result.metafile.outputs).flatMap((output) => output.exports);
    expect(exports).toContain('handler');
  });
});

describe('every Lambda function', () => {
  test('is one of ours, except the upload function CDK provides for the web pages', () => {
    const functionIds = Object.entries(synthesised.resources)
      .filter(([, r]) => r.Type === 'AWS::Lambda::Function')
      .map(([id]) => id)
      .sort();
    const oursIds = ours.map((f) => logicalIdOf(synthesised.stack, f.fn));
    const others = functionIds.filter((id) => !oursIds.includes(id));
    expect(others).toHaveLength(1);
    expect(others[0]).toMatch(/^CustomCDKBucketDeployment/);
  });

  test('runs Node.js 22 on arm64, entry `handler`, with the service environment', () => {
    for (const fn of ours) {
      const props = synthesised.resources[logicalIdOf(synthesised.stack, fn.fn)]!.Properties as {
        Runtime: string;
        Architectures: string[];
        Handler: string;
        Environment: { Variables: Record<string, unknown> };
      };
      expect(props.Runtime).toBe('nodejs22.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.Handler).toBe('index.handler');
      expect(props.Environment.Variables).toEqual({
        TABLE_NAME: { Ref: logicalIdOf(synthesised.stack, synthesised.stack.data.table) },
        POWERTOOLS_SERVICE_NAME: 'redress',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        REDRESS_ENV: 'aws',
        NODE_OPTIONS: '--enable-source-maps',
      });
    }
  });

  test('logs to its own log group, kept for a year, and may write only there', () => {
    for (const fn of ours) {
      const logGroupId = logicalIdOf(synthesised.stack, fn.logGroup);
      const functionProps = synthesised.resources[logicalIdOf(synthesised.stack, fn.fn)]!.Properties as { LoggingConfig: unknown; Role: unknown };
      expect(functionProps.LoggingConfig).toEqual({ LogGroup: { Ref: logGroupId } });
      expect(synthesised.resources[logGroupId]!.Properties).toMatchObject({ RetentionInDays: logRetention });

      // No AWS managed policy (AWSLambdaBasicExecutionRole would allow every log group).
      const roleId = logicalIdOf(synthesised.stack, fn.role);
      expect(functionProps.Role).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
      expect(synthesised.resources[roleId]!.Properties).not.toHaveProperty('ManagedPolicyArns');
      const logStatements = Object.values(synthesised.resources)
        .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties!.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap((r) => (r.Properties!.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement)
        .filter((s) => [s.Action].flat().some((a) => a.startsWith('logs:')));
      expect(logStatements).toEqual([
        expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } }),
      ]);
    }
  });

  test('behind the HTTP API answers within its 30-second integration limit', () => {
    for (const fn of synthesised.stack.api.functions.values()) {
      const props = synthesised.resources[logicalIdOf(synthesised.stack, fn.fn)]!.Properties as { Timeout: number; MemorySize: number };
      expect(props.Timeout).toBeLessThan(30);
      expect(props.MemorySize).toBeGreaterThanOrEqual(512);
    }
  });
});
