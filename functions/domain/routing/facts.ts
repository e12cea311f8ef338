import type { MerchantRecord } from '../../reference/types';
import { daysBetween } from '../calendar/dates';

/** What a complaint and a registry lookup tell the router. Dates are China dates (`YYYY-MM-DD`). */
export interface RoutingFacts {
  claim: { type: string; amountFen?: number };
  purchase: { date: string };
  merchant: {
    name: string;
    creditCode?: string;
    regionCode?: string;
    address?: string;
    /** The platform the shop sells on, which must name the seller (Consumer Rights Protection Law art. 44). */
    platform?: string;
    /** The registry entry for `creditCode`, if any. */
    registered: MerchantRecord | undefined;
  };
  consumer: { regionCode: string };
  category: string;
  injury: { occurred: boolean };
  knownSince: string;
  filedOn: string;
  /** The caller found an open case with the same consumer phone, merchant and order reference. */
  openCaseExists: boolean;
  /** The guarantee fund the merchant's advance-payout commitment names, when it exists in the registry. */
  advancePayoutFund?: { fundId: string; associationId: string };
}

export type FactValue = string | number | boolean | undefined;
export type FactType = 'string' | 'number' | 'boolean';

/**
 * The facts a routing rule may name, each with its type and how it is read.
 * Rules can reach nothing else: there is no general property access, so a
 * rule file cannot walk into prototypes or unrelated data.
 */
export const factCatalogue = {
  'claim.type': { type: 'string', read: (f: RoutingFacts) => f.claim.type },
  'claim.amountFen': { type: 'number', read: (f: RoutingFacts) => f.claim.amountFen },
  /** Calendar days from the purchase to the filing date: a router retry days later sees the same age. */
  'purchase.ageDays': { type: 'number', read: (f: RoutingFacts) => daysBetween(f.purchase.date, f.filedOn) },
  category: { type: 'string', read: (f: RoutingFacts) => f.category },
  'injury.occurred': { type: 'boolean', read: (f: RoutingFacts) => f.injury.occurred },
  'consumer.regionCode': { type: 'string', read: (f: RoutingFacts) => f.consumer.regionCode },
  'merchant.regionCode': { type: 'string', read: (f: RoutingFacts) => merchantRegionOf(f) },
  'merchant.registered': { type: 'boolean', read: (f: RoutingFacts) => f.merchant.registered !== undefined },
  'merchant.odr': { type: 'boolean', read: (f: RoutingFacts) => f.merchant.registered?.odr },
  'merchant.advancePayout.limitFen': { type: 'number', read: (f: RoutingFacts) => f.merchant.registered?.advancePayout?.limitFen },
  /** Undefined without a commitment; with one, whether its guarantee fund is registered (SPEC section 9). */
  'merchant.advancePayout.fundExists': {
    type: 'boolean',
    read: (f: RoutingFacts) => (f.merchant.registered?.advancePayout ? f.advancePayoutFund !== undefined && f.advancePayoutFund.fundId === f.merchant.registered.advancePayout.fundId : undefined),
  },
  'merchant.offlineNoReasonReturn': { type: 'boolean', read: (f: RoutingFacts) => f.merchant.registered?.offlineNoReasonReturn },
} as const satisfies Record<string, { type: FactType; read: (facts: RoutingFacts) => FactValue }>;

export type FactName = keyof typeof factCatalogue;
export const factNames = Object.keys(factCatalogue) as [FactName, ...FactName[]];

/** The registry's region wins over what the consumer typed: admins keep the registry. */
export function merchantRegionOf(facts: RoutingFacts): string | undefined {
  return facts.merchant.registered?.regionCode ?? facts.merchant.regionCode;
}

export function readFact(facts: RoutingFacts, name: FactName): FactValue {
  return factCatalogue[name].read(facts);
}
