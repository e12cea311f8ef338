import type { ScheduledEvent } from 'aws-lambda';
import { startScheduler, type ScheduledJob } from '../../../bin/local/scheduler';

/** Scheduled jobs run on their own timer, one run at a time, and a failing run does not stop the schedule. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('runs each job every interval with an EventBridge scheduled event', async () => {
  const events: ScheduledEvent[] = [];
  const job: ScheduledJob = { name: 'aggregate', everyMinutes: 0.001, handler: async (event) => void events.push(event as ScheduledEvent) };
  const scheduler = startScheduler({ jobs: [job], log: () => undefined });
  await sleep(400);
  await scheduler.stop();
  expect(events.length).toBeGreaterThanOrEqual(3);
  expect(events[0]).toMatchObject({ 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {}, resources: [expect.stringContaining('aggregate')] });
  const countAtStop = events.length;
  await sleep(150);
  expect(events.length).toBe(countAtStop);
});

it('never starts a run while the previous one of the same job is still going', async () => {
  let running = 0;
  let mostAtOnce = 0;
  let runs = 0;
  const slowJob: ScheduledJob = {
    name: 'sweep-deadlines',
    everyMinutes: 0.0005,
    handler: async () => {
      running += 1;
      runs += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await sleep(120);
      running -= 1;
    },
  };
  const lines: string[] = [];
  const scheduler = startScheduler({ jobs: [slowJob], log: (line) => lines.push(line) });
  await sleep(500);
  await scheduler.stop();
  expect(runs).toBeGreaterThanOrEqual(2);
  expect(mostAtOnce).toBe(1);
  expect(lines.some((line) => line.includes('still running'))).toBe(true);
});

it('logs a failed run and keeps the schedule going', async () => {
  let calls = 0;
  const failing: ScheduledJob = {
    name: 'aggregate',
    everyMinutes: 0.001,
    handler: async () => {
      calls += 1;
      throw new Error('table unreachable');
    },
  };
  const lines: string[] = [];
  const scheduler = startScheduler({ jobs: [failing], log: (line) => lines.push(line) });
  await sleep(400);
  await scheduler.stop();
  expect(calls).toBeGreaterThanOrEqual(2);
  expect(lines.filter((line) => line.includes('aggregate failed') && line.includes('table unreachable')).length).toBe(calls);
});

it('runs every job once at start when asked, as the local stack does, then on its interval', async () => {
  const runs: string[] = [];
  const hourly: ScheduledJob = { name: 'aggregate', everyMinutes: 60, handler: async () => void runs.push('aggregate') };
  const scheduler = startScheduler({ jobs: [hourly], runAtStart: true, log: () => undefined });
  await sleep(100);
  await scheduler.stop();
  expect(runs).toEqual(['aggregate']);
  const quiet = startScheduler({ jobs: [hourly], log: () => undefined });
  await sleep(100);
  await quiet.stop();
  expect(runs).toEqual(['aggregate']);
});
