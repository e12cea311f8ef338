import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { useStoreClientPlugin } from '../../functions/store/client';

/** What the handlers asked of the table: calls by operation, and the capacity DynamoDB says they consumed. */
export interface StoreMeterReading {
  calls: Record<string, number>;
  /** Items written: one per Put/Update/Delete, one per item of a BatchWrite or TransactWrite. */
  itemsWritten: number;
  /** Items written by kind of item: the key's prefixes, e.g. `CASE/EVENT` for a timeline event. */
  writesByKind: Record<string, number>;
  readUnits: number;
  writeUnits: number;
}

/** Operations that accept `ReturnConsumedCapacity`; table administration does not. */
const metered = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactGetItemsCommand',
  'TransactWriteItemsCommand',
]);

type Keyed = { Item?: Record<string, unknown>; Key?: Record<string, unknown> };

/** The keys of the items a call writes (a ConditionCheck writes nothing). */
function writtenKeys(command: string, input: Record<string, unknown>): Record<string, unknown>[] {
  const keyOf = (write: Keyed | undefined) => (write ? [write.Item ?? write.Key ?? {}] : []);
  if (command === 'PutItemCommand' || command === 'UpdateItemCommand' || command === 'DeleteItemCommand') return keyOf(input as Keyed);
  if (command === 'TransactWriteItemsCommand') {
    const items = (input.TransactItems as { Put?: Keyed; Update?: Keyed; Delete?: Keyed }[] | undefined) ?? [];
    return items.flatMap((item) => keyOf(item.Put ?? item.Update ?? item.Delete));
  }
  if (command === 'BatchWriteItemCommand') {
    const requests = Object.values((input.RequestItems as Record<string, { PutRequest?: Keyed; DeleteRequest?: Keyed }[]> | undefined) ?? {}).flat();
    return requests.flatMap((request) => keyOf(request.PutRequest ?? request.DeleteRequest));
  }
  return [];
}

const prefix = (value: unknown) => String(value ?? '?').split('#')[0];
const kindOf = (key: Record<string, unknown>) => `${prefix(key.pk)}/${prefix(key.sk)}`;

/**
 * Meters every call the store clients make from now on (every store client
 * is made through `functions/store/client.ts`): each call asks DynamoDB for
 * its consumed capacity (`ReturnConsumedCapacity: TOTAL`, indexes included),
 * and the meter adds it up. `reset()` starts a new reading.
 */
export function meterStore(): { read(): StoreMeterReading; reset(): void } {
  const empty = (): StoreMeterReading => ({ calls: {}, itemsWritten: 0, writesByKind: {}, readUnits: 0, writeUnits: 0 });
  let reading = empty();
  useStoreClientPlugin({
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          const command = (context as { commandName?: string }).commandName ?? 'unknown';
          if (!metered.has(command)) return next(args);
          const input = args.input as Record<string, unknown>;
          input.ReturnConsumedCapacity = 'TOTAL';
          const operation = command.replace(/Command$/, '');
          reading.calls[operation] = (reading.calls[operation] ?? 0) + 1;
          const written = writtenKeys(command, input);
          reading.itemsWritten += written.length;
          for (const key of written) reading.writesByKind[kindOf(key)] = (reading.writesByKind[kindOf(key)] ?? 0) + 1;
          const result = await next(args);
          const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
          for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
            reading.readUnits += entry.ReadCapacityUnits ?? 0;
            reading.writeUnits += entry.WriteCapacityUnits ?? 0;
            // DynamoDB Local may answer only CapacityUnits; writes say so by operation.
            if (entry.ReadCapacityUnits === undefined && entry.WriteCapacityUnits === undefined) {
              if (written.length > 0) reading.writeUnits += entry.CapacityUnits ?? 0;
              else reading.readUnits += entry.CapacityUnits ?? 0;
            }
          }
          return result;
        },
        { step: 'initialize', name: 'benchStoreMeter' },
      );
    },
  });
  return {
    read: () => structuredClone(reading),
    reset: () => {
      reading = empty();
    },
  };
}
