import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { signLocalToken, type LocalIdentity } from '../../../bin/local/local-jwt';
import { addDays } from '../../../functions/domain/calendar/dates';
import { chinaDate } from '../../../functions/domain/calendar/working-days';
import { hashAccessCode, newAccessCode } from '../../../functions/domain/complaints/access-code';
import { newCase } from '../../../functions/domain/complaints/case';
import { newCaseId } from '../../../functions/domain/complaints/case-id';
import { parseComplaint } from '../../../functions/domain/complaints/intake-schema';
import { isTimeBarred } from '../../../functions/domain/routing/time-bar';
import { calendar } from '../../../functions/reference';
import { createCase } from '../../../functions/store/cases-store';
import { documentDb } from '../../../functions/store/client';
import { validComplaint } from '../../fixtures/complaints';
import type { TestStack } from '../../support/dynamodb';
import { withVerification } from '../../support/verification';
import { call, creditCodeIn, type Answer, type Json } from '../../support/http';

/** Helpers the routing tests share: HTTP calls on the test stack, tokens, dates and waiting for the router. */

export { call, creditCodeIn, type Answer, type Json };

export const token = (identity: LocalIdentity) => signLocalToken(identity);

/** Today in China time, and days and years before it. */
export const today = () => chinaDate(new Date());
export const daysAgo = (days: number) => addDays(today(), -days);
export function yearsAgo(years: number, extraDays = 0): string {
  const [year, month, day] = today().split('-') as [string, string, string];
  const sameDay = month === '02' && day === '29' ? `${Number(year) - years}-02-28` : `${Number(year) - years}-${month}-${day}`;
  return addDays(sameDay, -extraDays);
}

/**
 * The latest `knownSince` whose 3-year time bar ended before today. With Civil
 * Code art. 203 a bar whose last day is a holiday runs on to the next working
 * day, so "3 years and 1 day ago" is only barred when that day was a working day.
 */
export function justTimeBarredKnownSince(): string {
  let knownSince = yearsAgo(3, 1);
  while (!isTimeBarred(knownSince, today(), calendar)) knownSince = addDays(knownSince, -1);
  return knownSince;
}

/** A GB 32100 credit code for a made-up organisation registered in `regionCode`. */

let phoneSerial = Math.floor(Math.random() * 1e6);

/** A different consumer each time, so no complaint repeats another by accident. */
export function freshPhone(): string {
  phoneSerial += 1;
  return `139${String(phoneSerial % 1e8).padStart(8, '0')}`;
}

/**
 * A realistic complaint with a fresh consumer and order: `merchant`,
 * `consumer`, `purchase` and `claim` are merged into the fixture's, the
 * rest replaces it.
 */
export function complaint(overrides: { consumer?: Json; merchant?: Json; purchase?: Json; claim?: Json; [field: string]: unknown } = {}): Json {
  const base = validComplaint() as Json;
  const { consumer, merchant, purchase, claim, ...rest } = overrides;
  return {
    ...base,
    consumer: { ...base.consumer, phone: freshPhone(), ...consumer },
    merchant: { ...base.merchant, ...merchant },
    purchase: { ...base.purchase, date: daysAgo(20), orderRef: `JD-${Math.random().toString(36).slice(2, 12)}`, ...purchase },
    claim: { ...base.claim, ...claim },
    knownSince: daysAgo(15),
    ...rest,
  };
}

/** A merchant as the consumer names it, with only the fields given (no credit code, region, address or platform otherwise). */
export const merchantNamed = (fields: Json) => ({ creditCode: undefined, regionCode: undefined, address: undefined, platform: undefined, ...fields });

export async function file(stack: TestStack, body: Json): Promise<{ caseId: string; accessCode: string; filedAt: number }> {
  // A disclosure-only complaint needs a verified phone (SPEC section 10): such a filing asks for a code first.
  const filing = (body.claim as Json | undefined)?.type === 'disclosure_only' ? await withVerification(stack, body) : body;
  const filedAt = Date.now();
  const answer = await call(stack, 'POST', '/v1/complaints', { body: filing });
  if (answer.status !== 201) throw new Error(`filing failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { caseId: answer.body.caseId, accessCode: answer.body.accessCode, filedAt };
}

/**
 * A complaint stored as filed but not routed — what a filing leaves when its
 * routing could not be decided (or a case filed before routing moved into
 * the filing): the stream router is the one to route it.
 */
export async function storeUnrouted(body: Json): Promise<{ caseId: string; accessCode: string; filedAt: number }> {
  const now = new Date();
  const accessCode = newAccessCode();
  const input = parseComplaint(body, chinaDate(now), 'zh-CN');
  const { record } = newCase(input, { caseId: newCaseId(chinaDate(now)), now, accessCode: hashAccessCode(accessCode), calendar });
  if ((await createCase(record)).kind !== 'created') throw new Error('case id taken');
  return { caseId: record.caseId, accessCode, filedAt: now.getTime() };
}

export async function view(stack: TestStack, filed: { caseId: string; accessCode: string }): Promise<Json> {
  const answer = await call(stack, 'GET', `/v1/complaints/${filed.caseId}`, { headers: { 'X-Access-Code': filed.accessCode } });
  if (answer.status !== 200) throw new Error(`viewing failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * Polls the consumer's view until the router's decision shows (and, for a
 * refusal, until the case has closed, which follows at once); also says how
 * long after filing the decision showed.
 */
export async function routedView(stack: TestStack, filed: { caseId: string; accessCode: string; filedAt: number }, timeoutMs = 8000): Promise<{ view: Json; afterMs: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await view(stack, filed);
    if (current.routing !== null) {
      const afterMs = Date.now() - filed.filedAt;
      let settled = current;
      // A refusal closes the case at once, and a case on the disclosure step becomes a disclosure candidate at once
      // (SPEC section 6): each is one more change right after routing, so wait for it.
      const oneMoreChange = (v: Json) => v.status === 'not_accepted' || (v.step === 'disclosure' && (v.version as number) < 3);
      while (oneMoreChange(settled) && Date.now() <= deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        settled = await view(stack, filed);
      }
      return { view: settled, afterMs };
    }
    if (Date.now() > deadline) throw new Error(`case ${filed.caseId} was not routed within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function registerMerchant(stack: TestStack, adminToken: string, creditCode: string, entry: Json): Promise<Answer> {
  return call(stack, 'PUT', `/v1/merchants/${creditCode}`, { token: adminToken, body: entry });
}

/** The case ids in one association's queue (the byAssociation index), as a mediator's listing reads them. */
export async function queueOf(stack: TestStack, associationId: string): Promise<string[]> {
  const ids: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentDb().send(
      new QueryCommand({ TableName: stack.tableName, IndexName: 'byAssociation', KeyConditionExpression: 'assocPk = :pk', ExpressionAttributeValues: { ':pk': `ASSOCIATION#${associationId}` }, ExclusiveStartKey }),
    );
    ids.push(...(page.Items ?? []).map((item) => item.caseId as string));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return ids;
}
