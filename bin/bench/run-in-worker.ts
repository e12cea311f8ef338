import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadResult } from './load';
import type { LoadJob } from './load-worker';

/** Runs a load job in a fresh worker thread (TypeScript through tsx, as the parent) and resolves with its figures. */
export function runInWorker(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // A worker does not inherit tsx's loader; a CommonJS shim registers it, then loads the TypeScript worker.
    const shim = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'load-worker.ts'))});`;
    const worker = new Worker(shim, { eval: true, workerData: job, env: process.env });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
