import http from 'node:http';
import { creditCodeCheckSymbol } from '../../functions/domain/complaints/credit-code';
import type { TestStack } from './dynamodb';

/** HTTP on the test stack and small fixtures the integration tests share. */

export type Json = Record<string, any>;

export interface Answer {
  status: number;
  body: Json;
  /** Lower-case names; only on calls made with `from` (other tests compare whole answers). */
  headers?: Record<string, string>;
}

export interface CallOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /**
   * The client address to send from: any 127.x.y.z works on Linux loopback,
   * and the local server hands it to the handler as `sourceIp`, as API
   * Gateway would. Per-client limits are tested with it.
   */
  from?: string;
}

/** One request over node:http, bound to a local address. */
function requestFrom(url: string, method: string, headers: Record<string, string>, body: string | undefined, localAddress: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const answerHeaders = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]));
        resolve({ status: response.statusCode ?? 0, body: text ? (JSON.parse(text) as Json) : {}, headers: answerHeaders });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

export async function call(stack: TestStack, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers = {
    ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    ...options.headers,
  };
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (options.from) return requestFrom(`${stack.baseUrl}${path}`, method, headers, body, options.from);
  const response = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers,
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

/** A valid GB 32100 credit code registered in `regionCode`, distinct per `serial`. */
export function creditCodeIn(regionCode: string, serial: string): string {
  const first17 = `91${regionCode}${serial.padStart(9, '0').slice(-9)}`;
  return `${first17}${creditCodeCheckSymbol(first17)}`;
}
