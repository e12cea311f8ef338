import type { WorkingCalendar } from '../../reference/types';
import { chinaDate } from '../calendar/working-days';
import { stepDeadline } from '../cases/deadlines';
import { type AdvancePayoutFund, type CaseRecord, type CaseRouting, type Deadline, type RoutingInputs, type TimelineEvent } from '../complaints/case';
import { decide, type CaseAction, type CaseStatus, type CaseStep } from '../lifecycle';
import { evaluateRules, type RoutingDecision } from './evaluate-rules';
import { factNames, readFact, type RoutingFacts } from './facts';
import { identifyRespondent } from './respondent';
import type { RoutingRuleSet } from './rule-schema';
import { triage } from './triage';

/** The step deadlines are the deadline module's (`cases/deadlines.ts`); routing starts them. */
export { stepDeadline };

/** What the router will do to one case, before anything is written. */
export interface RoutingPlan {
  routing: CaseRouting;
  status: CaseStatus;
  step: CaseStep | null;
  /** Absent when refused: there is nowhere to send a refused case. */
  routedStep?: CaseStep;
  acceptedOn?: string;
  /** The case's deadline afterwards: a review keeps its acceptance deadline, a refusal has none. */
  deadline: Deadline | null;
  associationId: string;
  event: Omit<TimelineEvent, 'seq'>;
  /** Still open afterwards (accepted, or waiting for a mediator): it can be duplicated and counts towards collective action. */
  open: boolean;
  /** The fund behind the advance payout, when the rules pick that step (now or at a mediator's `accept`). */
  advancePayoutFund?: AdvancePayoutFund;
}

/** Rule 2 only matches with a registered fund, so a case sent to advance payout always has one. */
function advancePayoutFundOf(step: CaseStep | undefined, facts: RoutingFacts): AdvancePayoutFund | undefined {
  const commitment = facts.merchant.registered?.advancePayout;
  if (step !== 'advance_payout' || !commitment || !facts.advancePayoutFund) return undefined;
  return { fundId: facts.advancePayoutFund.fundId, associationId: facts.advancePayoutFund.associationId, merchantLimitFen: commitment.limitFen };
}

export interface RoutingPlanInput {
  record: CaseRecord;
  facts: RoutingFacts;
  ruleSet: RoutingRuleSet;
  /** The open case this one repeats, when the duplicate check found one (then `facts.openCaseExists`). */
  duplicateOf?: string;
  now: Date;
  calendar: WorkingCalendar;
  prefectureOf: (regionCode: string) => string | undefined;
}

/** Every fact a rule may read, plus what triage reads, as the event records them. */
export function routingInputs(facts: RoutingFacts): RoutingInputs {
  const inputs: RoutingInputs = Object.fromEntries(factNames.map((name) => [name, readFact(facts, name) ?? null]));
  return { ...inputs, 'merchant.identifiedBy': identifyRespondent(facts.merchant), knownSince: facts.knownSince, filedOn: facts.filedOn, openCaseExists: facts.openCaseExists };
}

function transition(action: Extract<CaseAction, 'route_accept' | 'route_refuse'>, routedStep: CaseStep | undefined) {
  const decision = decide({ status: 'received', hasOpenOffer: false, routedStep }, action, 'system');
  // The caller only plans for a `received` case, where the lifecycle table allows both.
  if (!decision.ok) throw new Error(`The lifecycle table does not allow ${action} from received.`);
  return decision.next;
}

/**
 * Triage first (SPEC section 2: refuse what rules can refuse, leave to a
 * mediator what they cannot decide), then the rule set picks the step
 * (section 3). The rules run for every case: the association they name is
 * the case's queue even when it is refused, and a case left for review
 * records where a mediator's `accept` will send it.
 */
export function planRouting(input: RoutingPlanInput): RoutingPlan {
  const { record, facts, ruleSet, now, calendar } = input;
  if (record.status !== 'received') throw new Error(`Only a received case is routed; ${record.caseId} is ${record.status}.`);
  const routedAt = now.toISOString();
  const triaged = triage(facts, calendar);
  const decision: RoutingDecision = evaluateRules(ruleSet, facts, input.prefectureOf);
  const rule = { ruleSetId: decision.ruleSetId, ruleSetVersion: decision.ruleSetVersion, ruleId: decision.ruleId };
  const inputs = routingInputs(facts);
  const common = { ruleSetId: rule.ruleSetId, ruleSetVersion: rule.ruleSetVersion, associationId: decision.associationId, routedAt };

  if (triaged.outcome === 'refuse') {
    const next = transition('route_refuse', undefined);
    return {
      routing: {
        ...common,
        outcome: 'not_accepted',
        ruleId: triaged.reason,
        refusalReason: triaged.reason,
        reason: triaged.explanation,
        ...(input.duplicateOf ? { duplicateOf: input.duplicateOf } : {}),
      },
      status: next.status,
      step: null,
      deadline: null,
      associationId: decision.associationId,
      event: { at: routedAt, actor: 'system', type: 'route_refuse', status: next.status, step: null, reason: { code: triaged.reason, text: triaged.explanation, inputs } },
      open: false,
    };
  }

  if (triaged.outcome === 'review') {
    return {
      routing: { ...common, outcome: 'review', ruleId: decision.ruleId, step: decision.step, reviewReason: triaged.reason, reason: triaged.explanation },
      status: 'received',
      step: null,
      routedStep: decision.step,
      deadline: record.deadline,
      associationId: decision.associationId,
      event: { at: routedAt, actor: 'system', type: 'route_review', status: 'received', step: null, reason: { code: triaged.reason, text: triaged.explanation, rule, inputs } },
      open: true,
      ...withFund(advancePayoutFundOf(decision.step, facts)),
    };
  }

  const next = transition('route_accept', decision.step);
  const acceptedOn = chinaDate(now);
  const step = next.step ?? decision.step;
  return {
    routing: { ...common, outcome: 'accepted', ruleId: decision.ruleId, step, reason: decision.reason },
    status: next.status,
    step,
    routedStep: decision.step,
    acceptedOn,
    deadline: stepDeadline(step, acceptedOn, calendar),
    associationId: decision.associationId,
    event: { at: routedAt, actor: 'system', type: 'route_accept', status: next.status, step, reason: { code: decision.ruleId, text: decision.reason, rule, inputs } },
    open: true,
    ...withFund(advancePayoutFundOf(step, facts)),
  };
}

const withFund = (fund: AdvancePayoutFund | undefined) => (fund ? { advancePayoutFund: fund } : {});
