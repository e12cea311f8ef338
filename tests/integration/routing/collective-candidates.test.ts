import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb } from '../../../functions/store/client';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { call, complaint, file, merchantNamed, registerMerchant, routedView, today, token, type Json } from './support';

/**
 * SPEC section 3: when at least 5 open or closed cases in 90 days name the
 * same merchant and category, that region's mediators see them as one
 * collective-action candidate.
 */
let stack: TestStack;
const furnitureStore = { creditCode: '91410182MA46CW8R4N', name: '荥阳某某家具城有限公司', regionCode: '410182', odr: false, offlineNoReasonReturn: true };

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  const { creditCode, ...entry } = furnitureStore;
  await registerMerchant(stack, await token({ role: 'admin' }), creditCode, entry);
});
afterAll(() => stack?.stop());

const sofaComplaint = (description: string, merchant: Json = { name: '荥阳家具城', creditCode: furnitureStore.creditCode, regionCode: '410182' }) =>
  complaint({ merchant, category: 'daily_goods', issue: 'quality', claim: { type: 'repair', amountFen: undefined }, description });

async function fileRouted(body: Json) {
  const filed = await file(stack, body);
  return (await routedView(stack, filed)).view;
}

async function candidatesFor(org: string): Promise<Json> {
  const answer = await call(stack, 'GET', '/v1/collective-candidates', { token: await token({ role: 'mediator', org }) });
  expect(answer.status).toBe(200);
  return answer.body;
}

/**
 * Counting towards a group follows the routing write (the stream router does it
 * right after), so the listing catches up a moment after the case shows as
 * routed: ask again until a group appears, as a mediator refreshing would.
 */
async function candidatesOnceCounted(org: string, timeoutMs = 5000): Promise<Json> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await candidatesFor(org);
    if (answer.items.length > 0 || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('a group appears at the 5th case naming the merchant and category, not at the 4th', async () => {
  const descriptions = ['沙发买了一个月皮面大面积开裂。', '同款沙发两个月海绵塌陷。', '沙发扶手脱胶，商家拒绝维修。', '沙发异味严重，检测甲醛超标。', '沙发木架断裂，坐下时塌了。'];
  const bodies = descriptions.map((description) => sofaComplaint(description));
  const cases: Json[] = [];
  for (const body of bodies.slice(0, 4)) cases.push(await fileRouted(body));

  // Cases that do not count: another category at the same store, a repeat of a case already counted (refused), another merchant.
  await fileRouted(complaint({ merchant: { name: furnitureStore.name, creditCode: furnitureStore.creditCode, regionCode: '410182' }, category: 'housing', description: '定制衣柜安装后柜门无法关闭。' }));
  const repeat = await fileRouted({ ...bodies[0]!, description: '再次投诉：沙发皮面开裂，一直没人处理。' });
  expect(repeat.routing.refusalReason).toBe('duplicate');
  await fileRouted(sofaComplaint('买的沙发坐垫才三周就开线了。', { name: '郑州某某家居广场', regionCode: '410105', address: '郑州市金水区某路 9 号' }));

  expect((await candidatesFor('410100')).items).toEqual([]);

  cases.push(await fileRouted(bodies[4]!));
  const { items, window } = await candidatesOnceCounted('410100');
  expect(window.to).toBe(today());
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ merchant: { name: furnitureStore.name, creditCode: furnitureStore.creditCode }, category: 'daily_goods', caseCount: 5 });
  expect(items[0].cases.map((c: Json) => c.caseId)).toEqual(cases.map((c) => c.caseId));
  expect(items[0].cases[0]).toEqual({ caseId: cases[0]!.caseId, receivedAt: cases[0]!.receivedAt, status: 'accepted', step: 'mediation' });

  // The mediators of another association do not see it.
  expect((await candidatesFor('410700')).items).toEqual([]);

  // One consumer withdraws (the consumer's action is tested with the lifecycle): four left, no longer a candidate.
  await documentDb().send(new UpdateCommand({ TableName: stack.tableName, Key: { pk: `CASE#${cases[1]!.caseId}`, sk: 'CASE' }, UpdateExpression: 'SET #status = :withdrawn', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':withdrawn': 'withdrawn' } }));
  expect((await candidatesFor('410100')).items).toEqual([]);
});

test('merchants known only by name are grouped by name, cases waiting for review included', async () => {
  const stall = merchantNamed({ name: '新乡市  老 街 烧烤店' });
  const spelled = ['新乡市老街烧烤店', '新乡市 老街 烧烤店', '新乡市老街烧烤店。', '新乡市老街烧烤店', '新乡市老街 烧烤店'];
  const views: Json[] = [];
  for (const [i, name] of spelled.entries()) {
    views.push(await fileRouted(complaint({ consumer: { regionCode: '410702' }, merchant: { ...stall, name }, category: 'life_services', issue: 'price', claim: { type: 'refund', amountFen: 9900 }, description: `烧烤店结账时多收费用，第 ${i + 1} 位顾客投诉。` })));
  }
  // Named only: each waits for a mediator to confirm the merchant, in 新乡's queue.
  expect(views.map((v) => v.status)).toEqual(Array(5).fill('received'));
  const { items } = await candidatesOnceCounted('410700');
  expect(items).toEqual([expect.objectContaining({ category: 'life_services', caseCount: 5, merchant: { name: expect.stringContaining('烧烤店') } })]);
});

test('only mediators see candidates; a query parameter it does not know is a 400', async () => {
  expect((await call(stack, 'GET', '/v1/collective-candidates')).status).toBe(401);
  for (const identity of [{ role: 'regulator', region: '410100' }, { role: 'merchant', merchant: furnitureStore.creditCode }, { role: 'admin' }] as const) {
    expect((await call(stack, 'GET', '/v1/collective-candidates', { token: await token(identity) })).status).toBe(403);
  }
  const unknown = await call(stack, 'GET', '/v1/collective-candidates?merchant=x', { token: await token({ role: 'mediator', org: '410100' }) });
  expect(unknown.status).toBe(400);
  expect(unknown.body.issues.map((i: Json) => i.path)).toEqual(['merchant']);
});
