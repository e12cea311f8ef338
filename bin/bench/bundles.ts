import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { handlerModules } from '../../functions/routes';

const root = path.resolve(__dirname, '..', '..');

export interface BundleFigures {
  handler: string;
  bytes: number;
  coldImportMs: number;
}

/**
 * Bundles every handler as the CDK app does (esbuild, minified, CommonJS,
 * node22, AWS SDK included) and times a cold `require` of each bundle in a
 * fresh Node process: module loading and top-level work, as a Lambda cold
 * start pays it (without the runtime's own start).
 */
export async function measureBundles(): Promise<BundleFigures[]> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'redress-bundles-'));
  const figures: BundleFigures[] = [];
  for (const handler of handlerModules()) {
    const outfile = path.join(outDir, `${handler.replace(/\//g, '__')}.js`);
    await build({
      entryPoints: [path.join(root, 'functions', 'handlers', `${handler}.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      minify: true,
      mainFields: ['module', 'main'],
      logLevel: 'error',
    });
    const timing = spawnSync(
      process.execPath,
      ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(outfile)});console.log(Number(process.hrtime.bigint()-t)/1e6)`],
      { env: { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'cn-north-1', POWERTOOLS_LOG_LEVEL: 'ERROR' }, encoding: 'utf8' },
    );
    figures.push({ handler, bytes: statSync(outfile).size, coldImportMs: Number(timing.stdout.trim()) });
  }
  return figures;
}
