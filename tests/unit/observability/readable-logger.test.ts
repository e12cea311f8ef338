import { ReadableLogger, readableLine } from '../../../functions/observability/readable-logger';

test('a log entry becomes one line: time, level, message, then every key that says something', () => {
  const line = readableLine({
    level: 'INFO',
    message: 'case routed',
    timestamp: '2026-11-29T09:41:02.123Z',
    service: 'redress',
    sampling_rate: 0,
    caseId: 'C-20261129-ABCD',
    requestId: 'req-1',
    outcome: 'accepted',
    safetyReport: false,
  });
  expect(line).toBe('09:41:02.123 INFO  case routed caseId=C-20261129-ABCD requestId=req-1 outcome=accepted safetyReport=false');
});

test('an error is one quoted name and message, never a multi-line stack', () => {
  const line = readableLine({ level: 'ERROR', message: 'routing failed', timestamp: '2026-11-29T09:41:02.123Z', error: { name: 'TimeoutError', message: 'socket hang up\nagain', location: 'store.ts:3', stack: 'a\nb' } });
  expect(line).toBe('09:41:02.123 ERROR routing failed error="TimeoutError: socket hang up\\nagain @ store.ts:3"');
  expect(line).not.toContain('\n');
});

test('the logger writes that one line, with the keys appended for the request', () => {
  const logger = new ReadableLogger({ serviceName: 'redress', logLevel: 'INFO' });
  const lines: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((text: string) => void lines.push(text));
  try {
    logger.appendKeys({ requestId: 'req-9' });
    logger.info('complaint filed', { caseId: 'C-1' });
  } finally {
    spy.mockRestore();
  }
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO  complaint filed requestId=req-9 caseId=C-1$/);
});
