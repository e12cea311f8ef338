import { startTestStack, type TestStack } from '../../support/dynamodb';
import { fundedFund } from '../funds/support';
import { act, complaint, consumerAct, creditCodeIn, fileRouted, registerMerchant, staffTokens, staffView, today, tokenFor, type Json } from './support';

/** Acting on cases through HTTP: the lifecycle table, versions, offers, outcomes and the consumer's own actions. */
let stack: TestStack;
let tokens: Awaited<ReturnType<typeof staffTokens>>;
const odrMerchant = creditCodeIn('410102', '501');
const payoutMerchant = creditCodeIn('410102', '502');
let odrMerchantToken: string;

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  tokens = await staffTokens();
  odrMerchantToken = await tokenFor({ role: 'merchant', merchant: odrMerchant });
  await registerMerchant(stack, tokens.admin, odrMerchant, { name: '郑州某某家电网店有限公司', regionCode: '410102', odr: true, offlineNoReasonReturn: false });
  // SPEC section 9: the commitment names a fund of the Zhengzhou association, which must exist for rule 2.
  await fundedFund(stack, tokens.admin, 'actions-fund', { associationId: '410100', depositFen: 1_000_000 });
  await registerMerchant(stack, tokens.admin, payoutMerchant, { name: '郑州某某家居有限公司', regionCode: '410102', odr: false, advancePayout: { limitFen: 500000, fundId: 'actions-fund' }, offlineNoReasonReturn: true });
});
afterAll(() => stack?.stop());

const lastEvent = (view: Json) => view.timeline.at(-1);
const types = (view: Json) => view.timeline.map((event: Json) => event.type);

describe('the lifecycle table through the API', () => {
  it('answers an action the case does not allow now with 409 and the actions that are allowed', async () => {
    const filed = await fileRouted(stack);
    const answer = await act(stack, filed.caseId, tokens.mediator, { action: 'accept', expectedVersion: filed.view.version });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      error: 'action_not_allowed',
      allowedActions: ['claim', 'note', 'propose_offer', 'record_agreement', 'end_unresolved', 'flag_collective'],
    });
    // The consumer gets the same answer shape for their actions.
    const rate = await consumerAct(stack, filed, { action: 'rate', rating: 5 });
    expect(rate).toMatchObject({ status: 409, body: { error: 'action_not_allowed', allowedActions: ['withdraw', 'add_info', 'mute_sms'] } });
  });

  it('answers a stale expectedVersion with 409 and the current version, and changes nothing', async () => {
    const filed = await fileRouted(stack);
    const v = filed.view.version;
    expect((await act(stack, filed.caseId, tokens.mediator, { action: 'note', expectedVersion: v, text: '第一次记录' })).status).toBe(200);
    const stale = await act(stack, filed.caseId, tokens.mediator, { action: 'note', expectedVersion: v, text: '过时的记录' });
    expect(stale).toMatchObject({ status: 409, body: { error: 'stale_version', currentVersion: v + 1 } });
    const view = (await staffView(stack, filed.caseId, tokens.mediator)).body;
    expect(view.version).toBe(v + 1);
    expect(view.timeline.filter((e: Json) => e.type === 'note').map((e: Json) => e.text)).toEqual(['第一次记录']);
  });

  it('lets exactly one of two mediators claiming a case at the same moment win; the other gets 409', async () => {
    const filed = await fileRouted(stack);
    const v = filed.view.version;
    const answers = await Promise.all([tokens.mediator, tokens.mediator].map((token) => act(stack, filed.caseId, token, { action: 'claim', expectedVersion: v })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body).toMatchObject({ error: 'stale_version', currentVersion: v + 1 });
    // A retry of the winning request is stale too: nothing is applied twice.
    expect((await act(stack, filed.caseId, tokens.mediator, { action: 'claim', expectedVersion: v })).status).toBe(409);
    const view = (await staffView(stack, filed.caseId, tokens.mediator)).body;
    expect(view.version).toBe(v + 1);
    expect(types(view).filter((t: string) => t === 'claim')).toHaveLength(1);
  });

  it('names every bad field of an action body in one 400, and refuses unknown fields and unknown actions', async () => {
    const filed = await fileRouted(stack);
    const bad = await act(stack, filed.caseId, tokens.mediator, { action: 'propose_offer', expectedVersion: 0, amountFen: 12.5, colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: Json) => i.path).sort()).toEqual(['amountFen', 'colour', 'expectedVersion', 'terms']);
    const unknown = await act(stack, filed.caseId, tokens.mediator, { action: 'route_accept', expectedVersion: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues).toEqual([{ path: 'action', message: expect.stringContaining('accept, refuse, claim') }]);
    const refusal = await act(stack, filed.caseId, tokens.mediator, { action: 'refuse', expectedVersion: 1, reason: 'bored' });
    expect(refusal.body.issues.map((i: Json) => i.path)).toEqual(['reason']);
    const emptyAgreement = await act(stack, filed.caseId, tokens.mediator, { action: 'record_agreement', expectedVersion: 1, terms: '双方和解' });
    expect(emptyAgreement.status).toBe(400);
    expect(emptyAgreement.body.issues[0].message).toMatch(/refundFen/);
  });
});

