import seedFile from '../../seeds/demo-complaints.json';
import { creditCodeCheckSymbol } from '../../functions/domain/complaints/credit-code';
import { demoSeedSchema, type DemoSeed } from '../../functions/reference/demo-seed-schema';
import { parseSeed } from '../../functions/reference/load';
import { prefectureOf } from '../../functions/reference';
import type { MerchantRecord } from '../../functions/reference/types';

/** `seeds/demo-complaints.json`, validated; a broken file stops the demo before it writes anything. */
export const demoSeed: DemoSeed = parseSeed('demo-complaints.json', demoSeedSchema, seedFile);

export interface DemoMerchant extends MerchantRecord {
  category: string;
}

const creditAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A made-up but well-formed unified social credit code for the n-th demo
 * merchant: `91` (enterprise), its region code, `MA` and a serial, then the
 * GB 32100 check character. Derived, so every run registers the same codes.
 */
export function demoCreditCode(regionCode: string, serial: number): string {
  let digits = '';
  for (let rest = serial + 31 ** 5, i = 0; i < 7; i++, rest = Math.floor(rest / 31)) digits = creditAlphabet[rest % 31]! + digits;
  const first17 = `91${regionCode}MA${digits}`;
  return first17 + creditCodeCheckSymbol(first17)!;
}

/** The seed's merchants as the registry will hold them. */
export const demoMerchants: readonly DemoMerchant[] = demoSeed.merchants.map((merchant, index) => ({
  creditCode: demoCreditCode(merchant.regionCode, index + 1),
  name: merchant.name,
  regionCode: merchant.regionCode,
  odr: merchant.odr,
  // One demo guarantee fund per prefecture backs its merchants' commitments.
  ...(merchant.advancePayoutLimitFen ? { advancePayout: { limitFen: merchant.advancePayoutLimitFen, fundId: `fund-${prefectureOf(merchant.regionCode)}` } } : {}),
  offlineNoReasonReturn: merchant.offlineNoReasonReturn,
  category: merchant.category,
}));
