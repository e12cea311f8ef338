import { addDays } from '../calendar/dates';
import { addYears } from '../calendar/months';
import type { MerchantRecord } from '../../reference/types';
import type { CaseFacts } from './case-facts';
import { addCounters, countersOf, type Counters } from './cells';
import { figuresOf } from './figures';

/**
 * A merchant's public record (SPEC section 6): complaints received in the
 * last 12 months and how they ended, as counted by the last aggregation
 * run, with the merchant's commitments from the registry. Not suppressed:
 * it is the record of a business, and its figures name no consumer.
 */
export interface MerchantPublicRecord {
  creditCode: string;
  name: string;
  /** The 12 months counted, China dates, both included. */
  from: string;
  to: string;
  complaints12m: number;
  accepted: number;
  notAccepted: number;
  resolved: number;
  unresolved: number;
  withdrawn: number;
  resolutionRate: number | null;
  medianDaysToClose: number | null;
  odr: boolean;
  advancePayout: { limitFen: number } | null;
  /** SPEC section 9: fen guarantee funds paid for the merchant's cases and not yet recovered from it, overdue or not (cases of the 12 months counted). */
  advancePayoutsUnrecoveredFen: number;
  offlineNoReasonReturn: boolean;
  generatedAt: string | null;
}

/** The first day of the 12 months that end on `today`: 2026-11-26 -> 2025-11-27. */
export function twelveMonthsEndingOn(today: string): string {
  return addDays(addYears(today, -1), 1);
}

export function merchantPublicRecord(input: {
  creditCode: string;
  name: string;
  registered: MerchantRecord | undefined;
  counted: readonly CaseFacts[];
  from: string;
  to: string;
  generatedAt: string | null;
}): MerchantPublicRecord {
  const counters: Counters = {};
  for (const facts of input.counted) addCounters(counters, countersOf(facts));
  const figures = figuresOf(counters);
  return {
    creditCode: input.creditCode,
    name: input.name,
    from: input.from,
    to: input.to,
    complaints12m: figures.received,
    accepted: figures.accepted,
    notAccepted: figures.notAccepted,
    resolved: figures.resolved,
    unresolved: figures.unresolved,
    withdrawn: figures.withdrawn,
    resolutionRate: figures.resolutionRate,
    medianDaysToClose: figures.medianDaysToClose,
    odr: input.registered?.odr ?? false,
    advancePayout: input.registered?.advancePayout ? { limitFen: input.registered.advancePayout.limitFen } : null,
    advancePayoutsUnrecoveredFen: figures.advancePayoutPaidFen - figures.advancePayoutRecoveredFen,
    offlineNoReasonReturn: input.registered?.offlineNoReasonReturn ?? false,
    generatedAt: input.generatedAt,
  };
}
