import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../domain/errors';
import { documentDb, tableName } from './client';
import { indexKeys, keys } from './keys';

/**
 * A safety report (SPEC section 3): what a regulator needs to act on a
 * product hazard, and nothing to contact the consumer by.
 */
export interface SafetyReport {
  caseId: string;
  reportedAt: string;
  /** China date of the report. */
  reportedOn: string;
  /** The prefecture whose regulator receives it: the merchant's, else the consumer's, else the province. */
  prefectureCode: string;
  /** The region code the prefecture was taken from (a county where one is known). */
  regionCode: string;
  category: string;
  issue: string;
  merchant: { name: string; creditCode?: string };
  injuryDescription?: string;
  /** When the consumer learned of the harm. */
  harmKnownSince: string;
}

/** One item in the province-wide partition, listed per prefecture by the byRegion index. */
export function safetyReportItem(report: SafetyReport): Record<string, unknown> {
  return {
    ...keys.safetyReport(report.reportedAt, report.caseId),
    ...indexKeys.safetyByRegion(report.prefectureCode, report.reportedAt, report.caseId),
    entity: 'safetyReport',
    ...report,
  };
}

function reportFromItem(item: Record<string, unknown>): SafetyReport {
  const { caseId, reportedAt, reportedOn, prefectureCode, regionCode, category, issue, merchant, injuryDescription, harmKnownSince } = item as unknown as SafetyReport;
  return { caseId, reportedAt, reportedOn, prefectureCode, regionCode, category, issue, merchant, ...(injuryDescription ? { injuryDescription } : {}), harmKnownSince };
}

/** Whose reports: the whole province, one prefecture, or one county (its prefecture's list, filtered). */
export type SafetyReportScope = { kind: 'province' } | { kind: 'prefecture'; prefectureCode: string } | { kind: 'county'; prefectureCode: string; regionCode: string };

type PageKey = Record<string, string>;

const encodeCursor = (key: PageKey) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** A cursor is only ever one we made for this same list; anything else is a 400, never a DynamoDB error. */
function decodeCursor(cursor: string, attributes: readonly string[], partitionAttribute: string, partition: string): PageKey {
  const invalid = () => new ValidationError([{ path: 'cursor', message: 'Not a cursor from this list; start again without one.' }]);
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (key === null || typeof key !== 'object' || Array.isArray(key)) throw invalid();
  const entries = Object.entries(key);
  const sameKeys = entries.length === attributes.length && entries.every(([name, value]) => attributes.includes(name) && typeof value === 'string');
  if (!sameKeys) throw invalid();
  if ((key as PageKey)[partitionAttribute] !== partition) throw invalid();
  return key as PageKey;
}

/** Newest first, `limit` at most per page; a county's pages may come back short, since they are filtered. */
export async function listSafetyReports(scope: SafetyReportScope, page: { limit: number; cursor?: string }): Promise<{ items: SafetyReport[]; cursor?: string }> {
  const byProvince = scope.kind === 'province';
  const partitionAttribute = byProvince ? 'pk' : 'regionPk';
  const partition = byProvince ? keys.safetyReportsOfProvince() : indexKeys.safetyByRegion(scope.prefectureCode, '', '').regionPk;
  const { Items, LastEvaluatedKey } = await documentDb().send(
    new QueryCommand({
      TableName: tableName(),
      ...(byProvince ? {} : { IndexName: 'byRegion' }),
      KeyConditionExpression: '#partition = :partition',
      ...(scope.kind === 'county' ? { FilterExpression: 'regionCode = :region' } : {}),
      ExpressionAttributeNames: { '#partition': partitionAttribute },
      ExpressionAttributeValues: { ':partition': partition, ...(scope.kind === 'county' ? { ':region': scope.regionCode } : {}) },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: page.cursor ? decodeCursor(page.cursor, byProvince ? ['pk', 'sk'] : ['pk', 'sk', 'regionPk', 'regionSk'], partitionAttribute, partition) : undefined,
    }),
  );
  return { items: (Items ?? []).map(reportFromItem), ...(LastEvaluatedKey ? { cursor: encodeCursor(LastEvaluatedKey as PageKey) } : {}) };
}
