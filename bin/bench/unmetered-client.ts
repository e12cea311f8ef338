import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** A client of the bench's DynamoDB Local that no meter sees: for the bench's own reads (waiting, sizing, before and after). */
export const unmeteredClient = () =>
  new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
