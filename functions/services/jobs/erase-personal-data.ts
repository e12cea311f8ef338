import { eventsWithText, erasureChange } from '../../domain/erasure/erase-case';
import { isErasureDue, isIntakeExpired, nextPrivacyDeadline } from '../../domain/erasure/retention';
import { StaleVersionError } from '../../domain/errors';
import { duplicateKey } from '../../domain/routing/duplicate-key';
import { prefectureOf } from '../../reference';
import { logger } from '../../shared/logger';
import { applyCaseChange } from '../../store/case-changes';
import { readCase, type StoredCase } from '../../store/cases-store';
import { duePrivacyPage, releaseOpenCaseMarker, removeEventText, removeSafetyInjuryDescription, removeSealedIntake, type DueEntry } from '../../store/erasure-store';
import { erasureIndexChange } from '../../store/keys';
import type { JobRunContext } from './job';

/**
 * `erase-personal-data` (SPEC section 5), daily: reads the sparse
 * `byErasure` index up to now and, per case, removes the sealed intake
 * answer once its 24-hour retry window has passed, and erases the
 * consumer's personal data 3 years after the case closed. A case done
 * leaves the index (or moves to its next deadline), so a run that stopped
 * at its time budget simply goes on where the next run reads; every write
 * is idempotent or versioned, so nothing is done twice.
 */
export interface ErasureReport {
  /** Index entries read. */
  examined: number;
  /** Cases whose personal data was erased by this run. */
  erased: number;
  /** Sealed intake answers removed. */
  intakeRemoved: number;
  /** Entries with nothing to do on a fresh read (changed meanwhile, or not yet due). */
  skipped: number;
  /** The budget ran out with due entries left; the next run continues. */
  more: boolean;
}

export const erasurePageSize = 25;
/** Cases erased at a time: enough to hide latency, few enough to stay under the table's burst (as the sweeper). */
const concurrency = 5;

type Outcome = 'erased' | 'intakeRemoved' | 'skipped';

/** Everything personal outside the case item first (idempotent), then the case itself in one versioned change. */
async function eraseCase(stored: StoredCase, now: Date): Promise<Outcome> {
  const { record, timeline } = stored;
  for (const seq of eventsWithText(timeline)) await removeEventText(record.caseId, seq);
  if (record.safetyReport) await removeSafetyInjuryDescription(record.safetyReport.reportedAt, record.caseId);
  await releaseOpenCaseMarker(duplicateKey(record.complaint), record.caseId);
  const change = erasureChange(record, now, prefectureOf);
  try {
    await applyCaseChange({ caseId: record.caseId, expectedVersion: record.version, set: change.set, remove: [...change.remove, 'erasePk', 'eraseSk'], event: change.event });
  } catch (error) {
    // Changed meanwhile: the entry stays in the index and the next run decides again on the fresh case.
    if (error instanceof StaleVersionError) return 'skipped';
    throw error;
  }
  logger.info('personal data erased', { caseId: record.caseId });
  return 'erased';
}

async function processEntry(entry: DueEntry, now: Date): Promise<Outcome> {
  const stored = await readCase(entry.caseId);
  if (!stored) return 'skipped';
  const { record } = stored;
  if (isErasureDue(record, now)) return eraseCase(stored, now);
  if (isIntakeExpired(record, now)) {
    const { intake: _sealed, ...withoutIntake } = record;
    const removed = await removeSealedIntake(record.caseId, { version: record.version, eraseSk: entry.eraseSk }, erasureIndexChange(record.caseId, nextPrivacyDeadline(withoutIntake)));
    return removed ? 'intakeRemoved' : 'skipped';
  }
  return 'skipped';
}

export async function erasePersonalData(context: JobRunContext & { pageSize?: number }): Promise<ErasureReport> {
  const started = Date.now();
  const report: ErasureReport = { examined: 0, erased: 0, intakeRemoved: 0, skipped: 0, more: false };
  const nowIso = context.now.toISOString();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await duePrivacyPage(nowIso, context.pageSize ?? erasurePageSize, start);
    for (let i = 0; i < page.entries.length; i += concurrency) {
      // At least one batch per run, so every run makes progress.
      if (report.examined > 0 && Date.now() - started >= context.budgetMs) {
        report.more = true;
        return report;
      }
      const batch = page.entries.slice(i, i + concurrency);
      report.examined += batch.length;
      for (const outcome of await Promise.all(batch.map((entry) => processEntry(entry, context.now)))) report[outcome] += 1;
    }
    start = page.next;
  } while (start);
  return report;
}
