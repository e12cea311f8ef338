import { startTestStack, type TestStack } from '../../support/dynamodb';
import { digitsOf } from '../../../functions/domain/privacy';
import { act, complaint, consumerAct, fileRouted, staffTokens, staffView, type Filed, type Json } from './support';

/**
 * What a merchant reads of a case (SPEC section 5), through HTTP on the
 * local stack: the consumer's name and a masked phone; the description,
 * added information and terms without phones, ID numbers, e-mails or bank
 * cards; of an injury only that one was reported. The mediator handling
 * the case still sees everything as written.
 */
let stack: TestStack;
let tokens: Awaited<ReturnType<typeof staffTokens>>;
let filed: Filed & { view: Json };

const secrets = {
  phone: '15936781234',
  otherPhone: '13712345678',
  idNumber: '41010519900101123X',
  email: 'wangfang88@qq.com',
  bankCard: '6222021234567890123',
};
const injuryDescription = '右手被洗衣机门夹伤，缝了4针，诊断为手指骨裂';
const description = `洗衣机KFR-35GW用了一周就坏了，花了1299元。我电话１５９·３６７８·１２３４，身份证410105 19900101 123X，邮箱wangfang88＠qq．com，退款打到6222 0212 3456 7890 123。`;
const addedInformation = `补充：也可以打一三七一二三四五六七八，或者发邮件 wangfang88 at qq dot com，10月5日第二次报修。`;

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  tokens = await staffTokens();
  filed = await fileRouted(stack, complaint({ consumer: { name: '王芳', phone: '13912348000' }, description, injury: { occurred: true, description: injuryDescription } }));
  const added = await consumerAct(stack, filed, { action: 'add_info', text: addedInformation });
  expect(added.status).toBe(200);
  const mediatorView = await staffView(stack, filed.caseId, tokens.mediator);
  const offered = await act(stack, filed.caseId, tokens.mediator, { action: 'propose_offer', expectedVersion: mediatorView.body.version, amountFen: 129900, terms: `全额退款至卡号 ${secrets.bankCard}` });
  expect(offered.status).toBe(200);
}, 60_000);
afterAll(() => stack?.stop());

/** A secret is still there if its characters are, or (for numbers) its digits with other separators. */
function leaks(body: Json): string[] {
  const text = JSON.stringify(body).normalize('NFKC');
  const digits = digitsOf(text);
  const found = Object.entries(secrets).filter(([, value]) => text.includes(value) || (digitsOf(value).length >= 11 && digits.includes(digitsOf(value))));
  return found.map(([kind]) => kind);
}

describe('the merchant’s view of a case', () => {
  it('shows the consumer’s name and masked phone, and free texts without phones, IDs, e-mails or bank cards', async () => {
    const view = await staffView(stack, filed.caseId, tokens.merchant);
    expect(view.status).toBe(200);
    expect(view.body.consumer).toEqual({ name: '王芳', phone: '139****8000' });
    expect(leaks(view.body)).toEqual([]);
    expect(JSON.stringify(view.body)).not.toContain('wangfang88');
    // The story stays readable.
    expect(view.body.description).toContain('KFR-35GW');
    expect(view.body.description).toContain('1299元');
    expect(view.body.description).toContain('〔电话〕');
    const added = view.body.timeline.find((event: Json) => event.type === 'add_info');
    expect(added.text).toContain('10月5日第二次报修');
    expect(added.text).toContain('〔邮箱〕');
    expect(view.body.offers[0].terms).toContain('〔银行卡号〕');
  });

  it('says that an injury was reported, never what it was', async () => {
    const view = await staffView(stack, filed.caseId, tokens.merchant);
    expect(view.body.injury).toEqual({ occurred: true, notice: { 'zh-CN': expect.stringContaining('人身伤害'), en: expect.stringContaining('injury') } });
    const text = JSON.stringify(view.body);
    for (const detail of ['夹伤', '缝了4针', '骨裂', injuryDescription]) expect(text).not.toContain(detail);
  });

  it('answers a merchant’s action with the same scrubbed view', async () => {
    const current = await staffView(stack, filed.caseId, tokens.merchant);
    const answer = await act(stack, filed.caseId, tokens.merchant, { action: 'respond', expectedVersion: current.body.version, text: '已收到，我们会联系王芳。' });
    expect(answer.status).toBe(200);
    expect(leaks(answer.body)).toEqual([]);
    expect(JSON.stringify(answer.body)).not.toContain('缝了4针');
  });

  it('leaves everything as written for the mediator handling the case', async () => {
    const view = await staffView(stack, filed.caseId, tokens.mediator);
    expect(view.status).toBe(200);
    expect(view.body.description).toBe(description);
    expect(view.body.injury).toEqual({ occurred: true, description: injuryDescription });
    expect(view.body.consumer.phone).toBe('13912348000');
    expect(view.body.timeline.find((event: Json) => event.type === 'add_info').text).toBe(addedInformation);
    expect(view.body.offers[0].terms).toContain(secrets.bankCard);
  });
});
