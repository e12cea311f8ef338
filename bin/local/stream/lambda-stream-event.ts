import type { AttributeValue as SdkAttributeValue, _Record as SdkStreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';

/**
 * A record from the DynamoDB Streams API as Lambda's event source mapping
 * hands it to a function: same fields, creation time in epoch seconds,
 * binary values base64-encoded (the SDK gives bytes).
 */
export function toLambdaAttribute(value: SdkAttributeValue): AttributeValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.M !== undefined) return { M: toLambdaImage(value.M) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaAttribute) };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  throw new Error(`unknown attribute value type: ${Object.keys(value).join(', ')}`);
}

export function toLambdaImage(image: Record<string, SdkAttributeValue>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaAttribute(value)]));
}

export function toLambdaRecord(record: SdkStreamRecord, eventSourceArn: string): DynamoDBRecord {
  const stream = record.dynamodb ?? {};
  const lambdaRecord: DynamoDBRecord = {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion,
    dynamodb: {
      ApproximateCreationDateTime: stream.ApproximateCreationDateTime ? Math.floor(stream.ApproximateCreationDateTime.getTime() / 1000) : undefined,
      Keys: stream.Keys ? toLambdaImage(stream.Keys) : undefined,
      NewImage: stream.NewImage ? toLambdaImage(stream.NewImage) : undefined,
      OldImage: stream.OldImage ? toLambdaImage(stream.OldImage) : undefined,
      SequenceNumber: stream.SequenceNumber,
      SizeBytes: stream.SizeBytes,
      StreamViewType: stream.StreamViewType,
    },
    eventSourceARN: eventSourceArn,
  };
  // TTL deletions carry who deleted the item.
  if (record.userIdentity) lambdaRecord.userIdentity = { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId };
  return dropUndefined(lambdaRecord);
}

function dropUndefined<T extends object>(record: T): T {
  return JSON.parse(JSON.stringify(record)) as T;
}
