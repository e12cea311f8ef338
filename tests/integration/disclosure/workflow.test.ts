import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, chinaDate } from '../../../functions/domain/calendar/dates';
import { publicRefPattern } from '../../../functions/domain/disclosure';
import { documentDb } from '../../../functions/store/client';
import { disclosureKeys } from '../../../functions/store/keys';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { act, call, complaint, creditCodeIn, fileRouted, fixtureMerchant, runJob, staffView, tokenFor, type Json } from '../cases/support';

/**
 * Public disclosure on the local stack (SPEC section 6): a case that closes
 * becomes a candidate; the merchant may object within 5 working days; the
 * aggregation schedule publishes it after that unless a regulator withheld
 * it; the public list shows only the fields the disclosure rules allow.
 */
let stack: TestStack;
let tokens: { admin: string; mediator: string; merchant: string; regulator: string; otherRegulator: string };

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  const [admin, mediator, merchant, regulator, otherRegulator] = await Promise.all([
    tokenFor({ role: 'admin' }),
    tokenFor({ role: 'mediator', org: '410100' }),
    tokenFor({ role: 'merchant', merchant: fixtureMerchant }),
    tokenFor({ role: 'regulator', region: '410100' }),
    tokenFor({ role: 'regulator', region: '410700' }),
  ]);
  tokens = { admin, mediator, merchant, regulator, otherRegulator };
}, 60_000);

afterAll(() => stack?.stop());

async function staffAct(caseId: string, token: string, body: Json) {
  const view = await staffView(stack, caseId, tokens.admin);
  return act(stack, caseId, token, { expectedVersion: view.body.version, ...body });
}

/** Files with a verified phone, routes to mediation and settles a case: it closes and becomes a candidate. */
async function settledCase(overrides: Json = {}, options: { verified?: boolean } = { verified: true }) {
  const filed = await fileRouted(stack, complaint(overrides), options);
  const settled = await staffAct(filed.caseId, tokens.mediator, { action: 'record_agreement', refundFen: 5000 });
  expect(settled.status).toBe(200);
  const view = await staffView(stack, filed.caseId, tokens.admin);
  return { ...filed, disclosure: view.body.disclosure as Json };
}

