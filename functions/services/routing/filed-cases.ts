import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { CaseRecord } from '../../domain/complaints/case';
import { caseFromItem } from '../../store/cases-store';

/**
 * The case a stream record hands the router: the insert of a case item,
 * with the case as the record carries it — routed at filing (the router
 * does the follow-ups) or, for a case stored without a routing, still to be
 * routed. Every other record — timeline events, markers, reports, later
 * changes of a case — is not the router's business.
 *
 * Working on the record's image saves a read per case; a routing write is
 * conditional on the image's version, so if the case has changed since the
 * router reads the case afresh and decides again on what is there.
 */
export function filedCase(record: DynamoDBRecord): CaseRecord | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  if (image.entity?.S !== 'case' || image.caseId?.S === undefined) return undefined;
  return caseFromItem(fromImage(image));
}

/** DynamoDB JSON as Lambda delivers it, to plain values (the attribute types a case item uses). */
export function fromImage(image: Record<string, AttributeValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, fromAttribute(value)]));
}

function fromAttribute(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.M !== undefined) return fromImage(value.M);
  if (value.L !== undefined) return value.L.map(fromAttribute);
  if (value.SS !== undefined) return new Set(value.SS);
  if (value.NS !== undefined) return new Set(value.NS.map(Number));
  if (value.B !== undefined) return Buffer.from(value.B, 'base64');
  throw new Error(`Unknown attribute type in a stream image: ${Object.keys(value).join(', ')}`);
}
