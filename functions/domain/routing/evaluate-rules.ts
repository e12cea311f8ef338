import type { Label } from '../i18n';
import type { CaseStep } from '../lifecycle/types';
import { associationFor } from './association';
import { evaluateCondition } from './conditions';
import { merchantRegionOf, type RoutingFacts } from './facts';
import type { RoutingRuleSet } from './rule-schema';

/** What a case records about its routing (SPEC section 3). */
export interface RoutingDecision {
  ruleSetId: string;
  ruleSetVersion: number;
  ruleId: string;
  step: CaseStep;
  /**
   * The association whose queue the case is in: it mediates, and it takes over
   * when ODR or the advance payout ends without redress, so every case has one.
   */
  associationId: string;
  reason: Label;
}

/** The first rule whose condition holds picks the step; the rule set's last rule always holds. */
export function evaluateRules(ruleSet: RoutingRuleSet, facts: RoutingFacts, prefectureOf: (regionCode: string) => string | undefined): RoutingDecision {
  const rule = ruleSet.rules.find((candidate) => candidate.when === undefined || evaluateCondition(candidate.when, facts));
  // parseRuleSet guarantees a catch-all last rule; a hand-built rule set might not have one.
  if (rule === undefined) throw new Error(`Routing rule set '${ruleSet.ruleSetId}' v${ruleSet.version} has no rule for this case.`);
  return {
    ruleSetId: ruleSet.ruleSetId,
    ruleSetVersion: ruleSet.version,
    ruleId: rule.id,
    step: rule.then.step,
    associationId: associationFor(merchantRegionOf(facts), facts.consumer.regionCode, prefectureOf),
    reason: rule.reason,
  };
}
