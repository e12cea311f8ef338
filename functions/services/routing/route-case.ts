import type { CaseRecord, CaseRouting } from '../../domain/complaints/case';
import { StaleVersionError } from '../../domain/errors';
import { defaultRuleSet, type RoutingFacts } from '../../domain/routing';
import { duplicateKey } from '../../domain/routing/duplicate-key';
import { planRouting } from '../../domain/routing/routing-plan';
import { calendar, prefectureOf } from '../../reference';
import type { MerchantRecord } from '../../reference/types';
import { getCase, readCase } from '../../store/cases-store';
import { closeIfFinished } from '../cases/apply-action';
import { makeCandidateIfDue } from '../disclosure/candidates';
import { logger } from '../../shared/logger';
import { countCaseRouted } from '../../observability/metrics';
import { applyRouting, findOpenCase, OpenCaseMarkerTaken } from '../../store/routing-store';
import { countTowardsCollective } from '../collective/group-membership';
import { safetyReportFor } from '../safety/safety-report';
import { advancePayoutFundOf, registeredMerchant, routingFacts } from './routing-facts';

export type RoutingResult =
  | { kind: 'routed'; outcome: CaseRouting['outcome']; ruleId: string }
  /** Routed before (a redelivered record, or a second router won): nothing changed. */
  | { kind: 'already_routed' }
  /** Someone decided first (a mediator accepted or refused, the consumer withdrew): routing has nothing to do. */
  | { kind: 'not_waiting'; status: string }
  | { kind: 'missing' };

/** Each conflict means "someone else wrote first": look again and decide anew, a few times. */
const attempts = 5;

/** The routing decision and the safety report it raises, before anything is written. */
function decide(record: CaseRecord, registered: MerchantRecord | undefined, fund: RoutingFacts['advancePayoutFund'], duplicateOf: string | undefined, now: Date) {
  const facts = routingFacts(record, registered, duplicateOf !== undefined, fund);
  const plan = planRouting({ record, facts, ruleSet: defaultRuleSet, duplicateOf, now, calendar, prefectureOf });
  return { plan, safetyReport: safetyReportFor(record, facts, plan, now) };
}

/**
 * Routes one filed case exactly once (SPEC sections 2-3): triage, the rule
 * set, and the write of the outcome with its event, open-case marker and
 * safety report in one version-checked transaction. Then the idempotent
 * follow-up (collective-action counting), which also runs when the case
 * turns out to be routed already, so a crash between the two is healed by
 * the stream's retry.
 *
 * The duplicate check is optimistic: a case that stays open creates its
 * open-case marker in the routing transaction, and only when the marker
 * exists already does the router look at the case holding it (open: a
 * duplicate; closed: a stale marker, removed). A refusal writes no marker,
 * so it looks first: `duplicate` is the refusal that tells the consumer most.
 */
/** A refusal is an outcome: like a mediator's `refuse`, the case closes at once (rating window, disclosure, erasure clock). */
async function closeIfRefused(caseId: string, now: Date): Promise<void> {
  const stored = await readCase(caseId);
  if (stored?.record.status === 'not_accepted') await closeIfFinished(stored, now);
}

export async function routeCase(caseId: string, options: { filed?: CaseRecord; now?: Date } = {}): Promise<RoutingResult> {
  const now = options.now ?? new Date();
  let record: CaseRecord | undefined = options.filed;
  let registered: MerchantRecord | undefined;
  let fund: RoutingFacts['advancePayoutFund'];
  let lookedUp = false;
  let duplicateOf: string | undefined;
  let duplicateChecked = false;

  for (let attempt = 1; attempt <= attempts; attempt++) {
    record ??= await getCase(caseId); // the case item alone, strongly consistent: what the router decides on
    if (!record) return { kind: 'missing' };
    if (record.routing) {
      // No registry read here: a case already counted is left as it is, and the name is only for display.
      await countTowardsCollective(record, undefined);
      await closeIfRefused(caseId, now); // a redelivery finishes what a crash left undone
      await makeCandidateIfDue(record, now);
      return { kind: 'already_routed' };
    }
    if (record.status !== 'received') return { kind: 'not_waiting', status: record.status };

    if (!lookedUp) {
      registered = await registeredMerchant(record.complaint.merchant.creditCode);
      fund = await advancePayoutFundOf(registered);
      lookedUp = true;
    }
    const duplicateKeyHash = duplicateKey(record.complaint);
    let decision = decide(record, registered, fund, duplicateOf, now);
    if (!decision.plan.open && !duplicateChecked) {
      duplicateOf = await findOpenCase(duplicateKeyHash, caseId);
      duplicateChecked = true;
      decision = decide(record, registered, fund, duplicateOf, now);
    }
    const { plan, safetyReport } = decision;

    try {
      await applyRouting(record, plan, { duplicateKeyHash: plan.open ? duplicateKeyHash : undefined, safetyReport });
    } catch (error) {
      if (error instanceof OpenCaseMarkerTaken) {
        // Another case with the same consumer, merchant and order holds the marker: is it still open?
        duplicateOf = await findOpenCase(duplicateKeyHash, caseId);
        duplicateChecked = true;
        continue;
      }
      if (error instanceof StaleVersionError) {
        logger.info('case changed while routing; deciding again', { caseId, attempt });
        record = undefined;
        continue;
      }
      throw error;
    }
    await countTowardsCollective({ ...record, routing: plan.routing }, registered);
    if (plan.routing.outcome === 'not_accepted') await closeIfRefused(caseId, now);
    countCaseRouted(plan.routing);
    // SPEC section 6: on the `disclosure` step a case is a candidate at once, its objection window counting from today.
    if (plan.step === 'disclosure') await makeCandidateIfDue((await getCase(caseId))!, now);
    logger.info('case routed', { caseId, outcome: plan.routing.outcome, ruleId: plan.routing.ruleId, step: plan.routing.step, associationId: plan.associationId, safetyReport: safetyReport !== undefined });
    return { kind: 'routed', outcome: plan.routing.outcome, ruleId: plan.routing.ruleId };
  }
  throw new Error(`Case ${caseId} kept changing while it was routed.`);
}
