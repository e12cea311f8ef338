import { startTestStack, type TestStack } from '../../support/dynamodb';
import { call, complaint, file, merchantNamed, registerMerchant, routedView, token, yearsAgo, type Json } from './support';

/**
 * SPEC section 3: an injury in a safety-reportable category raises a
 * report for the regulator of the merchant's region at once, whatever step
 * the case takes; `GET /v1/safety-reports` shows each regulator its own.
 */
let stack: TestStack;
const filed: Record<string, { caseId: string; accessCode: string; filedAt: number }> = {};

const ebikeShop = { creditCode: '92410702MA4GHT6W04', name: '新乡市红旗区某某电动车商行', regionCode: '410702', odr: false, offlineNoReasonReturn: true };

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  const { creditCode, ...entry } = ebikeShop;
  await registerMerchant(stack, await token({ role: 'admin' }), creditCode, entry);

  const complaints: Record<string, Json> = {
    // 新乡: a registered e-bike shop; the battery caught fire while charging.
    xinxiangEbike: complaint({
      consumer: { name: '李四', phone: '13912345678', email: 'lisi@example.cn', address: '新乡市红旗区某小区 3 栋' },
      merchant: { name: ebikeShop.name, creditCode: ebikeShop.creditCode, regionCode: '410102' },
      category: 'ebikes',
      issue: 'safety',
      description: '电动车在楼下充电时电池起火，扑救时手被烧伤。',
      injury: { occurred: true, description: '右手二度烧伤，门诊治疗两周' },
    }),
    // No merchant region: the consumer's prefecture (南阳) gets the report.
    nanyangHeater: complaint({
      consumer: { regionCode: '411302' },
      merchant: merchantNamed({ name: '某某小家电旗舰店', platform: '某电商平台' }),
      category: 'appliances',
      issue: 'safety',
      description: '电暖器使用时外壳带电，孩子被电击。',
      injury: { occurred: true, description: '儿童手部电击伤，住院观察一天' },
    }),
    // Clothing is not a safety-reportable category.
    zhengzhouShoes: complaint({ category: 'clothing', issue: 'quality', description: '新买的皮鞋鞋跟断裂，走路摔倒扭伤脚踝。', injury: { occurred: true, description: '脚踝扭伤' } }),
    // Refused as time-barred, yet the hazard is still reported.
    xinxiangOldCharger: complaint({
      merchant: { name: ebikeShop.name, creditCode: ebikeShop.creditCode, regionCode: '410702' },
      purchase: { date: yearsAgo(4, 5) },
      knownSince: yearsAgo(4),
      category: 'ebikes',
      issue: 'safety',
      description: '四年前买的电动车充电器短路冒烟，烫伤手指。',
      injury: { occurred: true },
    }),
    // An e-bike complaint without an injury raises nothing.
    xinxiangNoInjury: complaint({ merchant: { name: ebikeShop.name, creditCode: ebikeShop.creditCode, regionCode: '410702' }, category: 'ebikes', description: '电动车续航远低于宣传的 80 公里。' }),
  };
  for (const [name, body] of Object.entries(complaints)) {
    filed[name] = await file(stack, body);
    await routedView(stack, filed[name]!);
  }
});
afterAll(() => stack?.stop());

async function reportsFor(region: string, query = ''): Promise<{ status: number; body: Json }> {
  return call(stack, 'GET', `/v1/safety-reports${query}`, { token: await token({ role: 'regulator', region }) });
}

const caseIds = (body: Json) => body.items.map((report: Json) => report.caseId);

test('the prefecture of the merchant (registry first) gets the report, at once and whatever the step', async () => {
  const xinxiang = await reportsFor('410700');
  expect(xinxiang.status).toBe(200);
  // Newest first; the refused (time-barred) case is reported too.
  expect(caseIds(xinxiang.body)).toEqual([filed.xinxiangOldCharger!.caseId, filed.xinxiangEbike!.caseId]);
  expect(xinxiang.body.cursor).toBeUndefined();
  expect(xinxiang.body.items[1]).toEqual({
    caseId: filed.xinxiangEbike!.caseId,
    reportedAt: expect.any(String),
    reportedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    prefectureCode: '410700',
    regionCode: '410702',
    category: 'ebikes',
    issue: 'safety',
    merchant: { name: ebikeShop.name, creditCode: ebikeShop.creditCode },
    injuryDescription: '右手二度烧伤，门诊治疗两周',
    harmKnownSince: expect.any(String),
  });
});

test('without a merchant region the consumer’s prefecture gets it', async () => {
  expect(caseIds((await reportsFor('411300')).body)).toEqual([filed.nanyangHeater!.caseId]);
});

test('reports carry nothing to contact the consumer by', async () => {
  const text = JSON.stringify((await reportsFor('410000')).body);
  for (const personal of ['李四', '13912345678', 'lisi@example.cn', '某小区']) expect(text).not.toContain(personal);
});

test('each regulator sees its own region only; the province sees all', async () => {
  expect(caseIds((await reportsFor('410100')).body)).toEqual([]); // 郑州: the shoes are not reportable
  expect(caseIds((await reportsFor('410702')).body)).toEqual([filed.xinxiangOldCharger!.caseId, filed.xinxiangEbike!.caseId]); // 红旗区: its own merchants
  expect(caseIds((await reportsFor('410711')).body)).toEqual([]); // 牧野区, another county of 新乡
  const province = caseIds((await reportsFor('410000')).body);
  expect(province).toEqual([filed.xinxiangOldCharger!.caseId, filed.nanyangHeater!.caseId, filed.xinxiangEbike!.caseId]);
  for (const unreported of [filed.zhengzhouShoes!.caseId, filed.xinxiangNoInjury!.caseId]) expect(province).not.toContain(unreported);
});

test('pages with a cursor, and refuses a cursor it did not make', async () => {
  const first = await reportsFor('410000', '?limit=2');
  expect(first.body.items).toHaveLength(2);
  expect(first.body.cursor).toEqual(expect.any(String));
  const second = await reportsFor('410000', `?limit=2&cursor=${encodeURIComponent(first.body.cursor)}`);
  expect(caseIds(second.body)).toEqual([filed.xinxiangEbike!.caseId]);
  expect(second.body.cursor).toBeUndefined();

  // Another region's cursor, a forged one, a bad limit, an unknown parameter: each a 400 naming the field.
  const xinxiangCursor = (await reportsFor('410700', '?limit=1')).body.cursor;
  for (const [query, field] of [
    [`?cursor=${encodeURIComponent(xinxiangCursor)}`, 'cursor'],
    ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['?limit=0', 'limit'],
    ['?limit=abc', 'limit'],
    ['?region=410100', 'region'],
  ] as const) {
    const answer = await reportsFor('410000', query);
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((i: Json) => i.path)).toEqual([field]);
  }
});

test('only regulators may read them', async () => {
  expect((await call(stack, 'GET', '/v1/safety-reports')).status).toBe(401);
  for (const identity of [{ role: 'mediator', org: '410700' }, { role: 'merchant', merchant: ebikeShop.creditCode }, { role: 'admin' }] as const) {
    const answer = await call(stack, 'GET', '/v1/safety-reports', { token: await token(identity) });
    expect(answer.status).toBe(403);
  }
});
