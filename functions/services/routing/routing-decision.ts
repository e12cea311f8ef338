import type { CaseRecord } from '../../domain/complaints/case';
import { defaultRuleSet, type RoutingFacts } from '../../domain/routing';
import { planRouting } from '../../domain/routing/routing-plan';
import { calendar, prefectureOf } from '../../reference';
import type { MerchantRecord } from '../../reference/types';
import { safetyReportFor } from '../safety/safety-report';
import { advancePayoutFundOf, registeredMerchant, routingFacts } from './routing-facts';

/** What the rules read besides the case: the registry entry of the merchant and the fund behind its commitment. */
export interface RoutingLookups {
  registered: MerchantRecord | undefined;
  fund: RoutingFacts['advancePayoutFund'];
}

export async function routingLookups(record: CaseRecord): Promise<RoutingLookups> {
  const registered = await registeredMerchant(record.complaint.merchant.creditCode);
  return { registered, fund: await advancePayoutFundOf(registered) };
}

/** The routing decision and the safety report it raises, before anything is written. Pure given the lookups. */
export function decideRouting(record: CaseRecord, lookups: RoutingLookups, duplicateOf: string | undefined, now: Date) {
  const facts = routingFacts(record, lookups.registered, duplicateOf !== undefined, lookups.fund);
  const plan = planRouting({ record, facts, ruleSet: defaultRuleSet, duplicateOf, now, calendar, prefectureOf });
  return { plan, safetyReport: safetyReportFor(record, facts, plan, now) };
}
