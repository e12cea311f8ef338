import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Builds the consumer web pages into one folder of static files: every
 * `web/src/*.ts` is a page's entry point (its helpers live in subfolders),
 * bundled with the shared domain code and the JSON seeds; `web/public/`
 * (HTML, CSS) is copied beside the bundles. The same output is served by the
 * local server and uploaded to S3 by the CDK app.
 *
 * No network, no timestamps, no random names: the same sources give the same
 * bytes, so a deployment only changes what really changed.
 */
const webDir = __dirname;
const sourceDir = path.join(webDir, 'src');
const publicDir = path.join(webDir, 'public');
const repositoryRoot = path.resolve(webDir, '..');

/** Refuses to empty a folder that cannot be a build output (the repo, `web/` itself, `/`). */
function assertSafeOutDir(outDir: string): void {
  const resolved = path.resolve(outDir);
  const holdsSources = !path.relative(resolved, webDir).startsWith('..'); // web/ itself or a folder above it
  if (holdsSources || resolved === sourceDir || resolved === publicDir) {
    throw new Error(`buildWeb: refusing to use ${resolved} as the output folder (it holds sources)`);
  }
}

export async function buildWeb(outDir: string): Promise<void> {
  assertSafeOutDir(outDir);
  const entryPoints = (await readdir(sourceDir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(sourceDir, entry.name))
    .sort();

  // A clean folder, so files of a removed page or chunk do not linger.
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    // Both pages import the validator, zod and the seeds: one shared chunk, cached once.
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    charset: 'utf8',
    legalComments: 'none',
    absWorkingDir: repositoryRoot,
    logLevel: 'warning',
  });
  await cp(publicDir, outDir, { recursive: true });
}

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] ?? path.join(repositoryRoot, '.build', 'web'));
  const started = performance.now();
  buildWeb(outDir).then(
    () => console.log(`web pages built into ${outDir} in ${Math.round(performance.now() - started)} ms`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
