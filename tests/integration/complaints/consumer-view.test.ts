import { refusalReasons } from '../../../functions/reference';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { act, call, complaint, consumerAct, daysAgo, fileRouted, staffTokens, type Filed, type Json } from '../cases/support';

/**
 * The consumer's view (`GET /v1/complaints/{caseId}`) says first what a
 * consumer needs to read: a closed case as how it ended, a refusal with its
 * reason, and the actions the lifecycle table allows the consumer now.
 */
let stack: TestStack;
let tokens: Awaited<ReturnType<typeof staffTokens>>;

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  tokens = await staffTokens();
}, 60_000);
afterAll(() => stack?.stop());

const view = async (filed: Filed): Promise<Json> => {
  const answer = await call(stack, 'GET', `/v1/complaints/${filed.caseId}`, { headers: { 'X-Access-Code': filed.accessCode } });
  expect(answer.status).toBe(200);
  return answer.body;
};

const label = (code: string) => refusalReasons.find((entry) => entry.code === code)!.label;

describe('the headline status', () => {
  it('a case the router refused as time-barred reads "not accepted" with the router’s reason', async () => {
    const filed = await fileRouted(stack, complaint({ purchase: { date: daysAgo(4 * 365 + 20) }, knownSince: daysAgo(4 * 365) }));
    // The router refuses, then closes the case in a second write.
    let seen = await view(filed);
    for (let tries = 0; seen.status !== 'closed' && tries < 100; tries++) seen = await view(filed);
    expect(seen).toMatchObject({ status: 'closed', outcome: 'not_accepted' });
    expect(seen.headline).toEqual({ code: 'not_accepted', closed: true, closedOn: seen.closedOn, reasonCode: 'time_barred', reason: seen.routing.reason });
    expect(seen.headline.reason['zh-CN']).toBeTruthy();
    expect(seen.allowedActions).toEqual(['rate', 'mute_sms']);
  });

  it('a case a mediator refused reads "not accepted" with the refusal reason’s label', async () => {
    // "Other" as the request: no rule decides, so the case waits for the association.
    const filed = await fileRouted(stack, complaint({ claim: { type: 'other' } }));
    expect(filed.view.headline).toEqual({ code: 'received', closed: false });
    const refused = await act(stack, filed.caseId, tokens.mediator, { action: 'refuse', expectedVersion: filed.view.version, reason: 'already_handled' });
    expect(refused.status).toBe(200);
    expect((await view(filed)).headline).toEqual({ code: 'not_accepted', closed: true, closedOn: expect.any(String), reasonCode: 'already_handled', reason: label('already_handled') });
  });

  it('an accepted case names its step; a withdrawn one reads "withdrawn" once closed', async () => {
    const filed = await fileRouted(stack, complaint());
    expect(filed.view.headline).toEqual({ code: 'accepted', step: 'mediation', closed: false });
    const withdrawn = await consumerAct(stack, filed, { action: 'withdraw' });
    expect(withdrawn.body).toMatchObject({ status: 'closed', outcome: 'withdrawn', headline: { code: 'withdrawn', closed: true } });
  });

  it('an accepted offer reads "resolved", shows what was agreed, and offers the rating until it is given', async () => {
    const filed = await fileRouted(stack, complaint());
    const offered = await act(stack, filed.caseId, tokens.mediator, { action: 'propose_offer', expectedVersion: filed.view.version, amountFen: 80000, terms: '退款 800 元。' });
    expect(offered.status).toBe(200);
    expect((await view(filed)).allowedActions).toEqual(['accept_offer', 'reject_offer', 'withdraw', 'add_info', 'mute_sms']);
    const accepted = await consumerAct(stack, filed, { action: 'accept_offer' });
    expect(accepted.body).toMatchObject({ headline: { code: 'resolved', closed: true }, agreement: { source: 'offer', recoveredFen: 80000 }, allowedActions: ['rate', 'mute_sms'] });
    const rated = await consumerAct(stack, filed, { action: 'rate', rating: 5, comment: '满意' });
    expect(rated.body).toMatchObject({ rating: { rating: 5, comment: '满意' }, allowedActions: ['mute_sms'] });
  });

  it('mediation ended without agreement reads "unresolved" with the routes left to the consumer', async () => {
    const filed = await fileRouted(stack, complaint());
    const ended = await act(stack, filed.caseId, tokens.mediator, { action: 'end_unresolved', expectedVersion: filed.view.version });
    expect(ended.status).toBe(200);
    const seen = await view(filed);
    expect(seen.headline).toMatchObject({ code: 'unresolved', closed: true });
    expect(seen.headline.reason.en).toContain('arbitration');
  });
});
