import { chinaDate } from '../../../functions/domain/calendar/dates';
import { categories } from '../../../functions/reference';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { act, call, complaint, creditCodeIn, fileRouted, fixtureMerchant, runJob, staffView, tokenFor, type Filed, type Json } from '../cases/support';

/**
 * The public statistics through HTTP on the local stack: complaints filed
 * through the API, routed by the stream consumer, settled by a mediator;
 * the aggregation job run by an admin; then what anyone reads.
 */
let stack: TestStack;
let admin: string;
let mediator: string;
const month = chinaDate(new Date()).slice(0, 7);
const year = month.slice(0, 4);
const appliances: (Filed & { view: Json })[] = [];

async function settle(caseId: string, body: Json): Promise<void> {
  const view = await staffView(stack, caseId, mediator);
  const answer = await act(stack, caseId, mediator, { expectedVersion: view.body.version, ...body });
  if (answer.status !== 200) throw new Error(`${body.action} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  [admin, mediator] = await Promise.all([tokenFor({ role: 'admin' }), tokenFor({ role: 'mediator', org: '410100' })]);
  // Three of them with a verified phone (two settled, one unresolved): only those count in the merchant's public record.
  for (let i = 0; i < 6; i++) appliances.push(await fileRouted(stack, complaint({ category: 'appliances' }), { verified: [0, 1, 3].includes(i) }));
  for (let i = 0; i < 2; i++) await fileRouted(stack, complaint({ category: 'food', issue: 'safety' }));
  // Two small categories (food 2, travel 1) suppress each other; a lone small one would take appliances with it.
  await fileRouted(stack, complaint({ category: 'travel', merchant: { name: '郑州某某旅行社有限公司', creditCode: creditCodeIn('410105', '9090'), regionCode: '410105' } }));
  for (const filed of appliances.slice(0, 3)) await settle(filed.caseId, { action: 'record_agreement', refundFen: 10000, terms: '退款 100 元' });
  await settle(appliances[3]!.caseId, { action: 'end_unresolved', text: '商家拒绝调解' });
  const job = await runJob(stack, admin, 'aggregate');
  expect(job.status).toBe(200);
}, 120_000);

afterAll(() => stack?.stop());

const stats = (query: string, headers: Record<string, string> = {}) => call(stack, 'GET', `/v1/stats${query}`, { headers });

describe('GET /v1/stats', () => {
  it('answers the figures by category for this month, small rows suppressed, with when they were computed', async () => {
    const answer = await stats(`?period=${month}&by=category&lang=zh-CN`);
    expect(answer.status).toBe(200);
    expect(answer.body.period).toBe(month);
    expect(answer.body.by).toBe('category');
    expect(Date.parse(answer.body.generatedAt)).toBeGreaterThan(Date.now() - 120_000);
    const [first, second] = answer.body.rows as Json[];
    expect(first).toMatchObject({
      key: 'appliances',
      label: categories.find((c) => c.code === 'appliances')!.label['zh-CN'],
      suppressed: false,
      received: 6,
      accepted: 6,
      notAccepted: 0,
      resolved: 3,
      unresolved: 1,
      withdrawn: 0,
      resolutionRate: 0.75,
      medianDaysToClose: 0,
      p90DaysToClose: 0,
      amountRecoveredFen: 30000,
      advancePayouts: 0,
      meanRating: null,
    });
    expect(second).toMatchObject({ key: 'food', suppressed: true, received: null, resolved: null, resolutionRate: null });
    expect(answer.body.rows[2]).toMatchObject({ key: 'travel', suppressed: true, received: null });
  });

  it('gives the same totals for the year, and one total row without a dimension', async () => {
    const total = await stats(`?period=${year}`);
    expect(total.body.rows).toEqual([expect.objectContaining({ key: 'all', received: 9, resolved: 3, unresolved: 1 })]);
    const byOutcome = await stats(`?period=${year}&by=outcome&lang=en`);
    // 3 resolved and 1 unresolved is fewer than 5 cases each: suppressed; the 4 still open are too.
    expect((byOutcome.body.rows as Json[]).map((row) => [row.key, row.suppressed])).toEqual(expect.arrayContaining([['resolved', true], ['unresolved', true]]));
    const byRegion = await stats(`?period=${year}&by=region&lang=en`);
    expect(byRegion.body.rows).toEqual([expect.objectContaining({ key: '410100', label: 'Zhengzhou', received: 9 })]);
  });

  it('refuses a malformed period, an unknown dimension and unknown parameters, naming each', async () => {
    const answer = await stats('?period=2026-13&by=colour&sort=desc');
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_input');
    expect((answer.body.issues as Json[]).map((issue) => issue.path).sort()).toEqual(['by', 'period', 'sort']);
    expect((await stats('?period=26')).status).toBe(400);
  });

  it('changes nothing when the job runs again', async () => {
    const before = await stats(`?period=${month}&by=category`);
    const again = await runJob(stack, admin, 'aggregate');
    expect(again.body).toMatchObject({ job: 'aggregate', ran: true, casesCounted: 0 });
    const after = await stats(`?period=${month}&by=category`);
    expect(after.body.rows).toEqual(before.body.rows);
  });

  it('gives the same figures after a rebuild from scratch', async () => {
    const before = await stats(`?period=${year}&by=issue`);
    const rebuilt = await runJob(stack, admin, 'aggregate-rebuild');
    expect(rebuilt.body).toMatchObject({ mode: 'rebuild', casesRead: 9 });
    const after = await stats(`?period=${year}&by=issue`);
    expect(after.body.rows).toEqual(before.body.rows);
    expect(after.body.generatedAt > before.body.generatedAt).toBe(true);
  });
});

describe('GET /v1/stats.csv', () => {
  it('is CSV with a byte-order mark, Chinese column names and a file name', async () => {
    const response = await fetch(`${stack.baseUrl}/v1/stats.csv?period=${month}&by=category`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="redress-stats-${month}-category.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    expect(lines[0]).toContain('收到投诉（件）');
    expect(lines[1]).toContain('家用电子电器');
    expect(lines[1]).toContain(',300.00,');
  });

  it('speaks English with lang=en and refuses bad queries like the JSON', async () => {
    const text = await (await fetch(`${stack.baseUrl}/v1/stats.csv?period=${year}&lang=en`)).text();
    expect(text.split('\r\n')[0]).toContain('Received');
    expect((await fetch(`${stack.baseUrl}/v1/stats.csv?by=nothing`)).status).toBe(400);
  });
});

describe('GET /v1/merchants/{creditCode}/record', () => {
  it('shows the merchant’s last 12 months as counted by the last run, only the complaints someone stands behind', async () => {
    const answer = await call(stack, 'GET', `/v1/merchants/${fixtureMerchant}/record`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      creditCode: fixtureMerchant,
      name: '郑州某某电器有限公司',
      from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      to: chinaDate(new Date()),
      // 8 complaints (the statistics above count them all), 3 with a verified phone.
      complaints12m: 3,
      accepted: 3,
      notAccepted: 0,
      resolved: 2,
      unresolved: 1,
      withdrawn: 0,
      resolutionRate: 0.6667,
      medianDaysToClose: 0,
      odr: false,
      advancePayout: null,
      advancePayoutsUnrecoveredFen: 0,
      offlineNoReasonReturn: false,
      generatedAt: expect.any(String),
      // Not in the registry: the name is the consumer's wording.
      nameVerified: false,
    });
  });

  it('counts a case a mediator claimed, though its phone was not verified', async () => {
    const before = (await call(stack, 'GET', `/v1/merchants/${fixtureMerchant}/record`)).body.complaints12m as number;
    await settle(appliances[4]!.caseId, { action: 'claim' });
    expect((await runJob(stack, admin, 'aggregate')).status).toBe(200);
    expect((await call(stack, 'GET', `/v1/merchants/${fixtureMerchant}/record`)).body.complaints12m).toBe(before + 1);
  });

  it('is 404 for an unregistered merchant whose complaints no one stands behind', async () => {
    const nobody = creditCodeIn('410102', '777001');
    await fileRouted(stack, complaint({ merchant: { name: '无人认领的商家', creditCode: nobody } }));
    expect((await runJob(stack, admin, 'aggregate')).status).toBe(200);
    expect((await call(stack, 'GET', `/v1/merchants/${nobody}/record`)).status).toBe(404);
  });

  it('is 400 for a malformed credit code and 404 for one nobody knows', async () => {
    const malformed = await call(stack, 'GET', '/v1/merchants/12345/record');
    expect(malformed.status).toBe(400);
    expect(malformed.body.issues[0].path).toBe('creditCode');
    expect((await call(stack, 'GET', '/v1/merchants/91410105MA45K7Q29L/record')).status).toBe(404);
  });
});
