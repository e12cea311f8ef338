/**
 * The CDK app (`cdk.json`: `npx tsx bin/app.ts`). Builds the web pages into
 * `.build/web` first, because the stack uploads that directory as it is.
 *
 * Context: `-c retainData=false` for a throwaway dev stack (no deletion
 * protection, data deleted with the stack); `-c logLevel=DEBUG` for chattier
 * functions.
 */
import * as path from 'node:path';
import { buildWeb } from '../web/build';
import { projectRoot } from '../lib/handler-function';
import { createRedressApp } from '../lib/redress-app';

async function main(): Promise<void> {
  const webAssetDir = path.join(projectRoot, '.build', 'web');
  await buildWeb(webAssetDir);
  // The CDK CLI passes the output directory in CDK_OUTDIR; App reads it.
  const { app } = createRedressApp({ webAssetDir });
  app.synth();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
