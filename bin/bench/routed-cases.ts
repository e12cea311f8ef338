import { DynamoDBDocumentClient, BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/store/keys';
import { unmeteredClient } from './unmetered-client';

/**
 * Waits until the router has decided every case, reading them with a client
 * no meter sees (the benches' own reads are not the service's), and answers
 * them as last read; a case still unrouted when `patienceMs` runs out comes
 * back without `routing`.
 */
export async function waitUntilRouted<T extends { caseId: string; routing?: unknown }>(
  tableName: string,
  caseIds: readonly string[],
  options: { /** Attributes to read besides `caseId` and `routing`. */ alsoRead?: string; patienceMs: number; pollMs: number },
): Promise<T[]> {
  const client = DynamoDBDocumentClient.from(unmeteredClient());
  const latest = new Map<string, T>();
  const giveUp = Date.now() + options.patienceMs;
  try {
    let waiting = [...caseIds];
    for (;;) {
      for (const item of await readCases<T>(client, tableName, waiting, ['caseId', 'routing', ...(options.alsoRead ? [options.alsoRead] : [])].join(', '))) latest.set(item.caseId, item);
      waiting = waiting.filter((caseId) => !latest.get(caseId)?.routing);
      if (waiting.length === 0 || Date.now() > giveUp) break;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  } finally {
    client.destroy();
  }
  return caseIds.flatMap((caseId) => latest.get(caseId) ?? []);
}

async function readCases<T>(client: DynamoDBDocumentClient, tableName: string, caseIds: readonly string[], projection: string): Promise<T[]> {
  const found: T[] = [];
  for (let start = 0; start < caseIds.length; start += 100) {
    let pending: Record<string, unknown>[] | undefined = caseIds.slice(start, start + 100).map((id) => keys.case(id));
    while (pending && pending.length > 0) {
      const answer: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ProjectionExpression: projection, ConsistentRead: true } } }));
      found.push(...((answer.Responses?.[tableName] ?? []) as T[]));
      pending = answer.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return found;
}
