import { startTestStack, type TestStack } from '../../support/dynamodb';
import { putFund } from '../funds/support';
import { call, complaint, creditCodeIn, file, registerMerchant, routedView, token, type Json } from './support';

/** `PUT /v1/merchants/{creditCode}`: admins keep the registry the routing rules read. */
let stack: TestStack;
let admin: string;
beforeAll(async () => {
  stack = await startTestStack({ web: false });
  admin = await token({ role: 'admin' });
});
afterAll(() => stack?.stop());

const nanyangSchool = { name: '南阳某某教育培训有限公司', regionCode: '411303', odr: false, advancePayout: { limitFen: 200000, fundId: 'registry-test-fund' }, offlineNoReasonReturn: false };

test('registers a merchant (201), replaces it (200), and records versions', async () => {
  const creditCode = creditCodeIn('411303', '303000001');
  const created = await registerMerchant(stack, admin, creditCode, nanyangSchool);
  expect(created).toEqual({ status: 201, body: { creditCode, ...nanyangSchool, version: 1, updatedAt: expect.any(String) } });

  // The school joins ODR and withdraws its payout commitment: the whole entry is replaced.
  const { advancePayout: _withdrawn, ...withoutPayout } = nanyangSchool;
  const replaced = await registerMerchant(stack, admin, creditCode, { ...withoutPayout, odr: true });
  expect(replaced).toEqual({ status: 200, body: { creditCode, ...withoutPayout, odr: true, version: 2, updatedAt: expect.any(String) } });
  expect(Date.parse(replaced.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.body.updatedAt));
});

test('accepts a credit code typed in lower case and files it under the canonical one', async () => {
  const creditCode = creditCodeIn('410105', '105000077');
  const answer = await registerMerchant(stack, admin, creditCode.toLowerCase(), { ...nanyangSchool, name: '郑州某某家政服务有限公司', regionCode: '410105' });
  expect(answer.status).toBe(201);
  expect(answer.body.creditCode).toBe(creditCode);
});

test('the router reads the registry as it is when a case comes in', async () => {
  const creditCode = creditCodeIn('411303', '303000002');
  const refund = (description: string) =>
    complaint({ merchant: { name: nanyangSchool.name, creditCode, regionCode: '411303' }, category: 'education', claim: { type: 'refund', amountFen: 150000 }, description });

  // Unknown to the registry: mediation by the association of the prefecture the consumer named.
  const before = await routedView(stack, await file(stack, refund('报名的英语培训班开课一周后机构停课，要求退还剩余学费 1500 元。')));
  expect(before.view.routing).toMatchObject({ ruleId: 'mediation_by_region', associationId: '411300' });

  // SPEC section 9: the commitment's fund is not registered yet, so rule 2 does not match.
  await registerMerchant(stack, admin, creditCode, nanyangSchool);
  const noFund = await routedView(stack, await file(stack, refund('机构停课，要求退还预付学费 1500 元，商家承诺先行赔付。')));
  expect(noFund.view.routing).toMatchObject({ ruleId: 'mediation_by_region', associationId: '411300' });

  const fund = await putFund(stack, admin, 'registry-test-fund', { name: '南阳市先行赔付基金', kind: 'guarantee', associationId: '411300', perCaseLimitFen: 500000 });
  expect(fund.status).toBe(201);
  const payout = await routedView(stack, await file(stack, refund('培训机构跑路，要求退还预付的课时费 1500 元。')));
  expect(payout.view).toMatchObject({ status: 'accepted', step: 'advance_payout', routing: { ruleId: 'advance_payout' } });

  const { advancePayout: _withdrawn, ...withoutPayout } = nanyangSchool;
  await registerMerchant(stack, admin, creditCode, { ...withoutPayout, odr: true });
  const odr = await routedView(stack, await file(stack, refund('课程与宣传不符，要求退还学费 1500 元。')));
  expect(odr.view).toMatchObject({ status: 'accepted', step: 'odr', routing: { ruleId: 'odr_merchant' } });
});

test('names every bad field in one 400', async () => {
  const answer = await call(stack, 'PUT', '/v1/merchants/91410105MA45K7Q29X', {
    token: admin,
    headers: { 'Accept-Language': 'zh-CN' },
    body: { name: '', regionCode: '110105', advancePayout: { limitFen: -5 }, offlineNoReasonReturn: 'yes', website: 'https://example.cn' },
  });
  expect(answer.status).toBe(400);
  expect(answer.body.error).toBe('invalid_input');
  const issues = Object.fromEntries(answer.body.issues.map((issue: Json) => [issue.path, issue.message]));
  // SPEC section 9: a commitment names its fund.
  expect(Object.keys(issues).sort()).toEqual(['advancePayout.fundId', 'advancePayout.limitFen', 'creditCode', 'name', 'odr', 'offlineNoReasonReturn', 'regionCode', 'website'].sort());
  expect(issues.creditCode).toContain('统一社会信用代码');
  expect(issues.regionCode).toContain('河南');
  expect(issues.odr).toBe('此项必填');
  expect(issues.website).toBe('不认识的字段');
});

test('refuses an empty body, a zero payout limit and a body that is not JSON', async () => {
  const creditCode = creditCodeIn('410105', '105000088');
  const empty = await call(stack, 'PUT', `/v1/merchants/${creditCode}`, { token: admin, body: {} });
  expect(empty.status).toBe(400);
  expect(empty.body.issues.map((i: Json) => i.path).sort()).toEqual(['name', 'odr', 'offlineNoReasonReturn', 'regionCode']);
  const zero = await registerMerchant(stack, admin, creditCode, { ...nanyangSchool, advancePayout: { limitFen: 0, fundId: 'registry-test-fund' } });
  expect(zero.status).toBe(400);
  expect(zero.body.issues.map((i: Json) => i.path)).toEqual(['advancePayout.limitFen']);
  const text = await fetch(`${stack.baseUrl}/v1/merchants/${creditCode}`, { method: 'PUT', headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'text/plain' }, body: 'odr=true' });
  expect(text.status).toBe(415);
});

test('only admins may write the registry', async () => {
  const creditCode = creditCodeIn('410105', '105000099');
  expect((await call(stack, 'PUT', `/v1/merchants/${creditCode}`, { body: nanyangSchool })).status).toBe(401);
  expect((await call(stack, 'PUT', `/v1/merchants/${creditCode}`, { body: nanyangSchool, token: 'not-a-token' })).status).toBe(401);
  for (const identity of [{ role: 'mediator', org: '410100' }, { role: 'regulator', region: '410000' }, { role: 'merchant', merchant: creditCode }] as const) {
    const answer = await call(stack, 'PUT', `/v1/merchants/${creditCode}`, { body: nanyangSchool, token: await token(identity) });
    expect(answer).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  }
  // Nothing was written by the refused calls.
  expect((await registerMerchant(stack, admin, creditCode, nanyangSchool)).status).toBe(201);
});
