import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { signLocalToken } from '../../bin/local/local-jwt';
import { launchChromium } from '../support/chromium';
import { startTestStack, type TestStack } from '../support/dynamodb';
import { word } from './console/console-support';

/**
 * The AWS sign-in path in a real browser: `/config.json` names a managed
 * login domain (here a stand-in for Cognito's `/oauth2/authorize`,
 * `/oauth2/token` and `/logout`), the console redirects with a PKCE S256
 * challenge, and the code is only exchanged with the matching verifier.
 */
let stack: TestStack;
let browser: Browser;
let cognito: http.Server;
let cognitoUrl: string;
const clientId = 'console-client-id';
const issued = new Map<string, { challenge: string; redirectUri: string }>();
const seen: { authorize?: URLSearchParams; token?: URLSearchParams; logout?: URLSearchParams } = {};

/** What Cognito's managed login does once the person has typed a password and TOTP. */
function fakeCognito(request: http.IncomingMessage, response: http.ServerResponse): void {
  const url = new URL(request.url ?? '/', cognitoUrl);
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' };
  if (url.pathname === '/oauth2/authorize') {
    seen.authorize = url.searchParams;
    const code = randomUUID();
    issued.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', redirectUri: url.searchParams.get('redirect_uri') ?? '' });
    response.writeHead(302, { location: `${url.searchParams.get('redirect_uri')}?code=${code}&state=${url.searchParams.get('state')}` }).end();
    return;
  }
  if (url.pathname === '/oauth2/token' && request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
  if (url.pathname === '/oauth2/token') {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      const form = new URLSearchParams(body);
      seen.token = form;
      const grant = issued.get(form.get('code') ?? '');
      const verified = grant && createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === grant.challenge && grant.redirectUri === form.get('redirect_uri');
      if (!verified) return void response.writeHead(400, { ...cors, 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
      issued.delete(form.get('code')!);
      const idToken = await signLocalToken({ role: 'mediator', org: '410100' });
      response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ id_token: idToken, access_token: 'unused', token_type: 'Bearer', expires_in: 3600 }));
    });
    return;
  }
  if (url.pathname === '/logout') {
    seen.logout = url.searchParams;
    response.writeHead(302, { location: url.searchParams.get('logout_uri') ?? '/' }).end();
    return;
  }
  response.writeHead(404).end();
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
  cognito = http.createServer(fakeCognito);
  await new Promise<void>((resolve) => cognito.listen(0, '127.0.0.1', resolve));
  cognitoUrl = `http://127.0.0.1:${(cognito.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await new Promise((resolve) => cognito?.close(resolve));
});

it('signs in with the authorization code and PKCE, keeps the page asked for, and signs out at Cognito', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route('**/config.json', (route) => route.fulfill({ json: { auth: 'cognito', region: 'ap-east-1', userPoolId: 'pool', userPoolClientId: clientId, signInUrl: cognitoUrl } }));
  await page.goto(`${stack.baseUrl}/console/?lang=en#/queue?overdue=true`);
  await page.click('#sign-in-cognito');
  await page.waitForSelector('#console-nav a');

  expect(seen.authorize?.get('response_type')).toBe('code');
  expect(seen.authorize?.get('client_id')).toBe(clientId);
  expect(seen.authorize?.get('code_challenge_method')).toBe('S256');
  expect(seen.authorize?.get('redirect_uri')).toBe(`${stack.baseUrl}/console/`);
  expect(seen.token?.get('grant_type')).toBe('authorization_code');
  // Back where the person was, without the code in the address.
  expect(new URL(page.url()).search).toBe('');
  expect(new URL(page.url()).hash).toBe('#/queue?overdue=true');
  expect(await page.locator('#console-who').innerText()).toContain('410100');
  await page.waitForSelector('#queue-results p');

  await page.click('#sign-out');
  await page.waitForSelector('#sign-in-cognito');
  expect(seen.logout?.get('client_id')).toBe(clientId);
  expect(await page.locator('#sign-in-title').innerText()).toBe(word('signInTitle', 'en'));
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
  await context.close();
}, 120_000);
