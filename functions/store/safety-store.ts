import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RegulatorReach } from '../domain/cases/rights';
import * as z from 'zod';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../domain/validation/cursor';
import { documentDb, tableName } from './client';
import { indexKeys, keys } from './keys';
import { indexes } from './table-definition';

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
/** A regulator's reach (domain/cases/rights.ts), one that reaches something. */
export type SafetyReportScope = Exclude<RegulatorReach, { kind: 'none' }>;

type PageKey = Record<string, string>;
const pageKeySchema = z.record(z.string(), z.string());

/** A cursor is only ever one we made for this same list; anything else is a 400, never a DynamoDB error. */
function decodePageKey(cursor: string, attributes: readonly string[], partitionAttribute: string, partition: string): PageKey {
  const key = decodeCursor(cursor, pageKeySchema);
  const names = Object.keys(key);
  if (names.length !== attributes.length || !names.every((name) => attributes.includes(name)) || key[partitionAttribute] !== partition) throw new InvalidCursorError();
  return key;
}

/** Newest first, `limit` at most per page; a county's pages may come back short, since they are filtered. */
export async function listSafetyReports(scope: SafetyReportScope, page: { limit: number; cursor?: string }): Promise<{ items: SafetyReport[]; cursor?: string }> {
  const byProvince = scope.kind === 'province';
  const partitionAttribute = byProvince ? 'pk' : 'regionPk';
  const partition = byProvince ? keys.safetyReportsOfProvince() : indexKeys.safetyByRegion(scope.prefecture, '', '').regionPk;
  const { Items, LastEvaluatedKey } = await documentDb().send(
    new QueryCommand({
      TableName: tableName(),
      ...(byProvince ? {} : { IndexName: indexes.byRegion.indexName }),
      KeyConditionExpression: '#partition = :partition',
      ...(scope.kind === 'county' ? { FilterExpression: 'regionCode = :region' } : {}),
      ExpressionAttributeNames: { '#partition': partitionAttribute },
      ExpressionAttributeValues: { ':partition': partition, ...(scope.kind === 'county' ? { ':region': scope.county } : {}) },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: page.cursor ? decodePageKey(page.cursor, byProvince ? ['pk', 'sk'] : ['pk', 'sk', 'regionPk', 'regionSk'], partitionAttribute, partition) : undefined,
    }),
  );
  return { items: (Items ?? []).map(reportFromItem), ...(LastEvaluatedKey ? { cursor: encodeCursor(LastEvaluatedKey as PageKey) } : {}) };
}
