import { validComplaint } from '../../fixtures/complaints';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { call, type Answer } from '../../support/http';

/**
 * SPEC section 4: wrong access codes are throttled per client address, never
 * per case. Each test sends from addresses of its own (127.x.y.z), so the
 * limits of one test never reach another.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ streamConsumers: [], web: false });
});
afterAll(() => stack?.stop());

async function file(): Promise<{ caseId: string; accessCode: string }> {
  const filed = await call(stack, 'POST', '/v1/complaints', { body: validComplaint() });
  expect(filed.status).toBe(201);
  return { caseId: filed.body.caseId, accessCode: filed.body.accessCode };
}

const view = (caseId: string, accessCode: string, from: string) => call(stack, 'GET', `/v1/complaints/${caseId}`, { headers: { 'X-Access-Code': accessCode }, from });
const withdraw = (caseId: string, accessCode: string, from: string) =>
  call(stack, 'POST', `/v1/complaints/${caseId}/actions`, { body: { action: 'withdraw' }, headers: { 'X-Access-Code': accessCode }, from });

/**
 * What a stranger can compare: status, body and whether a Retry-After came. The seconds left depend on the
 * client's window alone (and tick by one between two requests), so they are compared as "1 to 900".
 */
const seen = (answer: Answer) => {
  const { retryAfterSeconds, ...body } = answer.body;
  const waitShown = (value: unknown) => value === undefined || (typeof value === 'number' && value >= 1 && value <= 900);
  return { status: answer.status, body, waitShown: waitShown(retryAfterSeconds) && waitShown(answer.headers?.['retry-after'] && Number(answer.headers['retry-after'])), retryAfter: answer.headers?.['retry-after'] !== undefined };
};

describe('access-code throttling per client', () => {
  it('never locks the consumer out of their own case, however often a stranger guesses against it', async () => {
    const victim = await file();
    const attacker = '127.0.1.1';
    for (let i = 0; i < 12; i++) await view(victim.caseId, `WRNG-${String(i).padStart(4, '0')}-0000`, attacker);
    // The attacker is held, even with the right code and for actions ...
    const held = await view(victim.caseId, victim.accessCode, attacker);
    expect(held.status).toBe(429);
    expect(Number(held.headers!['retry-after'])).toBeGreaterThan(0);
    expect(Number(held.headers!['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect((await withdraw(victim.caseId, victim.accessCode, attacker)).status).toBe(429);
    // ... the consumer, from their own address, reads and acts as usual.
    const consumer = '127.0.1.2';
    const own = await view(victim.caseId, victim.accessCode, consumer);
    expect(own.status).toBe(200);
    expect(own.body.caseId).toBe(victim.caseId);
    expect((await withdraw(victim.caseId, victim.accessCode, consumer)).status).toBe(200);
  });

  it('answers a stranger identically for an existing and a made-up case id, before and after the limit', async () => {
    const existing = await file();
    const madeUp = 'HN2611-0000-0000';
    const strangerA = '127.0.2.1';
    const strangerB = '127.0.2.2';
    // Before the limit: the same 404 (two tries each, from two strangers so both sides are compared at the same count).
    for (let i = 0; i < 2; i++) {
      const onExisting = await view(existing.caseId, `WRNG-000${i}-0000`, strangerA);
      const onMadeUp = await view(madeUp, `WRNG-000${i}-0000`, strangerB);
      expect(onExisting.status).toBe(404);
      expect(seen(onExisting)).toEqual(seen(onMadeUp));
    }
    // A made-up id counts like a wrong code: both strangers reach the limit at the fifth try.
    for (let i = 2; i < 5; i++) {
      expect((await view(existing.caseId, `WRNG-000${i}-0000`, strangerA)).status).toBe(404);
      expect((await view(madeUp, `WRNG-000${i}-0000`, strangerB)).status).toBe(404);
    }
    // After the limit: the same 429, for the case that exists and for the one that does not, from either stranger.
    const answers = [view(existing.caseId, 'WRNG-9999-0000', strangerA), view(madeUp, 'WRNG-9999-0000', strangerA), view(existing.caseId, 'WRNG-9999-0000', strangerB), view(madeUp, 'WRNG-9999-0000', strangerB)];
    const after = (await Promise.all(answers)).map(seen);
    expect(after[0]!.status).toBe(429);
    for (const answer of after) expect(answer).toEqual(after[0]);
  });

  it('counts five wrong codes across different case ids as five', async () => {
    const cases = await Promise.all([file(), file(), file()]);
    const prober = '127.0.3.1';
    const tries = [cases[0]!.caseId, cases[1]!.caseId, 'HN2611-1111-1111', cases[2]!.caseId, 'HN2611-2222-2222'];
    for (const caseId of tries) expect((await view(caseId, 'WRNG-0000-0000', prober)).status).toBe(404);
    expect((await view(cases[0]!.caseId, cases[0]!.accessCode, prober)).status).toBe(429);
    expect((await view(cases[0]!.caseId, cases[0]!.accessCode, '127.0.3.2')).status).toBe(200);
  });
});
