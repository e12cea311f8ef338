import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
  type Projection,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition, type GlobalIndexDefinition, type KeyAttribute } from '../../functions/store/table-definition';
import { LocalStackError } from './local-stack-error';

/** The parts of `functions/store/table-definition.ts` a table is made from (a parameter so tests can start from an older shape). */
export interface TableShape {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  timeToLiveAttribute: string;
  streamView: 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'KEYS_ONLY';
  globalIndexes: readonly GlobalIndexDefinition[];
}

export interface EnsureTableResult {
  created: boolean;
  /** Indexes that were missing on an existing table and have been added. */
  addedIndexes: string[];
}

const waitTimeoutMs = 60_000;

/**
 * Makes `tableName` match the table definition: creates it (keys, every GSI
 * with its projection, stream, TTL), or on an existing table adds the GSIs it
 * lacks, one UpdateTable at a time as DynamoDB requires. Idempotent and safe
 * when two processes race to create the same table. An existing index that
 * projects more than the definition is kept (it answers the same queries);
 * one that projects less is refused.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, shape: TableShape = tableDefinition): Promise<EnsureTableResult> {
  let table = await describe(client, tableName);
  let created = false;
  if (!table) {
    created = await createTable(client, tableName, shape);
    table = await waitUntilActive(client, tableName);
  }

  const addedIndexes: string[] = [];
  for (const index of shape.globalIndexes) {
    const existing = table.GlobalSecondaryIndexes?.find((g) => g.IndexName === index.indexName);
    if (existing) {
      assertSameKeys(tableName, index, existing.KeySchema ?? []);
      assertProjectsEnough(tableName, index, existing.Projection ?? {});
      continue;
    }
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions([index.partitionKey, index.sortKey]),
        GlobalSecondaryIndexUpdates: [{ Create: globalIndex(index) }],
      }),
    );
    table = await waitUntilActive(client, tableName);
    addedIndexes.push(index.indexName);
  }

  if (!table.StreamSpecification?.StreamEnabled) {
    await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: shape.streamView } }));
    await waitUntilActive(client, tableName);
  }
  await ensureTimeToLive(client, tableName, shape.timeToLiveAttribute);
  return { created, addedIndexes };
}

async function createTable(client: DynamoDBClient, tableName: string, shape: TableShape): Promise<boolean> {
  const keys = [shape.partitionKey, shape.sortKey, ...shape.globalIndexes.flatMap((g) => [g.partitionKey, g.sortKey])];
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions(keys),
        KeySchema: keySchema(shape.partitionKey, shape.sortKey),
        GlobalSecondaryIndexes: shape.globalIndexes.length > 0 ? shape.globalIndexes.map(globalIndex) : undefined,
        StreamSpecification: { StreamEnabled: true, StreamViewType: shape.streamView },
      }),
    );
    return true;
  } catch (error) {
    // Someone else created it between our describe and create.
    if (error instanceof ResourceInUseException) return false;
    throw error;
  }
}

async function ensureTimeToLive(client: DynamoDBClient, tableName: string, attributeName: string): Promise<void> {
  const { TimeToLiveDescription: ttl } = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING') return;
  await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: attributeName } }));
}

function attributeDefinitions(attributes: readonly KeyAttribute[]): AttributeDefinition[] {
  return [...new Map(attributes.map((a) => [a.name, { AttributeName: a.name, AttributeType: a.type }])).values()];
}

function keySchema(partitionKey: KeyAttribute, sortKey: KeyAttribute): KeySchemaElement[] {
  return [
    { AttributeName: partitionKey.name, KeyType: 'HASH' },
    { AttributeName: sortKey.name, KeyType: 'RANGE' },
  ];
}

function projectionOf(index: GlobalIndexDefinition): Projection {
  const { projection } = index;
  return projection.type === 'INCLUDE' ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...projection.nonKeyAttributes] } : { ProjectionType: projection.type };
}

function globalIndex(index: GlobalIndexDefinition): GlobalSecondaryIndex {
  return { IndexName: index.indexName, KeySchema: keySchema(index.partitionKey, index.sortKey), Projection: projectionOf(index) };
}

const recreate = 'an index cannot be changed in place, so delete the local table (or .data/dynamodb/) and start again.';

function assertSameKeys(tableName: string, index: GlobalIndexDefinition, actual: KeySchemaElement[]): void {
  const expected = keySchema(index.partitionKey, index.sortKey);
  const same = expected.every((e) => actual.some((a) => a.AttributeName === e.AttributeName && a.KeyType === e.KeyType)) && actual.length === expected.length;
  if (!same) throw new LocalStackError(`Index ${index.indexName} of local table ${tableName} has other keys than functions/store/table-definition.ts; ${recreate}`);
}

/** A table made before an index was narrowed keeps its wider index: it costs more on AWS, but locally it answers every query the narrow one does. */
function assertProjectsEnough(tableName: string, index: GlobalIndexDefinition, actual: Projection): void {
  const wanted = index.projection;
  const enough =
    actual.ProjectionType === 'ALL' ||
    wanted.type === 'KEYS_ONLY' ||
    (wanted.type === 'INCLUDE' && actual.ProjectionType === 'INCLUDE' && wanted.nonKeyAttributes.every((name) => actual.NonKeyAttributes?.includes(name)));
  if (!enough) throw new LocalStackError(`Index ${index.indexName} of local table ${tableName} projects less than functions/store/table-definition.ts; ${recreate}`);
}


async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<TableDescription> {
  const deadline = Date.now() + waitTimeoutMs;
  for (;;) {
    const table = await describe(client, tableName);
    const indexesActive = (table?.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE');
    if (table?.TableStatus === 'ACTIVE' && indexesActive) return table;
    if (Date.now() > deadline) throw new Error(`table ${tableName} did not become ACTIVE within ${waitTimeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