describe('acceptance by a mediator', () => {
  it('accepts a case the router left for review into the step the rules picked, with the mediation deadline', async () => {
    const filed = await fileRouted(stack, complaint({ claim: { type: 'other' } }));
    expect(filed.view.status).toBe('received');
    const accepted = await act(stack, filed.caseId, tokens.mediator, { action: 'accept', expectedVersion: filed.view.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', step: 'mediation', acceptedOn: today(), deadline: { kind: 'mediation' } });
  });

  it('refuses with a reason code: the case ends not accepted and is closed, the reason on the timeline', async () => {
    const filed = await fileRouted(stack, complaint({ claim: { type: 'other' } }));
    const refused = await act(stack, filed.caseId, tokens.mediator, { action: 'refuse', expectedVersion: filed.view.version, reason: 'already_handled', text: '法院已受理同一纠纷。' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'closed', outcome: 'not_accepted', refusalReason: 'already_handled', closedOn: today() });
    const refusal = refused.body.timeline.find((e: Json) => e.type === 'refuse');
    expect(refusal).toMatchObject({ actor: 'mediator', status: 'not_accepted', reason: { code: 'already_handled', text: { 'zh-CN': expect.any(String), en: expect.any(String) } } });
    expect(lastEvent(refused.body)).toMatchObject({ actor: 'system', type: 'close', status: 'closed' });
  });
});

describe('offers and outcomes', () => {
  it('runs an ODR case: the merchant offers, the consumer accepts, the case closes and is rated once', async () => {
    const filed = await fileRouted(stack, complaint({ merchant: { creditCode: odrMerchant } }));
    expect(filed.view).toMatchObject({ status: 'accepted', step: 'odr', deadline: { kind: 'odr' } });
    const first = await act(stack, filed.caseId, odrMerchantToken, { action: 'make_offer', expectedVersion: filed.view.version, amountFen: 60000, terms: '退款 600 元，商品不退回。' });
    expect(first.status).toBe(200);
    const second = await act(stack, filed.caseId, odrMerchantToken, { action: 'make_offer', expectedVersion: first.body.version, amountFen: 90000, terms: '退款 900 元。' });
    expect(second.body.offers.map((o: Json) => [o.amountFen, o.status])).toEqual([
      [60000, 'superseded'],
      [90000, 'open'],
    ]);

    // The consumer sees the open offer and what they may do.
    const seen = await consumerAct(stack, filed, { action: 'add_info', text: '希望尽快退款。' });
    expect(seen.body.offers.at(-1)).toMatchObject({ id: 2, by: 'merchant', amountFen: 90000, terms: '退款 900 元。', status: 'open' });
    expect(seen.body.allowedActions).toEqual(['accept_offer', 'reject_offer', 'withdraw', 'add_info', 'mute_sms']);

    const staleAccept = await consumerAct(stack, filed, { action: 'accept_offer', expectedVersion: second.body.version });
    expect(staleAccept).toMatchObject({ status: 409, body: { error: 'stale_version', currentVersion: seen.body.version } });

    const accepted = await consumerAct(stack, filed, { action: 'accept_offer', expectedVersion: seen.body.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'closed', allowedActions: ['rate', 'mute_sms'], deadline: { kind: 'rating' } });
    expect(accepted.body.timeline.slice(-2).map((e: Json) => [e.actor, e.type, e.status])).toEqual([
      ['consumer', 'accept_offer', 'resolved'],
      ['system', 'close', 'closed'],
    ]);
    const staff = (await staffView(stack, filed.caseId, tokens.mediator)).body;
    expect(staff).toMatchObject({ outcome: 'resolved', agreement: { source: 'offer', recoveredFen: 90000 } });

    const rated = await consumerAct(stack, filed, { action: 'rate', rating: 4, comment: '处理及时。' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ allowedActions: ['mute_sms'], deadline: null });
    const again = await consumerAct(stack, filed, { action: 'rate', rating: 1 });
    expect(again).toMatchObject({ status: 409, body: { error: 'action_not_allowed', allowedActions: ['mute_sms'] } });
    expect((await staffView(stack, filed.caseId, tokens.mediator)).body.rating).toMatchObject({ rating: 4, comment: '处理及时。' });
  });

  it('validates the consumer body strictly: a rating outside 1-5 and unknown fields are 400', async () => {
    const filed = await fileRouted(stack);
    const answer = await consumerAct(stack, filed, { action: 'rate', rating: 6, stars: 5 });
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((i: Json) => i.path).sort()).toEqual(['rating', 'stars']);
  });

  it('sends an ODR case the merchant declines to mediation at once', async () => {
    const filed = await fileRouted(stack, complaint({ merchant: { creditCode: odrMerchant } }));
    const declined = await act(stack, filed.caseId, odrMerchantToken, { action: 'decline', expectedVersion: filed.view.version, text: '我方认为不属于质量问题。' });
    expect(declined.body).toMatchObject({ status: 'accepted', step: 'mediation', deadline: { kind: 'mediation' } });
  });

  it('records a mediated agreement: resolved, then closed, with what the consumer gets', async () => {
    const filed = await fileRouted(stack);
    const proposed = await act(stack, filed.caseId, tokens.mediator, { action: 'propose_offer', expectedVersion: filed.view.version, amountFen: 100000, terms: '退款 1000 元' });
    const agreed = await act(stack, filed.caseId, tokens.mediator, {
      action: 'record_agreement',
      expectedVersion: proposed.body.version,
      refundFen: 129900,
      compensationFen: 50000,
      apology: true,
      terms: '全额退款并赔偿 500 元，商家书面道歉。',
    });
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({
      status: 'closed',
      outcome: 'resolved',
      agreement: { source: 'mediation', refundFen: 129900, compensationFen: 50000, apology: true, recoveredFen: 179900 },
      deadline: { kind: 'rating' },
    });
    // The mediator's unanswered proposal lapsed with the agreement.
    expect(agreed.body.offers.map((o: Json) => o.status)).toEqual(['lapsed']);
    // A follow-up visit after closing is still possible.
    const followed = await act(stack, filed.caseId, tokens.mediator, { action: 'follow_up', expectedVersion: agreed.body.version, text: '回访：消费者已收到退款，表示满意。' });
    expect(lastEvent(followed.body)).toMatchObject({ type: 'follow_up', status: 'closed' });
  });

  it('ends mediation without agreement and tells the consumer the next routes', async () => {
    const filed = await fileRouted(stack);
    const ended = await act(stack, filed.caseId, tokens.mediator, { action: 'end_unresolved', expectedVersion: filed.view.version });
    expect(ended.body).toMatchObject({ status: 'closed', outcome: 'unresolved' });
    const consumerView = await consumerAct(stack, filed, { action: 'rate', rating: 2, comment: '没解决' });
    const ending = consumerView.body.timeline.find((e: Json) => e.type === 'end_unresolved');
    expect(ending.reason.text['zh-CN']).toMatch(/仲裁.*人民法院.*消费者协会支持诉讼/);
    expect(ending.reason.text.en).toMatch(/arbitration.*court.*consumer association/);
  });

  it('lets the consumer withdraw an open case, which then closes', async () => {
    const filed = await fileRouted(stack);
    const withdrawn = await consumerAct(stack, filed, { action: 'withdraw', text: '已与商家私下和解。' });
    expect(withdrawn.body).toMatchObject({ status: 'closed', allowedActions: ['rate', 'mute_sms'] });
    expect(withdrawn.body.timeline.map((e: Json) => e.status).slice(-2)).toEqual(['withdrawn', 'closed']);
    expect((await consumerAct(stack, filed, { action: 'withdraw' })).status).toBe(409);
  });
});

describe('the advance-payout fund', () => {
  it("is run by the mediators of the fund's association (and admins): approve, pay, recover", async () => {
    const filed = await fileRouted(stack, complaint({ merchant: { creditCode: payoutMerchant }, claim: { type: 'refund', amountFen: 129900 } }));
    expect(filed.view).toMatchObject({ status: 'accepted', step: 'advance_payout', deadline: { kind: 'payout' } });
    const asMediator = (await staffView(stack, filed.caseId, tokens.mediator)).body;
    expect(asMediator.allowedActions).toEqual(['note', 'flag_collective', 'approve_payout', 'reject_payout']);
    expect((await act(stack, filed.caseId, tokens.otherMediator, { action: 'approve_payout', expectedVersion: asMediator.version, amountFen: 129900 })).status).toBe(404);

    const approved = await act(stack, filed.caseId, tokens.mediator, { action: 'approve_payout', expectedVersion: asMediator.version, amountFen: 129900 });
    expect(approved.body).toMatchObject({ payout: { state: 'approved', approvedFen: 129900 } });
    expect(lastEvent(approved.body)).toMatchObject({ actor: 'fund', type: 'approve_payout', amountFen: 129900 });
    const paid = await act(stack, filed.caseId, tokens.admin, { action: 'record_payment', expectedVersion: approved.body.version, amountFen: 129900, reference: 'ICBC-0001' });
    expect(paid.body).toMatchObject({ status: 'closed', outcome: 'resolved', payout: { state: 'paid', paidFen: 129900 }, agreement: { source: 'advance_payout', recoveredFen: 129900 } });
    const recovered = await act(stack, filed.caseId, tokens.mediator, { action: 'record_recovery', expectedVersion: paid.body.version, amountFen: 100000, reference: 'ICBC-0002' });
    expect(recovered.body.payout).toMatchObject({ recoveredFromMerchantFen: 100000 });
  });

  it('sends a rejected payout to mediation, with 45 working days not counting the time with the fund', async () => {
    const filed = await fileRouted(stack, complaint({ merchant: { creditCode: payoutMerchant } }));
    const rejected = await act(stack, filed.caseId, tokens.mediator, { action: 'reject_payout', expectedVersion: filed.view.version, text: '商家已注销保证金。' });
    expect(rejected.body).toMatchObject({ status: 'accepted', step: 'mediation', deadline: { kind: 'mediation' }, payout: { state: 'rejected' } });
  });
});
