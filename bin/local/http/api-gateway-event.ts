import { randomBytes } from 'node:crypto';
import type { APIGatewayEventRequestContextV2, APIGatewayProxyEventV2WithRequestContext } from 'aws-lambda';

/**
 * Builds the event an API Gateway HTTP API hands a Lambda integration
 * (payload format 2.0) from a plain HTTP request. Pure: everything that
 * varies (time, ids, client address) comes in as input.
 */

/** What the authorizer puts in `requestContext.authorizer` on a JWT route. */
export interface JwtAuthorizerContext {
  jwt: {
    /** Every value a string, arrays as `"[a b]"`, as the HTTP API hands them over. */
    claims: Record<string, string>;
    scopes: string[] | null;
  };
}

export type HttpApiRequestContext = APIGatewayEventRequestContextV2 & { authorizer?: JwtAuthorizerContext };
export type HttpApiEvent = APIGatewayProxyEventV2WithRequestContext<HttpApiRequestContext>;

export interface RawHttpRequest {
  method: string;
  /** The request target as sent: path and query, still percent-encoded. */
  url: string;
  /** Header names in any case; a header sent several times has several values. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  sourceIp: string;
  /** e.g. `HTTP/1.1` */
  protocol: string;
  receivedAt: Date;
  /** API Gateway's request id; random when not given. */
  requestId?: string;
  /** The local port, for `x-forwarded-port`. */
  port?: number;
}

export interface MatchedRoute {
  routeKey: string;
  pathParameters: Record<string, string>;
}

/** Local stand-ins for the ids a deployed API has. */
export const localAccountId = '000000000000';
export const localApiId = 'local';

/**
 * The media types an HTTP API passes to Lambda as text; every other body (a
 * form post or no Content-Type included) arrives base64-encoded. This split
 * was measured against AWS; the docs do not list it.
 */
const textMediaType = /^(?:text\/[^;\s]+|application\/(?:json|xml|javascript))\s*(?:;|$)/i;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether the body goes to the handler as a plain string (else base64). */
export function isTextBody(contentType: string | undefined, body: Buffer): boolean {
  return contentType !== undefined && textMediaType.test(contentType.trim()) && isUtf8(body);
}

/** Query parameters decoded; a key given several times is comma-joined, as an HTTP API does. */
export function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const joined: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    joined[key] = key in joined ? `${joined[key]},${value}` : value;
  }
  return Object.keys(joined).length > 0 ? joined : undefined;
}

/** `12/Mar/2020:19:03:58 +0000`, the format of `requestContext.time`. */
export function apiGatewayTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** An id shaped like API Gateway's (`JKJaXmPLvHcESHA=`). */
export function newRequestId(): string {
  return randomBytes(11).toString('base64');
}

function traceId(date: Date): string {
  return `Root=1-${Math.floor(date.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
}

export function buildHttpApiEvent(request: RawHttpRequest, route: MatchedRoute, authorizer?: JwtAuthorizerContext): HttpApiEvent {
  const queryStart = request.url.indexOf('?');
  const rawPath = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : request.url.slice(queryStart + 1);

  // Header names lower-cased, repeated headers comma-joined; cookies move to `cookies`.
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    const lower = name.toLowerCase();
    if (lower === 'cookie') {
      cookies = [...(cookies ?? []), ...values.flatMap((v) => v.split(';')).map((c) => c.trim()).filter(Boolean)];
      continue;
    }
    headers[lower] = headers[lower] === undefined ? values.join(',') : `${headers[lower]},${values.join(',')}`;
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${request.sourceIp}` : request.sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  if (request.port !== undefined) headers['x-forwarded-port'] ??= String(request.port);
  headers['x-amzn-trace-id'] ??= traceId(request.receivedAt);

  const domainName = (headers.host ?? 'localhost').replace(/:\d+$/, '');
  const requestContext: HttpApiRequestContext = {
    accountId: localAccountId,
    apiId: localApiId,
    domainName,
    domainPrefix: domainName.split('.')[0] ?? domainName,
    http: {
      method: request.method,
      path: rawPath,
      protocol: request.protocol,
      sourceIp: request.sourceIp,
      userAgent: headers['user-agent'] ?? '',
    },
    requestId: request.requestId ?? newRequestId(),
    routeKey: route.routeKey,
    stage: '$default',
    time: apiGatewayTime(request.receivedAt),
    timeEpoch: request.receivedAt.getTime(),
    ...(authorizer ? { authorizer } : {}),
  };

  const event: HttpApiEvent = {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    headers,
    requestContext,
    isBase64Encoded: false,
  };
  // Absent rather than empty, as in a real payload.
  if (cookies && cookies.length > 0) event.cookies = cookies;
  const query = queryParameters(rawQueryString);
  if (query) event.queryStringParameters = query;
  if (Object.keys(route.pathParameters).length > 0) event.pathParameters = route.pathParameters;
  if (request.body.length > 0) {
    const text = isTextBody(headers['content-type'], request.body);
    event.body = text ? request.body.toString('utf8') : request.body.toString('base64');
    event.isBase64Encoded = !text;
  }
  return event;
}
