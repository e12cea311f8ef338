import middy from '@middy/core';

/** The EMF lines Powertools writes to stdout, parsed. */
function captureEmf(): { lines: () => Record<string, any>[]; restore: () => void } {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: any) => {
    written.push(String(chunk));
    return true;
  });
  return {
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter((line) => line.includes('"_aws"'))
        .map((line) => JSON.parse(line)),
    restore: () => spy.mockRestore(),
  };
}

/** Each test loads the module afresh, with metrics switched on as on AWS. */
async function loadMetrics(): Promise<typeof import('../../../functions/observability/metrics')> {
  jest.resetModules();
  return import('../../../functions/observability/metrics');
}

beforeEach(() => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
  delete process.env.POWERTOOLS_DEV;
});

afterAll(() => {
  delete process.env.POWERTOOLS_METRICS_DISABLED;
});

function metricOf(line: Record<string, any>): { name: string; dimensions: string[]; namespace: string } {
  const directive = line._aws.CloudWatchMetrics[0];
  return { name: directive.Metrics[0].Name, dimensions: directive.Dimensions[0], namespace: directive.Namespace };
}

test('a routed case is counted under its outcome: the step, the refusal reason, or held for review', async () => {
  const observability = await loadMetrics();
  const emf = captureEmf();
  try {
    observability.countCaseRouted({ outcome: 'accepted', step: 'mediation' });
    observability.countCaseRouted({ outcome: 'not_accepted', refusalReason: 'time_barred' });
    observability.countCaseRouted({ outcome: 'review', reviewReason: 'no_respondent' });
  } finally {
    emf.restore();
  }
  const lines = emf.lines();
  expect(lines.map((line) => [line.outcome, line.detail, line.CasesRouted])).toEqual([
    ['accepted', 'mediation', 1],
    ['refused', 'time_barred', 1],
    ['held', 'no_respondent', 1],
  ]);
  expect(metricOf(lines[0]!)).toEqual({ name: 'CasesRouted', namespace: 'Redress', dimensions: ['service', 'outcome', 'detail'] });
});

test('a handler flushes what it counted through the middleware, also when it fails', async () => {
  const observability = await loadMetrics();
  const handler = middy()
    .use(observability.publishMetrics())
    .handler(async () => {
      observability.countComplaintFiled();
      observability.recordOverdueCases(7);
      throw new Error('store unavailable');
    });
  const emf = captureEmf();
  try {
    await expect(handler({}, {} as any)).rejects.toThrow('store unavailable');
  } finally {
    emf.restore();
  }
  const [line] = emf.lines();
  expect(line).toMatchObject({ service: 'redress', ComplaintsFiled: 1, OverdueCases: 7 });
});

test('job runs are counted by job, with the runs that stopped with work left and how long they took', async () => {
  const observability = await loadMetrics();
  const emf = captureEmf();
  try {
    observability.countJobRun('aggregate', { more: true, tookMs: 1200 });
    observability.countJobRun('sweep-deadlines', { more: false, tookMs: 30 });
  } finally {
    emf.restore();
  }
  const byName = emf.lines().map((line) => [metricOf(line).name, line.job]);
  expect(byName).toEqual([
    ['JobRuns', 'aggregate'],
    ['JobRunsWithMore', 'aggregate'],
    ['JobDuration', 'aggregate'],
    ['JobRuns', 'sweep-deadlines'],
    ['JobDuration', 'sweep-deadlines'],
  ]);
});

test('actions and notifications are counted by their own dimensions', async () => {
  const observability = await loadMetrics();
  const emf = captureEmf();
  try {
    observability.countCaseAction('accept', 'mediator');
    observability.countNotification('sms', 'failed');
  } finally {
    emf.restore();
  }
  const [action, notification] = emf.lines();
  expect(action).toMatchObject({ action: 'accept', actor: 'mediator', CaseActions: 1 });
  expect(notification).toMatchObject({ channel: 'sms', NotificationsFailed: 1 });
});

test('nothing is printed on the local stack unless asked for', async () => {
  delete process.env.POWERTOOLS_METRICS_DISABLED;
  const previous = process.env.REDRESS_ENV;
  process.env.REDRESS_ENV = 'local';
  const observability = await loadMetrics();
  const emf = captureEmf();
  try {
    observability.countCaseAction('accept', 'mediator');
  } finally {
    emf.restore();
    if (previous === undefined) delete process.env.REDRESS_ENV;
    else process.env.REDRESS_ENV = previous;
  }
  expect(emf.lines()).toEqual([]);
});
