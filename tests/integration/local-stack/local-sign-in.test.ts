import { startHttpServer } from '../../../bin/local/http-server';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { call } from '../../support/http';
import { fixtureMerchant } from '../cases/support';

/**
 * The console's "sign in as" on the local stack: `POST /local/token` gives
 * the token `npm run token` would, which the local API then accepts; the
 * identity is checked as strictly as the command's flags.
 */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ web: false });
});
afterAll(() => stack?.stop());

describe('POST /local/token', () => {
  it('signs a token the local API accepts, for each role', async () => {
    for (const identity of [{ role: 'mediator', org: '410100' }, { role: 'merchant', merchant: fixtureMerchant }, { role: 'regulator', region: '410100' }, { role: 'admin' }]) {
      const signed = await call(stack, 'POST', '/local/token', { body: identity });
      expect(signed).toMatchObject({ status: 200, body: { token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), identity } });
      expect((await call(stack, 'GET', '/v1/cases', { token: signed.body.token })).status).toBe(200);
    }
  });

  it('refuses an identity the token command would refuse, naming the field', async () => {
    const noOrg = await call(stack, 'POST', '/local/token', { body: { role: 'mediator' } });
    expect(noOrg).toMatchObject({ status: 400, body: { error: 'invalid_input', issues: [{ path: 'org' }] } });
    expect((await call(stack, 'POST', '/local/token', { body: { role: 'admin', org: '410100' } })).status).toBe(400);
    expect((await call(stack, 'POST', '/local/token', { body: { role: 'superuser' } })).status).toBe(400);
    expect((await call(stack, 'GET', '/local/token')).status).toBe(405);
  });

  it('serves the console a config.json that says "local"', async () => {
    expect(await call(stack, 'GET', '/config.json')).toEqual({ status: 200, body: { auth: 'local', signInUrl: '/local/token' } });
  });

  it('is absent when the server is started without it', async () => {
    const server = await startHttpServer({ port: 0, localSignIn: false, quiet: true });
    try {
      const response = await fetch(`${server.url}/local/token`, { method: 'POST', body: '{"role":"admin"}' });
      expect(response.status).toBe(405); // a web path: pages are read with GET
    } finally {
      await server.close();
    }
  });
});
