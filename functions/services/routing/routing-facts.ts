import type { CaseRecord } from '../../domain/complaints/case';
import type { RoutingFacts } from '../../domain/routing';
import type { MerchantRecord } from '../../reference/types';
import { getFund } from '../../store/funds-store';
import { getMerchant } from '../../store/registry-store';
import { parseStoredMerchant } from '../../domain/merchants/merchant-schema';
import { cachedFund, cachedMerchant } from './registry-cache';

/** The registry entry for the credit code the consumer gave, validated; undefined when none is given or registered. */
export async function registeredMerchant(creditCode: string | undefined): Promise<MerchantRecord | undefined> {
  if (!creditCode) return undefined;
  return cachedMerchant(creditCode, async () => {
    const entry = await getMerchant(creditCode);
    return entry === undefined ? undefined : parseStoredMerchant(entry);
  });
}

/** The guarantee fund the merchant's commitment names, if it is registered: rule 2 needs it (SPEC section 9). */
export async function advancePayoutFundOf(registered: MerchantRecord | undefined): Promise<RoutingFacts['advancePayoutFund']> {
  const fundId = registered?.advancePayout?.fundId;
  if (!fundId) return undefined;
  return cachedFund(fundId, async () => {
    const fund = await getFund(fundId);
    return fund ? { fundId: fund.fundId, associationId: fund.associationId } : undefined;
  });
}

/** What the rules see of a filed case. Everything is judged as of the filing day, so a late retry decides alike. */
export function routingFacts(record: CaseRecord, registered: MerchantRecord | undefined, openCaseExists: boolean, advancePayoutFund?: RoutingFacts['advancePayoutFund']): RoutingFacts {
  const { complaint } = record;
  const { merchant } = complaint;
  return {
    claim: { type: complaint.claim.type, ...(complaint.claim.amountFen !== undefined ? { amountFen: complaint.claim.amountFen } : {}) },
    purchase: { date: complaint.purchase.date },
    merchant: {
      name: merchant.name,
      ...(merchant.creditCode ? { creditCode: merchant.creditCode } : {}),
      ...(merchant.regionCode ? { regionCode: merchant.regionCode } : {}),
      ...(merchant.address ? { address: merchant.address } : {}),
      ...(merchant.platform ? { platform: merchant.platform } : {}),
      registered,
    },
    consumer: { regionCode: complaint.consumer.regionCode },
    category: complaint.category,
    injury: { occurred: complaint.injury.occurred },
    knownSince: complaint.knownSince,
    filedOn: record.receivedOn,
    openCaseExists,
    ...(advancePayoutFund ? { advancePayoutFund } : {}),
  };
}
