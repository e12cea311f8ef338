import { addDays, chinaDate } from '../../../functions/domain/calendar/dates';
import { erasureDueOn } from '../../../functions/domain/erasure/retention';
import { caseFacts } from '../../../functions/domain/statistics';
import { calendar, prefectureOf } from '../../../functions/reference';
import { caseFromItem } from '../../../functions/store/cases-store';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { scanAll as scanTable } from './support';
import { act, call, complaint, consumerAct, creditCodeIn, fileRouted, runJob, staffView, tokenFor, type Json } from '../cases/support';

/**
 * SPEC section 5 on the local stack: `erase-personal-data` erases a case's
 * personal data 3 years after it closed — not a day before — from the case,
 * its timeline and its index keys; statistics and the disclosure record do
 * not move.
 */
let stack: TestStack;
let tokens: { admin: string; mediator: string; merchant: string };
const merchantCode = creditCodeIn('410102', '4242');

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  const [admin, mediator, merchant] = await Promise.all([tokenFor({ role: 'admin' }), tokenFor({ role: 'mediator', org: '410100' }), tokenFor({ role: 'merchant', merchant: merchantCode })]);
  tokens = { admin, mediator, merchant };
}, 60_000);
afterAll(() => stack?.stop());

const scanAll = () => scanTable(stack.tableName);

async function staffAct(caseId: string, token: string, body: Json) {
  const { version } = (await staffView(stack, caseId, tokens.admin)).body;
  const answer = await act(stack, caseId, token, { expectedVersion: version, ...body });
  expect(answer.status).toBe(200);
  return answer.body;
}

const eraseAsOf = (asOf: string) => runJob(stack, tokens.admin, 'erase-personal-data', { asOf });
const aggregateAsOf = (asOf: string) => runJob(stack, tokens.admin, 'aggregate', { asOf });
const year = () => chinaDate(new Date()).slice(0, 4);
const publicAnswers = async () => ({
  byRegion: (await call(stack, 'GET', `/v1/stats?period=${year()}&by=region`)).body,
  byCategory: (await call(stack, 'GET', `/v1/stats?period=${year()}&by=category`)).body,
  total: (await call(stack, 'GET', `/v1/stats?period=${year()}`)).body,
  disclosures: (await call(stack, 'GET', `/v1/disclosures?merchant=${merchantCode}`)).body,
});
const withoutTime = (answers: Json) => JSON.parse(JSON.stringify(answers, (key, value) => (key === 'generatedAt' ? undefined : value)));

/** What the consumer wrote and staff typed: none of it may survive erasure outside the public record. */
const personal = {
  name: '王小明',
  phone: '13912345678',
  email: 'wangxm@example.cn',
  address: '郑州市金水区花园路58号3栋2单元501室',
  orderRef: 'JD-ERASE-77120931',
  description: '王小明的电暖器第三天起火，手背烫伤，电话13912345678。',
  injury: '右手手背二度烫伤，在郑州市第一人民医院处理',
  addInfo: '补充：购物小票和烧坏的插头照片已保存，可随时提供。',
  note: '调解员备注：消费者情绪激动，住址见登记。',
  terms: '退款1299元并赔偿医药费300元，三个工作日内到账。',
  comment: '调解员很耐心，问题解决了，谢谢！',
};

