import { erasePersonalData } from '../../../functions/services/jobs/erase-personal-data';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { scanAll as scanTable } from './support';
import { call, complaint, consumerAct, type Filed, type Json } from '../cases/support';

/**
 * The erasure job against DynamoDB Local, called as the schedule calls it
 * (a clock and a time budget): a backlog drains over runs that each stop in
 * time, two runs at once erase each case once, a rerun changes nothing, and
 * the sealed intake answer goes after its 24-hour retry window.
 */
let stack: TestStack;
beforeAll(async () => {
  // No router: the cases stay as filed until the consumer withdraws them (which closes them).
  stack = await startTestStack({ web: false, streamConsumers: [] });
}, 60_000);
afterAll(() => stack?.stop());

const hours = (n: number) => n * 3_600_000;
const days = (n: number) => hours(24 * n);
const later = (ms: number) => new Date(Date.now() + ms);

const scanAll = () => scanTable(stack.tableName);

const caseItem = async (caseId: string) => (await scanAll()).find((item) => item.pk === `CASE#${caseId}` && item.sk === 'CASE')!;
const erasedEvents = (items: Json[], caseId: string) => items.filter((item) => item.pk === `CASE#${caseId}` && item.type === 'personal_data_erased');

async function fileClosed(headers: Record<string, string> = {}): Promise<Filed> {
  const filed = await call(stack, 'POST', '/v1/complaints', { body: complaint(), headers });
  expect(filed.status).toBe(201);
  const withdrawn = await consumerAct(stack, filed.body as Filed, { action: 'withdraw' });
  expect(withdrawn.body.status).toBe('closed');
  return filed.body as Filed;
}

describe('erase-personal-data on a backlog', () => {
  it('drains a backlog over runs that stop at their budget, erases each case once, and then changes nothing', async () => {
    const backlog = await Promise.all(Array.from({ length: 12 }, () => fileClosed()));
    const asOf = later(days(3 * 366 + 1));

    // Two runs at once, each with a budget so small it stops after one case: every case is erased exactly once.
    const reports = [];
    for (let run = 0; run < 40; run++) {
      const pair = await Promise.all([erasePersonalData({ now: asOf, budgetMs: 1, pageSize: 5 }), erasePersonalData({ now: asOf, budgetMs: 1, pageSize: 5 })]);
      reports.push(...pair);
      if (pair.every((report) => !report.more)) break;
    }
    expect(reports.length).toBeGreaterThan(2);
    expect(reports.slice(0, -2).some((report) => report.more)).toBe(true);
    expect(reports.reduce((sum, report) => sum + report.erased, 0)).toBe(backlog.length);
    const items = await scanAll();
    for (const { caseId } of backlog) {
      expect(erasedEvents(items, caseId)).toHaveLength(1);
      expect(items.find((item) => item.pk === `CASE#${caseId}` && item.sk === 'CASE')).toMatchObject({ erased: true, complaint: { consumer: { regionCode: '410100' } } });
    }

    // A rerun finds nothing due and writes nothing.
    expect(await erasePersonalData({ now: later(days(3 * 366 + 2)), budgetMs: 10_000 })).toEqual({ examined: 0, erased: 0, intakeRemoved: 0, skipped: 0, more: false });
    expect(await scanAll()).toEqual(items);
  }, 120_000);

  it('removes the sealed intake answer once its 24-hour retry window has passed, and still erases the case 3 years after it closed', async () => {
    const open = await call(stack, 'POST', '/v1/complaints', { body: complaint(), headers: { 'Idempotency-Key': `erasure-open-${Date.now()}` } });
    const closed = await fileClosed({ 'Idempotency-Key': `erasure-closed-${Date.now()}` });
    expect((await caseItem(open.body.caseId)).intake).toBeDefined();
    expect((await caseItem(closed.caseId)).intake).toBeDefined();

    // Within the retry window the answer stays (a retry must get the first access code back).
    expect((await erasePersonalData({ now: later(hours(23)), budgetMs: 10_000 })).intakeRemoved).toBe(0);
    expect((await caseItem(open.body.caseId)).intake).toBeDefined();

    const afterWindow = await erasePersonalData({ now: later(hours(25)), budgetMs: 10_000 });
    expect(afterWindow.intakeRemoved).toBe(2);
    const openItem = await caseItem(open.body.caseId);
    expect(openItem.intake).toBeUndefined();
    // Open: out of the erasure index until it closes. Closed: waiting for its erasure day.
    expect(openItem.erasePk).toBeUndefined();
    const closedItem = await caseItem(closed.caseId);
    expect(closedItem.intake).toBeUndefined();
    expect(closedItem.eraseSk).toMatch(/^\d{4}-\d{2}-\d{2}T16:00:00\.000Z#/);
    expect(closedItem.erased).toBeUndefined();

    // The consumer still reads the case with the code they were given.
    expect((await call(stack, 'GET', `/v1/complaints/${closed.caseId}`, { headers: { 'X-Access-Code': closed.accessCode } })).status).toBe(200);
    const erased = await erasePersonalData({ now: later(days(3 * 366 + 1)), budgetMs: 10_000 });
    expect(erased.erased).toBe(1);
    expect(await caseItem(closed.caseId)).toMatchObject({ erased: true });
    expect((await caseItem(open.body.caseId)).erased).toBeUndefined();
  }, 60_000);
});
