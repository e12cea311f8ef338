import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { principalFromClaims } from '../../../functions/http/principal';
import type { RouteDefinition } from '../../../functions/routes';
import type { HttpApiEvent } from '../../../bin/local/http/api-gateway-event';
import { startHttpServer, type RunningHttpServer } from '../../../bin/local/http-server';
import { signLocalToken, verifyLocalToken } from '../../../bin/local/local-jwt';
import { repoRoot } from '../../../bin/local/paths';
import { parseTokenFlags } from '../../../bin/local/token-flags';
import { temporaryDirectory } from '../../support/dynamodb';

/**
 * Staff routes sit behind the HTTP API's JWT authorizer; locally the same
 * checks run against tokens from `npm run token`, and the handler sees the
 * claims exactly as API Gateway hands them over.
 */
const execFileAsync = promisify(execFile);

describe('the local JWT authorizer', () => {
  const seen: HttpApiEvent[] = [];
  const routes: RouteDefinition[] = [
    { method: 'GET', path: '/v1/staff-only', handler: 'whoami', auth: 'jwt', table: 'none' },
    { method: 'GET', path: '/v1/public', handler: 'whoami', auth: 'none', table: 'none' },
  ];
  let server: RunningHttpServer;
  let keys: Awaited<ReturnType<typeof temporaryDirectory>>;
  let otherKeys: Awaited<ReturnType<typeof temporaryDirectory>>;

  beforeAll(async () => {
    [keys, otherKeys] = await Promise.all([temporaryDirectory(), temporaryDirectory()]);
    server = await startHttpServer({
      port: 0,
      routes,
      quiet: true,
      verifyToken: (token) => verifyLocalToken(token, { keyDir: keys.dir }),
      resolveHandler: async () => async (event) => {
        seen.push(event as HttpApiEvent);
        return { statusCode: 200, body: 'ok' };
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all([keys?.remove(), otherKeys?.remove()]);
  });

  const get = (route: string, authorization?: string) => fetch(`${server.url}${route}`, { headers: authorization ? { Authorization: authorization } : {} });

  it('refuses a request without a token with 401 and never calls the handler', async () => {
    const before = seen.length;
    const response = await get('/v1/staff-only');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(seen.length).toBe(before);
  });

  it('refuses a token signed by another key, an expired token and garbage with 401', async () => {
    const before = seen.length;
    const forged = await signLocalToken({ role: 'admin' }, { keyDir: otherKeys.dir });
    const expired = await signLocalToken({ role: 'admin' }, { keyDir: keys.dir, lifetimeSeconds: -60 });
    for (const token of [forged, expired, 'not-a-jwt']) {
      const response = await get('/v1/staff-only', `Bearer ${token}`);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('invalid_token');
    }
    expect(seen.length).toBe(before);
  });

  it('hands a valid token\'s claims to the handler as API Gateway does, and the service reads the caller from them', async () => {
    const token = await signLocalToken({ role: 'mediator', org: '410700' }, { keyDir: keys.dir });
    const response = await get('/v1/staff-only', `Bearer ${token}`);
    expect(response.status).toBe(200);
    const authorizer = seen.at(-1)!.requestContext.authorizer!;
    expect(authorizer.jwt.claims).toMatchObject({
      'cognito:groups': '[mediator]',
      'custom:org': '410700',
      token_use: 'id',
      iss: expect.any(String),
      aud: expect.any(String),
      sub: expect.stringMatching(/^[0-9a-f-]{36}$/),
      exp: expect.stringMatching(/^\d+$/),
    });
    expect(authorizer.jwt.scopes).toBeNull();
    expect(principalFromClaims(authorizer.jwt.claims)).toEqual({ role: 'mediator', org: '410700' });
  });

  it('gives a public route no claims even when a token is sent', async () => {
    const token = await signLocalToken({ role: 'admin' }, { keyDir: keys.dir });
    expect((await get('/v1/public', `Bearer ${token}`)).status).toBe(200);
    expect(seen.at(-1)!.requestContext.authorizer).toBeUndefined();
  });

  it('keeps the key pair readable by its owner only, and reuses it', async () => {
    const files = await fs.readdir(keys.dir);
    expect(files).toEqual(['signing-key.jwk.json']);
    const stat = await fs.stat(path.join(keys.dir, files[0]!));
    expect(stat.mode & 0o777).toBe(0o600);
    const first = await signLocalToken({ role: 'admin' }, { keyDir: keys.dir });
    const again = await verifyLocalToken(first, { keyDir: keys.dir });
    expect(again['cognito:groups']).toEqual(['admin']);
  });
});

describe('npm run token', () => {
  const tokenScript = path.join(repoRoot, 'bin', 'token.ts');
  const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  let keys: Awaited<ReturnType<typeof temporaryDirectory>>;
  beforeAll(async () => {
    keys = await temporaryDirectory();
  });
  afterAll(() => keys?.remove());

  const run = (...args: string[]) => execFileAsync(process.execPath, [tsx, tokenScript, ...args], { env: { ...process.env, LOCAL_JWT_DIR: keys.dir } });

  it('prints only a token on stdout, with the role and scope claims the flags give', async () => {
    const { stdout, stderr } = await run('--role', 'regulator', '--region', '410100');
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = decodeJwt(stdout.trim());
    expect(claims).toMatchObject({ 'cognito:groups': ['regulator'], 'custom:region': '410100', token_use: 'id' });
    expect(claims.exp! - claims.iat!).toBe(12 * 60 * 60);
    await expect(verifyLocalToken(stdout.trim(), { keyDir: keys.dir })).resolves.toMatchObject({ 'custom:region': '410100' });
  });

  it('refuses bad flags with one line on stderr and exit code 2', async () => {
    const failure = await run('--role', 'mediator').then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2, stdout: '', stderr: 'token: --org is required for role mediator: a 6-digit association id, e.g. 410700\n' });
  });
});

describe('token flags', () => {
  it.each([
    [['--role', 'admin'], { role: 'admin' }],
    [['--role', 'mediator', '--org', '410700'], { role: 'mediator', org: '410700' }],
    [['--role=regulator', '--region=419001'], { role: 'regulator', region: '419001' }],
    [['--role', 'merchant', '--merchant', '91350100M000100Y43'], { role: 'merchant', merchant: '91350100M000100Y43' }],
  ])('accepts %j', (args, identity) => {
    expect(parseTokenFlags(args)).toEqual({ kind: 'identity', identity });
  });

  it.each([
    [['--role', 'mediator'], /^--org is required for role mediator/],
    [['--role', 'mediator', '--org', '4107'], /^--org must be a 6-digit/],
    [['--role', 'merchant'], /^--merchant is required/],
    [['--role', 'merchant', '--merchant', '91350100m000100y43'], /^--merchant must be an 18-character/],
    [['--role', 'regulator', '--region', 'zz0100'], /^--region must be a 6-digit/],
    [['--role', 'boss'], /^--role must be one of mediator, merchant, regulator, admin$/],
    [['--role', 'admin', '--org', '410700'], /^--org does not apply to role admin$/],
    [['--org', '410700'], /^--role is required/],
    [['--role', 'admin', '--colour', 'blue'], /^Unknown option '--colour'/],
    [['--role', 'admin', 'extra'], /^Unexpected argument 'extra'/],
  ])('refuses %j with a one-line reason', (args, message) => {
    const flags = parseTokenFlags(args);
    expect(flags.kind).toBe('invalid');
    const text = (flags as { message: string }).message;
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });
});
