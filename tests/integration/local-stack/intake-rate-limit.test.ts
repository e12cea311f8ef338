import { startHttpServer } from '../../../bin/local/http-server';
import { intakeRateLimitFrom, intakeRateLimiter } from '../../../bin/local/http/intake-rate-limit';
import type { RouteDefinition } from '../../../functions/routes';

describe('the per-address intake limit (clock injected)', () => {
  it('allows `perMinute` filings in any 60 s window, then answers the seconds until the oldest leaves it', () => {
    const limiter = intakeRateLimiter(2);
    expect(limiter.retryAfterSeconds('10.0.0.1', 0)).toBe(0);
    expect(limiter.retryAfterSeconds('10.0.0.1', 10_000)).toBe(0);
    expect(limiter.retryAfterSeconds('10.0.0.1', 20_000)).toBe(40);
    expect(limiter.retryAfterSeconds('10.0.0.2', 20_000)).toBe(0);
    expect(limiter.retryAfterSeconds('10.0.0.1', 59_999)).toBe(1);
    expect(limiter.retryAfterSeconds('10.0.0.1', 60_000)).toBe(0);
  });

  it('is off by default and refuses nonsense', () => {
    expect(intakeRateLimitFrom(undefined)).toBeUndefined();
    expect(intakeRateLimitFrom('')).toBeUndefined();
    expect(intakeRateLimitFrom('5')).toBe(5);
    expect(() => intakeRateLimitFrom('0')).toThrow(/INTAKE_RATE_LIMIT/);
  });
});

describe('the local server with INTAKE_RATE_LIMIT', () => {
  const routes: RouteDefinition[] = [
    { method: 'POST', path: '/v1/complaints', handler: 'file', auth: 'none', table: 'none' },
    { method: 'GET', path: '/v1/health', handler: 'health', auth: 'none', table: 'none' },
  ];
  const answer = async () => ({ statusCode: 201, body: '{}', headers: { 'content-type': 'application/json' } });

  it('answers 429 with Retry-After past the limit, for filings only', async () => {
    const server = await startHttpServer({ port: 0, routes, resolveHandler: async () => answer, quiet: true, intakeRateLimit: 2 });
    try {
      const file = () => fetch(`${server.url}/v1/complaints`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect((await file()).status).toBe(201);
      expect((await file()).status).toBe(201);
      const refused = await file();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: 'too_many_requests' });
      expect((await fetch(`${server.url}/v1/health`)).status).toBe(201);
    } finally {
      await server.close();
    }
  });

  it('has no limit unless set', async () => {
    const server = await startHttpServer({ port: 0, routes, resolveHandler: async () => answer, quiet: true });
    try {
      for (let i = 0; i < 5; i++) expect((await fetch(`${server.url}/v1/complaints`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(201);
    } finally {
      await server.close();
    }
  });
});
