import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { routes as definedRoutes, type RouteDefinition } from '../../functions/routes';
import { loadHandler, type LambdaHandler } from './handler-loader';
import { buildHttpApiEvent, newRequestId, type JwtAuthorizerContext } from './http/api-gateway-event';
import { gatewayResponse, toHttpResponse, type HttpResponse } from './http/handler-result';
import { authorize, type TokenVerifier } from './http/jwt-authorizer';
import { createRouteMatcher } from './http/route-matcher';
import { localConfigPath, localRuntimeConfig, localSignIn, localSignInPath } from './http/local-sign-in';
import { resolveStaticFile, sendStaticFile } from './http/static-files';
import { lambdaContext } from './lambda-context';
import { intakeRateLimiter } from './http/intake-rate-limit';
import { verifyLocalToken } from './local-jwt';

/** API Gateway refuses request bodies over 10 MB (handlers apply the SPEC's own, smaller limit). */
export const gatewayMaxBodyBytes = 10 * 1024 * 1024;
/** An HTTP API gives an integration at most 30 s, then answers 503. */
const defaultTimeoutMs = 30_000;

export interface HttpServerOptions {
  /** 0 picks a free port; the answer says which. */
  port: number;
  /** Default 127.0.0.1: the local stack is for this machine only. */
  host?: string;
  /** When given, set as the handlers' `TABLE_NAME` (as a Lambda's environment would). */
  tableName?: string;
  /** When given, set as the handlers' `DYNAMODB_ENDPOINT`. */
  endpoint?: string;
  /** Default: the route table of `functions/routes.ts`. */
  routes?: readonly RouteDefinition[];
  /** Default: import `functions/handlers/<handler>.ts`. Tests may hand in their own. */
  resolveHandler?: (handlerModule: string) => Promise<LambdaHandler>;
  /** Default: the local JWT key (`bin/local/local-jwt.ts`). */
  verifyToken?: TokenVerifier;
  /** Folder of built web pages, served for GETs outside `/v1/`. */
  webDir?: string;
  /**
   * Default true: `POST /local/token` signs local staff tokens for the
   * console's "sign in as" page and `/config.json` says so. Only this local
   * server has them; the route table (and so AWS) never does.
   */
  localSignIn?: boolean;
  /** Per-request time limit (Lambda timeout and API Gateway's integration limit). */
  timeoutMs?: number;
  /** No per-request log lines (errors are still logged). */
  quiet?: boolean;
  log?: (line: string) => void;
  /** Filings per minute per client address (`INTAKE_RATE_LIMIT`); default: none. */
  intakeRateLimit?: number;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The local stand-in for the HTTP API: the same routes and handlers, called
 * with the same events, behind a node:http server; and the web pages.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  if (options.tableName) process.env.TABLE_NAME = options.tableName;
  if (options.endpoint) process.env.DYNAMODB_ENDPOINT = options.endpoint;
  const matchRoute = createRouteMatcher(options.routes ?? definedRoutes);
  const resolveHandler = options.resolveHandler ?? loadHandler;
  const verifyToken = options.verifyToken ?? ((token: string) => verifyLocalToken(token));
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const log = options.log ?? ((line: string) => console.log(line));
  const host = options.host ?? '127.0.0.1';
  let port = options.port;
  const intakeLimiter = options.intakeRateLimit ? intakeRateLimiter(options.intakeRateLimit) : undefined;

