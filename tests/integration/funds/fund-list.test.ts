import { startTestStack, type TestStack } from '../../support/dynamodb';
import { call, staffTokens, tokenFor, type Answer, type Json } from '../cases/support';
import { deposit, putFund } from './support';

/**
 * `GET /v1/funds`: how the console finds the funds a person keeps. Admins
 * see every fund, a mediator the funds of its association only (the same
 * rule as `GET /v1/funds/{fundId}`), merchants and regulators none.
 */
let stack: TestStack;
let tokens: Awaited<ReturnType<typeof staffTokens>>;

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  tokens = await staffTokens();
});
afterAll(() => stack?.stop());

const ids = (answer: Answer): string[] => answer.body.items.map((f: Json) => f.fundId);

it('lists every fund for an admin and the association\'s funds for its mediators, with the registry fields as last saved', async () => {
  await putFund(stack, tokens.admin, 'list-kaifeng', { name: '开封市先行赔付基金', kind: 'quality_deposit', associationId: '410200', perCaseLimitFen: 100_000 });
  await putFund(stack, tokens.admin, 'list-zhengzhou', { name: '郑州测试基金', kind: 'guarantee', associationId: '410100', perCaseLimitFen: 200_000 });
  // A renamed fund is listed under its new name; money never shows here (and never changes the entry).
  await putFund(stack, tokens.admin, 'list-zhengzhou', { name: '郑州测试基金（新）', kind: 'guarantee', associationId: '410100', perCaseLimitFen: 300_000 });
  expect((await deposit(stack, tokens.admin, 'list-zhengzhou', { amountFen: 5000, reference: 'BANK-9' })).status).toBe(201);

  const all = await call(stack, 'GET', '/v1/funds', { token: tokens.admin });
  expect(all.status).toBe(200);
  expect(ids(all)).toEqual(['list-kaifeng', 'list-zhengzhou']);
  expect(all.body.items.find((f: Json) => f.fundId === 'list-zhengzhou')).toEqual({ fundId: 'list-zhengzhou', name: '郑州测试基金（新）', kind: 'guarantee', associationId: '410100', perCaseLimitFen: 300_000 });

  const zhengzhou = await call(stack, 'GET', '/v1/funds', { token: tokens.mediator });
  expect(zhengzhou.status).toBe(200);
  expect(ids(zhengzhou)).toEqual(['list-zhengzhou']);
  const kaifeng = await call(stack, 'GET', '/v1/funds', { token: await tokenFor({ role: 'mediator', org: '410200' }) });
  expect(ids(kaifeng)).toEqual(['list-kaifeng']);
  const province = await call(stack, 'GET', '/v1/funds', { token: await tokenFor({ role: 'mediator', org: '410000' }) });
  expect(province).toMatchObject({ status: 200, body: { items: [] } });
});

it('is not for merchants, regulators or anonymous callers', async () => {
  expect((await call(stack, 'GET', '/v1/funds', { token: tokens.merchant })).status).toBe(403);
  expect((await call(stack, 'GET', '/v1/funds', { token: tokens.regulator })).status).toBe(403);
  expect((await call(stack, 'GET', '/v1/funds', {})).status).toBe(401);
});
