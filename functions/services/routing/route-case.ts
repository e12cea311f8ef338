import type { CaseRecord, CaseRouting } from '../../domain/complaints/case';
import { StaleVersionError } from '../../domain/errors';
import { duplicateKey } from '../../domain/routing/duplicate-key';
import type { RoutingPlan } from '../../domain/routing/routing-plan';
import { createCase, getCase, readCase } from '../../store/cases-store';
import { isStoreUnavailable } from '../../store/client';
import { closeIfFinished } from '../cases/apply-action';
import { makeCandidateIfDue } from '../disclosure/candidates';
import { logger } from '../../shared/logger';
import { countCaseRouted } from '../../observability/metrics';
import { applyRouting, createRoutedCase, findOpenCase, OpenCaseMarkerTaken, type CreateRoutedCaseOutcome, type RoutingWrites } from '../../store/routing-store';
import { countTowardsCollective } from '../collective/group-membership';
import { decideRouting, routingLookups, type RoutingLookups } from './routing-decision';

export type RoutingResult =
  | { kind: 'routed'; outcome: CaseRouting['outcome']; ruleId: string }
  /** Routed before (at filing, by a redelivered record, or a second router won): only the follow-ups ran. */
  | { kind: 'already_routed' }
  /** Someone decided first (a mediator accepted or refused, the consumer withdrew): routing has nothing to do. */
  | { kind: 'not_waiting'; status: string }
  | { kind: 'missing' };

/** Each conflict means "someone else wrote first": look again and decide anew, a few times. */
const attempts = 5;

/**
 * Decides and writes a routing, exactly once (SPEC sections 2-3): triage,
 * the rule set, and `write` of the outcome with its event, open-case marker
 * and safety report in one transaction.
 *
 * The duplicate check is optimistic: a case that stays open creates its
 * open-case marker in the routing transaction, and only when the marker
 * exists already does the router look at the case holding it (open: a
 * duplicate; closed: a stale marker, removed). A refusal writes no marker,
 * so it looks first: `duplicate` is the refusal that tells the consumer most.
 */
async function decideAndWrite<T>(
  record: CaseRecord,
  lookups: RoutingLookups,
  /** What an earlier look at the marker found (`undefined`: not looked yet). */
  duplicate: { of: string | undefined } | undefined,
  now: Date,
  write: (plan: RoutingPlan, writes: RoutingWrites) => Promise<T>,
): Promise<{ written: T; plan: RoutingPlan; safetyReport: boolean } | 'marker_taken'> {
  const duplicateKeyHash = duplicateKey(record.complaint);
  let decision = decideRouting(record, lookups, duplicate?.of, now);
  if (!decision.plan.open && duplicate === undefined) {
    decision = decideRouting(record, lookups, await findOpenCase(duplicateKeyHash, record.caseId), now);
  }
  const { plan, safetyReport } = decision;
  try {
    const written = await write(plan, { duplicateKeyHash: plan.open ? duplicateKeyHash : undefined, safetyReport });
    return { written, plan, safetyReport: safetyReport !== undefined };
  } catch (error) {
    if (error instanceof OpenCaseMarkerTaken) return 'marker_taken';
    throw error;
  }
}

/** Another case holds the open-case marker: is it still open (a duplicate), or stale (removed)? The next decision sees the answer. */
async function lookAtMarker(record: CaseRecord): Promise<{ of: string | undefined }> {
  return { of: await findOpenCase(duplicateKey(record.complaint), record.caseId) };
}

function routed(plan: RoutingPlan, caseId: string, safetyReport: boolean): void {
  countCaseRouted(plan.routing);
  logger.info('case routed', { caseId, outcome: plan.routing.outcome, ruleId: plan.routing.ruleId, step: plan.routing.step, associationId: plan.associationId, safetyReport });
}

/**
 * Files a case routed in the filing's own transaction: the decision is pure
 * given the registry, the fund and the open-case marker, so the consumer's
 * 201 already carries it and the stream is left only the follow-ups
 * (`followUpRouting`). If the case id is taken, the case holding it comes
 * back, as from a plain create.
 */
