import { signLocalToken, type LocalIdentity } from '../../../bin/local/local-jwt';
import { addDays, chinaDate } from '../../../functions/domain/calendar/dates';
import { validComplaint } from '../../fixtures/complaints';
import type { TestStack } from '../../support/dynamodb';
import { fileVerified } from '../../support/verification';
import { call, creditCodeIn, type Answer, type Json } from '../../support/http';

/** Helpers the case tests share: HTTP on the test stack, staff tokens, realistic complaints, waiting for the router. */

export { call, creditCodeIn, type Answer, type Json };

export const tokenFor = (identity: LocalIdentity) => signLocalToken(identity);

/** The staff of the tests: the 郑州 association and bureau handle the fixture's merchant (金水区/中原区, 郑州). */
export async function staffTokens() {
  const [mediator, otherMediator, merchant, otherMerchant, regulator, otherRegulator, provincialRegulator, countyRegulator, admin] = await Promise.all([
    tokenFor({ role: 'mediator', org: '410100' }),
    tokenFor({ role: 'mediator', org: '410700' }),
    tokenFor({ role: 'merchant', merchant: fixtureMerchant }),
    tokenFor({ role: 'merchant', merchant: creditCodeIn('410102', '77') }),
    tokenFor({ role: 'regulator', region: '410100' }),
    tokenFor({ role: 'regulator', region: '410700' }),
    tokenFor({ role: 'regulator', region: '410000' }),
    tokenFor({ role: 'regulator', region: '410102' }),
    tokenFor({ role: 'admin' }),
  ]);
  return { mediator, otherMediator, merchant, otherMerchant, regulator, otherRegulator, provincialRegulator, countyRegulator, admin };
}

export const today = () => chinaDate(new Date());
export const daysAgo = (days: number) => addDays(today(), -days);

/** The credit code the fixture complaint names (a merchant in 中原区, 郑州). */
export const fixtureMerchant = validComplaint().merchant.creditCode;

/** A GB 32100 credit code for a made-up organisation registered in `regionCode`. */

let serial = Math.floor(Math.random() * 1e6);

/**
 * A realistic complaint from a different consumer each time (the router
 * refuses a repeat of an open case as a duplicate). Nested blocks merge
 * into the fixture's; other fields replace it.
 */
export function complaint(overrides: { consumer?: Json; merchant?: Json; purchase?: Json; claim?: Json; [field: string]: unknown } = {}): Json {
  serial += 1;
  const base = validComplaint() as Json;
  const { consumer, merchant, purchase, claim, ...rest } = overrides;
  return {
    ...base,
    consumer: { ...base.consumer, phone: `139${String(serial % 1e8).padStart(8, '0')}`, ...consumer },
    merchant: { ...base.merchant, ...merchant },
    // A recent purchase, so advance-payout rules (at most 90 days old) apply whatever day the tests run.
    purchase: { ...base.purchase, date: daysAgo(20), orderRef: `JD-${serial}-${Math.random().toString(36).slice(2, 8)}`, ...purchase },
    claim: { ...base.claim, ...claim },
    knownSince: daysAgo(15),
    ...rest,
  };
}

export interface Filed {
  caseId: string;
  accessCode: string;
}

/** A disclosure-only complaint needs a verified phone (SPEC section 10): such a filing asks for a code first. */
export async function file(stack: TestStack, body: Json = complaint(), options: { verified?: boolean } = {}): Promise<Filed> {
  const verified = options.verified ?? (body.claim as Json | undefined)?.type === 'disclosure_only';
  const answer = verified ? await fileVerified(stack, body) : await call(stack, 'POST', '/v1/complaints', { body });
  if (answer.status !== 201) throw new Error(`filing failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { caseId: answer.body.caseId, accessCode: answer.body.accessCode };
}

/** The consumer's view once the router (the stream consumer of the test stack) has decided the case. */
export async function routed(stack: TestStack, filed: Filed, timeoutMs = 10_000): Promise<Json> {
  const giveUp = Date.now() + timeoutMs;
  for (;;) {
    const answer = await call(stack, 'GET', `/v1/complaints/${filed.caseId}`, { headers: { 'X-Access-Code': filed.accessCode } });
    if (answer.status === 200 && answer.body.routing !== null) return answer.body;
    if (Date.now() > giveUp) throw new Error(`case ${filed.caseId} was not routed within ${timeoutMs} ms (${answer.status})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Files a complaint and waits for the router. */
export async function fileRouted(stack: TestStack, body: Json = complaint(), options: { verified?: boolean } = {}): Promise<Filed & { view: Json }> {
  const filed = await file(stack, body, options);
  return { ...filed, view: await routed(stack, filed) };
}

export const staffView = (stack: TestStack, caseId: string, token: string) => call(stack, 'GET', `/v1/cases/${caseId}`, { token });

export const act = (stack: TestStack, caseId: string, token: string, body: Json) => call(stack, 'POST', `/v1/cases/${caseId}/actions`, { token, body });

export const consumerAct = (stack: TestStack, filed: Filed, body: Json, accessCode = filed.accessCode) =>
  call(stack, 'POST', `/v1/complaints/${filed.caseId}/actions`, { body, headers: { 'X-Access-Code': accessCode } });

export const runJob = (stack: TestStack, token: string, job: string, body?: Json) => call(stack, 'POST', `/v1/admin/jobs/${job}`, { token, ...(body ? { body } : {}) });

export async function registerMerchant(stack: TestStack, adminToken: string, creditCode: string, entry: Json): Promise<void> {
  const answer = await call(stack, 'PUT', `/v1/merchants/${creditCode}`, { token: adminToken, body: entry });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`registering ${creditCode} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}
