import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { handlerModules } from '../../functions/routes';

const root = path.resolve(__dirname, '..', '..');

export interface BundleVariant {
  bytes: number;
  coldImportMs: number;
}

export interface BundleFigures {
  handler: string;
  /** As deployed (`lib/handler-function.ts`): the AWS SDK v3 comes from the Lambda runtime. */
  sdkFromRuntime: BundleVariant;
  /** For comparison: the SDK bundled in. */
  sdkBundled: BundleVariant;
}

async function bundle(handler: string, outfile: string, external: string[]): Promise<BundleVariant> {
  await build({
    entryPoints: [path.join(root, 'functions', 'handlers', `${handler}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    // As lib/handler-function.ts deploys them: Chinese text (seeds, the name tables) as UTF-8, 3 bytes a character, not \uXXXX escapes.
    charset: 'utf8',
    mainFields: ['module', 'main'],
    external,
    logLevel: 'error',
  });
  // A fresh process per measurement: nothing cached. The runtime's SDK is
  // resolved from this project's node_modules, as the runtime resolves its own.
  const timing = spawnSync(
    process.execPath,
    ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(outfile)});console.log(Number(process.hrtime.bigint()-t)/1e6)`],
    { cwd: root, env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), TABLE_NAME: 'bench', AWS_REGION: 'cn-north-1', POWERTOOLS_LOG_LEVEL: 'ERROR' }, encoding: 'utf8' },
  );
  return { bytes: statSync(outfile).size, coldImportMs: Number(timing.stdout.trim()) };
}

/**
 * Bundles every handler as the CDK app does (esbuild, minified, CommonJS,
 * node22, UTF-8) with and without the AWS SDK, and times a cold `require` of each
 * bundle in a fresh Node process: module loading and top-level work, as a
 * Lambda cold start pays it (without the runtime's own start).
 */
export async function measureBundles(): Promise<BundleFigures[]> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'redress-bundles-'));
  const figures: BundleFigures[] = [];
  for (const handler of handlerModules()) {
    const name = handler.replace(/\//g, '__');
    figures.push({
      handler,
      sdkFromRuntime: await bundle(handler, path.join(outDir, `${name}.runtime-sdk.js`), ['@aws-sdk/*']),
      sdkBundled: await bundle(handler, path.join(outDir, `${name}.bundled-sdk.js`), []),
    });
  }
  return figures;
}
