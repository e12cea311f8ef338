import { BatchGetItemCommand, type AttributeValue, type BatchGetItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { readOutbox } from '../../../functions/messaging/outbox';
import { keys } from '../../../functions/store/keys';
import fs from 'node:fs/promises';
import { unmeteredClient } from './unmetered-client';


/** Waits (reading with a client no meter sees) until the router has decided every case. */
export async function waitUntilRouted(tableName: string, caseIds: readonly string[], patienceMs = 300_000): Promise<void> {
  const client = unmeteredClient();
  const giveUp = Date.now() + patienceMs;
  try {
    let waiting = [...caseIds];
    while (waiting.length > 0) {
      if (Date.now() > giveUp) throw new Error(`${waiting.length} cases were not routed within ${patienceMs / 1000} s`);
      const unrouted: string[] = [];
      for (let start = 0; start < waiting.length; start += 100) {
        const batch = waiting.slice(start, start + 100);
        let pending: Record<string, AttributeValue>[] | undefined = batch.map((id) => ({ pk: { S: keys.case(id).pk }, sk: { S: 'CASE' } }));
        const routed = new Set<string>();
        while (pending && pending.length > 0) {
          const answer: BatchGetItemCommandOutput = await client.send(new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending, ProjectionExpression: 'caseId, routing', ConsistentRead: true } } }));
          for (const item of answer.Responses?.[tableName] ?? []) if (item.routing) routed.add(item.caseId!.S!);
          pending = answer.UnprocessedKeys?.[tableName]?.Keys;
        }
        unrouted.push(...batch.filter((id) => !routed.has(id)));
      }
      waiting = unrouted;
      if (waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    client.destroy();
  }
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
