import { startTestStack, type TestStack } from '../../support/dynamodb';
import { call, complaint, fileRouted, staffTokens, type Filed, type Json } from './support';

/**
 * `GET /v1/cases/{caseId}/compensation` through the local HTTP server with
 * the real router: who may ask, what each complaint is owed by statute, in
 * the caller's language. The sums themselves are pinned in
 * tests/unit/compensation; here they are checked as a mediator reads them.
 */
let stack: TestStack;
let tokens: Awaited<ReturnType<typeof staffTokens>>;
let foodCase: Filed;
let fraudCase: Filed;
let injuryCase: Filed;
let qualityCase: Filed;

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  tokens = await staffTokens();
  [foodCase, fraudCase, injuryCase, qualityCase] = await Promise.all([
    // 38 yuan of expired mooncakes: the 1,000-yuan minimum.
    fileRouted(stack, complaint({ category: 'food', issue: 'safety', purchase: { amountFen: 3800 }, description: '月饼已过保质期，吃后腹泻。' })),
    // A 1,299-yuan refurbished air conditioner sold as new: 3x the price.
    fileRouted(stack, complaint({ issue: 'fraud', description: '商家把翻新空调当作新机出售。' })),
    // A heater that caught fire and burned the consumer; 2,000 yuan of medical costs claimed.
    fileRouted(stack, complaint({ issue: 'safety', injury: { occurred: true, description: '手部烧伤' }, claim: { type: 'compensation', amountFen: 200000 }, description: '取暖器起火，手部烧伤住院。' })),
    fileRouted(stack, complaint()),
  ]);
}, 60_000);
afterAll(() => stack?.stop());

const suggestions = (filed: Filed, token: string, query = '', lang = 'en') =>
  call(stack, 'GET', `/v1/cases/${filed.caseId}/compensation${query}`, { token, headers: { 'Accept-Language': lang } });

describe('what each complaint is owed', () => {
  it('unsafe food: the price back plus the 1,000-yuan minimum, citing Food Safety Law art. 148', async () => {
    const answer = await suggestions(foodCase, tokens.mediator);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      suggestions: [{ basis: 'unsafe_food', article: 'Food Safety Law, art. 148(2)', formula: expect.stringContaining('at least 1,000 yuan'), amountFen: 3800 + 100000 }],
    });
    expect(answer.body.suggestions[0].formula).toContain('= 1038.00 yuan');
  });

  it('fraud: the price back plus 3x the price, citing CRPL art. 55(1), in Chinese for a Chinese reader', async () => {
    const answer = await suggestions(fraudCase, tokens.mediator, '', 'zh-CN');
    expect(answer.body.suggestions).toEqual([
      { basis: 'fraud', article: '《消费者权益保护法》第五十五条第一款', formula: expect.stringContaining('= 5196.00 元'), amountFen: 129900 + 3 * 129900 },
    ]);
  });

  it('a defect that injured: the claimed loss plus up to 2x, citing CRPL art. 55(2); a stated proven loss replaces the claim', async () => {
    const claimed = await suggestions(injuryCase, tokens.mediator);
    expect(claimed.body.suggestions).toEqual([{ basis: 'defect_injury', article: 'Consumer Rights Protection Law, art. 55(2)', formula: expect.stringContaining('up to 2x'), amountFen: 600000 }]);
    const proven = await suggestions(injuryCase, tokens.mediator, '?lossFen=350000');
    expect(proven.body.suggestions.map((s: Json) => s.amountFen)).toEqual([1050000]);
  });

  it('an ordinary quality complaint: no statutory rule, an empty list', async () => {
    expect((await suggestions(qualityCase, tokens.mediator)).body).toEqual({ suggestions: [] });
  });
});

describe('who may ask', () => {
  it('the merchant of the case sees the same suggestions as the mediator', async () => {
    const [mediator, merchant] = await Promise.all([suggestions(fraudCase, tokens.mediator), suggestions(fraudCase, tokens.merchant)]);
    expect(merchant.status).toBe(200);
    expect(merchant.body).toEqual(mediator.body);
  });

  test.each(['otherMediator', 'otherMerchant', 'regulator', 'admin'] as const)('%s: 404, as for a case that does not exist', async (key) => {
    const answer = await suggestions(fraudCase, tokens[key]);
    expect(answer.status).toBe(404);
    expect(answer.body.error).toBe('not_found');
    const missing = await call(stack, 'GET', '/v1/cases/HN2611-AAAA-BBBB/compensation', { token: tokens.mediator });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe(answer.body.error);
  });

  it('without a token: 401', async () => {
    expect((await call(stack, 'GET', `/v1/cases/${fraudCase.caseId}/compensation`)).status).toBe(401);
  });

  it('a loss that is not whole fen, or an unknown parameter, is a 400 naming each', async () => {
    const answer = await suggestions(fraudCase, tokens.mediator, '?lossFen=12.5&price=1');
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((issue: Json) => issue.path).sort()).toEqual(['lossFen', 'price']);
  });
});