/** The router's follow-up (candidacy) lands just after the routing the view shows. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const giveUp = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > giveUp) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const disclosures = (query = '') => call(stack, 'GET', `/v1/disclosures${query}`);
const aggregateAsOf = (asOf?: string) => runJob(stack, tokens.admin, 'aggregate', asOf ? { asOf } : undefined);

const allowedFields = ['publicRef', 'complainantType', 'merchant', 'category', 'region', 'monthFiled', 'monthOfDispute', 'issue', 'requestType', 'handlingResult', 'monthHandled', 'publishedOn', 'narrative'];

describe('the disclosure workflow', () => {
  it('publishes a closed case after the objection window, with only the public fields and a scrubbed narrative', async () => {
    const description = '我叫张三，电话 13800138000，住在郑州市金水区花园路 1 号。洗衣机使用一周后无法脱水，商家拒绝退货。';
    const candidate = await settledCase({ description, consent: { publishNarrative: true } });
    expect(candidate.disclosure).toMatchObject({ state: 'candidate', publicRef: expect.stringMatching(publicRefPattern), candidateOn: chinaDate(new Date()) });
    const objectionUntil = candidate.disclosure.objectionUntil as string;

    // The merchant objects once; the regulator is told by the record's state, the window still runs.
    const objection = await staffAct(candidate.caseId, tokens.merchant, { action: 'object_disclosure', text: '已与消费者和解' });
    expect(objection.status).toBe(200);
    expect(objection.body.disclosure.state).toBe('objected');
    const again = await staffAct(candidate.caseId, tokens.merchant, { action: 'object_disclosure', text: '再次异议' });
    expect(again.status).toBe(409);

    // Not before the window has passed.
    await aggregateAsOf(objectionUntil);
    expect((await disclosures(`?merchant=${fixtureMerchant}`)).body.items).toEqual([]);

    const published = await aggregateAsOf(addDays(objectionUntil, 1));
    expect(published.body.disclosures.published).toBeGreaterThanOrEqual(1);
    const list = await disclosures(`?merchant=${fixtureMerchant}`);
    expect(list.status).toBe(200);
    const record = (list.body.items as Json[]).find((item) => item.publicRef === candidate.disclosure.publicRef)!;
    expect(Object.keys(record).every((key) => allowedFields.includes(key))).toBe(true);
    expect(record).toMatchObject({
      complainantType: 'individual',
      // The fixture merchant is not in the registry: the consumer's wording, marked so.
      merchant: { name: '郑州某某电器有限公司', creditCode: fixtureMerchant, nameVerified: false },
      category: 'appliances',
      region: '410100',
      monthFiled: chinaDate(new Date()).slice(0, 7),
      requestType: 'refund',
      handlingResult: 'resolved',
      publishedOn: addDays(objectionUntil, 1),
    });
    expect(record.narrative).toContain('商家拒绝退货');
    for (const secret of ['张三', '13800138000', '花园路', candidate.caseId]) expect(JSON.stringify(list.body)).not.toContain(secret);

    // Stored with a 2-year TTL.
    const stored = await documentDb().send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': disclosureKeys.record(record.publicRef).pk } }));
    const expiresAt = stored.Items![0]!.expiresAt as number;
    const publishedAt = Date.parse(stored.Items![0]!.publishedAt as string) / 1000;
    expect(expiresAt - publishedAt).toBeGreaterThanOrEqual(2 * 365 * 86_400);
    expect(expiresAt - publishedAt).toBeLessThanOrEqual(2 * 366 * 86_400);

    // The regulator of the region takes it down, and may put it back up; another region's may not touch it.
    expect((await staffAct(candidate.caseId, tokens.otherRegulator, { action: 'withhold_disclosure' })).status).toBe(404);
    expect((await staffAct(candidate.caseId, tokens.regulator, { action: 'withhold_disclosure', text: '涉及诉讼' })).status).toBe(200);
    expect((await disclosures(`?merchant=${fixtureMerchant}`)).body.items.map((item: Json) => item.publicRef)).not.toContain(record.publicRef);
    expect((await staffAct(candidate.caseId, tokens.regulator, { action: 'publish_disclosure' })).status).toBe(200);
    expect((await disclosures(`?merchant=${fixtureMerchant}`)).body.items.map((item: Json) => item.publicRef)).toContain(record.publicRef);
  });

  it('never publishes what a regulator withheld during the window, nor the narrative without consent, nor a refused case', async () => {
    const withheld = await settledCase();
    expect((await staffAct(withheld.caseId, tokens.regulator, { action: 'withhold_disclosure' })).status).toBe(200);
    const plain = await settledCase({ consent: { publishNarrative: false } });
    const refused = await fileRouted(stack, complaint({ purchase: { date: addDays(chinaDate(new Date()), -1600) }, knownSince: addDays(chinaDate(new Date()), -1500) }));
    expect(refused.view.routing.outcome).toBe('not_accepted');
    await aggregateAsOf(addDays(withheld.disclosure.objectionUntil, 3));
    const refs = ((await disclosures('?limit=100')).body.items as Json[]).map((item) => item.publicRef);
    expect(refs).not.toContain(withheld.disclosure.publicRef);
    expect(refs).toContain(plain.disclosure.publicRef);
    const published = ((await disclosures('?limit=100')).body.items as Json[]).find((item) => item.publicRef === plain.disclosure.publicRef)!;
    expect(published.narrative).toBeUndefined();
    expect((await staffView(stack, refused.caseId, tokens.admin)).body.disclosure).toBeUndefined();
  });

  it('puts a disclosure-only complaint on the record: candidate at once (window from today), published after the window, case closed', async () => {
    const merchant = creditCodeIn('410302', '4242');
    const filed = await fileRouted(stack, complaint({ claim: { type: 'disclosure_only' }, merchant: { name: '洛阳某某旅行社有限公司', creditCode: merchant, regionCode: '410302' }, category: 'travel' }));
    expect(filed.view).toMatchObject({ status: 'accepted', step: 'disclosure' });
    // No aggregation run needed: the router made it a candidate right after routing it.
    const candidate = await eventually(async () => (await staffView(stack, filed.caseId, tokens.admin)).body, (body) => body.disclosure !== undefined);
    expect(candidate.disclosure).toMatchObject({ state: 'candidate', candidateOn: chinaDate(new Date()) });
    await aggregateAsOf(addDays(candidate.disclosure.objectionUntil, 1));
    const after = (await staffView(stack, filed.caseId, tokens.admin)).body;
    expect(after).toMatchObject({ status: 'closed', disclosure: { state: 'published' } });
    const list = await disclosures(`?merchant=${merchant}`);
    // Not in the registry: shown under the consumer's wording, marked so.
    expect(list.body.items).toEqual([expect.objectContaining({ handlingResult: 'disclosure_only', category: 'travel', region: '410300', merchant: { name: '洛阳某某旅行社有限公司', creditCode: merchant, nameVerified: false } })]);
  });

  it('never discloses a closed case that no one stands behind (no verified phone, not accepted or claimed by a mediator)', async () => {
    const anonymous = await settledCase({}, { verified: false });
    expect(anonymous.disclosure).toBeUndefined();
    const claimed = await fileRouted(stack, complaint(), { verified: false });
    expect((await staffAct(claimed.caseId, tokens.mediator, { action: 'claim' })).status).toBe(200);
    expect((await staffAct(claimed.caseId, tokens.mediator, { action: 'record_agreement', refundFen: 100 })).status).toBe(200);
    expect((await staffView(stack, claimed.caseId, tokens.admin)).body.disclosure).toMatchObject({ state: 'candidate' });
    await aggregateAsOf(addDays(chinaDate(new Date()), 30));
    expect((await staffView(stack, anonymous.caseId, tokens.admin)).body.disclosure).toBeUndefined();
  });
});

describe('reconciliation by the aggregation job', () => {
  it('a rebuild finds a disclosure-only case already a candidate (the router made it one at once) and makes no second candidacy', async () => {
    const filed = await fileRouted(stack, complaint({ claim: { type: 'disclosure_only' }, category: 'education' }));
    const before = await eventually(async () => (await staffView(stack, filed.caseId, tokens.admin)).body, (body) => body.disclosure !== undefined);
    const rebuilt = await runJob(stack, tokens.admin, 'aggregate-rebuild');
    expect(rebuilt.body).toMatchObject({ mode: 'rebuild', disclosures: { candidates: 0 } });
    expect((await staffView(stack, filed.caseId, tokens.admin)).body.disclosure).toEqual(before.disclosure);
  });
});

describe('GET /v1/disclosures', () => {
  it('filters by region (any code of the prefecture), category and merchant name, newest first, a page at a time', async () => {
    const all = (await disclosures('?limit=100')).body.items as Json[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const published = all.map((item) => item.publishedOn);
    expect([...published].sort().reverse()).toEqual(published);

    expect(((await disclosures('?region=410102')).body.items as Json[]).every((item) => item.region === '410100')).toBe(true);
    expect((await disclosures('?category=travel')).body.items).toHaveLength(1);
    expect((await disclosures('?region=410100&category=travel')).body.items).toHaveLength(0);
    expect(((await disclosures(`?q=${encodeURIComponent('旅行社')}`)).body.items as Json[]).map((item) => item.merchant.name)).toEqual(['洛阳某某旅行社有限公司']);

    const pages: Json[] = [];
    let cursor: string | undefined;
    do {
      const page = await disclosures(`?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      pages.push(...page.body.items);
      cursor = page.body.cursor;
    } while (cursor);
    expect(pages.map((item) => item.publicRef)).toEqual(all.map((item) => item.publicRef));
  });

  it('refuses unknown filters and cursors it did not give out', async () => {
    const bad = await disclosures('?region=999999&category=cars&limit=0&colour=red');
    expect(bad.status).toBe(400);
    expect((bad.body.issues as Json[]).map((issue) => issue.path).sort()).toEqual(['category', 'colour', 'limit', 'region']);
    expect((await disclosures('?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    const forged = Buffer.from(JSON.stringify(['all', null, { pk: 'CASE#X', sk: 'CASE', assocPk: 'DISCLOSURE#ALL', assocSk: 'x' }])).toString('base64url');
    expect((await disclosures(`?cursor=${forged}`)).status).toBe(400);
  });
});
