import { demoComplaints } from './complaints';
import { fileAndWalk, type WalkContext, type WalkTally } from './case-walk';
import { ensureRegistries } from './registries';
import type { DemoStep } from './scripts';
import { AdminApi } from './stack-api';
import { inParallel } from '../../functions/shared/in-parallel';

/**
 * `npm run demo` without its command line: registries through the admin
 * API, then every demo complaint filed, routed and walked through the
 * services with a simulated clock (several at a time), then the jobs
 * through the admin API — the deadline sweep (timeouts of cases nobody
 * acted on, dated when they fell due), a statistics rebuild (the cases are
 * dated back, before the incremental run's watermark) and an incremental
 * run that also publishes the due disclosures.
 *
 * The caller has pointed the store at the stack's table (TABLE_NAME,
 * DYNAMODB_ENDPOINT) and set REDRESS_ENV=local.
 */
export interface DemoOptions {
  baseUrl: string;
  count: number;
  /** The instant the demo's year ends; kept between runs so a second run generates the same complaints. */
  anchor: Date;
  /** Complaints in flight at once. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoReport {
  complaints: number;
  registries: { merchants: number; funds: number };
  tally: WalkTally;
  caseIds: string[];
  jobs: Record<string, Record<string, unknown>[]>;
  tookMs: number;
}

export const defaultConcurrency = 16;

export function demoRunKey(anchor: Date): string {
  return anchor.toISOString().slice(0, 10).replaceAll('-', '');
}

export async function runDemo(options: DemoOptions): Promise<DemoReport> {
  const started = Date.now();
  const api = await AdminApi.connect(options.baseUrl);
  const registries = await ensureRegistries(api);

  const complaints = demoComplaints(options.count, options.anchor, demoRunKey(options.anchor));
  const tally: WalkTally = { filed: 0, alreadyFiled: 0, actions: 0, alreadyDone: 0, overtaken: 0, stoppedAt: {} };
  const context: WalkContext = {
    anchor: options.anchor,
    tally,
    caseIds: [],
    // With guarantee funds the ledger records where money came from.
    fundFields: (step: DemoStep, caseId: string) => (step.action === 'record_payment' || step.action === 'record_recovery' ? { reference: `demo-${step.action}-${caseId}` } : {}),
  };
  let done = 0;
  options.onProgress?.(0, complaints.length);
  await inParallel(complaints, options.concurrency ?? defaultConcurrency, async (complaint) => {
    await fileAndWalk(complaint, context);
    options.onProgress?.(++done, complaints.length);
  });

  const jobs: DemoReport['jobs'] = {};
  jobs['sweep-deadlines'] = await api.runJob('sweep-deadlines');
  // Once: a rebuild that stops at its budget (or outlives its request) is carried on by `aggregate`, which waits for its lease.
  jobs['aggregate-rebuild'] = await api.runJob('aggregate-rebuild', { once: true });
  jobs.aggregate = await api.runJob('aggregate');
  return { complaints: complaints.length, registries, tally, caseIds: context.caseIds, jobs, tookMs: Date.now() - started };
}
