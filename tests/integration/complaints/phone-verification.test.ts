import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb } from '../../../functions/store/client';
import { readOutbox } from '../../../functions/messaging/outbox';
import { consumeVerification, requestVerification } from '../../../functions/services/verification/phone-verification';
import { validComplaint } from '../../fixtures/complaints';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { call } from '../../support/http';
import { fileVerified, freshPhone, lastCodeSentTo } from '../../support/verification';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ streamConsumers: [], web: false });
});
afterAll(() => stack?.stop());

const t0 = new Date('2026-11-20T02:00:00Z'); // 10:00 China time
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const client = (address = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) => ({ address, lang: 'zh-CN' as const });

async function codeFor(phone: string) {
  return lastCodeSentTo(stack, phone);
}

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { status: number; headers: Record<string, string>; issues?: { path: string }[] };
  }
  throw new Error('expected a refusal');
}

describe('sending codes (limits at their boundaries, clock injected)', () => {
  it('texts a 6-digit code that never appears in the table, and allows the next send to the same phone after exactly 60 s', async () => {
    const phone = freshPhone();
    const me = client();
    await requestVerification(phone, me, t0);
    const sms = (await readOutbox(stack.outboxFile, phone)).at(-1)!;
    expect(sms).toMatchObject({ channel: 'sms', to: phone, kind: 'verification' });
    expect([...sms.text].length).toBeLessThanOrEqual(70);
    const code = sms.text.match(/\d{6}/)![0];
    const items = await documentDb().send(new ScanCommand({ TableName: stack.tableName }));
    expect(JSON.stringify(items.Items)).not.toContain(code);

    const early = await rejection(requestVerification(phone, me, at(59)));
    expect(early.status).toBe(429);
    expect(early.headers['Retry-After']).toBe('1');
    await expect(requestVerification(phone, me, at(60))).resolves.toEqual({ verificationId: expect.any(String) });
  });

  it('sends at most 10 codes per phone per China day, then answers with the seconds until China midnight', async () => {
    const phone = freshPhone();
    for (let i = 0; i < 10; i++) await requestVerification(phone, client(), at(i * 60));
    const eleventh = await rejection(requestVerification(phone, client(), at(600)));
    expect(eleventh.status).toBe(429);
    // 10:10 China time: 13 h 50 min to midnight.
    expect(eleventh.headers['Retry-After']).toBe(String(13 * 3600 + 50 * 60));
    // The next China day (16:00 UTC is midnight in China) the phone may ask again.
    await expect(requestVerification(phone, client(), new Date('2026-11-20T16:00:00Z'))).resolves.toBeDefined();
  });

  it('sends at most 20 codes per client address per day, whatever the phones', async () => {
    const me = client('192.0.2.7');
    for (let i = 0; i < 20; i++) await requestVerification(freshPhone(), me, t0);
    const refused = await rejection(requestVerification(freshPhone(), me, t0));
    expect(refused.status).toBe(429);
    await expect(requestVerification(freshPhone(), client('192.0.2.8'), t0)).resolves.toBeDefined();
  });

  it('a refused send changes nothing: it neither counts nor sends', async () => {
    const phone = freshPhone();
    await requestVerification(phone, client(), t0);
    await rejection(requestVerification(phone, client(), at(30)));
    expect((await readOutbox(stack.outboxFile, phone)).length).toBe(1);
  });
});

describe('using a code (clock injected)', () => {
  it('accepts the right code up to the last second of its 10 minutes, and only once', async () => {
    const phone = freshPhone();
    const { verificationId } = await requestVerification(phone, client(), t0);
    const code = await codeFor(phone);
    await expect(consumeVerification({ verificationId, code }, phone, 'a', at(599), 'en')).resolves.toBeUndefined();
    const again = await rejection(consumeVerification({ verificationId, code }, phone, 'b', at(600), 'en'));
    expect(again.status).toBe(400);
    expect(again.issues?.map((i) => i.path)).toEqual(['verification']);
  });

  it('refuses a code at 10 minutes', async () => {
    const phone = freshPhone();
    const { verificationId } = await requestVerification(phone, client(), t0);
    const expired = await rejection(consumeVerification({ verificationId, code: await codeFor(phone) }, phone, 'a', at(600), 'en'));
    expect(expired.status).toBe(400);
  });

  it('accepts the right code after 4 wrong tries but not after 5', async () => {
    const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (const wrongTries of [4, 5]) {
      const phone = freshPhone();
      const { verificationId } = await requestVerification(phone, client(), t0);
      const code = await codeFor(phone);
      for (let i = 0; i < wrongTries; i++) await rejection(consumeVerification({ verificationId, code: wrongOf(code) }, phone, 'x', at(10), 'en'));
      const right = consumeVerification({ verificationId, code }, phone, 'x', at(20), 'en');
      if (wrongTries === 4) await expect(right).resolves.toBeUndefined();
      else expect((await rejection(right)).status).toBe(400);
    }
  });

  it('refuses the right code for another phone', async () => {
    const phone = freshPhone();
    const { verificationId } = await requestVerification(phone, client(), t0);
    expect((await rejection(consumeVerification({ verificationId, code: await codeFor(phone) }, freshPhone(), 'x', at(1), 'en'))).status).toBe(400);
  });
});