export async function fileRoutedCase(filed: CaseRecord, now: Date): Promise<CreateRoutedCaseOutcome> {
  try {
    const lookups = await routingLookups(filed);
    let duplicate: { of: string | undefined } | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const outcome = await decideAndWrite(filed, lookups, duplicate, now, (plan, writes) => createRoutedCase(filed, plan, writes));
      if (outcome === 'marker_taken') {
        duplicate = await lookAtMarker(filed);
        logger.info('open-case marker taken while filing; deciding again', { caseId: filed.caseId, duplicateOf: duplicate.of, attempt });
        continue;
      }
      if (outcome.written.kind === 'created') routed(outcome.plan, filed.caseId, outcome.safetyReport);
      return outcome.written;
    }
    throw new Error(`The open-case marker of case ${filed.caseId} kept changing while it was filed.`);
  } catch (error) {
    // A store that does not answer is the caller's 503 (the consumer retries with the Idempotency-Key). Anything
    // else — a damaged registry entry, a rule that throws — must not lose the complaint: it is filed unrouted, and
    // the stream router tries it, retries it and finally dead-letters it, the case waiting `received` in its queue.
    if (isStoreUnavailable(error)) throw error;
    logger.error('could not route at filing; filed unrouted for the stream router', { caseId: filed.caseId, error: error as Error });
    const outcome = await createCase(filed);
    return outcome.kind === 'created' ? { kind: 'created', record: filed } : outcome;
  }
}

/** A refusal is an outcome: like a mediator's `refuse`, the case closes at once (rating window, disclosure, erasure clock). */
async function closeIfRefused(record: CaseRecord, now: Date): Promise<void> {
  if (record.status !== 'not_accepted') return;
  const stored = await readCase(record.caseId);
  if (stored?.record.status === 'not_accepted') await closeIfFinished(stored, now);
}

/**
 * What follows a routing, idempotent so the stream may repeat it after any
 * failure: counting towards collective action, closing a refusal, and on
 * the `disclosure` step becoming a disclosure candidate at once (SPEC
 * section 6, the objection window counting from today).
 */
export async function followUpRouting(record: CaseRecord, now: Date): Promise<void> {
  await countTowardsCollective(record);
  await closeIfRefused(record, now);
  await makeCandidateIfDue(record, now);
}

/**
 * Routes a case the stream delivers: one routed at filing only gets its
 * follow-ups; one stored without a routing (filed before routing moved into
 * filing) is decided and written here, version-checked, so a redelivered
 * record or a second router changes nothing.
 */
export async function routeCase(caseId: string, options: { filed?: CaseRecord; now?: Date } = {}): Promise<RoutingResult> {
  const now = options.now ?? new Date();
  let record: CaseRecord | undefined = options.filed;
  let lookups: RoutingLookups | undefined;
  let duplicate: { of: string | undefined } | undefined;

  for (let attempt = 1; attempt <= attempts; attempt++) {
    record ??= await getCase(caseId); // the case item alone, strongly consistent: what the router decides on
    if (!record) return { kind: 'missing' };
    if (record.routing) {
      await followUpRouting(record, now);
      return { kind: 'already_routed' };
    }
    if (record.status !== 'received') return { kind: 'not_waiting', status: record.status };

    lookups ??= await routingLookups(record);
    const current = record;
    let outcome;
    try {
      outcome = await decideAndWrite(current, lookups, duplicate, now, (plan, writes) => applyRouting(current, plan, writes));
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error;
      logger.info('case changed while routing; deciding again', { caseId, attempt });
      record = undefined;
      continue;
    }
    if (outcome === 'marker_taken') {
      duplicate = await lookAtMarker(current);
      continue;
    }
    routed(outcome.plan, caseId, outcome.safetyReport);
    // The follow-ups read the case as written: its version moved on with the routing.
    const after = await getCase(caseId);
    if (after) await followUpRouting(after, now);
    return { kind: 'routed', outcome: outcome.plan.routing.outcome, ruleId: outcome.plan.routing.ruleId };
  }
  throw new Error(`Case ${caseId} kept changing while it was routed.`);
}
