import { addDays } from '../../../functions/domain/calendar/dates';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { addWorkingDays } from '../../../functions/domain/calendar/working-days';
import { documentDb } from '../../../functions/store/client';
import { calendar } from '../../../functions/reference';
import rules from '../../../seeds/routing-rules.json';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { putFund } from '../funds/support';
import { complaint, creditCodeIn, daysAgo, file, justTimeBarredKnownSince, merchantNamed, queueOf, registerMerchant, routedView, today, token, yearsAgo, type Json } from './support';

/**
 * The router on the local stack, end to end: complaints filed over HTTP,
 * routed by the stream consumer of the route table, read back as the
 * consumer sees them. One row per rule and edge of SPEC sections 2-3.
 */
let stack: TestStack;

/** The registry the rows route against, registered through the admin API. */
const registry = {
  /** ODR enterprise with a 5,000-yuan advance-payout commitment, 金水区. */
  zhengzhouAppliances: { creditCode: '91410105MA45K7Q29L', name: '郑州某某电器有限公司', regionCode: '410105', odr: true, advancePayout: { limitFen: 500000, fundId: 'zhengzhou-guarantee' }, offlineNoReasonReturn: true },
  /** Neither ODR nor advance payout, 荥阳市 (郑州). */
  xingyangFurniture: { creditCode: '91410182MA46CW8R4N', name: '荥阳某某家具城有限公司', regionCode: '410182', odr: false, offlineNoReasonReturn: true },
  /** ODR only, 祥符区 (开封). */
  kaifengFood: { creditCode: '91410212MA9F1N3C25', name: '开封某某食品有限公司', regionCode: '410212', odr: true, offlineNoReasonReturn: false },
  /** 济源 is a county-level city that is its own prefecture. */
  jiyuanTrading: { creditCode: '91419001MA4B2X7J5K', name: '济源某某商贸有限公司', regionCode: '419001', odr: false, offlineNoReasonReturn: true },
};

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  const admin = await token({ role: 'admin' });
  // SPEC section 9: rule 2 needs the fund the commitment names.
  const fund = await putFund(stack, admin, 'zhengzhou-guarantee', { name: '郑州市先行赔付基金', kind: 'guarantee', associationId: '410100', perCaseLimitFen: 500000 });
  if (fund.status !== 201) throw new Error(`registering the fund: ${fund.status} ${JSON.stringify(fund.body)}`);
  for (const { creditCode, ...entry } of Object.values(registry)) {
    const answer = await registerMerchant(stack, admin, creditCode, entry);
    if (answer.status !== 201) throw new Error(`registering ${creditCode}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  // A running stack has its router loaded; the first case on a fresh one also pays for loading it.
  await routedView(stack, await file(stack, complaint()));
});
afterAll(() => stack?.stop());

const at = (merchant: (typeof registry)[keyof typeof registry]) => ({ name: merchant.name, creditCode: merchant.creditCode, regionCode: merchant.regionCode });
const ruleReason = (ruleId: string) => rules.rules.find((rule) => rule.id === ruleId)?.reason;

interface Row {
  name: string;
  body: () => Json;
  outcome: 'accepted' | 'not_accepted' | 'review';
  ruleId: string;
  step: string | null;
  association: string;
  deadline: 'odr' | 'mediation' | 'acceptance' | 'payout' | null;
}

const rows: Row[] = [
  {
    name: '只要求公示：不求赔偿，只要把投诉公开 (against an advance-payout merchant, rule 1 wins)',
    body: () => complaint({ merchant: at(registry.zhengzhouAppliances), claim: { type: 'disclosure_only', amountFen: undefined }, description: '空调宣传一级能效，实测不达标。我不要赔偿，只希望公示，提醒其他消费者。' }),
    outcome: 'accepted',
    ruleId: 'disclosure_only',
    step: 'disclosure',
    association: '410100',
    deadline: null,
  },
  {
    name: '网购洗衣机 1,299 元无法脱水要求退款，商家承诺先行赔付 5,000 元',
    body: () => complaint({ merchant: at(registry.zhengzhouAppliances) }),
    outcome: 'accepted',
    ruleId: 'advance_payout',
    step: 'advance_payout',
    association: '410100',
    deadline: 'payout',
  },
  {
    name: '退货金额正好等于先行赔付限额 5,000.00 元',
    body: () => complaint({ merchant: at(registry.zhengzhouAppliances), purchase: { amountFen: 500000 }, claim: { type: 'return', amountFen: 500000 }, description: '新买的冰箱不制冷，要求退货退款 5000 元。' }),
    outcome: 'accepted',
    ruleId: 'advance_payout',
    step: 'advance_payout',
    association: '410100',
    deadline: 'payout',
  },
  {
    name: '退款金额超出限额一分钱 (5,000.01 元)：ODR 企业先直接协商',
    body: () => complaint({ merchant: at(registry.zhengzhouAppliances), purchase: { amountFen: 500001 }, claim: { amountFen: 500001 }, description: '电视屏幕出现坏点，要求退款 5000.01 元。' }),
    outcome: 'accepted',
    ruleId: 'odr_merchant',
    step: 'odr',
    association: '410100',
    deadline: 'odr',
  },
  {
    name: '购买后正好 90 天要求退款',
    body: () => complaint({ merchant: at(registry.zhengzhouAppliances), purchase: { date: daysAgo(90) }, knownSince: daysAgo(80) }),
    outcome: 'accepted',
    ruleId: 'advance_payout',
    step: 'advance_payout',
    association: '410100',
    deadline: 'payout',
  },
  {
    name: '购买后 91 天要求退款：超过先行赔付期限，由 ODR 企业协商',
    body: () => complaint({ merchant: at(registry.zhengzhouAppliances), purchase: { date: daysAgo(91) }, knownSince: daysAgo(80) }),
    outcome: 'accepted',
    ruleId: 'odr_merchant',
    step: 'odr',
    association: '410100',
    deadline: 'odr',
  },
  {
    name: 'ODR 企业：买到过期月饼要求换货',
    body: () => complaint({ merchant: at(registry.kaifengFood), category: 'food', claim: { type: 'exchange', amountFen: 8800 }, description: '中秋买的月饼礼盒拆开发现已过保质期，要求换货。' }),
    outcome: 'accepted',
    ruleId: 'odr_merchant',
    step: 'odr',
    association: '410200',
    deadline: 'odr',
  },
  {
    name: '已登记但非 ODR、无先行赔付：荥阳家具城沙发开裂，由郑州市消协调解',
    body: () => complaint({ merchant: at(registry.xingyangFurniture), category: 'daily_goods', description: '沙发买了两个月皮面开裂，商家说是人为损坏，拒绝维修。' }),
    outcome: 'accepted',
    ruleId: 'mediation_by_region',
    step: 'mediation',
    association: '410100',
    deadline: 'mediation',
  },
  {
    name: '未登记的商家（有信用代码），在新乡市红旗区：由新乡市消协调解',
    body: () => complaint({ merchant: { name: '新乡市红旗区某某电动车商行', creditCode: creditCodeIn('410702', '700000001'), regionCode: '410702', address: '新乡市红旗区平原路 88 号', platform: undefined }, category: 'ebikes', description: '电动车电池充不进电，商家推说是使用问题。' }),
    outcome: 'accepted',
    ruleId: 'mediation_by_region',
    step: 'mediation',
    association: '410700',
    deadline: 'mediation',
  },
  {
    name: '济源的商家：济源市自成一个地市，由济源市消协调解',
    body: () => complaint({ merchant: at(registry.jiyuanTrading), category: 'daily_goods', description: '买的电饭煲内胆涂层脱落，商家不给换。' }),
    outcome: 'accepted',
    ruleId: 'mediation_by_region',
    step: 'mediation',
    association: '419001',
    deadline: 'mediation',
  },
  {
    name: '登记的地区优先于消费者填写的地区：济源商家被填成郑州中原区',
    body: () => complaint({ merchant: { ...at(registry.jiyuanTrading), regionCode: '410102' }, category: 'daily_goods', description: '买的保温杯漏水，商家不理睬。' }),
    outcome: 'accepted',
    ruleId: 'mediation_by_region',
    step: 'mediation',
    association: '419001',
    deadline: 'mediation',
  },
  {
    name: '商家所在地不明：由消费者所在地（南阳）消协调解',
    body: () => complaint({ consumer: { regionCode: '411302' }, merchant: merchantNamed({ name: '某某网店', platform: '某电商平台' }), category: 'clothing', description: '网购的羽绒服含绒量与宣传不符，卖家不退。' }),
    outcome: 'accepted',
    ruleId: 'mediation_by_region',
    step: 'mediation',
    association: '411300',
    deadline: 'mediation',
  },
  {
    name: '知道权益受损正好三年后投诉：最后一天，仍然受理',
    body: () => complaint({ merchant: at(registry.xingyangFurniture), purchase: { date: yearsAgo(3, 10) }, knownSince: yearsAgo(3), category: 'daily_goods', description: '三年前买的衣柜门板开裂，当时商家答应维修一直拖着。' }),
    outcome: 'accepted',
    ruleId: 'mediation_by_region',
    step: 'mediation',
    association: '410100',
    deadline: 'mediation',
  },
  {
    name: '时效最后一天（三年，遇节假日顺延）已过才投诉：超过时效，不予受理',
    body: () => complaint({ merchant: at(registry.xingyangFurniture), purchase: { date: yearsAgo(3, 20) }, knownSince: justTimeBarredKnownSince(), category: 'daily_goods', description: '三年前买的衣柜门板开裂，当时商家答应维修一直拖着。' }),
    outcome: 'not_accepted',
    ruleId: 'time_barred',
    step: null,
    association: '410100',
    deadline: null,
  },
  {
    name: '说不出卖家是谁：不予受理 (no_respondent)',
    body: () => complaint({ merchant: merchantNamed({ name: '不知道' }), description: '路边摊买的充电宝鼓包了，不记得是哪家。' }),
    outcome: 'not_accepted',
    ruleId: 'no_respondent',
    step: null,
    association: '410100',
    deadline: null,
  },
  {
    name: '只知道店名：等调解员核实被投诉人 (review, mediation proposed)',
    body: () => complaint({ merchant: merchantNamed({ name: '老王家电维修部' }), claim: { type: 'repair', amountFen: undefined }, description: '空调修了三次还是不制冷，维修部不再上门。' }),
    outcome: 'review',
    ruleId: 'mediation_by_region',
    step: null,
    association: '410100',
    deadline: 'acceptance',
  },
  {
    name: '诉求为“其他”：等调解员判断是否属于消费纠纷 (review, ODR proposed)',
    body: () => complaint({ merchant: at(registry.kaifengFood), category: 'food', claim: { type: 'other', amountFen: undefined }, description: '希望商家公开道歉并说明食品添加剂的使用情况。' }),
    outcome: 'review',
    ruleId: 'odr_merchant',
    step: null,
    association: '410200',
    deadline: 'acceptance',
  },
];

describe('the router decides every filed case by the rules of SPEC sections 2 and 3', () => {
  const routed = new Map<string, { view: Json; afterMs: number; caseId: string }>();

  beforeAll(async () => {
    // One after the other, as complaints trickle in: each is timed from its own filing.
    for (const row of rows) {
      const filed = await file(stack, row.body());
      routed.set(row.name, { ...(await routedView(stack, filed)), caseId: filed.caseId });
    }
  });

  test.each(rows)('$name', async (row) => {
    const { view, caseId } = routed.get(row.name)!;
    const routedStatus = { accepted: 'accepted', not_accepted: 'not_accepted', review: 'received' }[row.outcome];
    // A refusal is an outcome, and a case that reaches one closes at once (version 3).
    if (row.outcome === 'not_accepted') expect(view).toMatchObject({ status: 'closed', step: row.step, version: 3 });
    // On the disclosure step the case becomes a disclosure candidate at once (version 3).
    else expect(view).toMatchObject({ status: routedStatus, step: row.step, version: row.step === 'disclosure' ? 3 : 2 });
    expect(view.routing).toMatchObject({ outcome: row.outcome, ruleId: row.ruleId, ruleSetId: 'default', ruleSetVersion: rules.version, associationId: row.association });
    // The reason is shown in both languages; an accepted case shows its rule's own line.
    expect(view.routing.reason['zh-CN']).toMatch(/\p{Script=Han}/u);
    expect(view.routing.reason.en.length).toBeGreaterThan(10);
    if (row.outcome === 'accepted') expect(view.routing.reason).toEqual(ruleReason(row.ruleId));
    if (row.outcome === 'not_accepted') expect(view.routing.refusalReason).toBe(row.ruleId);

    const expectedDeadline = {
      odr: { kind: 'odr', date: addWorkingDays(today(), 10, calendar) },
      mediation: { kind: 'mediation', date: addWorkingDays(today(), 45, calendar) },
      acceptance: { kind: 'acceptance', date: addWorkingDays(today(), 7, calendar) },
      payout: { kind: 'payout', date: addWorkingDays(today(), 10, calendar) },
    };
    // A refused case has closed: its deadline is the end of the consumer's 30-day rating window.
    const expected = row.outcome === 'not_accepted' ? { kind: 'rating', date: addDays(today(), 30) } : row.deadline === null ? null : expectedDeadline[row.deadline];
    expect(view.deadline === null ? null : { kind: view.deadline.kind, date: view.deadline.date }).toEqual(expected);

    // The timeline says who decided (the system), what, and why — with what the router saw.
    const event = view.timeline.find((e: Json) => e.seq === 2);
    expect(event).toMatchObject({ actor: 'system', type: { accepted: 'route_accept', not_accepted: 'route_refuse', review: 'route_review' }[row.outcome], status: routedStatus });
    if (row.outcome === 'not_accepted') expect(view.timeline.find((e: Json) => e.seq === 3)).toMatchObject({ actor: 'system', type: 'close', status: 'closed' });
    expect(event.reason.text).toEqual(view.routing.reason);
    expect(event.reason.inputs).toMatchObject({ 'claim.type': row.body().claim.type, category: expect.any(String), filedOn: today(), openCaseExists: false });
    if (row.outcome !== 'not_accepted') expect(event.reason.rule).toEqual({ ruleSetId: 'default', ruleSetVersion: rules.version, ruleId: row.ruleId });

    // Every case sits in the queue of the association that handles it.
    expect(await queueOf(stack, row.association)).toContain(caseId);
  });

  test('records the registry facts the rules read, so a person can retrace a decision', () => {
    const { view } = routed.get(rows[3]!.name)!; // one fen over the payout limit
    expect(view.timeline[1].reason.inputs).toMatchObject({
      'claim.amountFen': 500001,
      'merchant.registered': true,
      'merchant.odr': true,
      'merchant.advancePayout.limitFen': 500000,
      'purchase.ageDays': 20,
      'merchant.regionCode': '410105',
    });
  });

  test('routes every case within 2 seconds of filing', () => {
    const slowest = Math.max(...[...routed.values()].map((r) => r.afterMs));
    expect(slowest).toBeLessThan(2000);
  });
});

describe('a single complaint on a quiet stack', () => {
  test('is routed within 2 seconds, and the consumer reads why', async () => {
    const filed = await file(stack, complaint({ merchant: at(registry.kaifengFood), category: 'food', description: '买到的牛奶有异味，喝了肚子疼，要求退款。' }));
    const { view, afterMs } = await routedView(stack, filed);
    expect(afterMs).toBeLessThan(2000);
    expect(view.routing.reason['zh-CN']).toContain('在线消费纠纷解决');
    expect(view.routing.reason.en).toContain('ODR');
  });
});

describe('duplicates (same consumer, merchant and order as an open case)', () => {
  test('a second complaint about the same order is refused, naming no other case to the consumer', async () => {
    const first = complaint({ merchant: at(registry.xingyangFurniture), category: 'daily_goods', purchase: { orderRef: 'XY-2026-00731' } });
    const original = await routedView(stack, await file(stack, first));
    expect(original.view.status).toBe('accepted');

    // The same consumer files again, typing the order number differently.
    const again = await routedView(stack, await file(stack, { ...first, purchase: { ...first.purchase, orderRef: 'xy 2026 00731' }, description: '上次投诉没有回音，再投诉一次：沙发开裂。' }));
    expect(again.view).toMatchObject({ status: 'closed', routing: { outcome: 'not_accepted', refusalReason: 'duplicate' } });
    expect(again.view.timeline[1]).toMatchObject({ type: 'route_refuse', reason: { code: 'duplicate', inputs: { openCaseExists: true } } });
    expect(JSON.stringify(again.view)).not.toContain(original.view.caseId);

    // Another order of the same consumer at the same merchant is a complaint of its own.
    const otherOrder = await routedView(stack, await file(stack, { ...first, purchase: { ...first.purchase, orderRef: 'XY-2026-00999' } }));
    expect(otherOrder.view.status).toBe('accepted');
  });

  test('without an order number, the purchase date and amount identify the order', async () => {
    const first = complaint({ merchant: at(registry.jiyuanTrading), category: 'daily_goods', purchase: { orderRef: undefined, channel: 'offline' } });
    expect((await routedView(stack, await file(stack, first))).view.status).toBe('accepted');
    expect((await routedView(stack, await file(stack, first))).view.routing.refusalReason).toBe('duplicate');
    const otherDay = { ...first, purchase: { ...first.purchase, date: daysAgo(21) } };
    expect((await routedView(stack, await file(stack, otherDay))).view.status).toBe('accepted');
  });

  test('a complaint repeating a case that is no longer open is a complaint of its own', async () => {
    const body = complaint({ merchant: at(registry.kaifengFood), category: 'food', claim: { type: 'refund', amountFen: 3900 } });
    const first = await routedView(stack, await file(stack, body));
    expect(first.view.status).toBe('accepted');
    // The first case has since been settled (the staff actions that do this are tested with the lifecycle).
    await documentDb().send(new UpdateCommand({ TableName: stack.tableName, Key: { pk: `CASE#${first.view.caseId}`, sk: 'CASE' }, UpdateExpression: 'SET #status = :resolved', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':resolved': 'resolved' } }));
    const again = await routedView(stack, await file(stack, { ...body, description: '同一批次的饼干又吃出了异物，再次投诉。' }));
    expect(again.view.status).toBe('accepted');
    // ...and it now holds the place: a third copy is the duplicate.
    expect((await routedView(stack, await file(stack, body))).view.routing.refusalReason).toBe('duplicate');
  });

  test('two copies filed at the same moment: exactly one is accepted', async () => {
    const body = complaint({ merchant: at(registry.zhengzhouAppliances), claim: { type: 'repair', amountFen: undefined } });
    const views = await Promise.all([1, 2, 3].map(async () => (await routedView(stack, await file(stack, body))).view));
    expect(views.map((v) => v.status).sort()).toEqual(['accepted', 'closed', 'closed']);
    expect(views.map((v) => v.routing.outcome).sort()).toEqual(['accepted', 'not_accepted', 'not_accepted']);
  });
});
