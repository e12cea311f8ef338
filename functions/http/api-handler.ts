import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../domain/errors';
import { languageFrom, type Language } from '../domain/i18n';
import { logger } from '../shared/logger';
import { errorResponse } from './error-response';
import { principalFromClaims, type StaffPrincipal } from './principal';
import { jsonResponse, type ApiResult } from './response';

/** SPEC section 4: bodies over 64 KiB are refused with 413. */
export const maxBodyBytes = 64 * 1024;

/** What a handler sees of an HTTP request: already decoded, never raw API Gateway shapes. */
export interface ApiRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The parsed JSON body; `undefined` when there was none. */
  body: unknown;
  /** The body exactly as sent, for idempotency fingerprints. */
  rawBody: string;
  principal: StaffPrincipal | undefined;
  lang: Language;
  requestId: string;
  /** The caller's address as API Gateway saw it (per-client limits). */
  sourceIp: string;
}

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiFunction = (request: ApiRequest) => Promise<ApiResult>;

function toRequest(event: ApiEvent): ApiRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers[name.toLowerCase()] = value;
  const lang = languageFrom(headers['accept-language']);
  const rawBody = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';

  let body: unknown;
  if (rawBody.length > 0) {
    if (Buffer.byteLength(rawBody, 'utf8') > maxBodyBytes) throw new PayloadTooLargeError(maxBodyBytes);
    const contentType = headers['content-type'] ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) throw new UnsupportedMediaTypeError();
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw new BadRequestError('invalid_json', 'The body is not valid JSON.');
    }
  }
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) if (value !== undefined) query[name] = value;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.pathParameters ?? {})) if (value !== undefined) params[name] = value;

  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    params,
    query,
    headers,
    body,
    rawBody,
    principal: principalFromClaims(event.requestContext.authorizer?.jwt?.claims as Record<string, unknown> | undefined),
    lang,
    requestId: event.requestContext.requestId,
    sourceIp: event.requestContext.http.sourceIp ?? 'unknown',
  };
}

/**
 * Wraps a handler function as an API Gateway (HTTP API, payload v2) Lambda
 * handler: request decoding, logging context, and the one error mapping.
 */
export function apiHandler(fn: ApiFunction) {
  return middy<ApiEvent, ApiResult, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({
      onError: async (request) => {
        request.response = errorResponse(request.error);
      },
    })
    .handler(async (event) => {
      const request = toRequest(event);
      logger.appendKeys({ route: event.routeKey ?? `${request.method} ${request.path}` });
      return fn(request);
    });
}

export { jsonResponse };
