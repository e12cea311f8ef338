import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, webBuildDir } from './paths';

export type WebBuildResult = { built: true; outDir: string } | { built: false; reason: string };

/**
 * Builds the web pages with `web/build.ts` (`buildWeb(outDir)`), the same
 * build the CDK app uploads. Never fatal: the API works without the pages.
 */
export async function buildWebPages(outDir: string = webBuildDir): Promise<WebBuildResult> {
  const buildModule = path.join(repoRoot, 'web', 'build.ts');
  if (!existsSync(buildModule)) return { built: false, reason: 'web/build.ts does not exist' };
  try {
    const { buildWeb } = (await import(buildModule)) as { buildWeb?: unknown };
    if (typeof buildWeb !== 'function') return { built: false, reason: 'web/build.ts does not export buildWeb(outDir)' };
    await (buildWeb as (outDir: string) => Promise<void>)(outDir);
    return { built: true, outDir };
  } catch (error) {
    return { built: false, reason: `web/build.ts failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
