import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { addDays } from '../../../functions/domain/calendar/dates';
import { workingDaysBetween } from '../../../functions/domain/calendar/working-days';
import { calendar } from '../../../functions/reference';
import { documentDb } from '../../../functions/store/client';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { complaint, consumerAct, creditCodeIn, fileRouted, registerMerchant, runJob, staffTokens, staffView, today, type Filed, type Json } from './support';

/**
 * The deadline sweeper through `POST /v1/admin/jobs/sweep-deadlines` with
 * `asOf`, on cases the real router accepted today: nothing moves on a
 * deadline's last day, everything due moves the day after.
 */
let stack: TestStack;
let tokens: Awaited<ReturnType<typeof staffTokens>>;
let odrCase: Filed & { view: Json };
let reviewCase: Filed & { view: Json };
let mediationCase: Filed & { view: Json };

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  tokens = await staffTokens();
  const odrMerchant = creditCodeIn('410102', '701');
  await registerMerchant(stack, tokens.admin, odrMerchant, { name: '郑州某某手机专卖店', regionCode: '410102', odr: true, offlineNoReasonReturn: true });
  odrCase = await fileRouted(stack, complaint({ merchant: { creditCode: odrMerchant } }));
  reviewCase = await fileRouted(stack, complaint({ claim: { type: 'other' } }));
  mediationCase = await fileRouted(stack);
});
afterAll(() => stack?.stop());

const sweep = async (asOf?: string) => {
  const answer = await runJob(stack, tokens.admin, 'sweep-deadlines', asOf ? { asOf } : undefined);
  expect(answer.status).toBe(200);
  return answer.body;
};
const current = async (filed: Filed) => (await staffView(stack, filed.caseId, tokens.mediator)).body;

describe('POST /v1/admin/jobs/{job}', () => {
  it('runs the sweep now and says what it did', async () => {
    const report = await sweep();
    expect(report).toEqual({ job: 'sweep-deadlines', ranAt: expect.any(String), asOf: today(), tookMs: expect.any(Number), examined: 0, changed: {}, skipped: 0, more: false });
  });

  it('is for admins only, knows its jobs, and takes a strict body', async () => {
    expect((await runJob(stack, tokens.mediator, 'sweep-deadlines')).status).toBe(403);
    expect((await runJob(stack, tokens.admin, 'launch-rockets')).status).toBe(404);
    const strict = await runJob(stack, tokens.admin, 'sweep-deadlines', { asOf: '2026-13-01', force: true });
    expect(strict.status).toBe(400);
    expect(strict.body.issues.map((i: Json) => i.path).sort()).toEqual(['asOf', 'force']);
    expect((await runJob(stack, tokens.admin, 'sweep-deadlines', { asOf: addDays(today(), -1) })).body.error).toBe('as_of_in_the_past');
  });

  it('refuses asOf when the stack is deployed', async () => {
    const before = process.env.REDRESS_ENV;
    process.env.REDRESS_ENV = 'aws';
    try {
      const answer = await runJob(stack, tokens.admin, 'sweep-deadlines', { asOf: addDays(today(), 30) });
      expect(answer).toMatchObject({ status: 400, body: { error: 'as_of_not_allowed' } });
    } finally {
      process.env.REDRESS_ENV = before;
    }
    // Nothing was swept.
    expect((await current(odrCase)).step).toBe('odr');
  });
});

