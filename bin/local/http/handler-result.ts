/**
 * Turns what a handler returned into the HTTP response an HTTP API sends
 * (payload format 2.0): a structured result is used as given; anything else
 * is taken as a 200 JSON body, as API Gateway infers it.
 */
export interface HttpResponse {
  statusCode: number;
  /** Name/value pairs; a name may repeat (Set-Cookie). */
  headers: [string, string][];
  body: Buffer;
}

const jsonContentType: [string, string] = ['content-type', 'application/json'];

/** API Gateway's own answers (`{"message":"Unauthorized"}` and friends). */
export function gatewayResponse(statusCode: number, message: string, headers: [string, string][] = []): HttpResponse {
  return { statusCode, headers: [jsonContentType, ...headers], body: Buffer.from(JSON.stringify({ message })) };
}

function isStructured(result: unknown): result is { statusCode: unknown; headers?: unknown; body?: unknown; isBase64Encoded?: unknown; cookies?: unknown } {
  return typeof result === 'object' && result !== null && 'statusCode' in result;
}

export function toHttpResponse(result: unknown): HttpResponse {
  if (!isStructured(result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { statusCode: 200, headers: [jsonContentType], body: Buffer.from(body) };
  }
  const { statusCode, headers, body, isBase64Encoded, cookies } = result;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new MalformedResultError(`statusCode ${String(statusCode)} is not an HTTP status`);
  }
  const pairs: [string, string][] = [];
  if (headers !== undefined && headers !== null) {
    if (typeof headers !== 'object') throw new MalformedResultError('headers is not an object');
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || value === null) continue;
      if (!['string', 'number', 'boolean'].includes(typeof value)) throw new MalformedResultError(`header ${name} is not a string, number or boolean`);
      pairs.push([name.toLowerCase(), String(value)]);
    }
  }
  if (cookies !== undefined) {
    if (!Array.isArray(cookies) || cookies.some((c) => typeof c !== 'string')) throw new MalformedResultError('cookies is not a list of strings');
    for (const cookie of cookies as string[]) pairs.push(['set-cookie', cookie]);
  }
  if (body !== undefined && body !== null && typeof body !== 'string') throw new MalformedResultError('body is not a string');
  const text = (body as string | undefined | null) ?? '';
  return { statusCode, headers: pairs, body: isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8') };
}

/** A result API Gateway could not turn into a response; it answers 500 for those. */
export class MalformedResultError extends Error {
  override name = 'MalformedResultError';
}