describe('POST /v1/verifications and verified filings', () => {
  it('answers 202 with a verification id, then 429 with Retry-After for the same phone', async () => {
    const phone = freshPhone();
    const first = await call(stack, 'POST', '/v1/verifications', { body: { phone } });
    expect(first).toEqual({ status: 202, body: { verificationId: expect.any(String) } });
    const response = await fetch(`${stack.baseUrl}/v1/verifications`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone }) });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('names every bad field', async () => {
    const answer = await call(stack, 'POST', '/v1/verifications', { body: { phone: '123', extra: 1 } });
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['extra', 'phone']);
  });

  it('a filing with the right code shows phoneVerified; without one, phoneVerified is false', async () => {
    const phone = freshPhone();
    const filed = await fileVerified(stack, validComplaint({ consumer: { ...validComplaint().consumer, phone } }));
    expect(filed.status).toBe(201);
    const view = await call(stack, 'GET', `/v1/complaints/${filed.body.caseId}`, { headers: { 'X-Access-Code': filed.body.accessCode } });
    expect(view.body.phoneVerified).toBe(true);

    const plain = await call(stack, 'POST', '/v1/complaints', { body: validComplaint() });
    const plainView = await call(stack, 'GET', `/v1/complaints/${plain.body.caseId}`, { headers: { 'X-Access-Code': plain.body.accessCode } });
    expect(plainView.body.phoneVerified).toBe(false);
  });

  it('a wrong code, or a code for another phone, is a 400 naming verification', async () => {
    const phone = freshPhone();
    const asked = await call(stack, 'POST', '/v1/verifications', { body: { phone } });
    const code = await codeFor(phone);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const bad = await call(stack, 'POST', '/v1/complaints', { body: validComplaint({ consumer: { ...validComplaint().consumer, phone }, verification: { verificationId: asked.body.verificationId, code: wrong } }) });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ path: 'verification', message: expect.any(String) }]);
    const otherPhone = await call(stack, 'POST', '/v1/complaints', { body: validComplaint({ verification: { verificationId: asked.body.verificationId, code } }) });
    expect(otherPhone.status).toBe(400);
    expect(otherPhone.body.issues[0].path).toBe('verification');
  });

  it('a disclosure-only complaint needs a verified phone', async () => {
    const complaint = validComplaint({ consumer: { ...validComplaint().consumer, phone: freshPhone() }, claim: { type: 'disclosure_only' } });
    const unverified = await call(stack, 'POST', '/v1/complaints', { body: complaint });
    expect(unverified.status).toBe(400);
    expect(unverified.body.issues.map((i: { path: string }) => i.path)).toContain('verification');
    expect((await fileVerified(stack, complaint)).status).toBe(201);
  });

  it('a retried verified filing (same Idempotency-Key) gets the first answer, though the code is used', async () => {
    const phone = freshPhone();
    const complaint = validComplaint({ consumer: { ...validComplaint().consumer, phone } });
    const asked = await call(stack, 'POST', '/v1/verifications', { body: { phone } });
    const body = { ...complaint, verification: { verificationId: asked.body.verificationId, code: await codeFor(phone) } };
    const headers = { 'Idempotency-Key': `retry-${phone}` };
    const first = await call(stack, 'POST', '/v1/complaints', { body, headers });
    const retry = await call(stack, 'POST', '/v1/complaints', { body, headers });
    expect(first.status).toBe(201);
    expect(retry).toEqual(first);
  });
});
