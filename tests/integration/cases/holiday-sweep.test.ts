import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { readCase } from '../../../functions/store/cases-store';
import { documentDb } from '../../../functions/store/client';
import { indexKeys } from '../../../functions/store/keys';
import { sweepDeadlines } from '../../../functions/services/jobs/sweep-deadlines';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { seedAcceptedCase, seedReceivedCase } from './fixtures';

/**
 * The sweeper across the 2026 Mid-Autumn and National Day holidays, with
 * their adjusted working days (Sunday 20 September and Saturday 10 October
 * are worked; 25-27 September and 1-7 October are not). The cases were
 * filed in September, so the sweeper runs with its clock set to the days
 * in question; every expected date below was counted by hand on the 2026
 * calendar. No router runs here: the fixtures stand in for it.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ web: false, streamConsumers: [] });
});
afterAll(() => stack?.stop());

/** An instant on a China date. */
const at = (date: string, time = '00:05') => new Date(`${date}T${time}:00+08:00`);
const sweepAsOf = (date: string, time?: string) => sweepDeadlines({ now: at(date, time), budgetMs: 60_000 });
const stored = async (caseId: string) => (await readCase(caseId))!.record;

describe('ODR across the National Day week', () => {
  // Accepted Thursday 24 September. Its 10 working days: 28, 29, 30 Sep; 8, 9 Oct; Sat 10 Oct (worked); 12, 13, 14, 15 Oct.
  // Counting weekdays only would end on 8 October.
  let caseId: string;
  beforeAll(async () => {
    ({ caseId } = await seedAcceptedCase(at('2026-09-24', '10:00'), 'odr', { kind: 'odr', date: '2026-10-15' }));
  });

  it('leaves the case with the merchant through the holiday and the last working day', async () => {
    for (const day of ['2026-10-01', '2026-10-08', '2026-10-09', '2026-10-12']) await sweepAsOf(day);
    await sweepAsOf('2026-10-15', '23:59');
    expect(await stored(caseId)).toMatchObject({ status: 'accepted', step: 'odr', deadline: { kind: 'odr', date: '2026-10-15' } });
  });

  it('moves it to mediation on 16 October, with the 10 ODR days added to its 45 mediation days', async () => {
    const report = await sweepAsOf('2026-10-16');
    expect(report.changed).toEqual({ odr_timeout: 1 });
    // 55 working days after 24 September: the 45th after 15 October is Thursday 17 December.
    expect(await stored(caseId)).toMatchObject({ status: 'accepted', step: 'mediation', acceptedOn: '2026-09-24', deadline: { kind: 'mediation', date: '2026-12-17' } });
  });
});

describe('acceptance over an adjusted Sunday', () => {
  // Filed Monday 14 September: 15, 16, 17, 18, Sun 20 (worked), 21, 22 September.
  let caseId: string;
  beforeAll(async () => {
    ({ caseId } = await seedReceivedCase(at('2026-09-14', '09:30'), 'odr'));
  });

  it('gave the case an acceptance deadline of 22 September', async () => {
    expect((await stored(caseId)).deadline).toEqual({ kind: 'acceptance', date: '2026-09-22' });
  });

  it('accepts the undecided case on 23 September, not before, and starts its ODR days from then', async () => {
    await sweepAsOf('2026-09-22', '23:59');
    expect((await stored(caseId)).status).toBe('received');
    const report = await sweepAsOf('2026-09-23');
    expect(report.changed).toEqual({ acceptance_timeout: 1 });
    // From 23 September: 24, 28, 29, 30 Sep; 8, 9, Sat 10, 12, 13, 14 Oct.
    expect(await stored(caseId)).toMatchObject({ status: 'accepted', step: 'odr', acceptedOn: '2026-09-23', deadline: { kind: 'odr', date: '2026-10-14' } });
  });
});

describe('a sweep that runs late', () => {
  it('dates every move as an on-time sweep would have, however many are overdue', async () => {
    const { caseId } = await seedReceivedCase(at('2026-09-14', '11:00'), 'odr');
    const report = await sweepAsOf('2026-10-20');
    expect(report.changed.acceptance_timeout).toBe(1);
    const record = await stored(caseId);
    // Accepted 23 September, ODR over after 14 October: mediation ends 55 working days after 23 September.
    expect(record).toMatchObject({ status: 'accepted', step: 'mediation', acceptedOn: '2026-09-23', deadline: { kind: 'mediation', date: '2026-12-16' } });
    const timeline = (await readCase(caseId))!.timeline.map((e) => e.type);
    expect(timeline.slice(-2)).toEqual(['acceptance_timeout', 'odr_timeout']);
  });
});

describe('resumable pages', () => {
  it('stops when its time is up, says more remain, and the next runs carry on until none do', async () => {
    const seeded = await Promise.all(Array.from({ length: 7 }, () => seedAcceptedCase(at('2026-09-24', '10:00'), 'odr', { kind: 'odr', date: '2026-10-15' })));
    const runs = [];
    for (let run = 0; run < 20; run++) {
      const report = await sweepDeadlines({ now: at('2026-10-16'), budgetMs: 0, pageSize: 2 });
      runs.push(report);
      if (!report.more) break;
    }
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.at(-1)!.more).toBe(false);
    // Every run made progress and none did more than one page.
    for (const report of runs.slice(0, -1)) expect(report.examined).toBeLessThanOrEqual(2);
    expect(runs.reduce((sum, report) => sum + (report.changed.odr_timeout ?? 0), 0)).toBe(seeded.length);
    for (const { caseId } of seeded) expect((await stored(caseId)).step).toBe('mediation');
  });

  it('re-reads a case before acting: an index entry that is out of date changes nothing', async () => {
    const { caseId } = await seedAcceptedCase(at('2026-09-24', '10:00'), 'odr', { kind: 'odr', date: '2026-10-15' });
    // The index says due on 1 October; the case itself says 15 October (as if the index lagged a change).
    await documentDb().send(
      new UpdateCommand({ TableName: stack.tableName, Key: { pk: `CASE#${caseId}`, sk: 'CASE' }, UpdateExpression: 'SET dueSk = :sk', ExpressionAttributeValues: { ':sk': indexKeys.byDeadline('2026-10-01', caseId).dueSk } }),
    );
    const before = await stored(caseId);
    const report = await sweepAsOf('2026-10-05');
    expect(report).toMatchObject({ changed: {}, skipped: 1 });
    expect(await stored(caseId)).toEqual(before);
  });
});
