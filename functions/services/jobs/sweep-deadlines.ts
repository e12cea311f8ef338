import { chinaDate } from '../../domain/calendar/dates';
import { dueFrom, isDue, timeoutActionFor } from '../../domain/cases/deadlines';
import { ActionNotAllowedError } from '../../domain/errors';
import type { CaseAction } from '../../domain/lifecycle';
import { logger } from '../../shared/logger';
import { dueCasePage } from '../../store/case-queries';
import type { StoredCase } from '../../store/cases-store';
import { getJobCursor, putJobCursor } from '../../store/job-cursors';
import { indexPartitions } from '../../store/keys';
import { applyWithRetry, closeIfFinished, type ActionCommand } from '../cases/apply-action';
import type { JobRunContext } from './job';

/**
 * The deadline sweeper (SPEC section 2): cases whose acceptance, ODR or
 * mediation deadline has passed take the lifecycle's timeout action. It
 * reads only the sparse deadline index, page by page, round-robin over its
 * shards, until the time budget is spent: it starts no page that the
 * longest page so far says would end after the budget, and at least one
 * per run, so every run makes progress. A case it changes leaves the due
 * range; where each shard stopped is kept (`job-cursors.ts`) so the next
 * run carries on there rather than re-reading entries it left alone (a
 * deadline that does not fit its case's status waits for a person), and a
 * shard read to its end starts again from the beginning next time.
 */
export interface SweepReport {
  /** Due entries read from the index. */
  examined: number;
  /** Changes made, by lifecycle action (`close` after an outcome included). */
  changed: Partial<Record<CaseAction, number>>;
  /** Entries with nothing to do on a fresh read: changed meanwhile, or a deadline kind the sweeper does not act on. */
  skipped: number;
  /** The budget ran out before every shard was read to its end; the next run continues. */
  more: boolean;
}

export const sweepPageSize = 25;
/** Cases of one page changed at a time: enough to hide latency, few enough to stay under the table's burst. */
const concurrency = 5;
/** A long-overdue case may take several timeouts in one sweep (acceptance, then ODR, then mediation). */
const maxTimeoutsPerCase = 4;

/** Applies every timeout now due on one case, each as an on-time sweep would have dated it. */
async function sweepCase(caseId: string, now: Date, today: string, report: SweepReport): Promise<void> {
  for (let step = 0; step < maxTimeoutsPerCase; step++) {
    let taken: { action: CaseAction; effectiveOn: string } | undefined;
    const commandFor = ({ record }: StoredCase): ActionCommand | undefined => {
      taken = undefined;
      if (!isDue(record.deadline, today)) return undefined;
      const action = timeoutActionFor(record.deadline);
      if (!action) return undefined;
      taken = { action, effectiveOn: dueFrom(record.deadline) };
      return { action, role: 'system', fields: {}, now, effectiveOn: taken.effectiveOn };
    };
    let outcome: Awaited<ReturnType<typeof applyWithRetry>>;
    try {
      outcome = await applyWithRetry(caseId, commandFor, () => []);
    } catch (error) {
      if (!(error instanceof ActionNotAllowedError)) throw error;
      // The deadline does not fit the case's status: leave it for a person to look at.
      logger.warn('due case not in a state its deadline applies to', { caseId });
      outcome = { stored: undefined, applied: false };
    }
    if (!outcome.applied || !taken || !outcome.stored) {
      if (step === 0) report.skipped += 1;
      return;
    }
    const { action, effectiveOn } = taken;
    report.changed[action] = (report.changed[action] ?? 0) + 1;
    if ((await closeIfFinished(outcome.stored, now, effectiveOn)).closed) report.changed.close = (report.changed.close ?? 0) + 1;
  }
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

const jobName = 'sweep-deadlines';

export async function sweepDeadlines(context: JobRunContext & { pageSize?: number }): Promise<SweepReport> {
  const started = Date.now();
  const today = chinaDate(context.now);
  const report: SweepReport = { examined: 0, changed: {}, skipped: 0, more: false };
  const kept = await getJobCursor(jobName);
  const shards = indexPartitions.byDeadline().map((partition) => ({ partition, start: kept[partition], done: false }));
  const keep = () => putJobCursor(jobName, Object.fromEntries(shards.flatMap((shard) => (shard.start ? [[shard.partition, shard.start]] : []))), new Date());
  let longestPageMs = 0;
  while (shards.some((shard) => !shard.done)) {
    for (const shard of shards.filter((s) => !s.done)) {
      // At least one page with cases per run, so every run makes progress; an empty page costs next to nothing.
      if (report.examined > 0 && Date.now() - started + longestPageMs >= context.budgetMs) {
        report.more = true;
        await keep();
        return report;
      }
      const pageStarted = Date.now();
      const page = await dueCasePage(shard.partition, today, context.pageSize ?? sweepPageSize, shard.start);
      report.examined += page.cases.length;
      await inBatches(page.cases, concurrency, ({ caseId }) => sweepCase(caseId, context.now, today, report));
      shard.start = page.next;
      shard.done = page.next === undefined;
      longestPageMs = Math.max(longestPageMs, Date.now() - pageStarted);
    }
  }
  // Every shard was read to its end: the next run starts each from the beginning.
  if (Object.keys(kept).length > 0) await keep();
  return report;
}
