import { BatchGetItemCommand, type DynamoDBClient, type AttributeValue, type BatchGetItemCommandOutput, type ConsumedCapacity, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { GlobalIndexDefinition } from '../../../functions/store/table-definition';
import { useStoreClientPlugin } from '../../../functions/store/client';
import { transactionWriteUnits, type TransactionAction } from './arithmetic';
import { keysOnlyIndexes, measuredWrite, tableIndexes } from './item-size';
import { excludeFromDuration } from './lambda-meter';
import { unmeteredClient } from '../unmetered-client';

type Item = Record<string, AttributeValue>;
const keyOf = (item: Item) => ({ pk: item.pk!, sk: item.sk! });
const keyText = (key: Item) => `${key.pk?.S}|${key.sk?.S}`;

function actionOf(item: TransactWriteItem): { kind: TransactionAction['kind']; key: Item } | undefined {
  if (item.Put) return { kind: 'Put', key: keyOf(item.Put.Item!) };
  if (item.Update) return { kind: 'Update', key: item.Update.Key! };
  if (item.Delete) return { kind: 'Delete', key: item.Delete.Key! };
  if (item.ConditionCheck) return { kind: 'ConditionCheck', key: item.ConditionCheck.Key! };
  return undefined;
}

/**
 * DynamoDB Local misreports the capacity of TransactWriteItems (a single
 * small Put is reported as 4 units, two small Puts also as 4), while its
 * other operations report what DynamoDB bills. This meter computes a
 * transaction's units from the items' sizes instead: it reads every item
 * the transaction names just before and just after it (with its own client,
 * which no meter sees) and applies `transactionWriteUnits`. The time those
 * reads take is not billed to the Lambda invocation that made the call.
 * It also keeps what DynamoDB Local reported for them (the store meter
 * counted that too), so the stage figures can swap one for the other.
 */
export function meterTransactions(): { read(): { transactions: number; writeUnits: number; writeUnitsIndexesAtStandardRate: number; writeUnitsKeysOnlyIndexes: number; reportedByLocal: number }; reset(): void } {
  let reading = { transactions: 0, writeUnits: 0, writeUnitsIndexesAtStandardRate: 0, writeUnitsKeysOnlyIndexes: 0, reportedByLocal: 0 };
  let raw: DynamoDBClient | undefined;
  const client = () => (raw ??= unmeteredClient());

  async function itemsAt(table: string, keys: Item[]): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    let pending: Item[] | undefined = keys;
    while (pending && pending.length > 0) {
      const answer: BatchGetItemCommandOutput = await client().send(new BatchGetItemCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }));
      for (const item of answer.Responses?.[table] ?? []) found.set(keyText(item), item);
      pending = answer.UnprocessedKeys?.[table]?.Keys;
    }
    return found;
  }

  useStoreClientPlugin({
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          if ((context as { commandName?: string }).commandName !== 'TransactWriteItemsCommand') return next(args);
          // At the build step the document client has marshalled the input.
          const items = (args.input as { TransactItems: TransactWriteItem[] }).TransactItems;
          const table = (items[0]?.Put ?? items[0]?.Update ?? items[0]?.Delete ?? items[0]?.ConditionCheck)?.TableName ?? '';
          const actions = items.map(actionOf).filter((a) => a !== undefined);
          const keys = actions.map((a) => a.key);
          let metering = excludeFromDuration();
          const before = await itemsAt(table, keys);
          metering();
          const result = await next(args);
          metering = excludeFromDuration();
          const after = await itemsAt(table, keys);
          const measured = (indexes: readonly GlobalIndexDefinition[]) => actions.map(({ kind, key }) => measuredWrite(kind, before.get(keyText(key)), after.get(keyText(key)), indexes));
          reading.transactions += 1;
          const reported = (result.output as { ConsumedCapacity?: ConsumedCapacity[] }).ConsumedCapacity ?? [];
          reading.reportedByLocal += reported.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
          const asDefined = measured(tableIndexes);
          reading.writeUnits += transactionWriteUnits(asDefined);
          reading.writeUnitsIndexesAtStandardRate += transactionWriteUnits(asDefined, 'standard');
          reading.writeUnitsKeysOnlyIndexes += transactionWriteUnits(measured(keysOnlyIndexes));
          metering();
          return result;
        },
        { step: 'build', name: 'benchTransactionUnits' },
      );
    },
  });
  return {
    read: () => ({ ...reading }),
    reset: () => {
      reading = { transactions: 0, writeUnits: 0, writeUnitsIndexesAtStandardRate: 0, writeUnitsKeysOnlyIndexes: 0, reportedByLocal: 0 };
    },
  };
}
