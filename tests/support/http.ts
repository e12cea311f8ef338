import { creditCodeCheckSymbol } from '../../functions/domain/complaints/credit-code';
import type { TestStack } from './dynamodb';

/** HTTP on the test stack and small fixtures the integration tests share. */

export type Json = Record<string, any>;

export interface Answer {
  status: number;
  body: Json;
}

export async function call(stack: TestStack, method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const response = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

/** A valid GB 32100 credit code registered in `regionCode`, distinct per `serial`. */
export function creditCodeIn(regionCode: string, serial: string): string {
  const first17 = `91${regionCode}${serial.padStart(9, '0').slice(-9)}`;
  return `${first17}${creditCodeCheckSymbol(first17)}`;
}
