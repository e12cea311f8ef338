import { readCase } from '../../../functions/store/cases-store';
import { demoComplaints } from '../../../bin/demo/complaints';
import { demoSeed } from '../../../bin/demo/demo-seed';
import { runDemo, type DemoReport } from '../../../bin/demo/run-demo';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { call } from '../../support/http';

/**
 * `npm run demo` against a test stack with a small count: every step of
 * the lifecycle shows up on the cases' timelines, the statistics and the
 * disclosures have rows, and a second run adds nothing.
 */
const count = 60;
jest.setTimeout(600_000);

let stack: TestStack;
let first: DemoReport;
const anchor = new Date();
const timelines = new Map<string, { types: string[]; version: number }>();

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  first = await runDemo({ baseUrl: stack.baseUrl, count, anchor, concurrency: 4 });
  for (const caseId of first.caseIds) {
    const stored = (await readCase(caseId))!;
    timelines.set(caseId, { types: stored.timeline.map((event) => event.type), version: stored.record.version });
  }
});

afterAll(async () => {
  await stack?.stop();
});

const casesWith = (type: string) => [...timelines.values()].filter((timeline) => timeline.types.includes(type)).length;

test('files every demo complaint (and the re-filed duplicates) as a case', () => {
  expect(first.tally.filed).toBeGreaterThanOrEqual(count);
  expect(new Set(first.caseIds).size).toBe(first.tally.filed);
  expect(first.registries.merchants).toBe(demoSeed.merchants.length);
});

test('spreads the complaints over the 12 months before the anchor', () => {
  const received = demoComplaints(count, anchor, 'any').map((complaint) => complaint.receivedAt.getTime());
  const yearMs = 366 * 86_400_000;
  expect(Math.min(...received)).toBeGreaterThan(anchor.getTime() - yearMs);
  expect(Math.max(...received)).toBeLessThan(anchor.getTime());
  // At least 9 different months: a year, not a week.
  expect(new Set(received.map((ms) => new Date(ms).toISOString().slice(0, 7))).size).toBeGreaterThanOrEqual(9);
});

test.each([
  ['a refusal', ['route_refuse', 'refuse']],
  ['a case left for a mediator and accepted', ['accept']],
  ['ODR: the merchant answers and offers', ['make_offer']],
  ['mediation with an offer', ['propose_offer']],
  ['an offer accepted by the consumer', ['accept_offer']],
  ['an agreement or an unsuccessful end', ['record_agreement', 'end_unresolved']],
  ['an advance payout approved and paid', ['record_payment']],
  ['a rating', ['rate']],
  ['a follow-up visit', ['follow_up']],
  ['a closed case', ['close']],
])('walks at least one case through %s', (_, types) => {
  expect(types.reduce((sum, type) => sum + casesWith(type), 0)).toBeGreaterThan(0);
});

test('routes cases to ODR, mediation and advance payout', async () => {
  const steps = new Set<string>();
  for (const caseId of first.caseIds) steps.add((await readCase(caseId))!.record.routing?.step ?? 'none');
  expect([...steps]).toEqual(expect.arrayContaining(['odr', 'mediation', 'advance_payout']));
});

test('leaves statistics with rows and public disclosures', async () => {
  const year = anchor.toISOString().slice(0, 4);
  const previous = String(Number(year) - 1);
  const rows = [];
  for (const period of [year, previous]) {
    const { status, body } = await call(stack, 'GET', `/v1/stats?period=${period}&by=category`);
    expect(status).toBe(200);
    rows.push(...(body.rows as { received?: number | null }[]));
  }
  expect(rows.reduce((sum, row) => sum + (row.received ?? 0), 0)).toBeGreaterThan(0);
  const disclosures = await call(stack, 'GET', '/v1/disclosures');
  expect(disclosures.status).toBe(200);
  expect(disclosures.body.items.length).toBeGreaterThan(0);
});

test('a second run adds nothing', async () => {
  const second = await runDemo({ baseUrl: stack.baseUrl, count, anchor, concurrency: 4 });
  expect(second.tally).toMatchObject({ filed: 0, actions: 0 });
  expect(second.tally.alreadyFiled).toBe(first.tally.filed);
  expect(second.registries).toEqual({ merchants: 0, funds: 0 });
  expect(new Set(second.caseIds)).toEqual(new Set(first.caseIds));
  for (const [caseId, before] of timelines) {
    const after = (await readCase(caseId))!;
    expect({ caseId, version: after.record.version, events: after.timeline.length }).toEqual({ caseId, version: before.version, events: before.types.length });
  }
});
