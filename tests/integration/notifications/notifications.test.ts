import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { readOutbox } from '../../../functions/messaging/outbox';
import { notifyCaseChange } from '../../../functions/services/notifications/notify-change';
import { getCase } from '../../../functions/store/cases-store';
import { validComplaint } from '../../fixtures/complaints';
import { startTestStack, temporaryDirectory, type TestStack } from '../../support/dynamodb';
import { call, type Json } from '../../support/http';
import { freshPhone } from '../../support/verification';
import { act, complaint, consumerAct, fileRouted, tokenFor } from '../cases/support';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ web: false });
});
afterAll(() => stack?.stop());

async function outboxEventually(to: string, done: (messages: Json[]) => boolean, timeoutMs = 4000): Promise<Json[]> {
  const giveUp = Date.now() + timeoutMs;
  for (;;) {
    const messages = (await readOutbox(stack.outboxFile, to)) as unknown as Json[];
    if (done(messages) || Date.now() > giveUp) return messages;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function complaintFrom(phone: string, email: string) {
  return validComplaint({ consumer: { ...validComplaint().consumer, phone, email } });
}

describe('notifications on the local stack (stream consumer -> outbox)', () => {
  it('tells the consumer the case was filed and accepted, by SMS and e-mail, within seconds, never with the access code', async () => {
    const phone = freshPhone();
    const email = `c${phone}@example.cn`;
    const started = Date.now();
    const filed = await call(stack, 'POST', '/v1/complaints', { body: complaintFrom(phone, email) });
    expect(filed.status).toBe(201);
    const sms = await outboxEventually(phone, (m) => m.some((x) => x.kind === 'accepted'));
    expect(Date.now() - started).toBeLessThan(4000);
    expect(sms.map((m) => m.kind)).toEqual(['filed', 'accepted']);
    expect(sms[0]!.text).toContain(filed.body.caseId);
    const mails = await outboxEventually(email, (m) => m.length >= 2);
    expect(mails.map((m) => [m.channel, m.kind])).toEqual([['email', 'filed'], ['email', 'accepted']]);
    for (const message of [...sms, ...mails]) {
      expect(JSON.stringify(message)).not.toContain(filed.body.accessCode);
      expect(JSON.stringify(message)).not.toContain(filed.body.accessCode.replace(/-/g, ''));
    }
  });

  it('speaks English to a consumer who filed in English', async () => {
    const phone = freshPhone();
    await call(stack, 'POST', '/v1/complaints', { body: complaintFrom(phone, `e${phone}@example.cn`), headers: { 'Accept-Language': 'en' } });
    const [first] = await outboxEventually(phone, (m) => m.length >= 1);
    expect(first).toMatchObject({ kind: 'filed', lang: 'en' });
    expect(first!.text).toMatch(/^Redress: complaint /);
  });
});

describe('mute_sms (SPEC section 10)', () => {
  it('stops SMS for the case: the next change reaches the consumer by e-mail only', async () => {
    const phone = freshPhone();
    const email = `m${phone}@example.cn`;
    const filed = await fileRouted(stack, complaint({ consumer: { phone, email } }));
    const smsBefore = await outboxEventually(phone, (m) => m.some((x) => x.kind === 'accepted'));
    expect(smsBefore.map((m) => m.kind)).toEqual(['filed', 'accepted']);

    const muted = await consumerAct(stack, filed, { action: 'mute_sms' });
    expect(muted.status).toBe(200);
    expect(muted.body).toMatchObject({ status: 'accepted', step: 'mediation', smsMuted: true, allowedActions: ['withdraw', 'add_info'] });
    expect(muted.body.timeline.at(-1)).toMatchObject({ actor: 'consumer', type: 'mute_sms', reason: { code: 'mute_sms' } });
    // Muted once: a second mute is refused, not applied again.
    const again = await consumerAct(stack, filed, { action: 'mute_sms' });
    expect(again).toMatchObject({ status: 409, body: { error: 'action_not_allowed', allowedActions: ['withdraw', 'add_info'] } });

    const mediator = await tokenFor({ role: 'mediator', org: '410100' });
    const offered = await act(stack, filed.caseId, mediator, { action: 'propose_offer', expectedVersion: muted.body.version, amountFen: 50000, terms: '退款 500 元。' });
    expect(offered.status).toBe(200);
    const mails = await outboxEventually(email, (m) => m.some((x) => x.kind === 'offer'));
    expect(mails.map((m) => [m.channel, m.kind])).toEqual([['email', 'filed'], ['email', 'accepted'], ['email', 'offer']]);
    // The offer's e-mail went out, so its SMS would have too: the phone got nothing after the mute.
    expect((await readOutbox(stack.outboxFile, phone)).map((m) => m.kind)).toEqual(['filed', 'accepted']);
  });
});

describe('exactly once (DynamoDB Local)', () => {
  it('sends nothing again when the same change is delivered twice', async () => {
    const phone = freshPhone();
    const filed = await call(stack, 'POST', '/v1/complaints', { body: complaintFrom(phone, `x${phone}@example.cn`) });
    await outboxEventually(phone, (m) => m.some((x) => x.kind === 'accepted'));
    const routed = (await getCase(filed.body.caseId))!;
    const before = (await readOutbox(stack.outboxFile, phone)).length;
    // The stream delivers the insert (routed at filing) again: every message of it is skipped (filed and accepted, each by SMS and e-mail).
    expect(routed.version).toBe(2);
    expect(await notifyCaseChange(undefined, routed)).toEqual({ sent: 0, skipped: 4 });
    expect((await readOutbox(stack.outboxFile, phone)).length).toBe(before);
  });

  it('a failed send is retried and then sent once', async () => {
    const phone = freshPhone();
    const filed = await call(stack, 'POST', '/v1/complaints', { body: complaintFrom(phone, `y${phone}@example.cn`) });
    await outboxEventually(phone, (m) => m.some((x) => x.kind === 'accepted'));
    const record = (await getCase(filed.body.caseId))!;
    const after = { ...record, version: record.version + 1000, status: 'closed' as const, deadline: { kind: 'rating' as const, date: '2099-01-01' } };
    const before = { ...record, version: record.version + 999 };
    const good = stack.outboxFile;
    const scratch = await temporaryDirectory();
    try {
      // An outbox that is a directory: every append fails, as an SNS outage would.
      process.env.OUTBOX_FILE = path.join(scratch.dir, 'broken');
      await mkdir(process.env.OUTBOX_FILE);
      await expect(notifyCaseChange(before, after)).rejects.toThrow();
    } finally {
      process.env.OUTBOX_FILE = good;
      await scratch.remove();
    }
    expect(await notifyCaseChange(before, after)).toEqual({ sent: 2, skipped: 0 });
    expect(await notifyCaseChange(before, after)).toEqual({ sent: 0, skipped: 2 });
    const invitations = (await readOutbox(stack.outboxFile, phone)).filter((m) => m.kind === 'rating_invitation');
    expect(invitations).toHaveLength(1);
  });
});

describe('GET /v1/admin/outbox (local stack)', () => {
  it('shows an admin what was sent to one address; others may not look', async () => {
    const phone = freshPhone();
    await call(stack, 'POST', '/v1/verifications', { body: { phone } });
    const [admin, mediator] = await Promise.all([tokenFor({ role: 'admin' }), tokenFor({ role: 'mediator', org: '410100' })]);
    const answer = await call(stack, 'GET', `/v1/admin/outbox?to=${phone}`, { token: admin });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ to: phone, messages: [expect.objectContaining({ channel: 'sms', to: phone, kind: 'verification', text: expect.stringMatching(/\d{6}/) })] });
    expect((await call(stack, 'GET', `/v1/admin/outbox?to=${phone}`, { token: mediator })).status).toBe(403);
    expect((await call(stack, 'GET', `/v1/admin/outbox?to=${phone}`)).status).toBe(401);
    expect((await call(stack, 'GET', '/v1/admin/outbox', { token: admin })).status).toBe(400);
  });
});
