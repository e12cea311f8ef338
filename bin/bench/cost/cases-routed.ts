import { readOutbox } from '../../../functions/messaging/outbox';
import fs from 'node:fs/promises';
import { waitUntilRouted } from '../routed-cases';

/** Waits (reading with a client no meter sees) until the router has decided every case; a case it never decides fails the bench. */
export async function waitUntilAllRouted(tableName: string, caseIds: readonly string[], patienceMs = 300_000): Promise<void> {
  const cases = await waitUntilRouted<{ caseId: string; routing?: unknown }>(tableName, caseIds, { patienceMs, pollMs: 500 });
  const unrouted = caseIds.length - cases.filter((c) => c.routing).length;
  if (unrouted > 0) throw new Error(`${unrouted} cases were not routed within ${patienceMs / 1000} s`);
}

/** SMS the stack has sent so far (the local outbox file, one JSON line per message). */
export async function smsSentSoFar(outboxFile: string): Promise<number> {
  const text = await fs.readFile(outboxFile, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.includes('"channel":"sms"')).length;
}

/** The verification code texted to `phone`, read from the outbox as a person on the local stack would. */
export async function lastCodeSentTo(outboxFile: string, phone: string): Promise<string> {
  const sent = (await readOutbox(outboxFile, phone)).filter((m) => m.kind === 'verification');
  const code = sent.at(-1)?.text.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no verification code was sent to ${phone}`);
  return code;
}
