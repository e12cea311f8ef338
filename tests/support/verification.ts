import { readOutbox } from '../../functions/messaging/outbox';
import type { TestStack } from './dynamodb';
import { call, type Answer, type Json } from './http';

/** A fresh mainland mobile number per call, so the per-phone 60-second limit never links two tests. */
let serial = 0;
export function freshPhone(): string {
  serial += 1;
  return `139${String(process.pid % 10_000).padStart(4, '0')}${String(serial).padStart(4, '0')}`;
}

/** The last code texted to `phone`, read from the stack's outbox as a person on the local stack would. */
export async function lastCodeSentTo(stack: TestStack, phone: string): Promise<string> {
  const sent = (await readOutbox(stack.outboxFile, phone)).filter((m) => m.kind === 'verification');
  const text = sent.at(-1)?.text;
  const code = text?.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no verification code was sent to ${phone}`);
  return code;
}

/** Asks for a code for the complaint's phone: the complaint with its `verification`. */
export async function withVerification(stack: TestStack, complaint: Json): Promise<Json> {
  const phone = (complaint.consumer as Json).phone as string;
  const asked = await call(stack, 'POST', '/v1/verifications', { body: { phone } });
  if (asked.status !== 202) throw new Error(`POST /v1/verifications answered ${asked.status}: ${JSON.stringify(asked.body)}`);
  const code = await lastCodeSentTo(stack, phone);
  return { ...complaint, verification: { verificationId: asked.body.verificationId, code } };
}

/** Files the complaint with a code sent to its phone: a case with `phoneVerified: true`. */
export async function fileVerified(stack: TestStack, complaint: Json, headers: Record<string, string> = {}): Promise<Answer> {
  return call(stack, 'POST', '/v1/complaints', { body: await withVerification(stack, complaint), headers });
}
