import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Context } from 'aws-lambda';
import { handlersDir } from './paths';
import { PromiseCache } from '../../functions/shared/promise-cache';

/** A Lambda handler as the local stack calls it: promise style, as every Redress handler is written. */
export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

const loaded = new PromiseCache<LambdaHandler>();

/**
 * The `handler` export of `functions/handlers/<module>.ts`, imported once and
 * cached, as a warm Lambda keeps its module loaded.
 */
export function loadHandler(handlerModule: string): Promise<LambdaHandler> {
  // A failed import (e.g. the module is not written yet) is tried again on the next request.
  return loaded.get(handlerModule, () => importHandler(handlerModule));
}

async function importHandler(handlerModule: string): Promise<LambdaHandler> {
  const file = path.resolve(handlersDir, `${handlerModule}.ts`);
  if (!file.startsWith(`${handlersDir}${path.sep}`)) throw new Error(`handler module ${handlerModule} is outside functions/handlers/`);
  if (!existsSync(file)) throw new Error(`handler module functions/handlers/${handlerModule}.ts does not exist`);
  const exported = ((await import(file)) as { handler?: unknown }).handler;
  if (typeof exported !== 'function') throw new Error(`functions/handlers/${handlerModule}.ts does not export a function named handler`);
  return exported as LambdaHandler;
}
