import { chinaDate } from '../../domain/calendar/dates';
import type { ActionFields } from '../../domain/cases/action-schemas';
import { caseOutcomes } from '../../domain/cases/case-fields';
import { isSwept } from '../../domain/cases/deadlines';
import { planChange } from '../../domain/cases/plan-change';
import { snapshotOf } from '../../domain/cases/snapshot';
import { ActionNotAllowedError, StaleVersionError } from '../../domain/errors';
import { FundBusyError } from '../../domain/funds/limits';
import { decide, type ActorRole, type CaseAction, type CaseSnapshot } from '../../domain/lifecycle';
import { calendar } from '../../reference';
import { logger } from '../../shared/logger';
import { countCaseAction } from '../../observability/metrics';
import { applyCaseChange, ConcurrentWriteError } from '../../store/case-changes';
import { backOffAfterContention, fundRetryAttempts, fundWritesFor } from '../funds/case-money';
import { readCase, type StoredCase } from '../../store/cases-store';
import { disclosureChange } from '../disclosure/lifecycle-hook';
import { nextPrivacyDeadline } from '../../domain/erasure/retention';
import { deadlineIndexChange, erasureIndexChange } from '../../store/keys';

/**
 * The one path every action takes, staff, consumer or system: the lifecycle
 * table decides on the case as stored, `planChange` says what changes, and
 * `applyCaseChange` writes it only if nobody changed the case meanwhile.
 */
export interface ActionCommand {
  action: CaseAction;
  role: ActorRole;
  /** The token subject of the person acting (staff), recorded where the case says who holds it. */
  subject?: string;
  fields: ActionFields;
  /** When the change is recorded. */
  now: Date;
  /** The China date it takes effect (default: today); a late timeout takes effect the day after its deadline. */
  effectiveOn?: string;
}

export interface ApplyOptions {
  /** The version the caller saw; a different stored version is 409 stale_version. */
  expectedVersion?: number;
  /** What to list in a 409 action_not_allowed: the caller's actions, which may span two roles (mediator and fund). */
  allowedActions: (snapshot: CaseSnapshot) => string[];
}

/** Applies `command` to the case as read in `stored`; answers the case as it is afterwards. */
export async function applyAction(stored: StoredCase, command: ActionCommand, options: ApplyOptions): Promise<StoredCase> {
  const { record, timeline } = stored;
  const today = chinaDate(command.now);
  const snapshot = snapshotOf(record, today);
  const decision = decide(snapshot, command.action, command.role);
  if (!decision.ok) throw new ActionNotAllowedError(command.action, record.status, options.allowedActions(snapshot));
  if (options.expectedVersion !== undefined && options.expectedVersion !== record.version) throw new StaleVersionError(record.version);

  const planned = planChange(record, timeline, command.action, command.fields, decision.next, {
    effectiveOn: command.effectiveOn ?? today,
    at: command.now.toISOString(),
    actor: { role: command.role, ...(command.subject ? { subject: command.subject } : {}) },
    calendar,
  });
  // Disclosure (SPEC section 6): candidacy with its place in the due queue, the disclosure actions' state, and the public record once written.
  const disclosure = disclosureChange(record, command.action, decision.next, { today: command.effectiveOn ?? today, at: command.now.toISOString() });
  Object.assign(planned.set, disclosure.set);
  // A case leaves the deadline index when it has no deadline the sweeper acts on.
  const index = 'deadline' in planned.set ? deadlineIndexChange(record.caseId, isSwept(planned.set.deadline) ? planned.set.deadline.date : undefined) : { set: {}, remove: [] };
  // Closing starts the 3-year clock of the erasure job (SPEC section 5).
  const privacy = 'closedOn' in planned.set ? erasureIndexChange(record.caseId, nextPrivacyDeadline({ ...record, ...planned.set })) : { set: {}, remove: [] };
  const at = command.now.toISOString();
  const after = { ...record, ...planned.set, version: record.version + 1, updatedAt: at } as StoredCase['record'];
  let written: { version: number; event: StoredCase['timeline'][number] } | undefined;
  for (let attempt = 1; !written; attempt++) {
    // The fund's money and payout item (SPEC section 9) go in the same transaction as the case change.
    const alsoWrite = await fundWritesFor(record, after, command.action, command.fields, decision.next);
    try {
      written = await applyCaseChange({
        caseId: record.caseId,
        expectedVersion: record.version,
        set: { ...planned.set, ...index.set, ...privacy.set },
        remove: [...index.remove, ...privacy.remove],
        event: planned.event,
        alsoCreate: disclosure.alsoCreate,
        alsoWrite,
      });
    } catch (error) {
      if (!(error instanceof ConcurrentWriteError)) throw error;
      if (attempt >= fundRetryAttempts) throw new FundBusyError();
      await backOffAfterContention(attempt);
    }
  }
  const { version, event } = written;
  logger.info('case changed', { caseId: record.caseId, action: command.action, role: command.role, version });
  countCaseAction(command.action, command.role);
  const changed = { ...stored, record: { ...record, ...planned.set, version, updatedAt: event.at }, timeline: [...timeline, event] };
  await disclosure.afterCommit(changed.record, command.now);
  return changed;
}

const retryAttempts = 4;

/**
 * For changes nobody asked for at a particular version (the sweeper, a
 * consumer without `expectedVersion`, closing): a case changed meanwhile is
 * read again and decided again, never overwritten. `commandFor` answers
 * undefined when, on the fresh read, there is nothing left to do.
 */
export async function applyWithRetry(
  caseId: string,
  commandFor: (stored: StoredCase) => ActionCommand | undefined,
  allowedActions: ApplyOptions['allowedActions'],
  firstRead?: StoredCase,
): Promise<{ stored: StoredCase | undefined; applied: boolean }> {
  let stored = firstRead ?? (await readCase(caseId));
  for (let attempt = 1; stored; attempt++) {
    const command = commandFor(stored);
    if (!command) return { stored, applied: false };
    try {
      return { stored: await applyAction(stored, command, { allowedActions }), applied: true };
    } catch (error) {
      if (!(error instanceof StaleVersionError) || attempt >= retryAttempts) throw error;
      stored = await readCase(caseId);
    }
  }
  return { stored, applied: false };
}

const isOutcome = (status: string) => (caseOutcomes as readonly string[]).includes(status);

/**
 * A case that reached an outcome (not accepted, resolved, unresolved,
 * withdrawn) is closed by the system straight away: the outcome stays on
 * the timeline and in `outcome`, and closing opens the rating window.
 * Answers the case afterwards and whether this call closed it.
 */
export async function closeIfFinished(stored: StoredCase, now: Date, effectiveOn?: string): Promise<{ stored: StoredCase; closed: boolean }> {
  if (!isOutcome(stored.record.status)) return { stored, closed: false };
  const { stored: after, applied } = await applyWithRetry(
    stored.record.caseId,
    (current) => (isOutcome(current.record.status) ? { action: 'close', role: 'system', fields: {}, now, ...(effectiveOn ? { effectiveOn } : {}) } : undefined),
    () => [],
    stored,
  );
  return { stored: after ?? stored, closed: applied };
}
