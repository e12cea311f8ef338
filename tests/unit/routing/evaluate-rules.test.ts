import { defaultRuleSet, evaluateRules } from '../../../functions/domain/routing';
import { complaintFacts, merchants, prefectureOf, unregisteredMerchant } from './fixtures';

const route = (facts: ReturnType<typeof complaintFacts>) => evaluateRules(defaultRuleSet, facts, prefectureOf);

describe('the default rule set routes realistic complaints to the first matching step', () => {
  test.each([
    {
      name: '只要求公示：消费者不求赔偿，只要求把投诉公开 (even against an advance-payout merchant)',
      facts: complaintFacts({ claim: { type: 'disclosure_only', amountFen: undefined } }),
      rule: 'disclosure_only',
      step: 'disclosure',
    },
    {
      name: '网购空调 1,299 元一个月后要求退款，商家承诺先行赔付 5,000 元',
      facts: complaintFacts(),
      rule: 'advance_payout',
      step: 'advance_payout',
    },
    {
      name: '退货金额正好等于先行赔付限额 5,000.00 元',
      facts: complaintFacts({ claim: { type: 'return', amountFen: 500000 } }),
      rule: 'advance_payout',
      step: 'advance_payout',
    },
    {
      name: '退款金额超出限额一分钱 (5,000.01 元): the ODR merchant negotiates instead',
      facts: complaintFacts({ claim: { amountFen: 500001 } }),
      rule: 'odr_merchant',
      step: 'odr',
    },
    {
      name: '购买后正好 90 天要求退款',
      facts: complaintFacts({ purchase: { date: '2026-08-04' }, knownSince: '2026-08-10' }),
      rule: 'advance_payout',
      step: 'advance_payout',
    },
    {
      name: '购买后 91 天要求退款',
      facts: complaintFacts({ purchase: { date: '2026-08-03' }, knownSince: '2026-08-10' }),
      rule: 'odr_merchant',
      step: 'odr',
    },
    {
      name: '要求换货 (exchange is not a payout claim)',
      facts: complaintFacts({ claim: { type: 'exchange', amountFen: 129900 } }),
      rule: 'odr_merchant',
      step: 'odr',
    },
    {
      name: '要求退款但未填金额: the fund cannot pay an unknown amount',
      facts: complaintFacts({ claim: { type: 'refund', amountFen: undefined } }),
      rule: 'odr_merchant',
      step: 'odr',
    },
    {
      name: '新乡家具退款 2,500 元，超出 2,000 元限额，商家非 ODR 企业',
      facts: complaintFacts({ claim: { amountFen: 250000 }, merchant: { name: merchants.xinxiangFurniture.name, registered: merchants.xinxiangFurniture }, consumer: { regionCode: '410702' } }),
      rule: 'mediation_by_region',
      step: 'mediation',
    },
    {
      name: '开封食品：ODR 企业，没有先行赔付承诺',
      facts: complaintFacts({ category: 'food', claim: { amountFen: 8800 }, merchant: { name: merchants.kaifengFood.name, registered: merchants.kaifengFood } }),
      rule: 'odr_merchant',
      step: 'odr',
    },
    {
      name: '未登记的小店',
      facts: complaintFacts({ merchant: unregisteredMerchant({ name: '金水区王记家电维修部', address: '郑州市金水区某路 12 号' }) }),
      rule: 'mediation_by_region',
      step: 'mediation',
    },
  ])('$name -> $step', ({ facts, rule, step }) => {
    expect(route(facts)).toMatchObject({ ruleSetId: 'default', ruleSetVersion: defaultRuleSet.version, ruleId: rule, step });
  });

  test('rule 2 needs the guarantee fund the commitment names to exist (SPEC section 9)', () => {
    const { advancePayoutFund: _none, ...withoutFund } = complaintFacts();
    expect(route(withoutFund)).toMatchObject({ ruleId: 'odr_merchant', step: 'odr' });
    expect(route(complaintFacts({ advancePayoutFund: { fundId: 'another-fund', associationId: '410000' } }))).toMatchObject({ ruleId: 'odr_merchant' });
    expect(route(complaintFacts())).toMatchObject({ ruleId: 'advance_payout', step: 'advance_payout' });
  });

  test("the case records the matching rule's one-line reason in both languages", () => {
    const decision = route(complaintFacts());
    const rule = defaultRuleSet.rules.find((r) => r.id === 'advance_payout');
    expect(decision.reason).toEqual(rule?.reason);
    expect(decision.reason['zh-CN']).toContain('先行赔付');
  });
});

describe('the association that mediates (rule 4) is chosen for every case', () => {
  test.each([
    { name: 'a Zhengzhou merchant (金水区 410105) goes to Zhengzhou', merchant: { registered: merchants.zhengzhouAppliances }, consumerRegion: '411302', association: '410100' },
    { name: 'a 济源 merchant (419001) goes to 济源 itself, not 419000', merchant: { name: merchants.jiyuanEbikes.name, registered: merchants.jiyuanEbikes }, consumerRegion: '410105', association: '419001' },
    { name: 'an unregistered merchant with a typed region (红旗区 410702) goes to 新乡', merchant: unregisteredMerchant({ name: '红旗区某某超市', regionCode: '410702' }), consumerRegion: '410105', association: '410700' },
    { name: "a merchant without a region falls back to the consumer's prefecture (宛城区 -> 南阳)", merchant: unregisteredMerchant({ name: '某网店（淘宝）', platform: '淘宝' }), consumerRegion: '411302', association: '411300' },
    { name: 'neither region known falls back to the provincial association', merchant: unregisteredMerchant({ name: '外省某某电器商城', platform: '京东' }), consumerRegion: '412999', association: '410000' },
    { name: "the registry's region wins over what the consumer typed", merchant: { registered: merchants.xinxiangFurniture, regionCode: '410105' }, consumerRegion: '410105', association: '410700' },
  ])('$name', ({ merchant, consumerRegion, association }) => {
    expect(route(complaintFacts({ merchant, consumer: { regionCode: consumerRegion } })).associationId).toBe(association);
  });
});
