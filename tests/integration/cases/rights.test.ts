import { startTestStack, type TestStack } from '../../support/dynamodb';
import { act, call, complaint, consumerAct, creditCodeIn, fileRouted, staffTokens, staffView, tokenFor, type Filed, type Json } from './support';

/**
 * Who sees and acts on which case, through HTTP on the local stack with
 * the real router: a 郑州 complaint (merchant in 中原区 410102, consumer in
 * 金水区 410105) is in the queue of the 郑州 association (410100).
 */
let stack: TestStack;
let tokens: Awaited<ReturnType<typeof staffTokens>>;
const mediationComplaint = complaint();
let mediationCase: Filed & { view: Json };
let reviewCase: Filed & { view: Json };

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  tokens = await staffTokens();
  [mediationCase, reviewCase] = await Promise.all([
    fileRouted(stack, mediationComplaint),
    // "Other" as the request: triage leaves acceptance to a mediator, so the case waits as `received`.
    fileRouted(stack, complaint({ claim: { type: 'other' } })),
  ]);
});
afterAll(() => stack?.stop());

const listedIds = async (token: string) => {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(stack, 'GET', `/v1/cases?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(page.status).toBe(200);
    ids.push(...page.body.items.map((item: Json) => item.caseId));
    cursor = page.body.cursor;
  } while (cursor);
  return ids;
};

describe('who sees a case', () => {
  it('the router put both cases in the 郑州 association queue', () => {
    expect(mediationCase.view).toMatchObject({ status: 'accepted', step: 'mediation', routing: { associationId: '410100' } });
    expect(reviewCase.view).toMatchObject({ status: 'received', routing: { outcome: 'review', associationId: '410100' } });
  });

  test.each([
    ['the mediator of the case association', 'mediator', true, true],
    ['a mediator of another association', 'otherMediator', false, false],
    ['the merchant the case names (once accepted)', 'merchant', true, false],
    ['another merchant', 'otherMerchant', false, false],
    ['the regulator of the prefecture', 'regulator', true, true],
    ['the regulator of another prefecture', 'otherRegulator', false, false],
    ['the provincial regulator', 'provincialRegulator', true, true],
    ["the county bureau of the merchant's district", 'countyRegulator', true, true],
    ['an admin', 'admin', true, true],
  ] as const)('%s (%s token): sees the accepted case: %s; sees the case awaiting acceptance: %s', async (_who, key, seesAccepted, seesReceived) => {
    const token = tokens[key];
    const ids = await listedIds(token);
    expect(ids.includes(mediationCase.caseId)).toBe(seesAccepted);
    expect(ids.includes(reviewCase.caseId)).toBe(seesReceived);
    expect((await staffView(stack, mediationCase.caseId, token)).status).toBe(seesAccepted ? 200 : 404);
    expect((await staffView(stack, reviewCase.caseId, token)).status).toBe(seesReceived ? 200 : 404);
  });

  it('answers a case outside the caller\'s rights exactly like a case that does not exist', async () => {
    const outside = await staffView(stack, mediationCase.caseId, tokens.otherMediator);
    const missing = await staffView(stack, 'HN2611-0000-0000', tokens.otherMediator);
    expect(outside).toEqual({ status: 404, body: missing.body });
  });

  it('refuses calls without a token with 401', async () => {
    expect((await call(stack, 'GET', '/v1/cases')).status).toBe(401);
    expect((await call(stack, 'GET', `/v1/cases/${mediationCase.caseId}`)).status).toBe(401);
    expect((await call(stack, 'POST', `/v1/cases/${mediationCase.caseId}/actions`, { body: { action: 'note', expectedVersion: 1, text: 'x' } })).status).toBe(401);
  });

  it('refuses a token whose scope names no association or region with 403', async () => {
    const nowhere = await tokenFor({ role: 'mediator', org: '999900' });
    expect((await call(stack, 'GET', '/v1/cases', { token: nowhere })).status).toBe(403);
  });
});

describe('what each role sees of the consumer', () => {
  it('shows the merchant the name and a masked phone only, and no internal notes', async () => {
    const noted = await act(stack, mediationCase.caseId, tokens.mediator, { action: 'note', expectedVersion: mediationCase.view.version, text: '消费者情绪激动，先电话沟通。' });
    expect(noted.status).toBe(200);
    const seenByMerchant = (await staffView(stack, mediationCase.caseId, tokens.merchant)).body;
    const phone = mediationComplaint.consumer.phone as string;
    expect(seenByMerchant.consumer).toEqual({ name: '张三', phone: `${phone.slice(0, 3)}****${phone.slice(7)}` });
    expect(JSON.stringify(seenByMerchant)).not.toMatch(/zhangsan@example\.cn|花园路|消费者情绪激动/);
    expect(seenByMerchant.timeline.map((e: Json) => e.type)).not.toContain('note');

    const seenByMediator = (await staffView(stack, mediationCase.caseId, tokens.mediator)).body;
    expect(seenByMediator.consumer).toMatchObject({ name: '张三', phone, email: 'zhangsan@example.cn', address: '郑州市金水区花园路 1 号' });
    expect(seenByMediator.timeline.map((e: Json) => e.type)).toContain('note');
    // Timelines name roles, never people; the access code never leaves the table.
    expect(new Set(seenByMediator.timeline.map((e: Json) => e.actor))).toEqual(new Set(['consumer', 'system', 'mediator']));
    expect(JSON.stringify(seenByMediator)).not.toMatch(/accessCode|salt|"hash"/);
  });

  it('gives every staff view the version, deadline, routing and the caller\'s allowed actions', async () => {
    const view = (await staffView(stack, reviewCase.caseId, tokens.mediator)).body;
    expect(view).toMatchObject({
      caseId: reviewCase.caseId,
      version: expect.any(Number),
      status: 'received',
      deadline: { kind: 'acceptance', date: expect.any(String) },
      routing: { outcome: 'review' },
      allowedActions: ['accept', 'refuse', 'claim', 'note', 'flag_collective'],
    });
    const byRegulator = (await staffView(stack, reviewCase.caseId, tokens.regulator)).body;
    expect(byRegulator.allowedActions).toEqual([]);
  });
});

describe('who may act', () => {
  it('lets the mediator of the case act and answers others as if the case did not exist', async () => {
    const { version } = (await staffView(stack, reviewCase.caseId, tokens.mediator)).body;
    for (const token of [tokens.otherMediator, tokens.otherMerchant, tokens.otherRegulator]) {
      const answer = await act(stack, reviewCase.caseId, token, { action: 'claim', expectedVersion: version });
      expect(answer.status).toBe(404);
    }
    // The merchant is not told of a case before it is accepted.
    expect((await act(stack, reviewCase.caseId, tokens.merchant, { action: 'respond', expectedVersion: version, text: '我们会处理' })).status).toBe(404);
    const claimed = await act(stack, reviewCase.caseId, tokens.mediator, { action: 'claim', expectedVersion: version });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ version: version + 1, claimedBy: expect.any(String), claimedByCaller: true });
    // The merchant never learns which mediator holds a case.
    expect((await staffView(stack, mediationCase.caseId, tokens.merchant)).body).not.toHaveProperty('claimedBy');
  });

  it('lets the named merchant answer an accepted case, and a regulator only what its role allows', async () => {
    const { version } = (await staffView(stack, mediationCase.caseId, tokens.merchant)).body;
    const responded = await act(stack, mediationCase.caseId, tokens.merchant, { action: 'respond', expectedVersion: version, text: '已联系消费者，安排上门检测。' });
    expect(responded.status).toBe(200);
    expect(responded.body.timeline.at(-1)).toMatchObject({ actor: 'merchant', type: 'respond', text: '已联系消费者，安排上门检测。' });
    const byRegulator = await act(stack, mediationCase.caseId, tokens.regulator, { action: 'claim', expectedVersion: version + 1 });
    expect(byRegulator).toMatchObject({ status: 409, body: { error: 'action_not_allowed', allowedActions: [] } });
  });

  it('accepts the consumer\'s actions only with the right access code, as reading the case does', async () => {
    const rightCode = await consumerAct(stack, mediationCase, { action: 'add_info', text: '补充：购买发票见附件照片。' });
    expect(rightCode.status).toBe(200);
    expect(rightCode.body.timeline.at(-1)).toMatchObject({ actor: 'consumer', type: 'add_info', text: '补充：购买发票见附件照片。' });
    expect(rightCode.body.timeline.map((e: Json) => e.type)).not.toContain('note');

    const wrongCode = await consumerAct(stack, mediationCase, { action: 'withdraw' }, 'AAAA-BBBB-CCCC');
    const noCode = await call(stack, 'POST', `/v1/complaints/${mediationCase.caseId}/actions`, { body: { action: 'withdraw' } });
    const unknownCase = await consumerAct(stack, { caseId: 'HN2611-0000-0000', accessCode: 'AAAA-BBBB-CCCC' }, { action: 'withdraw' });
    expect(wrongCode.status).toBe(404);
    expect(noCode.status).toBe(404);
    expect(wrongCode.body).toEqual(unknownCase.body);
    // Nothing happened: the case is still being mediated.
    expect((await staffView(stack, mediationCase.caseId, tokens.mediator)).body.status).toBe('accepted');
  });

  it('throttles wrong codes on actions per client: then even the right code waits from there, while the consumer acts from elsewhere', async () => {
    const filed = await fileRouted(stack);
    const actFrom = (body: Json, accessCode: string, from: string) => call(stack, 'POST', `/v1/complaints/${filed.caseId}/actions`, { body, headers: { 'X-Access-Code': accessCode }, from });
    for (let i = 0; i < 5; i++) expect((await actFrom({ action: 'add_info', text: '再补充一点' }, `WRNG-000${i}-0000`, '127.0.0.31')).status).toBe(404);
    const blocked = await actFrom({ action: 'withdraw' }, filed.accessCode, '127.0.0.31');
    expect(blocked.status).toBe(429);
    expect((await staffView(stack, filed.caseId, tokens.mediator)).body.status).toBe('accepted');
    const consumer = await actFrom({ action: 'add_info', text: '我本人补充：发票已上传。' }, filed.accessCode, '127.0.0.32');
    expect(consumer.status).toBe(200);
  });

  it('shows a county bureau only the cases of merchants in its county', async () => {
    const elsewhere = await fileRouted(stack, complaint({ merchant: { regionCode: '410105', creditCode: creditCodeIn('410105', '31') } }));
    expect((await staffView(stack, elsewhere.caseId, tokens.countyRegulator)).status).toBe(404);
    expect((await staffView(stack, elsewhere.caseId, tokens.regulator)).status).toBe(200);
  });
});
