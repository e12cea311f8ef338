import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { RouteDefinition } from '../../../functions/routes';
import type { LambdaHandler } from '../../../bin/local/handler-loader';
import { buildHttpApiEvent, type HttpApiEvent } from '../../../bin/local/http/api-gateway-event';
import { toHttpResponse } from '../../../bin/local/http/handler-result';
import { createRouteMatcher } from '../../../bin/local/http/route-matcher';
import { startHttpServer, type RunningHttpServer } from '../../../bin/local/http-server';
import { startTestStack, temporaryDirectory, type TestStack } from '../../support/dynamodb';

/**
 * The local HTTP API must hand handlers the events API Gateway would
 * (payload format 2.0) and turn their answers into the responses API
 * Gateway would send, so code that works locally works deployed.
 */
describe('building the API Gateway v2 event (pure)', () => {
  const receivedAt = new Date('2026-11-03T04:05:06.789Z');
  const request = (overrides: Partial<Parameters<typeof buildHttpApiEvent>[0]> = {}) =>
    buildHttpApiEvent(
      {
        method: 'POST',
        url: '/v1/complaints/HN2026-AB12-CD34/actions?lang=en&tag=a&tag=b%20c&plus=x+y',
        headers: { Host: 'localhost:3000', 'Content-Type': 'application/json', 'X-Dup': ['one', 'two'], Cookie: 'a=1; b=2', 'User-Agent': 'jest' },
        body: Buffer.from('{"action":"withdraw"}'),
        sourceIp: '127.0.0.1',
        protocol: 'HTTP/1.1',
        receivedAt,
        requestId: 'AbCdEfGhIjKlMnO=',
        port: 3000,
        ...overrides,
      },
      { routeKey: 'POST /v1/complaints/{caseId}/actions', pathParameters: { caseId: 'HN2026-AB12-CD34' } },
    );

  it('carries the route, raw path and query, parameters and a text body', () => {
    const event = request();
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /v1/complaints/{caseId}/actions',
      rawPath: '/v1/complaints/HN2026-AB12-CD34/actions',
      rawQueryString: 'lang=en&tag=a&tag=b%20c&plus=x+y',
      cookies: ['a=1', 'b=2'],
      queryStringParameters: { lang: 'en', tag: 'a,b c', plus: 'x y' },
      pathParameters: { caseId: 'HN2026-AB12-CD34' },
      body: '{"action":"withdraw"}',
      isBase64Encoded: false,
      requestContext: {
        accountId: expect.any(String),
        apiId: expect.any(String),
        domainName: 'localhost',
        http: { method: 'POST', path: '/v1/complaints/HN2026-AB12-CD34/actions', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
        requestId: 'AbCdEfGhIjKlMnO=',
        routeKey: 'POST /v1/complaints/{caseId}/actions',
        stage: '$default',
        time: '03/Nov/2026:04:05:06 +0000',
        timeEpoch: receivedAt.getTime(),
      },
    });
    expect(event.requestContext.authorizer).toBeUndefined();
  });

  it('lower-cases header names, joins repeated headers with commas and moves cookies out of the headers', () => {
    const { headers } = request();
    expect(headers).toMatchObject({ host: 'localhost:3000', 'content-type': 'application/json', 'x-dup': 'one,two', 'x-forwarded-for': '127.0.0.1', 'x-forwarded-proto': 'http', 'x-forwarded-port': '3000' });
    expect(headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(Object.keys(headers).every((name) => name === name.toLowerCase())).toBe(true);
    expect(headers.cookie).toBeUndefined();
  });

  it('leaves out query, path parameters, cookies and body when the request has none', () => {
    const event = buildHttpApiEvent(
      { method: 'GET', url: '/v1/health', headers: {}, body: Buffer.alloc(0), sourceIp: '10.0.0.1', protocol: 'HTTP/1.1', receivedAt },
      { routeKey: 'GET /v1/health', pathParameters: {} },
    );
    expect(event.rawQueryString).toBe('');
    for (const absent of ['queryStringParameters', 'pathParameters', 'cookies', 'body']) expect(event).not.toHaveProperty(absent);
    expect(event.isBase64Encoded).toBe(false);
  });

  it('base64-encodes bodies API Gateway treats as binary: non-text types, form posts, no type, invalid UTF-8', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
    const binary = request({ headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    expect(binary).toMatchObject({ isBase64Encoded: true, body: bytes.toString('base64') });
    const form = request({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from('a=1') });
    expect(form).toMatchObject({ isBase64Encoded: true, body: Buffer.from('a=1').toString('base64') });
    const untyped = request({ headers: {}, body: Buffer.from('{}') });
    expect(untyped.isBase64Encoded).toBe(true);
    const badUtf8Json = request({ headers: { 'content-type': 'application/json' }, body: bytes });
    expect(badUtf8Json.isBase64Encoded).toBe(true);
    const chinese = request({ headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('维权通') });
    expect(chinese).toMatchObject({ isBase64Encoded: false, body: '维权通' });
  });
});

describe('choosing the route (pure)', () => {
  const match = createRouteMatcher([
    { method: 'GET', path: '/v1/cases/{caseId}' },
    { method: 'GET', path: '/v1/cases/export' },
    { method: 'POST', path: '/v1/cases/{caseId}/actions' },
  ]);

  it('prefers a literal segment over a parameter and decodes parameters', () => {
    expect(match('GET', '/v1/cases/export')).toMatchObject({ kind: 'matched', routeKey: 'GET /v1/cases/export', pathParameters: {} });
    expect(match('GET', '/v1/cases/HN%20X')).toMatchObject({ kind: 'matched', routeKey: 'GET /v1/cases/{caseId}', pathParameters: { caseId: 'HN X' } });
  });

  it('tells a wrong method from an unknown path, and does not match extra or missing segments', () => {
    expect(match('DELETE', '/v1/cases/HN1')).toEqual({ kind: 'method_not_allowed', allowedMethods: ['GET'] });
    expect(match('GET', '/v1/cases/HN1/actions/extra')).toEqual({ kind: 'not_found' });
    expect(match('GET', '/v1/cases/')).toEqual({ kind: 'not_found' });
  });
});

describe('turning a handler result into a response (pure)', () => {
  it('uses a structured result as given: status, headers, cookies, base64 body', () => {
    const response = toHttpResponse({ statusCode: 201, headers: { 'X-Count': 3, 'Content-Type': 'image/png' }, cookies: ['a=1; Path=/', 'b=2'], body: Buffer.from([1, 2, 3]).toString('base64'), isBase64Encoded: true });
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual([
      ['x-count', '3'],
      ['content-type', 'image/png'],
      ['set-cookie', 'a=1; Path=/'],
      ['set-cookie', 'b=2'],
    ]);
    expect([...response.body]).toEqual([1, 2, 3]);
  });

  it('infers a 200 JSON answer from a result without a statusCode, as payload 2.0 does', () => {
    const response = toHttpResponse({ hello: '世界' });
    expect(response).toEqual({ statusCode: 200, headers: [['content-type', 'application/json']], body: Buffer.from('{"hello":"世界"}') });
  });

  it('refuses a result API Gateway could not send', () => {
    expect(() => toHttpResponse({ statusCode: 'ok' })).toThrow(/not an HTTP status/);
    expect(() => toHttpResponse({ statusCode: 200, body: { not: 'a string' } })).toThrow(/body is not a string/);
  });
});

describe('the local HTTP API end to end', () => {
  const received: HttpApiEvent[] = [];
  const handlers: Record<string, LambdaHandler> = {
    echo: async (event, context) => {
      received.push(event as HttpApiEvent);
      return {
        statusCode: 200,
        headers: { 'content-type': 'application/json', 'x-function': context.functionName },
        cookies: ['session=abc; HttpOnly'],
        body: JSON.stringify({ remainingMs: context.getRemainingTimeInMillis(), requestId: context.awsRequestId }),
      };
    },
    broken: async () => {
      throw new Error('handler bug');
    },
    slow: () => new Promise(() => undefined),
  };
  const routes: RouteDefinition[] = [
    { method: 'POST', path: '/v1/echo/{id}', handler: 'echo', auth: 'none', table: 'none' },
    { method: 'GET', path: '/v1/broken', handler: 'broken', auth: 'none', table: 'none' },
    { method: 'GET', path: '/v1/slow', handler: 'slow', auth: 'none', table: 'none' },
  ];
  let server: RunningHttpServer;
  let web: Awaited<ReturnType<typeof temporaryDirectory>>;
  const logLines: string[] = [];
  let errorSpy: jest.SpyInstance;

  beforeAll(async () => {
    web = await temporaryDirectory();
    await fs.mkdir(path.join(web.dir, 'pages', 'track'), { recursive: true });
    await fs.writeFile(path.join(web.dir, 'pages', 'index.html'), '<!doctype html><title>首页</title>');
    await fs.writeFile(path.join(web.dir, 'pages', 'app.js'), 'console.log(1);');
    await fs.writeFile(path.join(web.dir, 'pages', 'track', 'index.html'), '<p>track</p>');
    await fs.writeFile(path.join(web.dir, 'secret.txt'), 'outside the web folder');
    server = await startHttpServer({
      port: 0,
      routes,
      resolveHandler: async (name) => handlers[name]!,
      webDir: path.join(web.dir, 'pages'),
      timeoutMs: 300,
      log: (line) => logLines.push(line),
    });
  });
  afterAll(async () => {
    await server?.close();
    await web?.remove();
  });
  beforeEach(() => {
    errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errorSpy.mockRestore());

  /** A raw request, so paths like `/../x` reach the server unnormalised. */
  function rawGet(requestPath: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: server.port, path: requestPath }, (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode!, body }));
        })
        .on('error', reject);
    });
  }

  it('hands the handler the request as a v2 event and sends its answer back', async () => {
    const response = await fetch(`${server.url}/v1/echo/%E7%BB%B4%E6%9D%83?a=1&a=2`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Cookie: 'x=1; y=2', 'Accept-Language': 'zh-CN' },
      body: JSON.stringify({ 名字: '张三' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-function')).toBe('redress-local-echo');
    expect(response.headers.getSetCookie()).toEqual(['session=abc; HttpOnly']);
    expect(response.headers.get('apigw-requestid')).toBe(received.at(-1)!.requestContext.requestId);
    const answer = (await response.json()) as { remainingMs: number; requestId: string };
    expect(answer.remainingMs).toBeGreaterThan(0);
    expect(answer.remainingMs).toBeLessThanOrEqual(300);
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const event = received.at(-1)!;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /v1/echo/{id}',
      rawPath: '/v1/echo/%E7%BB%B4%E6%9D%83',
      rawQueryString: 'a=1&a=2',
      queryStringParameters: { a: '1,2' },
      pathParameters: { id: '维权' },
      cookies: ['x=1', 'y=2'],
      body: '{"名字":"张三"}',
      isBase64Encoded: false,
      headers: { 'accept-language': 'zh-CN', 'content-type': 'application/json; charset=utf-8', 'x-forwarded-for': '127.0.0.1' },
      requestContext: { stage: '$default', http: { method: 'POST', path: '/v1/echo/%E7%BB%B4%E6%9D%83', sourceIp: '127.0.0.1' } },
    });
  });

  it('answers 404 for an unknown API path and 405 (with Allow) for a known path with another method, without calling a handler', async () => {
    const before = received.length;
    const unknown = await fetch(`${server.url}/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'not_found', message: 'No route for GET /v1/nothing-here.' });
    const wrongMethod = await fetch(`${server.url}/v1/echo/1`, { method: 'GET' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(await wrongMethod.json()).toMatchObject({ error: 'method_not_allowed', allowedMethods: ['POST'] });
    expect(received.length).toBe(before);
  });

  it('answers 500 like API Gateway when a handler throws, and logs the error', async () => {
    const response = await fetch(`${server.url}/v1/broken`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    expect(errorSpy).toHaveBeenCalledWith(expect.stringContaining('handler broken failed'), expect.objectContaining({ message: 'handler bug' }));
  });

  it('answers 503 when a handler does not answer in time', async () => {
    const response = await fetch(`${server.url}/v1/slow`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'Service Unavailable' });
  });

  it('refuses bodies over API Gateway\'s 10 MB with 413 before any handler runs', async () => {
    const before = received.length;
    const response = await fetch(`${server.url}/v1/echo/1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(10 * 1024 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect(received.length).toBe(before);
  });

  it('serves the web pages with their content types, index.html for folders, and nothing outside the folder', async () => {
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('首页');
    const script = await fetch(`${server.url}/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${server.url}/track/`)).status).toBe(200);
    expect((await fetch(`${server.url}/missing.html`)).status).toBe(404);
    for (const escape of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/track/../../secret.txt']) {
      const answer = await rawGet(escape);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('outside the web folder');
    }
  });

  it('logs one line per request: method, path, status and time, no query string or body', async () => {
    await fetch(`${server.url}/v1/echo/7?phone=13800138000`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"张三"}' });
    const line = logLines.at(-1)!;
    expect(line).toMatch(/^POST \/v1\/echo\/7 200 \d+ms$/);
  });
});

describe('without built web pages', () => {
  it('answers a plain 404 saying the pages are not built', async () => {
    const server = await startHttpServer({ port: 0, routes: [], quiet: true });
    try {
      const response = await fetch(`${server.url}/index.html`);
      expect(response.status).toBe(404);
      expect(await response.text()).toMatch(/web pages not built/i);
    } finally {
      await server.close();
    }
  });
});

describe('the real route table and handlers', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  it('answers health and codes through the real handlers, and serves the built pages', async () => {
    const health = await fetch(`${stack.baseUrl}/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const codes = await fetch(`${stack.baseUrl}/v1/codes`);
    expect(codes.status).toBe(200);
    expect(await codes.json()).toHaveProperty('categories');
    const home = await fetch(`${stack.baseUrl}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
  });
});
