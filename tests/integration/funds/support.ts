import { randomUUID } from 'node:crypto';
import type { TestStack } from '../../support/dynamodb';
import { call, type Answer, type Json } from '../../support/http';

/** Guarantee funds over HTTP (SPEC section 9), for the fund tests and the case tests that need a fund. */
export const putFund = (stack: TestStack, adminToken: string, fundId: string, body: Json): Promise<Answer> => call(stack, 'PUT', `/v1/funds/${fundId}`, { token: adminToken, body });

export const deposit = (stack: TestStack, adminToken: string, fundId: string, body: Json, key: string = randomUUID()): Promise<Answer> =>
  call(stack, 'POST', `/v1/funds/${fundId}/deposits`, { token: adminToken, body, headers: { 'Idempotency-Key': key } });

export const getFund = (stack: TestStack, token: string, fundId: string): Promise<Answer> => call(stack, 'GET', `/v1/funds/${fundId}`, { token });

/** A fund of `associationId` holding `depositFen` (one deposit), registered and funded through the API. */
export async function fundedFund(stack: TestStack, adminToken: string, fundId: string, options: { associationId?: string; perCaseLimitFen?: number; depositFen?: number } = {}): Promise<Json> {
  const registered = await putFund(stack, adminToken, fundId, { name: `测试基金 ${fundId}`, kind: 'guarantee', associationId: options.associationId ?? '410100', perCaseLimitFen: options.perCaseLimitFen ?? 1_000_000 });
  if (registered.status !== 201) throw new Error(`registering fund ${fundId}: ${registered.status} ${JSON.stringify(registered.body)}`);
  if ((options.depositFen ?? 0) > 0) {
    const answer = await deposit(stack, adminToken, fundId, { amountFen: options.depositFen, reference: `initial ${fundId}` });
    if (answer.status !== 201) throw new Error(`depositing into ${fundId}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return (await getFund(stack, adminToken, fundId)).body;
}
