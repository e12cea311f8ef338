import { chinaDate } from '../../domain/calendar/working-days';
import type { CaseRecord } from '../../domain/complaints/case';
import { merchantRegionOf, safetyReportRequired, type RoutingFacts } from '../../domain/routing';
import type { RoutingPlan } from '../../domain/routing/routing-plan';
import { categories } from '../../reference';
import type { SafetyReport } from '../../store/safety-store';

/**
 * SPEC section 3: an injury in a safety-reportable category is reported at
 * once, whatever step the case takes — refused ones included (a hazard is
 * a hazard even when the complaint is time-barred), except a duplicate,
 * whose incident the case it repeats has already reported.
 *
 * The report goes to the prefecture that handles the case (the merchant's,
 * registry first, else the consumer's); it carries no consumer contact data.
 */
export function safetyReportFor(record: CaseRecord, facts: RoutingFacts, plan: RoutingPlan, now: Date): SafetyReport | undefined {
  const { complaint } = record;
  if (!safetyReportRequired(complaint.category, complaint.injury, categories)) return undefined;
  if (plan.routing.refusalReason === 'duplicate') return undefined;
  const merchantName = facts.merchant.registered?.name ?? complaint.merchant.name;
  const creditCode = complaint.merchant.creditCode;
  return {
    caseId: record.caseId,
    reportedAt: now.toISOString(),
    reportedOn: chinaDate(now),
    prefectureCode: plan.associationId,
    regionCode: merchantRegionOf(facts) ?? complaint.consumer.regionCode,
    category: complaint.category,
    issue: complaint.issue,
    merchant: { name: merchantName, ...(creditCode ? { creditCode } : {}) },
    ...(complaint.injury.description ? { injuryDescription: complaint.injury.description } : {}),
    harmKnownSince: complaint.knownSince,
  };
}
