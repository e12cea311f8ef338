import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildWeb } from '../../../web/build';
import { createRedressApp, type RedressAppOptions } from '../../../lib/redress-app';
import type { RedressStack } from '../../../lib/redress-stack';

export interface SynthesisedRedress {
  app: App;
  stack: RedressStack;
  template: Template;
  /** The raw template, for walking resources the assertions API cannot express. */
  resources: Record<string, { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string }>;
}

export interface SynthOptions {
  retainData?: boolean;
  /** Extra CDK context, as `cdk -c key=value` would give (strings, like the CLI passes them). */
  context?: Record<string, unknown>;
  tables?: RedressAppOptions['tables'];
  /** Changes the stack before synthesis (to check that the checks catch something). */
  beforeSynth?: (stack: RedressStack) => void;
}

/** Builds the real pages once per test file, into a temporary directory. */
let webDir: Promise<string> | undefined;
function builtWeb(): Promise<string> {
  webDir ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-web-'));
    await buildWeb(dir);
    return dir;
  })();
  return webDir;
}

/**
 * Synthesises the app exactly as `bin/app.ts` does, with two differences that
 * keep the CDK tests fast: asset bundling is skipped (`aws:cdk:bundling-stacks`
 * empty; `npm run synth` does the real esbuild bundling) and CDK's built-in
 * CloudFormation schema validation is off (`cdk synth` runs it). cdk-nag runs:
 * synthesis throws on any unacknowledged AwsSolutions finding.
 */
export async function synthRedress(options: SynthOptions = {}): Promise<SynthesisedRedress> {
  process.env.CDK_VALIDATION = 'false';
  const context: Record<string, unknown> = { 'aws:cdk:bundling-stacks': [] };
  if (options.retainData !== undefined) context.retainData = String(options.retainData);
  Object.assign(context, options.context);
  const { app, stack } = createRedressApp({
    webAssetDir: await builtWeb(),
    outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'redress-cdk-')),
    context,
    tables: options.tables,
  });
  options.beforeSynth?.(stack);
  const assembly = app.synth();
  const templateJson = assembly.getStackByName(stack.stackName).template as { Resources: SynthesisedRedress['resources'] };
  return { app, stack, template: Template.fromJSON(templateJson), resources: templateJson.Resources };
}

/** The logical id CloudFormation knows a construct's main resource by. */
export function logicalIdOf(stack: RedressStack, construct: { node: { defaultChild?: unknown } }): string {
  const child = construct.node.defaultChild;
  if (!child || typeof child !== 'object' || !('logicalId' in child)) throw new Error('construct has no CloudFormation resource');
  return stack.resolve((child as { logicalId: string }).logicalId) as string;
}
