import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { dataDir, localStackFile } from '../local/paths';

/**
 * Where the running `npm start` is (`.data/local-stack.json`, written by
 * `bin/local/start.ts` once it is ready) and the demo's own state
 * (`.data/demo.json`: the anchor its year ends at). Both live beside the
 * local database, so deleting `.data/` forgets them together.
 */
const stackSchema = z.object({ endpoint: z.string(), tableName: z.string(), port: z.number().int() });
export type LocalStackInfo = z.infer<typeof stackSchema>;

export function readLocalStack(file = localStackFile): LocalStackInfo | undefined {
  if (!existsSync(file)) return undefined;
  return stackSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

const demoStateFile = path.join(dataDir, 'demo.json');

/** The anchor of the first run, or now (kept for the next run) on the first. */
export async function demoAnchor(now: Date, file = demoStateFile): Promise<{ anchor: Date; first: boolean }> {
  if (existsSync(file)) {
    const { anchor } = z.object({ anchor: z.iso.datetime() }).parse(JSON.parse(await fs.readFile(file, 'utf8')));
    return { anchor: new Date(anchor), first: false };
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify({ anchor: now.toISOString() }, null, 2)}\n`);
  return { anchor: now, first: true };
}