describe('deadlines in working days', () => {
  it('starts each case with the deadline of where it is', () => {
    expect(odrCase.view.deadline.kind).toBe('odr');
    expect(workingDaysBetween(today(), odrCase.view.deadline.date, calendar)).toBe(10);
    expect(reviewCase.view.deadline.kind).toBe('acceptance');
    expect(workingDaysBetween(today(), reviewCase.view.deadline.date, calendar)).toBe(7);
    expect(mediationCase.view.deadline.kind).toBe('mediation');
    expect(workingDaysBetween(today(), mediationCase.view.deadline.date, calendar)).toBe(45);
  });

  it('accepts a case nobody decided on the day after its 7 working days, into the step the rules picked', async () => {
    const lastDay = reviewCase.view.deadline.date;
    expect((await sweep(lastDay)).changed).toEqual({});
    expect((await current(reviewCase)).status).toBe('received');

    const report = await sweep(addDays(lastDay, 1));
    expect(report).toMatchObject({ examined: 1, changed: { acceptance_timeout: 1 }, more: false });
    const accepted = await current(reviewCase);
    expect(accepted).toMatchObject({ status: 'accepted', step: 'mediation', acceptedOn: addDays(lastDay, 1), deadline: { kind: 'mediation' } });
    expect(workingDaysBetween(accepted.acceptedOn, accepted.deadline.date, calendar)).toBe(45);
    expect(accepted.timeline.at(-1)).toMatchObject({ actor: 'system', type: 'acceptance_timeout', reason: { text: { 'zh-CN': expect.stringContaining('7 个工作日') } } });
  });

  it('moves an ODR case to mediation on the day after its 10th working day, adding the ODR time to the mediation deadline', async () => {
    const lastDay = odrCase.view.deadline.date;
    await sweep(lastDay);
    expect((await current(odrCase)).step).toBe('odr');

    await sweep(addDays(lastDay, 1));
    const moved = await current(odrCase);
    expect(moved).toMatchObject({ status: 'accepted', step: 'mediation', acceptedOn: today(), deadline: { kind: 'mediation' } });
    // 45 working days of mediation after acceptance, plus the 10 spent in ODR.
    expect(workingDaysBetween(today(), moved.deadline.date, calendar)).toBe(55);
    expect(moved.timeline.at(-1)).toMatchObject({ actor: 'system', type: 'odr_timeout', status: 'accepted', step: 'mediation' });
  });

  it('ends mediation unresolved after 45 working days and tells the consumer the next routes', async () => {
    const lastDay = mediationCase.view.deadline.date;
    await sweep(lastDay);
    expect((await current(mediationCase)).status).toBe('accepted');

    const report = await sweep(addDays(lastDay, 1));
    expect(report.changed).toMatchObject({ mediation_timeout: 1, close: 1 });
    const ended = await current(mediationCase);
    expect(ended).toMatchObject({ status: 'closed', outcome: 'unresolved', closedOn: addDays(lastDay, 1), deadline: { kind: 'rating' } });
    const seen = await consumerAct(stack, mediationCase, { action: 'add_info', text: '还想补充' });
    // Closed: nothing left to add, but the timeline says where to go next.
    expect(seen.status).toBe(409);
    const timeout = ended.timeline.find((e: Json) => e.type === 'mediation_timeout');
    expect(timeout).toMatchObject({ actor: 'system', status: 'unresolved', reason: { code: 'mediation_timeout' } });
    expect(timeout.reason.text['zh-CN']).toMatch(/45 个工作日.*仲裁.*人民法院.*支持诉讼/);
    expect(timeout.reason.text.en).toMatch(/45 working days.*arbitration.*court.*consumer association/);
    // A closed case has left the deadline index.
    const { Item } = await documentDb().send(new GetCommand({ TableName: stack.tableName, Key: { pk: `CASE#${mediationCase.caseId}`, sk: 'CASE' } }));
    expect(Item).not.toHaveProperty('duePk');
    expect(Item).not.toHaveProperty('dueSk');
  });

  it('changes each due case once even when two sweeps run at the same moment', async () => {
    const cases = await Promise.all([fileRouted(stack), fileRouted(stack), fileRouted(stack)]);
    const asOf = addDays(cases[0]!.view.deadline.date, 1);
    const reports = await Promise.all([sweep(asOf), sweep(asOf)]);
    const timeouts = reports.reduce((sum, report) => sum + (report.changed.mediation_timeout ?? 0), 0);
    expect(timeouts).toBe(cases.length);
    for (const filed of cases) {
      const view = await current(filed);
      expect(view.timeline.filter((e: Json) => e.type === 'mediation_timeout')).toHaveLength(1);
      expect(view.timeline.filter((e: Json) => e.type === 'close')).toHaveLength(1);
    }
  });
});
