import { routingClock } from '../../../functions/services/routing/routing-clock';

/** The router's clock: now in AWS; on the local stack a case dated back (npm run demo) is routed as of its receipt. */
describe('routingClock', () => {
  const now = new Date('2026-11-29T08:00:00.000Z');
  const before = process.env.REDRESS_ENV;
  afterEach(() => {
    process.env.REDRESS_ENV = before;
  });

  test('in AWS a case is routed now, however old its receipt', () => {
    process.env.REDRESS_ENV = 'aws';
    expect(routingClock({ receivedAt: '2026-03-01T02:00:00.000Z' }, now)).toEqual(now);
  });

  test('on the local stack a case filed months ago is routed as of its receipt', () => {
    process.env.REDRESS_ENV = 'local';
    expect(routingClock({ receivedAt: '2026-03-01T02:00:00.000Z' }, now)).toEqual(new Date('2026-03-01T02:00:00.000Z'));
  });

  test('on the local stack a case filed a moment ago (a stream delay, a retry) is routed now', () => {
    process.env.REDRESS_ENV = 'local';
    expect(routingClock({ receivedAt: '2026-11-29T07:58:30.000Z' }, now)).toEqual(now);
  });
});
