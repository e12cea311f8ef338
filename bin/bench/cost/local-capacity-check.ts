import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type ConsumedCapacity,
} from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../local/dynamodb-local';
import { plainWriteUnits, readUnits, transactionWriteUnits, writeUnits } from './arithmetic';
import { itemBytes, measuredWrite, tableIndexes } from './item-size';
import { unmeteredClient } from '../unmetered-client';

export interface CapacityCheck {
  operation: string;
  reported: number;
  billed: number;
}

/**
 * Does DynamoDB Local report what DynamoDB bills? One call of each metered
 * operation on a scratch table with the real table's indexes, its reported
 * capacity beside the units DynamoDB's rules give for the same items.
 */
export async function checkLocalCapacity(): Promise<CapacityCheck[]> {
  const client = unmeteredClient();
  const TableName = 'bench-capacity-check';
  await ensureTable(client, TableName);
  const R = 'TOTAL' as const;
  const units = (c: ConsumedCapacity | ConsumedCapacity[] | undefined) => [c ?? []].flat().reduce((sum, e) => sum + (e.CapacityUnits ?? 0), 0);
  // A 3 KB item in two indexes that project it whole and one that projects keys only, and two small items in none.
  const big: Record<string, AttributeValue> = { pk: { S: 'A' }, sk: { S: 'A' }, text: { S: 'x'.repeat(3000) }, monthPk: { S: 'M' }, monthSk: { S: '1' }, regionPk: { S: 'R' }, regionSk: { S: '1' }, duePk: { S: 'D' }, dueSk: { S: '1' } };
  const updated = { ...big, n: { N: '1' } };
  const small = (id: string): Record<string, AttributeValue> => ({ pk: { S: id }, sk: { S: id } });
  const size = itemBytes(big);
  const updatedSize = itemBytes(updated);
  const smallSize = itemBytes(small('B'));
  const key = { pk: big.pk!, sk: big.sk! };
  const checks: CapacityCheck[] = [];
  const check = (operation: string, reported: number, billed: number) => checks.push({ operation, reported, billed });
  try {
    check('PutItem', units((await client.send(new PutItemCommand({ TableName, Item: big, ReturnConsumedCapacity: R }))).ConsumedCapacity), plainWriteUnits(measuredWrite('Put', undefined, big, tableIndexes)));
    check('GetItem', units((await client.send(new GetItemCommand({ TableName, Key: key, ReturnConsumedCapacity: R }))).ConsumedCapacity), readUnits(size, 'eventual'));
    check('GetItem consistent', units((await client.send(new GetItemCommand({ TableName, Key: key, ConsistentRead: true, ReturnConsumedCapacity: R }))).ConsumedCapacity), readUnits(size, 'strong'));
    const query = new QueryCommand({ TableName, IndexName: 'byMonth', KeyConditionExpression: 'monthPk = :m', ExpressionAttributeValues: { ':m': { S: 'M' } }, ReturnConsumedCapacity: R });
    check('Query (index)', units((await client.send(query)).ConsumedCapacity), readUnits(size, 'eventual'));
    const update = new UpdateItemCommand({ TableName, Key: key, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { N: '1' } }, ReturnConsumedCapacity: R });
    check('UpdateItem', units((await client.send(update)).ConsumedCapacity), plainWriteUnits(measuredWrite('Update', big, updated, tableIndexes)));
    const batchWrite = new BatchWriteItemCommand({ RequestItems: { [TableName]: [{ PutRequest: { Item: small('B') } }, { PutRequest: { Item: small('C') } }] }, ReturnConsumedCapacity: R });
    check('BatchWriteItem', units((await client.send(batchWrite)).ConsumedCapacity), 2 * writeUnits(smallSize));
    const batchGet = new BatchGetItemCommand({ RequestItems: { [TableName]: { Keys: [key, small('B')] } }, ReturnConsumedCapacity: R });
    check('BatchGetItem', units((await client.send(batchGet)).ConsumedCapacity), readUnits(updatedSize, 'eventual') + readUnits(smallSize, 'eventual'));
    const transactGet = new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName, Key: key } }], ReturnConsumedCapacity: R });
    check('TransactGetItems', units((await client.send(transactGet)).ConsumedCapacity), readUnits(updatedSize, 'transactional'));
    const transactWrite = new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName, Item: small('D') } }], ReturnConsumedCapacity: R });
    check('TransactWriteItems', units((await client.send(transactWrite)).ConsumedCapacity), transactionWriteUnits([{ kind: 'Put', afterBytes: smallSize, indexes: [] }]));
    check('DeleteItem', units((await client.send(new DeleteItemCommand({ TableName, Key: key, ReturnConsumedCapacity: R }))).ConsumedCapacity), plainWriteUnits(measuredWrite('Delete', updated, undefined, tableIndexes)));
  } finally {
    client.destroy();
  }
  return checks;
}

export function printCapacityCheck(checks: readonly CapacityCheck[]): void {
  console.log('\nDynamoDB Local\'s ConsumedCapacity against DynamoDB\'s billing rules (one call each; a 3 KB item in two indexes of all attributes and one of keys only)');
  for (const c of checks) {
    const verdict = c.reported === c.billed ? 'as billed: metered from the report' : 'MISREPORTED: the bench computes these units from item sizes';
    console.log(`  ${c.operation.padEnd(20)} reported ${String(c.reported).padStart(5)}  billed ${String(c.billed).padStart(5)}  ${verdict}`);
  }
}