describe('erase-personal-data', () => {
  it('erases a case closed 3 years + 1 day ago, not one closed 3 years - 1 day ago, and moves no figure or disclosure', async () => {
    const filed = await fileRouted(
      stack,
      complaint({
        consumer: { name: personal.name, phone: personal.phone, email: personal.email, address: personal.address, regionCode: '410105' },
        merchant: { creditCode: merchantCode, regionCode: '410102' },
        purchase: { orderRef: personal.orderRef },
        category: 'appliances',
        description: personal.description,
        injury: { occurred: true, description: personal.injury },
        consent: { publishNarrative: true },
      }),
    );
    const { caseId } = filed;
    expect((await consumerAct(stack, filed, { action: 'add_info', text: personal.addInfo })).status).toBe(200);
    await staffAct(caseId, tokens.mediator, { action: 'claim' });
    await staffAct(caseId, tokens.mediator, { action: 'note', text: personal.note });
    await staffAct(caseId, tokens.mediator, { action: 'propose_offer', amountFen: 159900, terms: personal.terms });
    expect((await consumerAct(stack, filed, { action: 'accept_offer' })).status).toBe(200);
    const rated = await consumerAct(stack, filed, { action: 'rate', rating: 5, comment: personal.comment });
    expect(rated.status).toBe(200);
    const closed = (await staffView(stack, caseId, tokens.mediator)).body;
    expect(closed.status).toBe('closed');
    const closedOn = closed.closedOn as string;
    const dueOn = erasureDueOn(closedOn);

    // Statistics computed and the disclosure published (after the merchant's objection window).
    const published = await aggregateAsOf(addDays(closed.disclosure.objectionUntil, 1));
    expect(published.status).toBe(200);
    const before = await publicAnswers();
    expect(before.disclosures.items).toHaveLength(1);
    const kept = (items: Json[]) => items.filter((item) => /^(STATS|DISCLOSURE)/.test(item.pk));
    const beforeErasure = await scanAll();
    const keptBefore = kept(beforeErasure);

    // Closed 3 years - 1 day ago: nothing happens.
    const early = await eraseAsOf(addDays(dueOn, -1));
    expect(early.body).toMatchObject({ job: 'erase-personal-data', erased: 0, more: false });
    expect((await staffView(stack, caseId, tokens.mediator)).body.consumer.name).toBe(personal.name);

    // Closed 3 years + 1 day ago: erased.
    const due = await eraseAsOf(addDays(dueOn, 1));
    expect(due.body).toMatchObject({ erased: 1, more: false });

    const staff = (await staffView(stack, caseId, tokens.mediator)).body;
    expect(staff).toMatchObject({ erased: true, status: 'closed', consumer: { regionCode: '410100' }, injury: { occurred: true }, category: 'appliances' });
    // The consumer's county (金水区) is kept at prefecture level (郑州市) only.
    expect(staff.consumer).toEqual({ regionCode: '410100' });
    expect(staff.description).toBeUndefined();
    expect(staff.purchase.orderRef).toBeUndefined();
    expect(staff.offers[0]).toMatchObject({ amountFen: 159900, status: 'accepted' });
    expect(staff.offers[0].terms).toBeUndefined();
    expect(staff.rating).toMatchObject({ rating: 5 });
    expect(staff.rating.comment).toBeUndefined();
    expect(staff.timeline.at(-1)).toMatchObject({ type: 'personal_data_erased', actor: 'system' });
    expect(staff.timeline.filter((event: Json) => event.text !== undefined)).toEqual([]);
    const merchantView = await staffView(stack, caseId, tokens.merchant);
    expect(merchantView.status).toBe(200);
    expect(merchantView.body).toMatchObject({ erased: true, consumer: { regionCode: '410100' } });
    const consumer = await call(stack, 'GET', `/v1/complaints/${caseId}`, { headers: { 'X-Access-Code': filed.accessCode } });
    expect(consumer.body).toMatchObject({ erased: true, status: 'closed' });

    // Nothing personal is left anywhere in the table but in the public record, which stays as published.
    const after = await scanAll();
    const outsidePublicRecord = JSON.stringify(after.filter((item) => !String(item.pk).startsWith('DISCLOSURE#')));
    for (const [what, text] of Object.entries(personal)) expect([what, outsidePublicRecord.includes(text)]).toEqual([what, false]);
    expect(after.filter((item) => String(item.pk).startsWith('OPENCASE#') && item.caseId === caseId)).toEqual([]);
    expect(after.find((item) => item.pk === `CASE#${caseId}` && item.sk === 'CASE')).not.toHaveProperty('erasePk');
    expect(kept(after)).toEqual(keptBefore);

    // The erased case counts exactly as before: what statistics read of it is unchanged, and recomputing
    // every figure from the cases gives the same answers; the disclosure stays public.
    const facts = (items: Json[]) => caseFacts(caseFromItem(items.find((item) => item.pk === `CASE#${caseId}` && item.sk === 'CASE')!), calendar, prefectureOf);
    expect({ ...facts(after), version: 0 }).toEqual({ ...facts(beforeErasure), version: 0 });
    expect((await runJob(stack, tokens.admin, 'aggregate-rebuild')).status).toBe(200);
    expect(withoutTime(await publicAnswers())).toEqual(withoutTime(before));

    // A second run finds nothing to do and changes nothing.
    const settled = await scanAll();
    expect((await eraseAsOf(addDays(dueOn, 2))).body).toMatchObject({ examined: 0, erased: 0, more: false });
    expect(await scanAll()).toEqual(settled);
  }, 60_000);
});
