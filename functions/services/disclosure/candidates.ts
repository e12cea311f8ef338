import { randomBytes } from 'node:crypto';
import { chinaDate } from '../../domain/calendar/dates';
import type { CaseRecord } from '../../domain/complaints/case';
import { isDueForPublication, newCandidacy, publicRefFrom, someoneStandsBehind } from '../../domain/disclosure';
import { ActionNotAllowedError, StaleVersionError } from '../../domain/errors';
import { calendar } from '../../reference';
import { logger } from '../../shared/logger';
import { applyCaseChange } from '../../store/case-changes';
import { deleteDueCandidate, dueCandidateItem, dueCandidates } from '../../store/disclosure-store';
import { applyWithRetry } from '../cases/apply-action';

/**
 * A case that should be a disclosure candidate but is not: routed to the
 * `disclosure` step by the router (which makes it one right after its own
 * transaction, `services/routing/route-case.ts`), or closed by a path that
 * did not go through the action hook. The aggregation schedule sees every
 * changed case and makes up for what a crash left undone.
 */
function shouldBeCandidate(record: CaseRecord): boolean {
  if (record.disclosure || !someoneStandsBehind(record)) return false;
  if (record.status === 'accepted') return record.step === 'disclosure';
  return record.status === 'closed' && record.step !== null;
}

export async function makeCandidateIfDue(record: CaseRecord, now: Date): Promise<boolean> {
  if (!shouldBeCandidate(record)) return false;
  const disclosure = newCandidacy(publicRefFrom(randomBytes(8)), chinaDate(now), calendar);
  try {
    await applyCaseChange({
      caseId: record.caseId,
      expectedVersion: record.version,
      set: { disclosure },
      event: { at: now.toISOString(), actor: 'system', type: 'disclosure_candidate', status: record.status, step: record.step },
      alsoCreate: [dueCandidateItem(disclosure.objectionUntil, record.caseId)],
    });
    logger.info('disclosure candidate', { caseId: record.caseId, objectionUntil: disclosure.objectionUntil });
    return true;
  } catch (error) {
    // Changed meanwhile: the change feed brings the case back to the next run.
    if (error instanceof StaleVersionError) return false;
    throw error;
  }
}

export interface PublicationReport {
  published: number;
  /** Queue entries with nothing left to do (withheld, published by a regulator, or not a candidate any more). */
  dropped: number;
  /** Due but refused by the lifecycle table: left in the queue and logged for a person to look at. */
  failed: number;
  more: boolean;
}

const pageSize = 25;

/**
 * Publishes every candidate whose objection window ended before `now`'s
 * China date, through the lifecycle (`publish_due_disclosure`, which also
 * closes a disclosure-only case), until the time budget is spent.
 */
export async function publishDueDisclosures(now: Date, deadline: number): Promise<PublicationReport> {
  const today = chinaDate(now);
  const report: PublicationReport = { published: 0, dropped: 0, failed: 0, more: false };
  let after: Record<string, unknown> | undefined;
  do {
    // At least one page per run, so every run makes progress however small its budget.
    if (after && Date.now() > deadline) {
      report.more = true;
      return report;
    }
    const page = await dueCandidates(today, pageSize, after);
    for (const entry of page.due) {
      try {
        const { applied } = await applyWithRetry(
          entry.caseId,
          ({ record }) => (isDueForPublication(record.disclosure, today) ? { action: 'publish_due_disclosure', role: 'system', fields: {}, now } : undefined),
          () => [],
        );
        if (applied) report.published += 1;
        else report.dropped += 1;
        await deleteDueCandidate(entry.objectionUntil, entry.caseId);
      } catch (error) {
        if (!(error instanceof ActionNotAllowedError)) throw error;
        report.failed += 1;
        logger.warn('due disclosure refused by the lifecycle table', { caseId: entry.caseId });
      }
    }
    after = page.last;
  } while (after);
  return report;
}
