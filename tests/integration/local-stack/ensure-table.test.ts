import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { projectedAttributes, tableDefinition, type GlobalIndexDefinition } from '../../../functions/store/table-definition';
import { ensureTable, startDynamoDbLocal } from '../../../bin/local/dynamodb-local';
import { createTestTable, testDynamoDbClient } from '../../support/dynamodb';

/**
 * One table definition feeds CDK and the local stack; `ensureTable` makes a
 * local table match it, and brings an older local table up to date.
 */
let client: DynamoDBClient;
beforeAll(() => {
  client = testDynamoDbClient();
});
afterAll(() => client?.destroy());

const describe_ = async (tableName: string) => (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table!;

/** The projection DynamoDB describes for an index of the definition. */
const describedProjection = ({ projection }: GlobalIndexDefinition) =>
  projection.type === 'INCLUDE' ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...projection.nonKeyAttributes] } : { ProjectionType: projection.type };

it('creates the table from the definition: keys, every index with its projection, stream and TTL', async () => {
  const tableName = await createTestTable({ prefix: 'ensure-new' });
  const table = await describe_(tableName);
  expect(table.KeySchema).toEqual([
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ]);
  const indexes = Object.fromEntries((table.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, g]));
  for (const index of tableDefinition.globalIndexes) {
    expect(indexes[index.indexName]).toMatchObject({
      IndexStatus: 'ACTIVE',
      Projection: describedProjection(index),
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
    });
  }
  expect(Object.keys(indexes)).toHaveLength(tableDefinition.globalIndexes.length);
  expect(table.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
});

it('changes nothing when run again', async () => {
  const tableName = await createTestTable({ prefix: 'ensure-again' });
  const before = await describe_(tableName);
  expect(await ensureTable(client, tableName)).toEqual({ created: false, addedIndexes: [] });
  const after = await describe_(tableName);
  expect(after.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(before.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort());
  expect(after.LatestStreamArn).toBe(before.LatestStreamArn);
});

it('adds the indexes an older local table lacks, and they answer queries', async () => {
  // A DynamoDB Local of its own: the shared one, holding every other test's
  // tables, can take minutes to backfill a new index.
  const own = await startDynamoDbLocal();
  const ownClient = new DynamoDBClient({ endpoint: own.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    const [newest, ...older] = [...tableDefinition.globalIndexes].reverse();
    const tableName = 'ensure-old';
    await ensureTable(ownClient, tableName, { ...tableDefinition, globalIndexes: older.reverse() });
    const describeOwn = async () => (await ownClient.send(new DescribeTableCommand({ TableName: tableName }))).Table!;
    expect((await describeOwn()).GlobalSecondaryIndexes?.map((g) => g.IndexName)).not.toContain(newest!.indexName);

    expect(await ensureTable(ownClient, tableName)).toEqual({ created: false, addedIndexes: [newest!.indexName] });
    const added = (await describeOwn()).GlobalSecondaryIndexes?.find((g) => g.IndexName === newest!.indexName);
    expect(added).toMatchObject({ IndexStatus: 'ACTIVE', Projection: describedProjection(newest!) });

    const { partitionKey, sortKey, projection } = newest!;
    const included = projection.type === 'INCLUDE' ? projection.nonKeyAttributes : [];
    const item = { pk: { S: 'CASE#1' }, sk: { S: 'CASE' }, [partitionKey.name]: { S: 'P' }, [sortKey.name]: { S: 'S' }, ...Object.fromEntries(included.map((name) => [name, { S: 'kept' }])), extra: { S: 'kept' } };
    await ownClient.send(new PutItemCommand({ TableName: tableName, Item: item }));
    const found = await ownClient.send(
      new QueryCommand({ TableName: tableName, IndexName: newest!.indexName, KeyConditionExpression: '#p = :p', ExpressionAttributeNames: { '#p': partitionKey.name }, ExpressionAttributeValues: { ':p': { S: 'P' } } }),
    );
    // The entry holds what the index projects, and nothing else.
    const projected = projectedAttributes(newest!);
    expect(found.Items).toEqual([projected ? Object.fromEntries(Object.entries(item).filter(([name]) => projected.includes(name))) : item]);
  } finally {
    ownClient.destroy();
    await own.stop();
  }
}, 120_000);

it('refuses, with a way out, an index whose keys differ from the definition', async () => {
  const [first, ...rest] = tableDefinition.globalIndexes;
  const wrongKeys = { ...first!, sortKey: { name: 'somethingElse', type: 'S' as const } };
  const tableName = await createTestTable({ prefix: 'ensure-clash', shape: { ...tableDefinition, globalIndexes: [wrongKeys, ...rest] } });
  await expect(ensureTable(client, tableName)).rejects.toThrow(/delete the local table/);
});

it('refuses, with a way out, an index that projects less than the definition', async () => {
  const [first, ...rest] = tableDefinition.globalIndexes;
  const narrower = { ...first!, projection: { type: 'KEYS_ONLY' as const } };
  expect(first!.projection.type).not.toBe('KEYS_ONLY');
  const tableName = await createTestTable({ prefix: 'ensure-narrow', shape: { ...tableDefinition, globalIndexes: [narrower, ...rest] } });
  await expect(ensureTable(client, tableName)).rejects.toThrow(/projects less than .*delete the local table/);
});

it('keeps, on a table made before an index was narrowed, the wider index: it answers the same queries', async () => {
  const narrowed = tableDefinition.globalIndexes.filter((index) => index.projection.type !== 'ALL');
  expect(narrowed.length).toBeGreaterThan(0);
  const older = tableDefinition.globalIndexes.map((index) => ({ ...index, projection: { type: 'ALL' as const } }));
  const tableName = await createTestTable({ prefix: 'ensure-wide', shape: { ...tableDefinition, globalIndexes: older } });
  expect(await ensureTable(client, tableName)).toEqual({ created: false, addedIndexes: [] });
  const indexes = (await describe_(tableName)).GlobalSecondaryIndexes ?? [];
  for (const index of narrowed) expect(indexes.find((g) => g.IndexName === index.indexName)?.Projection).toEqual({ ProjectionType: 'ALL' });
});
