import type { RoutingFacts } from '../../domain/routing';
import type { MerchantRecord } from '../../reference/types';
import { PromiseCache } from '../../shared/promise-cache';
import { tableName } from '../../store/client';

/**
 * What routing and notifications read of the registry, kept for a short
 * while in the function's memory: nearly every filing names one of the
 * merchants complained about most, and reading its entry again each time
 * was a quarter of intake's store work, and most of the notifier's reads. A change an admin makes through this
 * process is seen at once (`forget…`); one made elsewhere (another Lambda
 * instance) reaches routing within `registryCacheSeconds`. Entries that do
 * not parse are never kept.
 */
export const registryCacheSeconds = 30;

const options = { ttlMs: registryCacheSeconds * 1000, maxEntries: 10_000 };
const merchants = new PromiseCache<MerchantRecord | undefined>(options);
const contacts = new PromiseCache<MerchantRecord['contact']>(options);
const funds = new PromiseCache<RoutingFacts['advancePayoutFund']>(options);

// Keyed by table too: tests and benches run several tables in one process.
const keyOf = (id: string) => `${tableName()}\u0000${id}`;

export const cachedMerchant = (creditCode: string, load: () => Promise<MerchantRecord | undefined>) => merchants.get(keyOf(creditCode), load);
export const cachedFund = (fundId: string, load: () => Promise<RoutingFacts['advancePayoutFund']>) => funds.get(keyOf(fundId), load);
export const cachedContact = (creditCode: string, load: () => Promise<MerchantRecord['contact']>) => contacts.get(keyOf(creditCode), load);
export function forgetMerchant(creditCode: string): void {
  merchants.forget(keyOf(creditCode));
  contacts.forget(keyOf(creditCode));
}
export const forgetFund = (fundId: string) => funds.forget(keyOf(fundId));