  async function answerApi(request: IncomingMessage, receivedAt: Date, requestId: string): Promise<HttpResponse> {
    const url = request.url ?? '/';
    const method = request.method ?? 'GET';
    const rawPath = url.split('?')[0] ?? '/';
    const match = matchRoute(method, rawPath);
    if (match.kind === 'not_found') {
      await drain(request);
      return jsonError(404, { error: 'not_found', message: `No route for ${method} ${rawPath}.` });
    }
    if (match.kind === 'method_not_allowed') {
      await drain(request);
      return jsonError(405, { error: 'method_not_allowed', message: `${rawPath} does not take ${method}.`, allowedMethods: match.allowedMethods }, [
        ['allow', match.allowedMethods.join(', ')],
      ]);
    }

    const body = await readBody(request, gatewayMaxBodyBytes);
    if (body === 'too_large') return gatewayResponse(413, 'Request Entity Too Large');
    const sourceIp = (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    if (intakeLimiter && match.routeKey === 'POST /v1/complaints') {
      const wait = intakeLimiter.retryAfterSeconds(sourceIp, receivedAt.getTime());
      if (wait > 0) {
        return jsonError(429, { error: 'too_many_requests', message: `At most ${options.intakeRateLimit} filings per minute from one address; try again in ${wait} s.`, retryAfterSeconds: wait }, [['retry-after', String(wait)]]);
      }
    }

    let authorizer: JwtAuthorizerContext | undefined;
    if (match.route.auth === 'jwt') {
      const decision = await authorize(request.headers.authorization, verifyToken);
      if (!decision.allowed) return gatewayResponse(401, 'Unauthorized', [['www-authenticate', decision.wwwAuthenticate]]);
      authorizer = decision.context;
    }

    const event = buildHttpApiEvent(
      {
        method,
        url,
        headers: request.headersDistinct,
        body,
        sourceIp,
        protocol: `HTTP/${request.httpVersion}`,
        receivedAt,
        requestId,
        port,
      },
      match,
      authorizer,
    );
    const handlerModule = match.route.handler;
    try {
      const handler = await resolveHandler(handlerModule);
      const result = await withTimeout(handler(event, lambdaContext(handlerModule, timeoutMs, randomUUID())), timeoutMs);
      if (result === timedOut) {
        console.error(`[local] ${match.routeKey}: handler ${handlerModule} did not answer within ${timeoutMs / 1000} s`);
        return gatewayResponse(503, 'Service Unavailable');
      }
      return toHttpResponse(result);
    } catch (error) {
      console.error(`[local] ${match.routeKey}: handler ${handlerModule} failed; API Gateway would answer 500:`, error);
      return gatewayResponse(500, 'Internal Server Error');
    }
  }

  async function answerLocalOnly(request: IncomingMessage, path: string): Promise<HttpResponse> {
    if (path === localConfigPath) {
      await drain(request);
      return localRuntimeConfig();
    }
    const body = await readBody(request, 16 * 1024);
    if (body === 'too_large') return gatewayResponse(413, 'Request Entity Too Large');
    return localSignIn(request.method ?? 'GET', body);
  }

  async function answerWeb(request: IncomingMessage, response: ServerResponse): Promise<number> {
    const method = request.method ?? 'GET';
    await drain(request);
    if (method !== 'GET' && method !== 'HEAD') {
      send(response, jsonError(405, { error: 'method_not_allowed', message: 'Web pages are read with GET.', allowedMethods: ['GET', 'HEAD'] }, [['allow', 'GET, HEAD']]));
      return 405;
    }
    if (!options.webDir || !existsSync(options.webDir)) {
      send(response, textResponse(404, 'Web pages not built: the local stack builds them at start with web/build.ts.\n'));
      return 404;
    }
    const file = await resolveStaticFile(options.webDir, (request.url ?? '/').split('?')[0] ?? '/');
    if (!file) {
      send(response, textResponse(404, 'Not found.\n'));
      return 404;
    }
    await sendStaticFile(response, file, method === 'HEAD');
    return 200;
  }

  const server = http.createServer((request, response) => {
    const started = performance.now();
    const receivedAt = new Date();
    const requestId = newRequestId();
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const isApi = path === '/v1' || path.startsWith('/v1/');
    const isLocalOnly = options.localSignIn !== false && (path === localSignInPath || path === localConfigPath);

    const answered = isLocalOnly
      ? answerLocalOnly(request, path).then((answer) => {
          send(response, answer);
          return answer.statusCode;
        })
      : isApi
      ? answerApi(request, receivedAt, requestId).then((answer) => {
          answer.headers.push(['apigw-requestid', requestId]);
          send(response, answer);
          return answer.statusCode;
        })
      : answerWeb(request, response);

    answered
      .catch((error: unknown) => {
        console.error(`[local] ${request.method} ${path} failed:`, error);
        if (!response.headersSent) send(response, gatewayResponse(500, 'Internal Server Error'));
        else response.destroy();
        return 500;
      })
      .then((status) => {
        // Method, path, status and time only: no bodies, no query strings, no personal data.
        if (!options.quiet) log(`${request.method} ${path} ${status} ${Math.round(performance.now() - started)}ms`);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        // Requests in flight get a moment to finish; kept-alive browser connections do not hold up a stop.
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}

function jsonError(statusCode: number, body: Record<string, unknown>, headers: [string, string][] = []): HttpResponse {
  return { statusCode, headers: [['content-type', 'application/json; charset=utf-8'], ...headers], body: Buffer.from(JSON.stringify(body)) };
}

function textResponse(statusCode: number, text: string): HttpResponse {
  return { statusCode, headers: [['content-type', 'text/plain; charset=utf-8']], body: Buffer.from(text) };
}

function send(response: ServerResponse, answer: HttpResponse): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of answer.headers) {
    const existing = headers[name];
    headers[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  headers['content-length'] = String(answer.body.length);
  response.writeHead(answer.statusCode, headers);
  response.end(answer.body);
}

/** The whole body, or `too_large` (read to the end and dropped, so the client still gets the answer). */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? 'too_large' : Buffer.concat(chunks);
}

async function drain(request: IncomingMessage): Promise<void> {
  for await (const _chunk of request) {
    // discard
  }
}

const timedOut = Symbol('timed out');

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof timedOut> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<typeof timedOut>((resolve) => (timer = setTimeout(() => resolve(timedOut), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
