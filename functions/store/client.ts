import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The one place the DynamoDB SDK client is made. In Lambda it uses the
 * function's role; on the local stack `DYNAMODB_ENDPOINT` points it at
 * DynamoDB Local with throwaway credentials.
 */
let documentClient: { endpoint: string | undefined; client: DynamoDBDocumentClient } | undefined;

export function dynamoDbClient(): DynamoDBClient {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  return new DynamoDBClient(
    endpoint
      ? { endpoint, region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 5 }
      : { maxAttempts: 5 },
  );
}

/** One client per process; a new one only if the local endpoint changes (benchmarks start fresh DynamoDB Locals). */
export function documentDb(): DynamoDBDocumentClient {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (documentClient?.endpoint !== endpoint) {
    documentClient?.client.destroy();
    documentClient = {
      endpoint,
      client: DynamoDBDocumentClient.from(dynamoDbClient(), { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } }),
    };
  }
  return documentClient!.client;
}

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}
