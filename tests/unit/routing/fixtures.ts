import type { RoutingFacts } from '../../../functions/domain/routing';
import type { MerchantRecord } from '../../../functions/reference/types';

/** A few Henan region codes and their prefectures, as the region seeds give them. */
const prefectures: Record<string, string> = {
  '410000': '410000', // 河南省
  '410100': '410100', // 郑州市
  '410105': '410100', // 金水区
  '410182': '410100', // 荥阳市
  '410200': '410200', // 开封市
  '410212': '410200', // 祥符区
  '410700': '410700', // 新乡市
  '410702': '410700', // 红旗区
  '411300': '411300', // 南阳市
  '411302': '411300', // 宛城区
  '419001': '419001', // 济源市: a county-level city that is its own prefecture
};
export const prefectureOf = (code: string): string | undefined => prefectures[code];

export const merchants = {
  /** ODR enterprise with a 5,000-yuan advance-payout commitment. */
  zhengzhouAppliances: { creditCode: '91410105MA45K7Q29L', name: '郑州某某电器有限公司', regionCode: '410105', odr: true, advancePayout: { limitFen: 500000, fundId: 'henan-guarantee' }, offlineNoReasonReturn: true },
  /** Advance payout of 2,000 yuan, not an ODR enterprise. */
  xinxiangFurniture: { creditCode: '91410702MA47XY3K1B', name: '新乡某某家居有限公司', regionCode: '410702', odr: false, advancePayout: { limitFen: 200000, fundId: 'henan-guarantee' }, offlineNoReasonReturn: false },
  /** ODR only. */
  kaifengFood: { creditCode: '91410212MA9F1N3C25', name: '开封某某食品有限公司', regionCode: '410212', odr: true, offlineNoReasonReturn: false },
  /** Neither ODR nor advance payout, in 济源. */
  jiyuanEbikes: { creditCode: '91419001MA40P2L83D', name: '济源某某电动车行', regionCode: '419001', odr: false, offlineNoReasonReturn: true },
} satisfies Record<string, MerchantRecord>;

type FactsOverrides = { [K in keyof RoutingFacts]?: RoutingFacts[K] extends object ? Partial<RoutingFacts[K]> : RoutingFacts[K] };

/** 郑州金水区的消费者网购了一台 1,299 元的空调，一个月后要求退款。 */
export function complaintFacts(overrides: FactsOverrides = {}): RoutingFacts {
  const base: RoutingFacts = {
    claim: { type: 'refund', amountFen: 129900 },
    purchase: { date: '2026-10-01' },
    merchant: { name: merchants.zhengzhouAppliances.name, creditCode: merchants.zhengzhouAppliances.creditCode, registered: merchants.zhengzhouAppliances },
    consumer: { regionCode: '410105' },
    category: 'appliances',
    injury: { occurred: false },
    knownSince: '2026-10-05',
    filedOn: '2026-11-02',
    openCaseExists: false,
    // The fund both committed merchants name is registered (rule 2 needs it, SPEC section 9).
    advancePayoutFund: { fundId: 'henan-guarantee', associationId: '410000' },
  };
  return {
    ...base,
    ...overrides,
    claim: { ...base.claim, ...overrides.claim },
    purchase: { ...base.purchase, ...overrides.purchase },
    merchant: { ...base.merchant, ...overrides.merchant },
    consumer: { ...base.consumer, ...overrides.consumer },
    injury: { ...base.injury, ...overrides.injury },
  } as RoutingFacts;
}

/** An unregistered merchant known only from what the consumer typed. */
export function unregisteredMerchant(merchant: Partial<RoutingFacts['merchant']>): Partial<RoutingFacts['merchant']> {
  return { creditCode: undefined, registered: undefined, ...merchant };
}
